package io.github.callmetrics.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadReport;
import io.github.callmetrics.read.ReadResult;
import io.github.callmetrics.testing.ReadContract;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link CsvCallReader} (docs/fuzzing.md). Under any bytes, a read returns or throws the documented
 * {@link ReadException} naming source, line and column, never anything else; LENIENT accounts for every
 * record ({@code callCount + skippedCount} = the data rows) and throws only for the defects that stop any
 * read (header, quoting); STRICT stops exactly at LENIENT's first skipped record. Fuzz one for a fixed
 * time: {@code mvn -B -Pfuzz test -Dtest=CsvCallReaderFuzzTest#anyBytes -Djazzer.max_duration=5m}.
 */
class CsvCallReaderFuzzTest {
  private static final Path FILE = tempFile();
  /** The name a read of {@link #FILE} gives in its messages. */
  private static final String SOURCE = FILE.getFileName().toString();

  private static Path tempFile() {
    try {
      Path file = Files.createTempFile("callmetrics-fuzz", ".csv");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Any bytes as a file: the contract in both modes, and the two modes agree. */
  @FuzzTest(maxDuration = "5m")
  @Timeout(10)
  void anyBytes(byte[] input) throws IOException {
    Files.write(FILE, input);
    long lastLine = ReadContract.lineBound(input);
    Read lenient = read(ReadMode.LENIENT, lastLine);
    Read strict = read(ReadMode.STRICT, lastLine);
    ReadContract.assertStrictStopsWhereLenientSkips(
        strict.calls, strict.failure, lenient.calls, lenient.report, lenient.failure);

    long rows = dataRows();
    if (lenient.failure == null) {
      assertThat(lenient.report.callCount() + lenient.report.skippedCount())
          .as("calls + skipped = the file's data rows").isEqualTo(rows);
    } else {
      // Only a defect after which no row can be found stops a LENIENT read.
      assertThat(lenient.failure.defect().field()).isIn("header", "quoting");
      if (lenient.failure.defect().field().equals("quoting")) {
        assertThat(lenient.report.callCount() + lenient.report.skippedCount())
            .as("every row before the broken quote is accounted for").isEqualTo(rows);
      }
    }

    // The same text through a Reader keeps the same contract (its byte-order-mark handling is the reader's own).
    try {
      ReadResult viaReader = CsvCallReader.of(ReadMode.LENIENT).read(new StringReader(new String(input, UTF_8)), "text");
      ReadContract.assertSkippedInOrder(viaReader.report(), "text", lastLine);
    } catch (ReadException e) {
      ReadContract.assertLocated(e, "text", lastLine);
      assertThat(e.defect().field()).isIn("header", "quoting");
    }
  }

  /**
   * Rows built from real calls, written in every format the CSV format allows (ISO instants with each
   * offset form and fractions, epoch seconds and milliseconds, handle time in seconds or ISO), mixed with
   * rows where one cell is replaced by a fuzzed value, a cell is added or dropped, or the row is empty. Every
   * unchanged row must come back as exactly its call, and every row must be accounted for.
   */
  @FuzzTest(maxDuration = "5m")
  @Timeout(10)
  void generatedRows(FuzzedDataProvider data) throws IOException {
    GeneratedFile file = GeneratedFile.generate(data);
    byte[] bytes = file.text.toString().getBytes(UTF_8);
    Files.write(FILE, bytes);
    long lastLine = ReadContract.lineBound(bytes);
    Read lenient = read(ReadMode.LENIENT, lastLine);
    Read strict = read(ReadMode.STRICT, lastLine);
    ReadContract.assertStrictStopsWhereLenientSkips(
        strict.calls, strict.failure, lenient.calls, lenient.report, lenient.failure);

    assertThat(lenient.failure).as("a generated file has a usable header and quoting").isNull();
    assertThat(lenient.report.callCount() + lenient.report.skippedCount()).isEqualTo(file.rows);
    List<Call> unchanged = lenient.calls.stream().filter(c -> c.id().startsWith("g")).collect(Collectors.toList());
    assertThat(unchanged).isEqualTo(file.expected);
    assertThat(lenient.report.ignoredColumns()).isEqualTo(file.ignoredColumns);
  }

  /** One read's outcome: the calls and report, at the end or at the exception. */
  private static final class Read {
    final List<Call> calls;
    final ReadReport report;
    final ReadException failure;

    Read(List<Call> calls, ReadReport report, ReadException failure) {
      this.calls = calls;
      this.report = report;
      this.failure = failure;
    }
  }

  private static Read read(ReadMode mode, long lastLine) throws IOException {
    try {
      ReadResult result = CsvCallReader.of(mode).read(FILE);
      ReadContract.assertSkippedInOrder(result.report(), SOURCE, lastLine);
      if (mode == ReadMode.STRICT) {
        assertThat(result.report().skipped()).isEmpty();
      }
      return new Read(result.calls(), result.report(), null);
    } catch (ReadException e) {
      ReadContract.assertLocated(e, SOURCE, lastLine);
      return new Read(e.calls(), e.report(), e);
    }
  }

  /** The data rows of the file (records after the header), counted by FastCSV itself up to a quoting error. */
  private static long dataRows() throws IOException {
    long records = 0;
    try (CsvReader<CsvRecord> csv = CsvReader.builder().allowUnclosedQuote(false).skipEmptyLines(false)
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .detectBomHeader(true).ofCsvRecord(FILE)) {
      for (CsvRecord ignored : csv) {
        records++;
      }
    } catch (CsvParseException e) {
      // The rows before the broken quote are the ones a read can account for.
    }
    return Math.max(0, records - 1);
  }

  /** A CSV file generated from fuzzer choices, with the calls its unchanged rows hold. */
  private static final class GeneratedFile {
    // Instants whose local date, at any offset up to 18 hours, stays within the format's years 0000-9999.
    private static final long MIN_SECOND = LocalDate.of(0, 1, 2).toEpochDay() * 86_400;
    private static final long MAX_SECOND = LocalDate.of(9999, 12, 30).toEpochDay() * 86_400;
    private static final String[] QUEUES = {"sales", "support", "q 1", "Q,2", "\"quoted\"", "émile", "line\nbreak"};
    private static final String[] OUTCOMES = {"answered", "abandoned", "timeout", "queue-empty", "key-press",
        "overflow", "waiting"};
    private static final String[] BAD_VALUES = {"", " ", "2026-02-30T01:00:00Z", "2026-13-01T00:00:00Z",
        "2026-03-29T01:59:58", "2026-03-29T24:00:00Z", "2026-03-29T01:59:58+19:00", "2026-03-29T01:59:58.Z",
        "2026-03-29T01:59:58.1234567890Z", "-", "1e3", "9999999999999999999", "-9223372036854775808",
        "PT-5S", "-5", "P1D", "PT", "1.", ".5", "voice ", "ANSWERED", "answered ", "waiting", "fax",
        "1970-01-01T00:00:00Z", "0000-01-01T00:00:00+18:00", "9999-12-31T23:59:59-18:00", "+1000000000"};

    final StringBuilder text = new StringBuilder();
    final List<Call> expected = new ArrayList<>();
    final List<String> ignoredColumns = new ArrayList<>();
    int rows;

    static GeneratedFile generate(FuzzedDataProvider data) {
      GeneratedFile file = new GeneratedFile();
      file.write(data);
      return file;
    }

    private void write(FuzzedDataProvider data) {
      String arrivedFormat = data.pickValue(new String[] {"arrived", "arrived_epoch_seconds", "arrived_epoch_millis"});
      String endedFormat = data.pickValue(new String[] {"ended", "ended_epoch_seconds", "ended_epoch_millis"});
      List<String> columns = new ArrayList<>(List.of("id", "queue", arrivedFormat, "outcome", endedFormat));
      if (data.consumeBoolean()) {
        columns.add("channel");
      }
      if (data.consumeBoolean()) {
        columns.add("handle_time");
      }
      if (data.consumeBoolean()) {
        columns.add("agent");
      }
      // A fuzzed order of the columns.
      for (int i = columns.size() - 1; i > 0; i--) {
        Collections.swap(columns, i, data.consumeInt(0, i));
      }
      String lineEnd = data.consumeBoolean() ? "\n" : "\r\n";
      if (data.consumeBoolean()) {
        text.append('\uFEFF');
      }
      List<String> header = new ArrayList<>();
      for (String column : columns) {
        String name = data.consumeBoolean() ? column.toUpperCase(Locale.ROOT) : column;
        name = data.consumeBoolean() ? " " + name + " " : name;
        header.add(name);
        if (column.equals("agent")) {
          ignoredColumns.add(name);
        }
      }
      text.append(String.join(",", header.stream().map(GeneratedFile::cell).collect(Collectors.toList())))
          .append(lineEnd);

      int count = data.consumeInt(0, 30);
      for (int row = 0; row < count; row++) {
        writeRow(data, row, columns, lineEnd);
      }
    }

    private void writeRow(FuzzedDataProvider data, int row, List<String> columns, String lineEnd) {
      rows++;
      int change = data.consumeInt(0, 9); // 0-5 unchanged, 6 one cell fuzzed, 7 a cell more, 8 a cell less, 9 empty
      if (change == 9) {
        text.append(lineEnd);
        return;
      }
      boolean unchanged = change <= 5;
      String id = (unchanged ? "g" : "m") + row;
      String queue = data.pickValue(QUEUES);
      Channel channel = columns.contains("channel") ? data.pickValue(Channel.values()) : Channel.VOICE;
      int outcome = data.consumeInt(0, OUTCOMES.length - 1);
      boolean waiting = OUTCOMES[outcome].equals("waiting");
      long arrivedSecond = data.consumeLong(MIN_SECOND, MAX_SECOND);
      int arrivedNano = nanos(data, formatOf(columns, "arrived"));
      long waitSecond = data.consumeLong(0, Math.min(86_400L * 400, MAX_SECOND - arrivedSecond));
      int endedNano = nanos(data, formatOf(columns, "ended"));
      Instant arrived = Instant.ofEpochSecond(arrivedSecond, arrivedNano);
      Instant ended = Instant.ofEpochSecond(arrivedSecond + waitSecond, endedNano);
      if (ended.isBefore(arrived)) { // same second, fewer nanoseconds: a second later keeps the format's precision
        ended = ended.plusSeconds(1);
      }
      Duration handle = Duration.ofSeconds(data.consumeLong(0, 10_000_000), data.consumeInt(0, 999_999_999));
      boolean hasHandle = columns.contains("handle_time") && data.consumeBoolean();

      List<String> cells = new ArrayList<>();
      for (String column : columns) {
        switch (column) {
          case "id":
            cells.add(id);
            break;
          case "queue":
            cells.add(queue);
            break;
          case "channel":
            cells.add(channel == Channel.VOICE && data.consumeBoolean() ? "" : caseOf(data, channel.label()));
            break;
          case "outcome":
            cells.add(caseOf(data, OUTCOMES[outcome]));
            break;
          case "handle_time":
            cells.add(hasHandle ? duration(data, handle) : "");
            break;
          case "agent":
            cells.add(data.consumeString(12));
            break;
          default:
            boolean isArrived = column.startsWith("arrived");
            cells.add(!isArrived && waiting ? "" : instant(data, column, isArrived ? arrived : ended));
            break;
        }
      }
      if (change == 6) {
        int at = data.consumeInt(0, cells.size() - 1);
        String value = data.consumeBoolean() ? data.pickValue(BAD_VALUES) : data.consumeString(40);
        cells.set(at, at == columns.indexOf("id") && value.startsWith("g") ? "m" + value : value);
      } else if (change == 7) {
        cells.add(data.consumeString(10));
      } else if (change == 8) {
        cells.remove(data.consumeInt(0, cells.size() - 1));
      }
      text.append(cells.stream().map(GeneratedFile::cell).collect(Collectors.joining(","))).append(lineEnd);
      if (unchanged) {
        Call call;
        switch (OUTCOMES[outcome]) {
          case "answered":
            call = Call.answered(id, queue, arrived, ended);
            break;
          case "abandoned":
            call = Call.abandoned(id, queue, arrived, ended);
            break;
          case "waiting":
            call = Call.waiting(id, queue, arrived);
            break;
          default:
            call = Call.leftUnanswered(id, queue, arrived, ended, FlowOutReason.parse(OUTCOMES[outcome]));
            break;
        }
        call = call.withChannel(channel);
        expected.add(hasHandle ? call.withHandleTime(handle) : call);
      }
    }

    private static String formatOf(List<String> columns, String prefix) {
      return columns.stream().filter(c -> c.startsWith(prefix)).findFirst().orElseThrow();
    }

    /** Nanoseconds that the column's format can hold. */
    private static int nanos(FuzzedDataProvider data, String format) {
      if (format.endsWith("seconds")) {
        return 0;
      }
      if (format.endsWith("millis")) {
        return data.consumeInt(0, 999) * 1_000_000;
      }
      return data.consumeBoolean() ? 0 : data.consumeInt(0, 999_999_999);
    }

    private static String instant(FuzzedDataProvider data, String format, Instant instant) {
      if (format.endsWith("seconds")) {
        return Long.toString(instant.getEpochSecond());
      }
      if (format.endsWith("millis")) {
        return Long.toString(instant.getEpochSecond() * 1000 + instant.getNano() / 1_000_000);
      }
      int offsetMinutes = data.consumeBoolean() ? 0 : data.consumeInt(-18 * 60, 18 * 60);
      LocalDateTime local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(),
          ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d",
          local.getYear(), local.getMonthValue(), local.getDayOfMonth(), local.getHour(), local.getMinute(),
          local.getSecond()));
      int nano = instant.getNano();
      if (nano != 0 || data.consumeBoolean()) {
        // The fewest digits that hold the nanoseconds, or more, up to 9.
        String digits = String.format(Locale.ROOT, "%09d", nano);
        int needed = 9;
        while (needed > 1 && digits.charAt(needed - 1) == '0') {
          needed--;
        }
        s.append('.').append(digits, 0, data.consumeInt(needed, 9));
      }
      int abs = Math.abs(offsetMinutes);
      String sign = offsetMinutes < 0 ? "-" : "+";
      int form = data.consumeInt(0, 3);
      if (offsetMinutes == 0 && form == 0) {
        s.append(data.consumeBoolean() ? "Z" : "+00:00");
      } else if (form == 1 || form == 0) {
        s.append(String.format(Locale.ROOT, "%s%02d:%02d", sign, abs / 60, abs % 60));
      } else if (form == 2 || abs % 60 != 0) {
        s.append(String.format(Locale.ROOT, "%s%02d%02d", sign, abs / 60, abs % 60));
      } else {
        s.append(String.format(Locale.ROOT, "%s%02d", sign, abs / 60));
      }
      return s.toString();
    }

    private static String duration(FuzzedDataProvider data, Duration d) {
      if (data.consumeBoolean()) {
        return d.toString();
      }
      String whole = Long.toString(d.getSeconds());
      if (d.getNano() == 0) {
        return whole;
      }
      String digits = String.format(Locale.ROOT, "%09d", d.getNano());
      return whole + "." + digits.replaceAll("0+$", "");
    }

    private static String caseOf(FuzzedDataProvider data, String word) {
      return data.consumeBoolean() ? word.toUpperCase(Locale.ROOT) : word;
    }

    /** A cell as RFC 4180 writes it: quoted when it holds a comma, quote, line break or edge space. */
    private static String cell(String value) {
      boolean quote = value.isEmpty() ? false
          : value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
              || value.indexOf('\r') >= 0 || value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
      return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
  }
}
