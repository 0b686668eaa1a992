package io.github.callmetrics.asterisk;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.internal.Gzip;
import io.github.callmetrics.internal.Text;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.read.SourceFormat;
import io.github.callmetrics.read.internal.ReadTracker;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Reads Asterisk {@code queue_log} files ({@code epoch|callid|queue|agent|EVENT|data1|data2|...}) into
 * {@link Call calls}, following {@code app_queue}'s semantics event by event (see
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/asterisk-queue-log.md">docs/asterisk-queue-log.md</a>):
 * <ul>
 *   <li>ENTERQUEUE opens a call, {@code arrived} = its epoch;
 *   <li>CONNECT answers it at {@code arrived + holdtime} (Asterisk's own wait, so waits equal Asterisk's);
 *   <li>COMPLETECALLER, COMPLETEAGENT, BLINDTRANSFER, ATTENDEDTRANSFER (and the old TRANSFER) end an answered
 *       call: it is delivered as answered with handle time = talktime;
 *   <li>ABANDON → abandoned; EXITWITHTIMEOUT → timeout, EXITEMPTY → queue empty, EXITWITHKEY → key press
 *       (left unanswered); WITHDRAW → withdrawn; SYSCOMPAT → abandoned; each at {@code arrived + waittime};
 *   <li>RINGNOANSWER, RINGCANCELED, agent and queue events (PAUSE, UNPAUSE, ADDMEMBER, CONFIGRELOAD, ...)
 *       change no call; QUEUESTART (Asterisk started) ends every open call as
 *       {@linkplain IncompleteCall.Reason#RESTART incomplete} and resets the {@code queue show} counters.
 * </ul>
 * Several files are read as one log, in the order of their own time: by the epoch of each file's first line,
 * whatever order they are named in, so rotated files ({@code queue_log.2, queue_log.1, queue_log}) join the
 * calls that span a rotation. A file named twice, files whose times overlap (they are not rotations of one
 * log), and a line whose epoch is more than a minute before the latest one read (the log's time runs
 * backwards: a log appended to itself, lines out of order) stop a STRICT read; a LENIENT one reads them and
 * lists them in {@link QueueLogReport#timeReversals()} (a call read twice is then the run's duplicate
 * check's to find). A call whose first
 * event is not ENTERQUEUE (the log starts mid-call) gets its arrival from the wait Asterisk reports, and its
 * id is listed in {@link QueueLogReport#startedBeforeLog()}. A call that never ends in the log is an
 * {@link IncompleteCall}.
 *
 * <p>Bad lines (too few fields, an epoch or a duration that is not a whole number or goes past the year 9999,
 * an unknown event, an event that does not fit the call's state) follow the {@link ReadMode} contract, naming
 * the file, line, field, value and rule. The streaming form holds only the calls open at a time.
 *
 * <p>A CSV export of Asterisk's realtime {@code queue_log} table ({@link SourceFormat#ASTERISK_QUEUE_LOG_TABLE},
 * told by its header or set with {@link #withFormat}) is read the same way: each row becomes the line it stands
 * for, with its local times in the zone of {@link #withZone}, and rows are named by their CSV line.
 *
 * <p>The parser works on bytes (UTF-8), with no per-line strings: a call id becomes a string once per call,
 * a queue name once per queue. Instances are immutable and thread-safe; each read uses its own state.
 */
public final class QueueLogReader {
  /** How much of a source is looked at to tell a table from a log. */
  private static final int SNIFF_BYTES = 8192;
  private final ReadMode mode;
  private final boolean openAsWaiting;
  private final TableSettings table;
  private final Set<String> ignoredEvents;
  private final List<String> queueNames;

  private QueueLogReader(ReadMode mode, boolean openAsWaiting, TableSettings table, Set<String> ignoredEvents,
      List<String> queueNames) {
    this.mode = mode;
    this.openAsWaiting = openAsWaiting;
    this.table = table;
    this.ignoredEvents = ignoredEvents;
    this.queueNames = queueNames;
  }

  /** How sources are told apart, and the zone of a table's local times. */
  private record TableSettings(@Nullable SourceFormat format, @Nullable ZoneId zone) {}

  /**
   * Obtains a reader.
   *
   * @param mode  what to do with a bad line, not null
   * @return the reader; calls still waiting at the end of the log are reported as incomplete, not delivered
   */
  public static QueueLogReader of(ReadMode mode) {
    return new QueueLogReader(requireNonNull(mode, "mode"), false, new TableSettings(null, null), Set.of(), List.of());
  }

  /**
   * Returns a reader like this one that also delivers the calls still waiting at the end of the log as
   * {@link Call#waiting} calls (a live view of a log being written). They stay listed as incomplete.
   *
   * @return the reader
   */
  public QueueLogReader withOpenCallsAsWaiting() {
    return new QueueLogReader(mode, true, table, ignoredEvents, queueNames);
  }

  /**
   * Returns a reader like this one that ignores the lines of events by name: events that are not
   * {@code app_queue}'s, such as a dialer's {@code OUTDIAL} and {@code OUTANSWER}, or a site's own. Without it, an
   * event the reader does not know is a defect. Names are compared ignoring case; each ignored line is counted
   * per name in {@link QueueLogReport#ignoredEvents()}. Replaces the names given before.
   *
   * @param events  the names of the events, not null
   * @return the reader
   * @throws IllegalArgumentException if a name is blank, or names an event the reader reads (an {@code app_queue}
   *     event, or one of the agent and member events it knows change no call)
   */
  public QueueLogReader withIgnoredEvents(Set<String> events) {
    return new QueueLogReader(mode, openAsWaiting, table, LogNotes.ignoreSet(requireNonNull(events, "events")),
        queueNames);
  }

  /**
   * Returns a reader like this one that spells queues as given: {@code app_queue} compares queue names ignoring
   * case ({@code strcasecmp}), so a log may say {@code Support} and {@code support} for one queue; its calls are
   * named by the spelling given here ({@code queues.conf}'s, say) instead of the first one the log uses.
   * Replaces the names given before.
   *
   * @param names  the queues' names, not null
   * @return the reader
   * @throws IllegalArgumentException if a name is blank
   */
  public QueueLogReader withQueueNames(Collection<String> names) {
    for (String name : requireNonNull(names, "names")) {
      if (requireNonNull(name, "name").isBlank()) {
        throw new IllegalArgumentException("queue \"" + Text.escaped(name) + "\" is blank (expected a non-blank queue name)");
      }
    }
    return new QueueLogReader(mode, openAsWaiting, table, ignoredEvents, List.copyOf(names));
  }

  /**
   * Returns a reader like this one that reads the local date-times of a {@code queue_log} table
   * ({@link SourceFormat#ASTERISK_QUEUE_LOG_TABLE}) in a zone: the zone of the database's clock. Without one, a
   * table whose times are local date-times stops the read at its first row; epoch times and times with an offset
   * need none.
   *
   * @param zone  the zone, not null
   * @return the reader
   */
  public QueueLogReader withZone(ZoneId zone) {
    return new QueueLogReader(mode, openAsWaiting, new TableSettings(table.format(), requireNonNull(zone, "zone")),
        ignoredEvents, queueNames);
  }

  /**
   * Returns a reader like this one that takes every source as one format, instead of telling a table (a CSV
   * header with {@code time}, {@code callid}, {@code queuename} and {@code event}) from a log by its first line.
   *
   * @param format  {@link SourceFormat#ASTERISK_QUEUE_LOG} or {@link SourceFormat#ASTERISK_QUEUE_LOG_TABLE}
   * @return the reader
   * @throws IllegalArgumentException if the format is {@link SourceFormat#CSV}, which this reader does not read
   */
  public QueueLogReader withFormat(SourceFormat format) {
    if (requireNonNull(format, "format") == SourceFormat.CSV) {
      throw new IllegalArgumentException("format CSV is a call file, not a queue_log (expected ASTERISK_QUEUE_LOG"
          + " or ASTERISK_QUEUE_LOG_TABLE; read call files with CsvCallReader)");
    }
    return new QueueLogReader(mode, openAsWaiting, new TableSettings(format, table.zone()), ignoredEvents, queueNames);
  }

  /**
   * Reads one file into memory.
   *
   * @param file  the {@code queue_log}, not null
   * @return the calls and the report
   * @throws ReadException at the first bad line in STRICT mode
   * @throws IOException if the file cannot be read
   */
  public QueueLogResult read(Path file) throws IOException {
    return read(List.of(requireNonNull(file, "file")));
  }

  /**
   * Reads files as one log, in the order of their own time, into memory.
   *
   * @param files  the files, in any order (for example {@code queue_log, queue_log.1}), not null
   * @return the calls and the report
   * @throws ReadException at the first bad line in STRICT mode
   * @throws IOException if a file cannot be read
   */
  public QueueLogResult read(List<Path> files) throws IOException {
    requireNonNull(files, "files");
    Session session = new Session(ReadTracker.collecting(mode));
    readFiles(files, session);
    QueueLogReport report = session.finish();
    return QueueLogResult.of(session.tracker.result().calls(), report);
  }

  /**
   * Reads files as one log, in the order of their own time, handing each call to a consumer when its outcome
   * is final.
   *
   * @param files  the files, in any order, not null
   * @param consumer  receives each call, not null
   * @return the report
   * @throws ReadException at the first bad line in STRICT mode; calls before it were already delivered
   * @throws IOException if a file cannot be read
   */
  public QueueLogReport read(List<Path> files, Consumer<? super Call> consumer) throws IOException {
    requireNonNull(files, "files");
    Session session = new Session(ReadTracker.streaming(mode, consumer));
    readFiles(files, session);
    return session.finish();
  }

  /**
   * Reads a byte stream (UTF-8) as one log, into memory. The stream is not closed.
   *
   * @param in  the bytes, not null
   * @param sourceName  the name to use in messages, not null
   * @return the calls and the report
   * @throws ReadException at the first bad line in STRICT mode
   * @throws IOException if the stream cannot be read
   */
  public QueueLogResult read(InputStream in, String sourceName) throws IOException {
    Session session = new Session(ReadTracker.collecting(mode));
    session.read(requireNonNull(in, "in"), requireNonNull(sourceName, "sourceName"));
    QueueLogReport report = session.finish();
    return QueueLogResult.of(session.tracker.result().calls(), report);
  }

  /**
   * Reads a byte stream (UTF-8) as one log, handing each call to a consumer. The stream is not closed.
   *
   * @param in  the bytes, not null
   * @param sourceName  the name to use in messages, not null
   * @param consumer  receives each call, not null
   * @return the report
   * @throws ReadException at the first bad line in STRICT mode
   * @throws IOException if the stream cannot be read
   */
  public QueueLogReport read(InputStream in, String sourceName, Consumer<? super Call> consumer) throws IOException {
    Session session = new Session(ReadTracker.streaming(mode, consumer));
    session.read(requireNonNull(in, "in"), requireNonNull(sourceName, "sourceName"));
    return session.finish();
  }

  private void readFiles(List<Path> files, Session session) throws IOException {
    for (Path file : LogOrder.byOwnTime(List.copyOf(files), session::fileDefect)) {
      Path name = file.getFileName();
      try (InputStream in = Files.newInputStream(file)) { // decompressed, if gzip, by the session
        session.read(in, name == null ? file.toString() : name.toString());
      }
    }
  }

  /**
   * The state of one read, across files: the scanner, the assembler, Asterisk's counters, and the delivery of
   * the assembled calls to the tracker. Not thread-safe.
   */
  private final class Session implements CallObserver {
    final ReadTracker tracker;
    final LineScanner scanner = new LineScanner();
    final AsteriskCounters counters = new AsteriskCounters();
    final CallAssembler assembler;
    final List<IncompleteCall> incomplete = new ArrayList<>();
    final List<SkippedRecord> timeReversals = new ArrayList<>();
    final List<SkippedRecord> ambiguousTimes = new ArrayList<>();
    final List<SkippedRecord> notices = new ArrayList<>();
    final LogNotes notes = new LogNotes(ignoredEvents, notices::add);

    Session(ReadTracker tracker) {
      this.tracker = tracker;
      this.assembler = new CallAssembler(tracker::skip, this::timeReversal, notes, counters, this);
      assembler.spellQueues(queueNames);
    }

    /** Reads one source, decompressing it if it is gzip; a corrupt one stops the read, naming the source. */
    void read(InputStream raw, String sourceName) throws IOException {
      InputStream source;
      try {
        source = Gzip.decompressed(raw);
      } catch (ZipException | EOFException e) { // only the gzip header is read here
        throw corruptGzip(sourceName, 1, e);
      }
      try {
        readSource(source, sourceName);
      } catch (ZipException | EOFException e) {
        if (!(source instanceof GZIPInputStream)) {
          throw e;
        }
        throw corruptGzip(sourceName, scanner.lineNumber() + 1, e);
      }
    }

    /** A gzip source whose line {@code line} cannot be decompressed: the read stops there. */
    private RuntimeException corruptGzip(String sourceName, long line, IOException e) {
      return tracker.fatal(SkippedRecord.of(sourceName, line, "file", sourceName,
          "is gzip-compressed and cannot be decompressed ("
              + (e instanceof EOFException ? "the file is cut short" : "the compressed data is corrupt")
              + "; expected a whole .gz file: the lines before this one were read)"));
    }

    private void readSource(InputStream source, String sourceName) throws IOException {
      tracker.startSource(sourceName);
      assembler.startSource(sourceName);
      InputStream in = source;
      boolean isTable = table.format() == SourceFormat.ASTERISK_QUEUE_LOG_TABLE;
      if (table.format() == null) { // told by the first line; the bytes looked at are read again
        PushbackInputStream peek = new PushbackInputStream(source, SNIFF_BYTES);
        byte[] head = peek.readNBytes(SNIFF_BYTES);
        peek.unread(head);
        in = peek;
        isTable = QueueLogTable.isTable(head, head.length);
      }
      if (isTable) {
        new QueueLogTable(sourceName, table.zone(), tracker::skip, tracker::fatal, tracker::ignoreColumn,
            ambiguousTimes).read(in, scanner, assembler);
        return;
      }
      try {
        scanner.read(in, assembler);
      } catch (LineScanner.LineTooLongException e) {
        throw tracker.fatal(SkippedRecord.of(sourceName, scanner.lineNumber(), "line", e.start,
            "is longer than " + LineScanner.MAX_LINE + " bytes (expected one queue_log event per line)"));
      }
    }

    /** A defect of a file as a whole: it stops a strict read; a lenient one notes it and reads the file. */
    void fileDefect(SkippedRecord record) {
      timeReversal(record);
    }

    /** Time that runs backwards: it stops a strict read; a lenient one notes it and reads the lines. */
    void timeReversal(SkippedRecord record) {
      if (tracker.mode() == ReadMode.STRICT) {
        throw tracker.fatal(record);
      }
      timeReversals.add(record);
    }

    QueueLogReport finish() {
      assembler.finish();
      return QueueLogReport.of(tracker.report(), incomplete, assembler.startedBeforeLog(), counters.stats())
          .withTimeReversals(timeReversals).withAmbiguousTimes(ambiguousTimes).withNotices(notices)
          .withRepeatedLines(notes.repeats()).withIgnoredEvents(notes.ignoredEvents());
    }

    @Override
    public void entered(OpenCall call) {}

    @Override
    public void connected(OpenCall call) {}

    @Override
    public void ended(Call call, boolean wasConnected) {
      tracker.at(scanner.lineNumber()); // the line that ends the call names it in a duplicate's message
      tracker.accept(call);
    }

    @Override
    public void unfinished(OpenCall call, IncompleteCall.Reason reason) {
      tracker.at(call.line);
      Instant arrived = Instant.ofEpochSecond(call.arrived);
      if (call.connected) {
        incomplete.add(IncompleteCall.of(call.id, call.queue, arrived, IncompleteCall.State.TALKING, reason,
            call.source, call.line));
        // Answered, its talk not finished: in every report as answered, not in Asterisk's C.
        tracker.accept(Call.answered(call.id, call.queue, arrived, arrived.plusSeconds(call.hold)));
      } else {
        incomplete.add(IncompleteCall.of(call.id, call.queue, arrived, IncompleteCall.State.WAITING, reason,
            call.source, call.line));
        if (openAsWaiting && reason == IncompleteCall.Reason.END_OF_LOG) {
          tracker.accept(Call.waiting(call.id, call.queue, arrived));
        }
      }
    }

    @Override
    public void restarted() {}
  }
}
