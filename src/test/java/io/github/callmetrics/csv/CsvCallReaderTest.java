package io.github.callmetrics.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadReport;
import io.github.callmetrics.read.ReadResult;
import io.github.callmetrics.read.SkippedRecord;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvCallReaderTest {
  @TempDir
  Path dir;

  /** One row of each row-level defect, between good rows. */
  static final String CATALOGUE = String.join("\n",
      "id,queue,arrived,outcome,ended,handle_time,note",
      "c1,q1,2026-03-29T00:59:58Z,answered,2026-03-29T01:00:10Z,185,good",
      "c2,q1,2026-03-29T01:00:00Z,answered,2026-03-29T01:00:05Z,",
      "c3,q1,2026-02-30T01:00:00Z,answered,2026-03-29T01:00:05Z,,bad instant",
      "c4,q1,2026-03-29T01:00:10Z,abandoned,2026-03-29T01:00:05Z,,outcome before arrival",
      "c5,q1,2026-03-29T01:00:00Z,answered,2026-03-29T01:00:05Z,-3,negative handle time",
      "c6,q1,2026-03-29T01:00:00Z,hungup,2026-03-29T01:00:05Z,,unknown outcome",
      "\"  \",q1,2026-03-29T01:00:00Z,answered,2026-03-29T01:00:05Z,,blank id",
      "c1,q1,2026-03-29T01:00:00Z,answered,2026-03-29T01:00:05Z,,duplicate id in q1",
      "c1,q2,2026-03-29T02:00:00+01:00,timeout,2026-03-29T01:01:00Z,PT3M5S,same id in another queue: good",
      "c7,q1,2026-03-29T01:00:00Z,waiting,,,good",
      "c8,q1,,answered,2026-03-29T01:00:05Z,,empty arrived",
      "c9,q1,2026-03-29T01:00:00Z,waiting,2026-03-29T01:00:05Z,,ended for waiting",
      "c10,q1,2026-03-29T01:00:00Z,answered,,,no ended",
      "c11,\"q1\",2026-03-29T01:00:00.250Z,key-press,2026-03-29T01:00:09.5Z,,\"quoted, with \"\"comma\"\"\"",
      "");

  private static List<SkippedRecord> expectedDefects(String source) {
    return List.of(
        SkippedRecord.of(source, 3, "column count", "6", "differs from the header's 7 columns (expected every row to have as many)"),
        SkippedRecord.of(source, 4, "column arrived", "2026-02-30T01:00:00Z", "has day 30 (expected 01 to 28 in that month)"),
        SkippedRecord.of(source, 5, "column ended", "2026-03-29T01:00:05Z",
            "is before arrived 2026-03-29T01:00:10Z"),
        SkippedRecord.of(source, 6, "column handle_time", "-3", "is negative (expected zero or more)"),
        SkippedRecord.of(source, 7, "column outcome", "hungup",
            "is not an outcome (expected one of answered, abandoned, timeout, queue-empty, key-press, overflow, withdrawn, waiting)"),
        SkippedRecord.of(source, 8, "column id", "  ", "is blank (expected a non-blank identifier)"),
        SkippedRecord.of(source, 9, "column id", "c1",
            "is a duplicate: the id was already read in queue q1 at calls.csv:2 (expected unique within a queue)"),
        SkippedRecord.of(source, 12, "column arrived", "", "is empty (expected the instant the call arrived)"),
        SkippedRecord.of(source, 13, "column ended", "2026-03-29T01:00:05Z",
            "is given for a waiting call (expected empty when outcome is waiting)"),
        SkippedRecord.of(source, 14, "column ended", "", "is empty (expected the instant of the outcome when outcome is answered)"));
  }

  private static final Instant T0 = Instant.parse("2026-03-29T00:59:58Z");

  private static List<Call> expectedCalls() {
    return List.of(
        Call.answered("c1", "q1", T0, Instant.parse("2026-03-29T01:00:10Z")).withHandleTime(Duration.ofSeconds(185)),
        Call.leftUnanswered("c1", "q2", Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-03-29T01:01:00Z"),
            FlowOutReason.TIMEOUT).withHandleTime(Duration.ofSeconds(185)),
        Call.waiting("c7", "q1", Instant.parse("2026-03-29T01:00:00Z")),
        Call.leftUnanswered("c11", "q1", Instant.parse("2026-03-29T01:00:00.250Z"),
            Instant.parse("2026-03-29T01:00:09.500Z"), FlowOutReason.KEY_PRESS));
  }

  private Path file(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, UTF_8);
    return file;
  }

  @Test
  void lenientReportsEveryDefectWithLineColumnValueRule() throws IOException {
    ReadResult result = CsvCallReader.of(ReadMode.LENIENT).read(file("calls.csv", CATALOGUE));

    assertThat(result.calls()).containsExactlyElementsOf(expectedCalls());
    assertThat(result.skipped()).containsExactlyElementsOf(expectedDefects("calls.csv"));
    assertThat(result.report().skippedCount()).isEqualTo(10);
    assertThat(result.report().callCount()).isEqualTo(4);
    assertThat(result.report().ignoredColumns()).containsExactly("note");
    assertThat(result.skipped().get(1).message())
        .isEqualTo("calls.csv:4: column arrived: \"2026-02-30T01:00:00Z\" has day 30 (expected 01 to 28 in that month)");
  }

  @Test
  void strictStopsAtTheFirstDefectAndKeepsTheCallsBefore() throws IOException {
    Path file = file("calls.csv", CATALOGUE);

    ReadException e = catchThrowableOfType(ReadException.class, () -> CsvCallReader.of(ReadMode.STRICT).read(file));

    assertThat(e.defect()).isEqualTo(expectedDefects("calls.csv").get(0));
    assertThat(e.getMessage()).isEqualTo(
        "calls.csv:3: column count: \"6\" differs from the header's 7 columns (expected every row to have as many)");
    assertThat(e.calls()).containsExactly(expectedCalls().get(0));
    assertThat(e.report().callCount()).isEqualTo(1);
  }

  @Test
  void strictStreamingHasDeliveredTheCallsBefore() throws IOException {
    Path file = file("calls.csv", CATALOGUE);
    List<Call> seen = new ArrayList<>();

    ReadException e = catchThrowableOfType(ReadException.class,
        () -> CsvCallReader.of(ReadMode.STRICT).read(file, seen::add));

    assertThat(seen).containsExactly(expectedCalls().get(0));
    assertThat(e.calls()).isEmpty();
    assertThat(e.report().callCount()).isEqualTo(1);
    assertThat(e.defect().line()).isEqualTo(3);
  }

  @Test
  void lenientStreamingReportsTheSameAsWholeFile() throws IOException {
    List<Call> seen = new ArrayList<>();
    ReadReport report = CsvCallReader.of(ReadMode.LENIENT).read(file("calls.csv", CATALOGUE), seen::add);

    assertThat(seen).containsExactlyElementsOf(expectedCalls());
    assertThat(report.skipped()).containsExactlyElementsOf(expectedDefects("calls.csv"));
  }

  @Test
  void missingColumnStopsTheReadInBothModes() throws IOException {
    Path file = file("calls.csv", "id,queue,arrived,ended\nc1,q1,2026-03-29T00:59:58Z,2026-03-29T01:00:10Z\n");
    for (ReadMode mode : ReadMode.values()) {
      ReadException e = catchThrowableOfType(ReadException.class, () -> CsvCallReader.of(mode).read(file));
      assertThat(e.getMessage()).isEqualTo(
          "calls.csv:1: header: \"id,queue,arrived,ended\" has no column outcome"
              + " (expected every required column: id, queue, arrived, outcome, ended or wait_seconds; a column of"
              + " another name is mapped with --column ours=theirs or CsvCallReader.withColumn; see"
              + " docs/csv-format.md)");
    }
  }

  @Test
  void columnGivenTwiceStopsTheRead() throws IOException {
    Path file = file("calls.csv", "id,queue,arrived,arrived_epoch_seconds,outcome,ended\n");
    ReadException e = catchThrowableOfType(ReadException.class, () -> CsvCallReader.of(ReadMode.LENIENT).read(file));
    assertThat(e.defect().field()).isEqualTo("header");
    assertThat(e.defect().value()).isEqualTo("arrived_epoch_seconds");
  }

  @Test
  void emptyFileIsReported() throws IOException {
    Path file = file("empty.csv", "");
    for (ReadMode mode : ReadMode.values()) {
      ReadException e = catchThrowableOfType(ReadException.class, () -> CsvCallReader.of(mode).read(file));
      assertThat(e.getMessage())
          .isEqualTo("empty.csv:1: header: \"\" is missing: the file is empty (expected a header line naming the columns)");
    }
  }

  @Test
  void headerOnlyIsZeroCallsAndClean() throws IOException {
    ReadResult result = CsvCallReader.of(ReadMode.STRICT).read(file("h.csv", "id,queue,arrived,outcome,ended\n"));
    assertThat(result.calls()).isEmpty();
    assertThat(result.report().isClean()).isTrue();
    assertThat(result.report().callCount()).isZero();
  }

  @Test
  void byteOrderMarkIsSkippedInFilesAndReaders() throws IOException {
    String text = "\uFEFFid,queue,arrived,outcome,ended\nc1,q1,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\n";
    Call expected = Call.abandoned("c1", "q1", T0, Instant.parse("2026-03-29T01:00:10Z"));

    assertThat(CsvCallReader.of(ReadMode.STRICT).read(file("bom.csv", text)).calls()).containsExactly(expected);
    assertThat(CsvCallReader.of(ReadMode.STRICT).read(new StringReader(text), "bom.csv").calls())
        .containsExactly(expected);
  }

  @Test
  void crlfLineEndsReadAndLinesCountRight() throws IOException {
    String text = "id,queue,arrived,outcome,ended\r\nc1,q1,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\r\n"
        + "c2,q1,2026-03-29T00:59:58Z,abandoned,yesterday\r\n";
    ReadResult result = CsvCallReader.of(ReadMode.LENIENT).read(file("crlf.csv", text));

    assertThat(result.calls()).containsExactly(Call.abandoned("c1", "q1", T0, Instant.parse("2026-03-29T01:00:10Z")));
    assertThat(result.skipped()).extracting(SkippedRecord::line, SkippedRecord::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "yesterday"));
  }

  @Test
  void charactersAfterAClosingQuoteSkipTheRowAndLenientReadingGoesOn() throws IOException {
    String text = "id,queue,arrived,outcome,ended\n"
        + "c1,q1,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\n"
        + "c2,q1,2026-03-29T00:59:58Z,hungup,2026-03-29T01:00:10Z\n"
        + "\"c3\"x,q1,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\n"
        + "c4,q1,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\n";

    ReadResult result = CsvCallReader.of(ReadMode.LENIENT).read(file("quotes.csv", text));

    assertThat(result.calls()).extracting(Call::id).containsExactly("c1", "c4");
    assertThat(result.skipped()).extracting(SkippedRecord::line).containsExactly(3L, 4L);
    assertThat(result.skipped().get(1)).isEqualTo(SkippedRecord.of("quotes.csv", 4, "quoting", "x",
        "follows the closing quote of column id's cell (expected a comma or a line end after a closing quote, as in"
            + " RFC 4180; the row is skipped, and reading goes on after it)"));
  }

  @Test
  void charactersAfterAClosingQuoteStopAStrictReadWithWhatCameBefore() throws IOException {
    String text = "id,queue,arrived,outcome,ended\n"
        + "c1,q1,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\n"
        + "c2,\"q1\" ,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\n"
        + "c4,q1,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\n";
    Path file = file("quotes.csv", text);

    ReadException e = catchThrowableOfType(ReadException.class, () -> CsvCallReader.of(ReadMode.STRICT).read(file));

    assertThat(e.defect().line()).isEqualTo(3);
    assertThat(e.defect().field()).isEqualTo("quoting");
    assertThat(e.defect().value()).isEqualTo(" ");
    assertThat(e.calls()).extracting(Call::id).containsExactly("c1");
  }

  /** Found by CsvCallReaderFuzzTest#anyBytes (crash-header-characters-after-closing-quote.csv). */
  @Test
  void charactersAfterAClosingQuoteInTheHeaderStopALenientReadBeforeAnyRow() throws IOException {
    Path file = file("header.csv", "queue,outcome,\"id\"r,ended,arrived\nq1,answered,c1,2026-03-29T01:00:10Z,"
        + "2026-03-29T00:59:58Z\n");

    ReadException e = catchThrowableOfType(ReadException.class, () -> CsvCallReader.of(ReadMode.LENIENT).read(file));

    assertThat(e.defect()).isEqualTo(SkippedRecord.of("header.csv", 1, "quoting", "r",
        "follows the closing quote of header cell 3 (expected a comma or a line end after a closing quote, as in"
            + " RFC 4180; without a header no row can be read)"));
    assertThat(e.calls()).isEmpty();
    assertThat(e.report().skippedCount()).isZero();
  }

  @Test
  void aQuoteNeverClosedStopsTheReadInBothModesWithWhatCameBefore() throws IOException {
    StringBuilder text = new StringBuilder("id,queue,arrived,outcome,ended\n");
    for (int i = 0; i < 100; i++) { // more rows than one batch of the duplicate check
      text.append('c').append(i).append(",q1,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\n");
    }
    text.append("c1,q1,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\n"); // a duplicate, line 102
    text.append("\"c100,q1,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\nc101,q1\n");
    Path file = file("unclosed.csv", text.toString());

    ReadException e = catchThrowableOfType(ReadException.class, () -> CsvCallReader.of(ReadMode.LENIENT).read(file));

    assertThat(e.defect()).isEqualTo(SkippedRecord.of("unclosed.csv", 103, "quoting", "\"",
        "opens a quoted field that is never closed (expected a closing quote before the end of the file; the rows"
            + " after it cannot be delimited, so reading stops here)"));
    assertThat(e.calls()).hasSize(100);
    assertThat(e.report().skipped()).extracting(SkippedRecord::line).containsExactly(102L);
  }

  @Test
  void unclosedQuoteAtEndOfFileIsReported() throws IOException {
    Path file = file("unclosed.csv", "id,queue,arrived,outcome,ended\n\"c1,q1,2026-03-29T00:59:58Z,abandoned,x\n");
    ReadException e = catchThrowableOfType(ReadException.class, () -> CsvCallReader.of(ReadMode.LENIENT).read(file));
    assertThat(e.defect().field()).isEqualTo("quoting");
    assertThat(e.defect().line()).isEqualTo(2);
  }

  @Test
  void emptyLineIsReportedNotSkippedSilently() throws IOException {
    String text = "id,queue,arrived,outcome,ended\n\nc1,q1,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\n";
    ReadResult result = CsvCallReader.of(ReadMode.LENIENT).read(file("blank.csv", text));
    assertThat(result.calls()).hasSize(1);
    assertThat(result.skipped()).containsExactly(
        SkippedRecord.of("blank.csv", 2, "row", "", "is an empty line (expected 5 columns as in the header)"));
  }

  @Test
  void epochColumnsChannelAndColumnOrderAndCase() throws IOException {
    String text = "Outcome,ENDED_EPOCH_MILLIS,Queue,arrived_epoch_seconds,Channel,ID,handle_time\n"
        + "answered,1774745998500,sales,1774745990,Chat,a1,185.5\n"
        + "overflow,1774746000000,sales,1774745990,,a2,\n"
        + "queue-empty,1774746000000,sales,17747459x0,,a3,\n";
    ReadResult result = CsvCallReader.of(ReadMode.LENIENT).read(file("epoch.csv", text));

    Instant arrived = Instant.ofEpochSecond(1774745990);
    assertThat(result.calls()).containsExactly(
        Call.answered("a1", "sales", arrived, Instant.ofEpochMilli(1774745998500L)).withChannel(Channel.CHAT)
            .withHandleTime(Duration.ofMillis(185_500)),
        Call.leftUnanswered("a2", "sales", arrived, Instant.ofEpochMilli(1774746000000L), FlowOutReason.OVERFLOW));
    assertThat(result.skipped()).containsExactly(SkippedRecord.of("epoch.csv", 4, "column arrived_epoch_seconds",
        "17747459x0", "is not a whole number of epoch seconds (expected digits only)"));
  }

  @Test
  void isoInstantsAgreeWithJavaTime() throws IOException {
    String[] instants = {
      "2026-03-29T01:59:58+01:00", "2026-03-29T00:59:58Z", "2024-02-29T23:59:59.999999999-05:30", "1969-12-31T23:59:59Z",
      "2000-01-01T00:00:00.1+0130", "2026-10-25T02:30:00+02",
      // Regression, found by CsvRoundTripPropertiesTest (seed 3261018884833756579): an offset with seconds, as
      // CallCsvWriter.inZone(Africa/Monrovia) writes instants before 1972, was refused.
      "1937-07-03T01:39:59.826761978-00:44:30"
    };
    StringBuilder text = new StringBuilder("id,queue,arrived,outcome\n");
    for (int i = 0; i < instants.length; i++) {
      text.append('c').append(i).append(",q,").append(instants[i]).append(",waiting\n");
    }
    Path file = file("iso.csv", text.toString().replace("outcome\n", "outcome,ended\n").replace("waiting\n", "waiting,\n"));

    List<Call> calls = CsvCallReader.of(ReadMode.STRICT).read(file).calls();

    for (int i = 0; i < instants.length; i++) {
      Instant expected = java.time.OffsetDateTime.parse(instants[i],
          new java.time.format.DateTimeFormatterBuilder().append(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME)
              .appendPattern("[XXXXX][XX][X]").toFormatter()).toInstant();
      assertThat(calls.get(i).arrived()).as(instants[i]).isEqualTo(expected);
    }
  }

  @Test
  void duplicateCheckCanBeTurnedOffForConstantMemory() throws IOException {
    String text = "id,queue,arrived,outcome,ended\nc1,q1,2026-03-29T00:59:58Z,waiting,\nc1,q1,2026-03-29T00:59:58Z,waiting,\n";
    CsvCallReader reader = CsvCallReader.of(ReadMode.STRICT).withoutDuplicateIdCheck();
    assertThat(reader.checksDuplicateIds()).isFalse();
    assertThat(reader.read(file("dup.csv", text)).calls()).hasSize(2);
  }
  @Test
  void duplicatesAndOtherDefectsAreReportedInFileOrderAcrossBatches() throws IOException {
    // 500 rows over three queues (row i in queue i % 3): from row 300 on, every 7th row repeats the id of the row
    // 300 before it, which is in the same queue; every 11th row has a bad outcome. The expected report is worked
    // out row by row beside the file.
    StringBuilder text = new StringBuilder("id,queue,arrived,outcome,ended\n");
    List<Long> expectedSkippedLines = new ArrayList<>();
    List<String> expectedIds = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < 500; i++) {
      String queue = "q" + (i % 3);
      String id = i % 7 == 6 && i >= 300 ? "id" + (i - 300) : "id" + i;
      String outcome = i % 11 == 10 ? "hungup" : "answered";
      text.append(id).append(',').append(queue).append(",2026-03-29T00:59:58Z,").append(outcome)
          .append(",2026-03-29T01:00:10Z\n");
      long line = i + 2L;
      if (outcome.equals("hungup")) {
        expectedSkippedLines.add(line); // a bad row does not enter the duplicate check
      } else if (!seen.add(queue + "/" + id)) {
        expectedSkippedLines.add(line);
      } else {
        expectedIds.add(id);
      }
    }
    Path file = file("order.csv", text.toString());

    ReadResult whole = CsvCallReader.of(ReadMode.LENIENT).read(file);
    List<Call> streamed = new ArrayList<>();
    ReadReport report = CsvCallReader.of(ReadMode.LENIENT).read(file, streamed::add);

    assertThat(whole.calls()).extracting(Call::id).containsExactlyElementsOf(expectedIds);
    assertThat(whole.skipped()).extracting(SkippedRecord::line).containsExactlyElementsOf(expectedSkippedLines);
    assertThat(expectedSkippedLines.size()).isGreaterThan(60); // both kinds, many batches
    assertThat(streamed).isEqualTo(whole.calls());
    assertThat(report.skipped()).isEqualTo(whole.skipped());
    assertThat(report.callCount()).isEqualTo(expectedIds.size());
    SkippedRecord duplicate = whole.skipped().stream().filter(r -> r.field().equals("column id")).findFirst().orElseThrow();
    assertThat(duplicate).isEqualTo(SkippedRecord.of("order.csv", 302, "column id", "id0", // row 300
        "is a duplicate: the id was already read in queue q0 at order.csv:2 (expected unique within a queue)"));
  }

  @Test
  void strictStopsAtADuplicateInTheMiddleOfABatchHavingDeliveredTheCallsBefore() throws IOException {
    StringBuilder text = new StringBuilder("id,queue,arrived,outcome,ended\n");
    for (int i = 0; i < 100; i++) {
      text.append(i == 90 ? "id3" : "id" + i).append(",q,2026-03-29T00:59:58Z,answered,2026-03-29T01:00:10Z\n");
    }
    List<Call> seen = new ArrayList<>();

    ReadException e = catchThrowableOfType(ReadException.class,
        () -> CsvCallReader.of(ReadMode.STRICT).read(file("dup.csv", text.toString()), seen::add));

    assertThat(e.defect().line()).isEqualTo(92);
    assertThat(e.defect().value()).isEqualTo("id3");
    assertThat(seen).hasSize(90);
    assertThat(e.report().callCount()).isEqualTo(90);
  }

  @Test
  void idsAndQueuesInAnyScriptReadTheSameFromFilesAndReaders() throws IOException {
    String text = "id,queue,arrived,outcome,ended\n"
        + "\u00e9t\u00e9-1,caf\u00e9,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\n"
        + "\uD83D\uDCDE-2,\u7535\u8bdd,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\n"
        + "\u00e9t\u00e9-1,caf\u00e9,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\n";
    Instant ended = Instant.parse("2026-03-29T01:00:10Z");

    ReadResult fromFile = CsvCallReader.of(ReadMode.LENIENT).read(file("scripts.csv", text));
    ReadResult fromReader = CsvCallReader.of(ReadMode.LENIENT).read(new StringReader(text), "scripts.csv");

    assertThat(fromFile.calls()).containsExactly(Call.abandoned("\u00e9t\u00e9-1", "caf\u00e9", T0, ended),
        Call.abandoned("\uD83D\uDCDE-2", "\u7535\u8bdd", T0, ended));
    assertThat(fromFile.skipped()).extracting(SkippedRecord::line, SkippedRecord::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "\u00e9t\u00e9-1"));
    assertThat(fromReader.calls()).isEqualTo(fromFile.calls());
    assertThat(fromReader.skipped()).isEqualTo(fromFile.skipped());
  }

  @Test
  void anIdOrQueueThatIsNotUtf8IsReported() throws IOException {
    byte[] head = "id,queue,arrived,outcome,ended\nc1".getBytes(UTF_8);
    byte[] rest = ",q1,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\n".getBytes(UTF_8);
    byte[] bytes = new byte[head.length + 1 + rest.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xFF; // never a byte of UTF-8
    System.arraycopy(rest, 0, bytes, head.length + 1, rest.length);
    Path file = dir.resolve("bytes.csv");
    Files.write(file, bytes);
    String lone = "id,queue,arrived,outcome,ended\nc2,q\uD800,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:10Z\n";

    ReadResult fromFile = CsvCallReader.of(ReadMode.LENIENT).read(file);
    ReadResult fromReader = CsvCallReader.of(ReadMode.LENIENT).read(new StringReader(lone), "lone.csv");

    String rule = "is not valid UTF-8 (expected text: a malformed byte sequence or a lone surrogate)";
    assertThat(fromFile.calls()).isEmpty();
    assertThat(fromFile.skipped()).containsExactly(SkippedRecord.of("bytes.csv", 2, "column id", "c1\uFFFD", rule));
    assertThat(fromReader.skipped()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(2);
      assertThat(r.field()).isEqualTo("column queue");
      assertThat(r.value()).startsWith("q\uFFFD"); // shown with the replacement character; the count is the JDK's
      assertThat(r.rule()).isEqualTo(rule);
    });
  }
}
