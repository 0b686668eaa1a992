package io.github.callmetrics.csv;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.call.InvalidCallException;
import io.github.callmetrics.internal.IdSet;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadReport;
import io.github.callmetrics.read.ReadResult;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.read.internal.ReadTracker;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads calls in the CSV call format of {@code docs/csv-format.md}: a header line (columns in any order,
 * names ignoring case), then one call per row. Every row is validated, through the
 * {@link Call} factories, so the model's rules and messages apply; a bad row is either the end of the
 * read ({@link ReadMode#STRICT}) or a {@link SkippedRecord} in the report ({@link ReadMode#LENIENT}).
 *
 * <pre>{@code
 * ReadResult all = CsvCallReader.of(ReadMode.LENIENT).read(Path.of("calls.csv"));
 * all.skipped().forEach(s -> System.err.println(s.message()));
 *
 * CallTally tally = new CallTally();                          // a file larger than the heap
 * ReadReport report = CsvCallReader.of(ReadMode.STRICT).read(Path.of("huge.csv"), tally::add);
 * }</pre>
 *
 * <p>The streaming form ({@link #read(Path, Consumer)}) holds one row at a time. The one state that grows
 * with the file is the duplicate-id check: the ids seen, per queue. {@link #withoutDuplicateIdCheck()}
 * turns it off for files whose distinct ids do not fit in memory; the check is then the caller's.
 *
 * <p>Defects that stop a read in both modes, because no later row could be trusted: a missing or
 * unusable header (an empty file, a required column missing, a column twice) and broken quoting (a quote
 * not closed, characters after a closing quote), after which FastCSV cannot find the next row. The
 * {@link ReadException} then carries everything read before.
 *
 * <p>Instances are immutable and thread-safe; each read uses its own state.
 */
public final class CsvCallReader {
  private static final Pattern FASTCSV_LINE = Pattern.compile("\\s*\\(record starting at line (\\d+)\\)");
  private static final Pattern FASTCSV_CHAR = Pattern.compile("'(.)' \\(0x");

  private final ReadMode mode;
  private final boolean checkDuplicateIds;

  private CsvCallReader(ReadMode mode, boolean checkDuplicateIds) {
    this.mode = mode;
    this.checkDuplicateIds = checkDuplicateIds;
  }

  /**
   * Obtains a reader.
   *
   * @param mode  what to do with a bad row, not null
   * @return the reader, which checks for duplicate ids within a queue
   */
  public static CsvCallReader of(ReadMode mode) {
    return new CsvCallReader(requireNonNull(mode, "mode"), true);
  }

  /**
   * Returns a reader like this one that does not check for duplicate ids, and so holds nothing that grows
   * with the file: for streaming files whose distinct ids do not fit in memory.
   *
   * @return the reader
   */
  public CsvCallReader withoutDuplicateIdCheck() {
    return new CsvCallReader(mode, false);
  }

  /** Returns the reader's mode. */
  public ReadMode mode() {
    return mode;
  }

  /** Checks if the reader rejects a second row with an id already read in the same queue. */
  public boolean checksDuplicateIds() {
    return checkDuplicateIds;
  }

  /**
   * Reads a whole file (UTF-8, a byte-order mark is skipped) into memory.
   *
   * @param file  the file, not null
   * @return the calls in file order and the report
   * @throws ReadException at the first bad row in STRICT mode, or at a defect that stops any read
   * @throws IOException if the file cannot be read
   */
  public ReadResult read(Path file) throws IOException {
    ReadTracker tracker = ReadTracker.collecting(mode);
    readFile(file, tracker);
    return tracker.result();
  }

  /**
   * Reads a file row by row, handing each call to a consumer as soon as it is read; holds one row at a
   * time (plus the ids seen, unless {@linkplain #withoutDuplicateIdCheck() turned off}).
   *
   * @param file  the file, not null
   * @param consumer  receives each call, in file order, not null
   * @return the report: calls delivered, every row skipped, columns ignored
   * @throws ReadException at the first bad row in STRICT mode, or at a defect that stops any read; the calls
   *     before it were already delivered
   * @throws IOException if the file cannot be read
   */
  public ReadReport read(Path file, Consumer<? super Call> consumer) throws IOException {
    ReadTracker tracker = ReadTracker.streaming(mode, consumer);
    readFile(file, tracker);
    return tracker.report();
  }

  /**
   * Reads a whole character stream into memory. The reader is not closed.
   *
   * @param reader  the text, not null
   * @param sourceName  the name to use in messages (a file name), not null
   * @return the calls in order and the report
   * @throws ReadException at the first bad row in STRICT mode, or at a defect that stops any read
   * @throws IOException if the stream cannot be read
   */
  public ReadResult read(Reader reader, String sourceName) throws IOException {
    ReadTracker tracker = ReadTracker.collecting(mode);
    readStream(reader, sourceName, tracker);
    return tracker.result();
  }

  /**
   * Reads a character stream row by row, handing each call to a consumer. The reader is not closed.
   *
   * @param reader  the text, not null
   * @param sourceName  the name to use in messages (a file name), not null
   * @param consumer  receives each call, in order, not null
   * @return the report
   * @throws ReadException at the first bad row in STRICT mode, or at a defect that stops any read
   * @throws IOException if the stream cannot be read
   */
  public ReadReport read(Reader reader, String sourceName, Consumer<? super Call> consumer) throws IOException {
    ReadTracker tracker = ReadTracker.streaming(mode, consumer);
    readStream(reader, sourceName, tracker);
    return tracker.report();
  }

  private static CsvReader.CsvReaderBuilder builder() {
    return CsvReader.builder()
        .allowUnclosedQuote(false) // FastCSV 4 accepts an unclosed quote at end of file unless told not to;
        // characters after a closing quote are rejected by default
        .skipEmptyLines(false) // an empty line is reported, not skipped silently
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE) // the column count is checked here, per row
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .detectBomHeader(true);
  }

  private void readFile(Path file, ReadTracker tracker) throws IOException {
    requireNonNull(file, "file");
    Path name = file.getFileName();
    String source = name == null ? file.toString() : name.toString();
    tracker.startSource(source);
    RowHandler handler = new RowHandler();
    try (CsvReader<RowHandler> csv = builder().build(handler, file, StandardCharsets.UTF_8)) {
      readRows(csv, source, tracker);
    }
  }

  private void readStream(Reader reader, String sourceName, ReadTracker tracker) throws IOException {
    requireNonNull(reader, "reader");
    requireNonNull(sourceName, "sourceName");
    tracker.startSource(sourceName);
    RowHandler handler = new RowHandler();
    CsvReader<RowHandler> csv = builder().build(handler, reader);
    readRows(csv, sourceName, tracker);
  }

  @SuppressWarnings("ReferenceEquality") // the queue name's identity only picks the cached id set; see below
  private void readRows(CsvReader<RowHandler> csv, String source, ReadTracker tracker) throws IOException {
    Map<String, IdSet> idsByQueue = new HashMap<>();
    @Nullable String lastQueue = null;
    @Nullable IdSet lastIds = null;
    boolean header = true;
    CloseableIterator<RowHandler> rows = csv.iterator();
    while (true) {
      RowHandler row;
      try {
        if (!rows.hasNext()) {
          break;
        }
        row = rows.next();
      } catch (CsvParseException e) {
        // FastCSV cannot resume after a parse error: the read ends here, in both modes.
        throw tracker.fatal(quotingDefect(source, e));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      if (header) {
        header(row, source, tracker);
        header = false;
        continue;
      }
      Call call = call(row, source, tracker);
      if (call == null) {
        continue;
      }
      if (checkDuplicateIds) {
        IdSet ids;
        if (call.queue() == lastQueue) { // the handler shares one string per queue name
          ids = lastIds;
        } else {
          ids = idsByQueue.computeIfAbsent(call.queue(), q -> new IdSet());
          lastQueue = call.queue();
          lastIds = ids;
        }
        if (!requireNonNull(ids).add(call.id())) {
          tracker.skip(SkippedRecord.of(source, row.line, "column " + columnName(row, RowHandler.ID), call.id(),
              "is a duplicate: the id was already read in queue " + call.queue() + " (expected unique within a queue)"));
          continue;
        }
      }
      tracker.accept(call);
    }
    if (header) {
      throw tracker.fatal(SkippedRecord.of(source, 1, "header", "",
          "is missing: the file is empty (expected a header line naming the columns)"));
    }
  }

  private static String columnName(RowHandler row, int role) {
    return row.roleName(role);
  }

  private void header(RowHandler row, String source, ReadTracker tracker) {
    List<String> cells = row.headerCells;
    if (row.fields == 0 || (cells.size() == 1 && cells.get(0).isBlank())) {
      throw tracker.fatal(SkippedRecord.of(source, row.line, "header", "",
          "is an empty line (expected a header line naming the columns)"));
    }
    int[] roles = new int[cells.size()];
    String[] names = new String[cells.size()];
    Map<Integer, String> byRole = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String raw = cells.get(i);
      if (i == 0 && raw.startsWith("\uFEFF")) {
        raw = raw.substring(1); // a byte-order mark read through a Reader
      }
      String name = raw.strip().toLowerCase(Locale.ROOT);
      names[i] = raw.strip();
      int role = role(name);
      roles[i] = role;
      if (role == RowHandler.IGNORED) {
        tracker.ignoreColumn(raw);
        continue;
      }
      int group = group(role);
      String earlier = byRole.putIfAbsent(group, raw.strip());
      if (earlier != null) {
        throw tracker.fatal(SkippedRecord.of(source, row.line, "header", raw,
            "repeats column " + earlier + " (expected each column once; arrived and ended take one format each)"));
      }
      byRole.put(role, raw.strip());
    }
    for (int[] required : new int[][] {
        {RowHandler.ID}, {RowHandler.QUEUE}, {RowHandler.ARRIVED_ISO}, {RowHandler.OUTCOME}, {RowHandler.ENDED_ISO}}) {
      if (!byRole.containsKey(group(required[0]))) {
        throw tracker.fatal(SkippedRecord.of(source, row.line, "header", String.join(",", cells),
            "has no column " + requiredName(required[0])
                + " (expected every required column: id, queue, arrived, outcome, ended; see docs/csv-format.md)"));
      }
    }
    row.columns(roles, names, byRole);
  }

  private static String requiredName(int role) {
    switch (role) {
      case RowHandler.ID:
        return "id";
      case RowHandler.QUEUE:
        return "queue";
      case RowHandler.ARRIVED_ISO:
        return "arrived (or arrived_epoch_seconds, arrived_epoch_millis)";
      case RowHandler.OUTCOME:
        return "outcome";
      default:
        return "ended (or ended_epoch_seconds, ended_epoch_millis)";
    }
  }

  /** The role that stands for every format of the same column (arrived, ended). */
  private static int group(int role) {
    switch (role) {
      case RowHandler.ARRIVED_SECONDS:
      case RowHandler.ARRIVED_MILLIS:
        return RowHandler.ARRIVED_ISO;
      case RowHandler.ENDED_SECONDS:
      case RowHandler.ENDED_MILLIS:
        return RowHandler.ENDED_ISO;
      default:
        return role;
    }
  }

  private static int role(String name) {
    switch (name) {
      case "id":
        return RowHandler.ID;
      case "queue":
        return RowHandler.QUEUE;
      case "channel":
        return RowHandler.CHANNEL;
      case "arrived":
        return RowHandler.ARRIVED_ISO;
      case "arrived_epoch_seconds":
        return RowHandler.ARRIVED_SECONDS;
      case "arrived_epoch_millis":
        return RowHandler.ARRIVED_MILLIS;
      case "outcome":
        return RowHandler.OUTCOME;
      case "ended":
        return RowHandler.ENDED_ISO;
      case "ended_epoch_seconds":
        return RowHandler.ENDED_SECONDS;
      case "ended_epoch_millis":
        return RowHandler.ENDED_MILLIS;
      case "handle_time":
        return RowHandler.HANDLE_TIME;
      default:
        return RowHandler.IGNORED;
    }
  }

  /** Turns the row's state into a call, or reports the row and returns null. */
  private @Nullable Call call(RowHandler row, String source, ReadTracker tracker) {
    if (row.fields == 0) {
      tracker.skip(SkippedRecord.of(source, row.line, "row", "",
          "is an empty line (expected " + row.columnCount() + " columns as in the header)"));
      return null;
    }
    if (row.fields != row.columnCount()) {
      tracker.skip(SkippedRecord.of(source, row.line, "column count", Integer.toString(row.fields),
          "differs from the header's " + row.columnCount() + " columns (expected every row to have as many)"));
      return null;
    }
    if (row.defectRule != null) {
      tracker.skip(SkippedRecord.of(source, row.line, "column " + row.defectColumn,
          requireNonNull(row.defectValue), row.defectRule));
      return null;
    }
    String arrivedCol = "column " + columnName(row, RowHandler.ARRIVED_ISO);
    String endedCol = "column " + columnName(row, RowHandler.ENDED_ISO);
    if (!row.hasArrived) {
      tracker.skip(SkippedRecord.of(source, row.line, arrivedCol, "", "is empty (expected the instant the call arrived)"));
      return null;
    }
    boolean waiting = row.outcome == RowHandler.WAITING;
    if (waiting && row.endedText.length() > 0) {
      tracker.skip(SkippedRecord.of(source, row.line, endedCol, row.endedText.toString(),
          "is given for a waiting call (expected empty when outcome is waiting)"));
      return null;
    }
    if (!waiting && !row.hasEnded) {
      tracker.skip(SkippedRecord.of(source, row.line, endedCol, "",
          "is empty (expected the instant of the outcome when outcome is " + RowHandler.OUTCOMES[row.outcome] + ")"));
      return null;
    }
    String id = requireNonNull(row.id);
    String queue = requireNonNull(row.queue);
    try {
      Instant arrived = Instant.ofEpochSecond(row.arrivedSeconds, row.arrivedNanos);
      Call call;
      if (waiting) {
        call = Call.waiting(id, queue, arrived);
      } else {
        Instant ended = Instant.ofEpochSecond(row.endedSeconds, row.endedNanos);
        switch (row.outcome) {
          case RowHandler.ANSWERED:
            call = Call.answered(id, queue, arrived, ended);
            break;
          case RowHandler.ABANDONED:
            call = Call.abandoned(id, queue, arrived, ended);
            break;
          default:
            call = Call.leftUnanswered(id, queue, arrived, ended, reason(row.outcome));
            break;
        }
      }
      if (row.channel != call.channel()) {
        call = call.withChannel(row.channel);
      }
      if (row.hasHandle) {
        call = call.withHandleTime(Duration.ofSeconds(row.handleSeconds, row.handleNanos));
      }
      return call;
    } catch (InvalidCallException e) {
      String column;
      String value;
      switch (e.field()) {
        case "id":
          column = "column " + columnName(row, RowHandler.ID);
          value = id;
          break;
        case "queue":
          column = "column " + columnName(row, RowHandler.QUEUE);
          value = queue;
          break;
        case "handle time":
          column = "column " + columnName(row, RowHandler.HANDLE_TIME);
          value = row.handleText.toString();
          break;
        default:
          column = endedCol;
          value = row.endedText.toString();
          break;
      }
      String rule = e.field().equals("id") || e.field().equals("queue") || e.field().equals("handle time")
          ? e.rule()
          : arrivedAsWritten(e.rule(), row.arrivedText.toString());
      tracker.skip(SkippedRecord.of(source, row.line, column, value, rule));
      return null;
    }
  }

  private static FlowOutReason reason(int outcome) {
    switch (outcome) {
      case RowHandler.TIMEOUT:
        return FlowOutReason.TIMEOUT;
      case RowHandler.QUEUE_EMPTY:
        return FlowOutReason.QUEUE_EMPTY;
      case RowHandler.KEY_PRESS:
        return FlowOutReason.KEY_PRESS;
      default:
        return FlowOutReason.OVERFLOW;
    }
  }

  private static SkippedRecord quotingDefect(String source, CsvParseException e) {
    String message = String.valueOf(e.getMessage());
    long line = 1;
    Matcher m = FASTCSV_LINE.matcher(message);
    if (m.find()) {
      line = Long.parseLong(m.group(1));
      message = message.substring(0, m.start()) + message.substring(m.end());
    }
    Matcher c = FASTCSV_CHAR.matcher(message);
    String value = c.find() ? c.group(1) : "\"";
    return SkippedRecord.of(source, line, "quoting", value,
        "breaks the CSV quoting: " + message + " (the rows after it cannot be delimited, so reading stops here)");
  }

  /** Shows the arrival as the file wrote it, with the instant it means when the two read differently. */
  private static String arrivedAsWritten(String rule, String arrivedText) {
    String prefix = "is before arrived ";
    if (!rule.startsWith(prefix)) {
      return rule;
    }
    String instant = rule.substring(prefix.length());
    return instant.equals(arrivedText) ? rule : prefix + arrivedText + " (" + instant + ")";
  }
}
