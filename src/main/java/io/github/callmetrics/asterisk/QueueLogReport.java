package io.github.callmetrics.asterisk;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.internal.Text;
import io.github.callmetrics.read.ReadReport;
import io.github.callmetrics.read.SkippedRecord;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code queue_log} read did: the {@link ReadReport} (calls delivered, lines skipped), the calls
 * whose end is not in the log ({@link #incomplete()}), the calls whose start is not in the log
 * ({@link #startedBeforeLog()}), and each queue's Asterisk counters ({@link #queueStats()}).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class QueueLogReport {
  private final ReadReport read;
  private final List<IncompleteCall> incomplete;
  private final List<String> startedBeforeLog;
  private final Map<String, AsteriskQueueStats> queueStats;
  private final List<SkippedRecord> timeReversals;
  private final List<SkippedRecord> ambiguousTimes;
  private final List<SkippedRecord> notices;
  private final long repeatedLines;
  private final Map<String, Long> ignoredEvents;

  private QueueLogReport(ReadReport read, List<IncompleteCall> incomplete, List<String> startedBeforeLog,
      Map<String, AsteriskQueueStats> queueStats, List<SkippedRecord> timeReversals,
      List<SkippedRecord> ambiguousTimes, List<SkippedRecord> notices, long repeatedLines,
      Map<String, Long> ignoredEvents) {
    this.read = read;
    this.incomplete = incomplete;
    this.startedBeforeLog = startedBeforeLog;
    this.queueStats = queueStats;
    this.timeReversals = timeReversals;
    this.ambiguousTimes = ambiguousTimes;
    this.notices = notices;
    this.repeatedLines = repeatedLines;
    this.ignoredEvents = ignoredEvents;
  }

  /**
   * Obtains a report.
   *
   * @param read  the reading report, not null
   * @param incomplete  the calls whose end is missing, not null
   * @param startedBeforeLog  the ids of calls whose first event in the log was not ENTERQUEUE, not null
   * @param queueStats  each queue's counters, by queue name, not null
   * @return the report
   */
  public static QueueLogReport of(ReadReport read, List<IncompleteCall> incomplete, List<String> startedBeforeLog,
      Map<String, AsteriskQueueStats> queueStats) {
    requireNonNull(read, "read");
    requireNonNull(incomplete, "incomplete");
    requireNonNull(startedBeforeLog, "startedBeforeLog");
    requireNonNull(queueStats, "queueStats");
    return new QueueLogReport(read, List.copyOf(incomplete), List.copyOf(startedBeforeLog),
        Collections.unmodifiableMap(new LinkedHashMap<>(queueStats)), List.of(), List.of(), List.of(), 0, Map.of());
  }

  /**
   * Returns a report like this one with the places where the log's time runs backwards.
   *
   * @param timeReversals  the first line of each run of lines out of time order, and each pair of files that
   *     overlap or a file named twice, not null
   * @return the report
   */
  public QueueLogReport withTimeReversals(List<SkippedRecord> timeReversals) {
    return new QueueLogReport(read, incomplete, startedBeforeLog, queueStats,
        List.copyOf(requireNonNull(timeReversals, "timeReversals")), ambiguousTimes, notices, repeatedLines,
        ignoredEvents);
  }

  /**
   * Returns a report like this one with the local times of a {@code queue_log} table that its zone's clocks
   * showed twice (the hour a daylight-saving change repeats).
   *
   * @param ambiguousTimes  the first row read at each offset of each change, not null
   * @return the report
   */
  public QueueLogReport withAmbiguousTimes(List<SkippedRecord> ambiguousTimes) {
    return new QueueLogReport(read, incomplete, startedBeforeLog, queueStats, timeReversals,
        List.copyOf(requireNonNull(ambiguousTimes, "ambiguousTimes")), notices, repeatedLines, ignoredEvents);
  }

  /**
   * Returns a report like this one with the lines read with a notice.
   *
   * @param notices  the lines, each with what was noticed, not null
   * @return the report
   */
  public QueueLogReport withNotices(List<SkippedRecord> notices) {
    return new QueueLogReport(read, incomplete, startedBeforeLog, queueStats, timeReversals, ambiguousTimes,
        List.copyOf(requireNonNull(notices, "notices")), repeatedLines, ignoredEvents);
  }

  /**
   * Returns a report like this one with the number of lines that repeated a line already read.
   *
   * @param repeatedLines  the number, zero or more
   * @return the report
   * @throws IllegalArgumentException if the number is negative
   */
  public QueueLogReport withRepeatedLines(long repeatedLines) {
    if (repeatedLines < 0) {
      throw new IllegalArgumentException("repeatedLines " + repeatedLines + " is negative (expected zero or more)");
    }
    return new QueueLogReport(read, incomplete, startedBeforeLog, queueStats, timeReversals, ambiguousTimes,
        notices, repeatedLines, ignoredEvents);
  }

  /**
   * Returns a report like this one with the lines of each event ignored by name.
   *
   * @param ignoredEvents  the number of lines per event name, not null
   * @return the report
   */
  public QueueLogReport withIgnoredEvents(Map<String, Long> ignoredEvents) {
    return new QueueLogReport(read, incomplete, startedBeforeLog, queueStats, timeReversals, ambiguousTimes,
        notices, repeatedLines,
        Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(ignoredEvents, "ignoredEvents"))));
  }

  /**
   * {@return the lines read with a notice: a line that starts with NUL bytes (what a crash leaves in the file),
   * read without them} Nothing of them was lost; empty for most logs.
   */
  public List<SkippedRecord> notices() {
    return notices;
  }

  /**
   * {@return how many lines were ignored because they repeat, byte for byte, the line that last changed their call
   * (a log collected by {@code tail} or replication repeats lines); see
   * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/asterisk-queue-log.md">docs/asterisk-queue-log.md</a> for how
   * long an ended call is remembered}
   */
  public long repeatedLines() {
    return repeatedLines;
  }

  /**
   * {@return per event name, how many lines were ignored because the reader was told to ignore that event
   * ({@link QueueLogReader#withIgnoredEvents}), in the order first met}
   */
  public Map<String, Long> ignoredEvents() {
    return ignoredEvents;
  }

  /**
   * {@return the local times of a {@code queue_log} table (read in the zone given) that the zone's clocks showed
   * twice, on the day they were set back: for each change, the first row read at the earlier offset and the
   * first read at the later one, with the offset chosen} The rows were read; empty for most logs.
   */
  public List<SkippedRecord> ambiguousTimes() {
    return ambiguousTimes;
  }

  /**
   * {@return where a lenient read found the log's time running backwards: the first line of each run of lines
   * more than a minute before the latest time read, a file named twice, and files whose times overlap} The
   * lines were read as usual; a strict read stops at the first instead. Empty for a log in time order.
   */
  public List<SkippedRecord> timeReversals() {
    return timeReversals;
  }

  /** {@return the reading report: calls delivered, every line skipped with its exact count} */
  public ReadReport read() {
    return read;
  }

  /** {@return the calls whose end is not in the log, in the order they were found open} */
  public List<IncompleteCall> incomplete() {
    return incomplete;
  }

  /**
   * {@return the ids of the calls that were already in the queue when the log starts (their first event is
   * CONNECT, a completion, an abandon or an exit): their arrival is reconstructed from the wait Asterisk
   * reports}
   */
  public List<String> startedBeforeLog() {
    return startedBeforeLog;
  }

  /** {@return each queue's {@code queue show} counters since the last QUEUESTART, by queue, in order met} */
  public Map<String, AsteriskQueueStats> queueStats() {
    return queueStats;
  }

  /**
   * Returns one queue's counters. Names are compared ignoring case, as {@code app_queue} compares them
   * ({@code strcasecmp}): {@code queueStats("support")} finds the queue the log calls {@code Support}.
   *
   * @param queue  the queue's name, not null
   * @return the counters, or empty if the queue has no event since the last QUEUESTART
   */
  public Optional<AsteriskQueueStats> queueStats(String queue) {
    AsteriskQueueStats exact = queueStats.get(requireNonNull(queue, "queue"));
    if (exact != null) {
      return Optional.of(exact);
    }
    String folded = Text.foldCase(queue);
    return queueStats.entrySet().stream().filter(e -> Text.foldCase(e.getKey()).equals(folded))
        .map(Map.Entry::getValue).findFirst();
  }

  @Override
  public String toString() {
    return read + ", " + incomplete.size() + " incomplete, " + startedBeforeLog.size() + " started before the log";
  }
}
