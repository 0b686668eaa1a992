package io.github.callmetrics.csv;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.call.InvalidCallException;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.call.internal.CallAccess;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.read.internal.ReadTracker;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The state of one read of a call file, or of one part of it: the header ({@link CsvHeader}), then each
 * record's cells ({@link RowParser}) made into a call with the model's checks, through the duplicate-id check
 * of the file when there is one, to the tracker. Not thread-safe: one per read or part.
 */
final class CsvSession {
  private static final CallAccess CALLS = CallAccess.Holder.get();

  final CsvTokenizer t;
  final String source;
  final ReadTracker tracker;
  final CsvLayout layout;
  final RowParser row;
  /** The in-order check of one file ({@link #read()}); a run's check ({@code CsvCallReader.collect}) is the tracker's. */
  final @Nullable DuplicateCheck duplicates;
  /** The file's size in bytes, or -1 for a stream. */
  final long size;
  long records;
  boolean sized;
  /** The part of the file this session reads, or null for all of it. */
  @Nullable FilePart<?> part;

  CsvSession(CsvTokenizer t, String source, ReadTracker tracker, long size, boolean checkIds, CsvLayout layout) {
    this.duplicates = checkIds ? new DuplicateCheck() : null;
    this.layout = layout;
    this.row = new RowParser(layout.zone().orElse(null));
    this.t = t;
    this.source = source;
    this.tracker = tracker;
    this.size = size;
  }

  void read() throws IOException {
    readHeader();
    body();
  }

  /** Reads the header record; a defect there stops the read. */
  void readHeader() throws IOException {
    try {
      CsvHeader.delimiter(t, tracker, source, layout);
      if (!t.next()) {
        throw tracker.fatal(SkippedRecord.of(source, 1, "header", "",
            "is missing: the file is empty (expected a header line naming the columns)"));
      }
    } catch (CsvTokenizer.CsvSyntaxException e) {
      throw tracker.fatal(SkippedRecord.of(source, e.line, e.field, e.value, e.rule));
    }
    CsvHeader.read(t, tracker, source, layout, row);
    records = 1;
  }

  /** Reads the records after the header: to the end, or for a part to where a later part starts. */
  void body() throws IOException {
    try {
      while (t.next()) {
        if (record()) {
          break;
        }
      }
      flush();
    } catch (CsvTokenizer.CsvSyntaxException e) {
      // A quote never closed, or a record too long: no later record can be delimited.
      flush();
      throw tracker.fatal(SkippedRecord.of(source, e.line, e.field, e.value, e.rule));
    }
  }

  /**
   * Handles the record the tokenizer holds. A method of its own, called once per record, so that the JIT
   * compiles it as a whole method, with the profile of many calls, rather than only inside the one long
   * loop of {@link #body} (on-stack replacement), whose code varied from run to run.
   *
   * @return true if this part of the file ends after the record
   */
  private boolean record() {
    records++;
    Call call = call();
    if (call != null) {
      if (duplicates == null) {
        tracker.at(t.line());
        tracker.accept(call);
      } else {
        int idColumn = row.column(RowParser.ID);
        if (duplicates.add(call, t.line(), row.queueNumber, t.bytes(), t.start(idColumn), t.length(idColumn))) {
          if (!sized && size > 0) {
            // The rows so far tell the bytes per row: size the id set for the whole file at once.
            sized = true;
            duplicates.expect(size * records / t.position());
          }
          flush();
        }
      }
    }
    return part != null && part.endsAt(t.position(), t.nextLine());
  }

  /** Hands on the calls waiting for the duplicate check; before any report, so the file's order holds. */
  private void flush() {
    if (duplicates != null) {
      duplicates.flush(tracker, source, row.roleName(RowParser.ID));
    }
  }

  /** Reports a bad record, after the calls before it. */
  private void skip(SkippedRecord record) {
    flush();
    tracker.skip(record);
  }

  private SkippedRecord strayQuote() {
    int field = t.strayField();
    String cell = field < row.columnCount() ? "column " + row.name(field) + "'s cell" : "cell " + (field + 1);
    return SkippedRecord.of(source, t.line(), "quoting", t.strayText(),
        "follows the closing quote of " + cell + " (expected a comma or a line end after a closing quote, as in"
            + " RFC 4180; the row is skipped, and reading goes on after it)");
  }

