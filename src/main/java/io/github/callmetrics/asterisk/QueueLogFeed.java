package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.internal.Text;
import io.github.callmetrics.live.LiveMonitor;
import io.github.callmetrics.read.SkippedRecord;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Feeds a {@link LiveMonitor} from an Asterisk {@code queue_log} as it is written, line by line: the same
 * parser and the same event rules as {@link QueueLogReader} (one place gives each event its meaning), so a
 * wallboard, the batch report and {@code queue show} count the same calls. Each caller who enters a queue
 * is {@linkplain LiveMonitor#entered entered} (on {@link Channel#VOICE}), each CONNECT
 * {@linkplain LiveMonitor#answered answers} it at arrival + holdtime, and each exit ends it at arrival +
 * waittime: ABANDON and SYSCOMPAT as abandoned, EXITWITHTIMEOUT, EXITEMPTY, EXITWITHKEY and WITHDRAW as left
 * unanswered with their {@link io.github.callmetrics.call.FlowOutReason}. A call the feed meets in the middle
 * (the log is followed from its middle) is entered at the arrival its wait gives.
 *
 * <p>The feed also keeps Asterisk's own counters ({@link #queueStats()}), exactly as
 * {@link QueueLogReport#queueStats()} gives them for the lines fed so far.
 *
 * <p>Lines whose time runs backwards are read like the others: the monitor places each event by its own
 * instant. A line that is not a valid queue_log line, or that does not fit its call's state, changes nothing: it is
 * counted in {@link #skippedLineCount()}, and the latest {@value #RETAINED} are kept with their message. A
 * caller still waiting when Asterisk restarts (QUEUESTART) stays waiting in the monitor, which has no event
 * for a caller who vanished.
 *
 * <p>Not thread-safe: one feed reads one log, in order (the monitor it feeds is thread-safe).
 *
 * <pre>{@code
 * LiveMonitor monitor = LiveMonitor.builder(spec).build();
 * QueueLogFeed feed = QueueLogFeed.of(monitor);
 * for (String line : newLines) {
 *   feed.accept(line);
 * }
 * }</pre>
 */
public final class QueueLogFeed {
  /** How many skipped lines are kept with their message. */
  public static final int RETAINED = 100;

  private final LineScanner scanner = new LineScanner();
  private final AsteriskCounters counters = new AsteriskCounters();
  private final CallAssembler assembler;
  private final ArrayDeque<SkippedRecord> skipped = new ArrayDeque<>();
  private final ArrayDeque<SkippedRecord> notices = new ArrayDeque<>();
  private final LogNotes notes;
  private long skippedCount;
  private long noticeCount;
  private String source = "queue_log";

  private QueueLogFeed(LiveMonitor monitor, Set<String> ignoredEvents) {
    this.notes = new LogNotes(ignoredEvents, this::notice);
    this.assembler = new CallAssembler(this::skip, line -> { }, notes, counters, new ToMonitor(monitor));
    assembler.startSource(source);
  }

  /**
   * Obtains a feed of a monitor.
   *
   * @param monitor  the monitor to feed, not null
   * @return the feed
   */
  public static QueueLogFeed of(LiveMonitor monitor) {
    return new QueueLogFeed(requireNonNull(monitor, "monitor"), Set.of());
  }

  /**
   * Obtains a feed of a monitor that ignores the lines of events by name, as
   * {@link QueueLogReader#withIgnoredEvents} does; they are counted in {@link #ignoredEvents()}.
   *
   * @param monitor  the monitor to feed, not null
   * @param ignoredEvents  the names of the events to ignore, not null
   * @return the feed
   * @throws IllegalArgumentException as {@link QueueLogReader#withIgnoredEvents} does
   */
  public static QueueLogFeed of(LiveMonitor monitor, Set<String> ignoredEvents) {
    return new QueueLogFeed(requireNonNull(monitor, "monitor"),
        LogNotes.ignoreSet(requireNonNull(ignoredEvents, "ignoredEvents")));
  }

  /**
   * Notes that the lines from now on come from a new file (the log was rotated): messages name it, and
   * line numbers start again from 1. Calls open across the rotation stay open. A last line of the old file that
   * {@link #write} was given without its line end is read first.
   *
   * @param name  the name to use in messages, not null
   */
  public void startSource(String name) {
    requireNonNull(name, "name");
    scanner.endSource(assembler); // the old file's last line, if it had no line end yet
    source = name;
    assembler.startSource(name);
    scanner.restartNumbering();
  }

  /**
   * Feeds one line.
   *
   * @param line  a queue_log line without its line break (a final {@code \r} is dropped), not null
   */
  public void accept(String line) {
    byte[] b = requireNonNull(line, "line").getBytes(UTF_8);
    accept(b, 0, b.length);
  }

  /**
   * Feeds one line given as UTF-8 bytes.
   *
   * @param line  the bytes, not null
   * @param offset  where the line starts
   * @param length  the line's length, without its line break
   * @throws IndexOutOfBoundsException if the range is outside the array
   */
  public void accept(byte[] line, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, requireNonNull(line, "line").length);
    if (length > LineScanner.MAX_LINE) {
      scanner.skipLine();
      skip(SkippedRecord.of(source, scanner.lineNumber(), "line", Text.escaped(line, offset, 80) + "...",
          "is longer than " + LineScanner.MAX_LINE + " bytes (expected one queue_log event per line)"));
      return;
    }
    scanner.line(line, offset, length, assembler);
  }

  /**
   * Feeds bytes of the log as they were written, in any pieces: each line they complete is read ({@code \n},
   * {@code \r} or {@code \r\n} ends a line, as in {@link QueueLogReader}); a line not yet ended waits for the
   * next bytes, or for {@link #startSource}. Mixing this with {@link #accept(String)} is meant for whole lines
   * only.
   *
   * @param bytes  the bytes, not null
   * @param offset  where they start
   * @param length  how many there are
   * @throws IndexOutOfBoundsException if the range is outside the array
   */
  public void write(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, requireNonNull(bytes, "bytes").length);
    scanner.write(bytes, offset, length, assembler, head -> skip(SkippedRecord.of(source, scanner.lineNumber(),
        "line", head, "is longer than " + LineScanner.MAX_LINE + " bytes (expected one queue_log event per line)")));
  }

  /** {@return each queue's {@code queue show} counters for the lines fed so far (since the last QUEUESTART)} */
  public Map<String, AsteriskQueueStats> queueStats() {
    return counters.stats();
  }

  /** {@return how many lines were skipped, since the feed began} */
  public long skippedLineCount() {
    return skippedCount;
  }

  /** {@return the latest {@value #RETAINED} lines skipped, oldest first, each with its message} */
  public List<SkippedRecord> skippedLines() {
    return List.copyOf(skipped);
  }

  /** {@return how many lines were read with a notice (NUL residue before them), since the feed began} */
  public long noticeCount() {
    return noticeCount;
  }

  /**
   * {@return the latest {@value #RETAINED} lines read with a notice, oldest first, as {@link QueueLogReport#notices()}}
   */
  public List<SkippedRecord> notices() {
    return List.copyOf(notices);
  }

  /** {@return how many lines were ignored as exact repeats, as {@link QueueLogReport#repeatedLines()} counts them} */
  public long repeatedLineCount() {
    return notes.repeats();
  }

  /** {@return how many lines of each event ignored by name were met, as {@link QueueLogReport#ignoredEvents()}} */
  public Map<String, Long> ignoredEvents() {
    return notes.ignoredEvents();
  }

  private void skip(SkippedRecord record) {
    skippedCount++;
    retain(skipped, record);
  }

  private void notice(SkippedRecord record) {
    noticeCount++;
    retain(notices, record);
  }

  private static void retain(ArrayDeque<SkippedRecord> kept, SkippedRecord record) {
    if (kept.size() == RETAINED) {
      kept.removeFirst();
    }
    kept.addLast(record);
  }

  @Override
  public String toString() {
    return "QueueLogFeed{" + queueStats().size() + " queues, " + skippedCount + " lines skipped}";
  }

  /** Hands the assembled calls' changes to the monitor. */
  private static final class ToMonitor implements CallObserver {
    private final LiveMonitor monitor;

    ToMonitor(LiveMonitor monitor) {
      this.monitor = monitor;
    }

    @Override
    public void entered(OpenCall call) {
      monitor.entered(call.queue, call.id, Channel.VOICE, Instant.ofEpochSecond(call.arrived));
    }

    @Override
    public void connected(OpenCall call) {
      monitor.answered(call.queue, call.id, Instant.ofEpochSecond(call.arrived + call.hold));
    }

    @Override
    public void ended(Call call, boolean wasConnected) {
      if (wasConnected) {
        return; // counted when it was answered
      }
      Instant at = call.outcomeAt().orElseThrow();
      if (call.outcome() == Outcome.ABANDONED) {
        monitor.abandoned(call.queue(), call.id(), at);
      } else {
        monitor.leftUnanswered(call.queue(), call.id(), at, call.flowOutReason().orElseThrow());
      }
    }

    @Override
    public void unfinished(OpenCall call, IncompleteCall.Reason reason) {}

    @Override
    public void restarted() {}
  }
}
