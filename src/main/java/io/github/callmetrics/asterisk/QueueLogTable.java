package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.callmetrics.csv.internal.CsvRecords;
import io.github.callmetrics.internal.LocalTimes;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.read.SourceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code queue_log} table exported as CSV (Asterisk's realtime {@code queue_log}: {@code time, callid,
 * queuename, agent, event, data1..data5}, or one {@code data} column of {@code |}-separated fields) by turning
 * each row into the {@code queue_log} line it stands for, {@code epoch|callid|queuename|agent|event|data...}, and
 * handing that line to the same {@link CallAssembler} as a file's lines: the events mean what they mean in the
 * file. A row is numbered by the CSV line it starts on.
 *
 * <p>{@code time} is an epoch in seconds, a date-time with an offset ({@code 2024-03-05T10:15:02Z}), or a local
 * date-time ({@code 2024-03-05 10:15:02}, a fraction allowed) in the zone the reader was given; a fraction of a
 * second is dropped, as Asterisk's file writer truncates its clock to the second. A local time that the zone's
 * clocks skipped (spring forward) is a defect of its row; one they showed twice (fall back) is read at the offset
 * the log's order gives (the earlier one, unless the log has already passed the change) and said once per change
 * and offset in {@link QueueLogReport#ambiguousTimes()}. Not thread-safe.
 */
final class QueueLogTable {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_DATE_TIME;
  private static final List<String> REQUIRED = List.of("time", "callid", "queuename", "agent", "event");
  private static final int MAX_DATA = 9;

  private final String source;
  private final @Nullable ZoneId zone;
  private final Consumer<SkippedRecord> defects;
  private final Function<SkippedRecord, RuntimeException> fatal;
  private final Consumer<String> ignoredColumn;
  private final List<SkippedRecord> ambiguous;
  private final Set<String> noted = new HashSet<>();
  private int[] required = new int[REQUIRED.size()];
  private int[] data = new int[0];
  private int dataColumn = -1;
  private int width;
  private byte[] out = new byte[256];
  private int outLen;
  private long latest = Long.MIN_VALUE;
  private @Nullable LocalTimes times;

  QueueLogTable(String source, @Nullable ZoneId zone, Consumer<SkippedRecord> defects,
      Function<SkippedRecord, RuntimeException> fatal, Consumer<String> ignoredColumn, List<SkippedRecord> ambiguous) {
    this.source = source;
    this.zone = zone;
    this.defects = defects;
    this.fatal = fatal;
    this.ignoredColumn = ignoredColumn;
    this.ambiguous = ambiguous;
  }

  /** Reads the table to its end, handing each row's line to the handler through the scanner. */
  void read(InputStream in, LineScanner scanner, LineScanner.LineHandler handler) throws IOException {
    CsvRecords rows = CsvRecords.open(in);
    scanner.restartNumbering();
    try {
      boolean header = true;
      while (rows.next()) {
        if (rows.fieldCount() == 0) {
          continue; // a blank line, such as the one a database tool leaves at the end
        }
        if (header) {
          header(rows);
          header = false;
          continue;
        }
        if (row(rows)) {
          while (scanner.lineNumber() < rows.line() - 1) {
            scanner.skipLine();
          }
          scanner.line(out, 0, outLen, handler);
        }
      }
    } catch (CsvRecords.SyntaxError e) {
      throw fatal.apply(SkippedRecord.of(source, e.line, e.field, e.value, e.rule));
    }
  }

  private void header(CsvRecords rows) {
    Arrays.fill(required, -1);
    int[] numbered = new int[MAX_DATA];
    Arrays.fill(numbered, -1);
    int highest = 0;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < rows.fieldCount(); i++) {
      String name = rows.text(i).strip().toLowerCase(Locale.ROOT);
      if (names.contains(name)) {
        throw fatal.apply(SkippedRecord.of(source, rows.line(), "header", rows.text(i),
            "is a column named twice (expected each column once)"));
      }
      names.add(name);
      int r = REQUIRED.indexOf(name);
      if (r >= 0) {
        required[r] = i;
      } else if (name.equals("data")) {
        dataColumn = i;
      } else if (name.matches("data[1-9]")) {
        int n = name.charAt(4) - '0';
        numbered[n - 1] = i;
        highest = Math.max(highest, n);
      } else {
        ignoredColumn.accept(rows.text(i));
      }
    }
    for (int r = 0; r < REQUIRED.size(); r++) {
      if (required[r] < 0) {
        throw fatal.apply(SkippedRecord.of(source, rows.line(), "header", String.join(",", names),
            "has no column " + REQUIRED.get(r) + " (expected time, callid, queuename, agent, event and data1..data5"
                + " or data, the columns of Asterisk's queue_log table)"));
      }
    }
    if (highest > 0 && dataColumn >= 0) {
      ignoredColumn.accept("data"); // data1..data5 hold the fields; Asterisk fills one or the other
      dataColumn = -1;
    }
    data = Arrays.copyOf(numbered, highest);
    width = rows.fieldCount();
  }

  /** Builds the row's line in {@link #out}; false if the row is a defect (already handed on). */
  private boolean row(CsvRecords rows) {
    long line = rows.line();
    if (rows.strayField() >= 0) {
      defects.accept(SkippedRecord.of(source, line, "quoting", rows.text(rows.strayField()),
          "has characters after its closing quote (expected a comma or a line end after a quoted field)"));
      return false;
    }
    if (rows.fieldCount() != width) {
      defects.accept(SkippedRecord.of(source, line, "row", rows.fieldCount() + " cells",
          "does not have the header's " + width + " cells"));
      return false;
    }
    long epoch = epoch(rows.text(required[0]).strip(), line);
    if (epoch < 0) {
      return false;
    }
    outLen = 0;
    String digits = Long.toString(epoch);
    for (int i = 0; i < digits.length(); i++) {
      put((byte) digits.charAt(i));
    }
    for (int r = 1; r < REQUIRED.size(); r++) {
      put((byte) '|');
      if (!copy(rows, required[r], REQUIRED.get(r), line, false)) {
        return false;
      }
    }
    int keep = outLen;
    if (dataColumn >= 0) {
      put((byte) '|');
      if (!copy(rows, dataColumn, "data", line, true)) {
        return false;
      }
      if (outLen > keep + 1) {
        keep = outLen;
      }
    } else {
      for (int k = 0; k < data.length; k++) {
        put((byte) '|');
        if (data[k] >= 0 && !copy(rows, data[k], "data" + (k + 1), line, false)) {
          return false;
        }
        if (data[k] >= 0 && !isNull(rows, data[k]) && rows.end(data[k]) > rows.start(data[k])) {
          keep = outLen;
        }
      }
    }
    // Empty data fields at the end are dropped, as the line Asterisk's file writer writes has none.
    outLen = keep;
    return true;
  }

  /** Appends a cell's bytes, as they are (a callid that is not UTF-8 stays itself); false if it cannot be. */
  private boolean copy(CsvRecords rows, int i, String column, long line, boolean pipesAllowed) {
    if (isNull(rows, i)) {
      return true;
    }
    byte[] b = rows.bytes();
    for (int k = rows.start(i); k < rows.end(i); k++) {
      byte c = b[k];
      if ((c == '|' && !pipesAllowed) || c == '\n' || c == '\r') {
        defects.accept(SkippedRecord.of(source, line, column, rows.text(i), "holds a "
            + (c == '|' ? "|" : "line break") + ", which a queue_log field cannot (expected text without one)"));
        return false;
      }
      put(c);
    }
    return true;
  }

  /** A database's null in a data cell ({@code \N} of MySQL's export, or NULL) is an empty field. */
  private boolean isNull(CsvRecords rows, int i) {
    int len = rows.end(i) - rows.start(i);
    if (len != 2 && len != 4) {
      return false;
    }
    String text = rows.text(i);
    return text.equals("\\N") || text.equals("NULL");
  }

  private void put(byte c) {
    if (outLen == out.length) {
      out = Arrays.copyOf(out, out.length * 2);
    }
    out[outLen++] = c;
  }

  /** The row's time as epoch seconds, or -1 if it is a defect (handed on). */
  private long epoch(String text, long line) {
    long epoch;
    if (!text.isEmpty() && text.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')
        && text.indexOf('.') == text.lastIndexOf('.') && text.charAt(0) != '.') {
      String whole = text.indexOf('.') < 0 ? text : text.substring(0, text.indexOf('.'));
      epoch = whole.length() > 18 ? Long.MAX_VALUE : Long.parseLong(whole);
    } else {
      epoch = dateTime(text, line);
      if (epoch == Long.MIN_VALUE) {
        return -1;
      }
    }
    if (epoch < 0 || epoch > CallAssembler.MAX_SECONDS) {
      defects.accept(SkippedRecord.of(source, line, "time", text,
          "is not a time from 1970 to 9999 (expected epoch seconds or a date-time such as 2024-03-05 10:15:02)"));
      return -1;
    }
    latest = Math.max(latest, epoch);
    return epoch;
  }

  /** A date-time's epoch second, or {@code Long.MIN_VALUE} if it is a defect (handed on). */
  private long dateTime(String text, long line) {
    TemporalAccessor parsed;
    try {
      parsed = ISO.parseBest(text.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T"),
          OffsetDateTime::from, LocalDateTime::from);
    } catch (DateTimeParseException e) {
      defects.accept(SkippedRecord.of(source, line, "time", text,
          "is not a time (expected epoch seconds or a date-time such as 2024-03-05 10:15:02)"));
      return Long.MIN_VALUE;
    }
    if (parsed instanceof OffsetDateTime) {
      return ((OffsetDateTime) parsed).toEpochSecond();
    }
    LocalDateTime local = (LocalDateTime) parsed;
    if (zone == null) {
      throw fatal.apply(SkippedRecord.of(source, line, "time", text, "is a local time and no zone was given"
          + " (expected the zone of the database's clock: --zone, or QueueLogReader.withZone)"));
    }
    LocalTimes times = localTimes(zone);
    long localSecond = local.toEpochSecond(ZoneOffset.UTC);
    int found = times.resolve(localSecond);
    if (found == LocalTimes.UNIQUE) {
      return times.epochSecond();
    }
    if (found == LocalTimes.GAP) {
      defects.accept(SkippedRecord.of(source, line, "time", text,
          times.gapRule("a log written in another zone needs that zone")));
      return Long.MIN_VALUE;
    }
    long earlier = times.earlier(localSecond);
    long later = times.later(localSecond);
    long changeAt = times.change().toEpochSecond();
    boolean passed = latest != Long.MIN_VALUE
        && (latest >= changeAt || earlier < latest - TimeOrder.BACKWARDS_TOLERANCE_SECONDS);
    long chosen = passed ? later : earlier;
    if (noted.add(times.noticeKey(passed))) {
      ambiguous.add(SkippedRecord.of(source, line, "time", text, times.ambiguousRule(passed, chosen,
          (passed ? "the later offset, as the log has passed the change"
              : "the earlier offset, as the log has not passed the change yet")
          + " (the rows of that hour are read so until the log's order shows the change)")));
    }
    return chosen;
  }

  private LocalTimes localTimes(ZoneId zone) {
    LocalTimes times = this.times;
    if (times == null) {
      times = new LocalTimes(zone);
      this.times = times;
    }
    return times;
  }

  /** Returns whether a head of bytes is a table's, by {@code SourceFormat}'s one rule. */
  static boolean isTable(byte[] head, int len) {
    return SourceFormat.detect(new String(head, 0, len, UTF_8))
        .filter(f -> f == SourceFormat.ASTERISK_QUEUE_LOG_TABLE).isPresent();
  }
}