  /** Parses a record into a call, or reports the record and returns null. */
  private @Nullable Call call() {
    int fields = t.fieldCount();
    if (t.strayField() >= 0) {
      skip(strayQuote());
      return null;
    }
    if (fields == 0) {
      skip(SkippedRecord.of(source, t.line(), "row", "",
          "is an empty line (expected " + row.columnCount() + " columns as in the header)"));
      return null;
    }
    if (fields != row.columnCount()) {
      skip(SkippedRecord.of(source, t.line(), "column count", Integer.toString(fields),
          "differs from the header's " + row.columnCount() + " columns (expected every row to have as many)"));
      return null;
    }
    row.parse(t);
    if (row.defectRule != null) {
      skip(SkippedRecord.of(source, t.line(), "column " + row.name(row.defectColumn),
          requireNonNull(row.defectValue), row.defectRule));
      return null;
    }
    if (!row.hasArrived) {
      skip(SkippedRecord.of(source, t.line(), "column " + row.roleName(RowParser.ARRIVED_ISO), "",
          "is empty (expected the instant the call arrived)"));
      return null;
    }
    boolean waiting = row.outcome == RowParser.WAITING;
    if (waiting) {
      for (int endedColumn : row.endedColumns()) {
        if (t.length(endedColumn) > 0) {
          skip(SkippedRecord.of(source, t.line(), "column " + row.name(endedColumn), t.text(endedColumn),
              "is given for a waiting call (expected empty when outcome is waiting)"));
          return null;
        }
      }
    }
    if (!waiting && !row.hasEnded) {
      skip(SkippedRecord.of(source, t.line(), "column " + row.roleName(RowParser.ENDED_ISO), "",
          "is empty (expected the instant of the outcome when outcome is " + RowParser.OUTCOMES[row.outcome] + ")"));
      return null;
    }
    String id = requireNonNull(row.id);
    String queue = requireNonNull(row.queue);
    try {
      // One object, straight from the parsed primitives, with the factories' checks and messages.
      Call call = CALLS.create(id, queue, row.channel, OUTCOMES[row.outcome], reason(row.outcome), row.arrivedSeconds,
          row.arrivedNanos, row.endedSeconds, row.endedNanos, row.hasHandle, row.handleSeconds, row.handleNanos);
      RowTimes times = row.times();
      for (int k = 0; k < times.notices; k++) {
        int column = times.columns[k];
        tracker.notice(times.keys[k], SkippedRecord.of(source, t.line(), "column " + row.name(column),
            t.text(column), times.rules[k]));
      }
      return call;
    } catch (InvalidCallException e) {
      // The model's rule broken; the message names the column and shows the cell as the file wrote it.
      int role;
      switch (e.field()) {
        case "id":
          role = RowParser.ID;
          break;
        case "queue":
          role = RowParser.QUEUE;
          break;
        case "handle time":
          role = RowParser.HANDLE_TIME;
          break;
        default:
          role = RowParser.ENDED_ISO;
          break;
      }
      String value = role == RowParser.ID ? id : role == RowParser.QUEUE ? queue : t.text(row.column(role));
      String rule = role == RowParser.ENDED_ISO
          ? arrivedAsWritten(e.rule(), t.text(row.column(RowParser.ARRIVED_ISO)))
          : e.rule();
      skip(SkippedRecord.of(source, t.line(), "column " + row.roleName(role), value, rule));
      return null;
    }
  }

  /** The call's outcome for each of the file's ({@link RowParser#OUTCOMES}). */
  private static final Outcome[] OUTCOMES = {Outcome.ANSWERED, Outcome.ABANDONED, Outcome.LEFT_UNANSWERED,
      Outcome.LEFT_UNANSWERED, Outcome.LEFT_UNANSWERED, Outcome.LEFT_UNANSWERED, Outcome.LEFT_UNANSWERED,
      Outcome.WAITING};

  private static @Nullable FlowOutReason reason(int outcome) {
    switch (outcome) {
      case RowParser.ANSWERED:
      case RowParser.ABANDONED:
      case RowParser.WAITING:
        return null;
      case RowParser.TIMEOUT:
        return FlowOutReason.TIMEOUT;
      case RowParser.QUEUE_EMPTY:
        return FlowOutReason.QUEUE_EMPTY;
      case RowParser.KEY_PRESS:
        return FlowOutReason.KEY_PRESS;
      case RowParser.WITHDRAWN:
        return FlowOutReason.WITHDRAWN;
      default:
        return FlowOutReason.OVERFLOW;
    }
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
