package io.github.callmetrics.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.read.CollectedRead;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadResult;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportSpec;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of other tools: another delimiter, other column names, local date-times, waits in seconds. */
class CsvFromOtherToolsTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** Calls across both changes of 2026 in Amsterdam, with offsets: the reference. */
  static final String ISO = "id,queue,channel,arrived,outcome,ended,handle_time\n"
      + "a1,sales,voice,2026-03-29T01:59:50+01:00,answered,2026-03-29T03:00:05+02:00,120\n"
      + "a2,sales,voice,2026-03-29T03:10:00+02:00,abandoned,2026-03-29T03:10:42+02:00,\n"
      + "b1,sales,voice,2026-10-25T02:30:00+02:00,answered,2026-10-25T02:30:20+02:00,60\n"
      + "b2,sales,voice,2026-10-25T02:50:00+02:00,answered,2026-10-25T02:10:00+01:00,30\n"
      + "b3,support,chat,2026-10-25T03:05:00+01:00,timeout,2026-10-25T03:06:00+01:00,\n"
      + "b4,support,voice,2026-10-25T02:40:00+01:00,waiting,,\n";

  /** The same calls as a Dutch Excel writes them: semicolons, local times with a space. */
  static final String LOCAL = "id;queue;channel;arrived;outcome;ended;handle_time\n"
      + "a1;sales;voice;2026-03-29 01:59:50;answered;2026-03-29 03:00:05;120\n"
      + "a2;sales;voice;2026-03-29 03:10:00;abandoned;2026-03-29 03:10:42;\n"
      + "b1;sales;voice;2026-10-25 02:30:00;answered;2026-10-25 02:30:20;60\n"
      + "b2;sales;voice;2026-10-25 02:50:00;answered;2026-10-25 02:10:00;30\n"
      + "b3;support;chat;2026-10-25 03:05:00;timeout;2026-10-25 03:06:00;\n"
      + "b4;support;voice;2026-10-25T02:40:00+01:00;waiting;;\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static ReadResult read(CsvCallReader reader, String text) throws IOException {
    return reader.read(new StringReader(text), "calls.csv");
  }

  private static String defect(CsvCallReader reader, String text) {
    return catchThrowableOfType(ReadException.class, () -> read(reader, text)).getMessage();
  }

  @Test
  void aSemicolonExportWithLocalTimesGivesTheCallsAndTheReportOfTheIsoFile() throws IOException {
    CsvCallReader reader = CsvCallReader.of(ReadMode.STRICT).withSourceZone(AMSTERDAM);
    ReadResult iso = CsvCallReader.of(ReadMode.STRICT).read(write("iso.csv", ISO));
    ReadResult local = reader.read(write("local.csv", LOCAL));

    assertThat(local.calls()).isEqualTo(iso.calls());
    // Hand-worked: a1 waited 00:59:50Z to 01:00:05Z; b2 spanned the change, 00:50Z to 01:10Z.
    assertThat(local.calls().get(0).waitTime()).contains(Duration.ofSeconds(15));
    assertThat(local.calls().get(3).arrived()).isEqualTo(Instant.parse("2026-10-25T00:50:00Z"));
    assertThat(local.calls().get(3).waitTime()).contains(Duration.ofMinutes(20));
    assertThat(local.calls().get(4).arrived()).isEqualTo(Instant.parse("2026-10-25T02:05:00Z"));

    IntervalGrid grid = IntervalGrid.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 26), AMSTERDAM,
        IntervalLength.DAY);
    ReportSpec spec = ReportSpec.builder(grid).queues("sales", "support").channels(Channel.VOICE, Channel.CHAT).build();
    Report fromIso = CsvCallReader.of(ReadMode.STRICT).collect(write("iso2.csv", ISO), spec.collector()).value();
    Report fromLocal = reader.collect(write("local2.csv", LOCAL), spec.collector()).value();
    assertThat(fromLocal.rows()).isEqualTo(fromIso.rows());
    assertThat(fromLocal.total()).isEqualTo(fromIso.total());
    assertThat(fromLocal.total().counts().arrivals()).isEqualTo(6);
    assertThat(fromLocal.total().counts().answered()).isEqualTo(3);
    assertThat(fromLocal.total().counts().abandoned()).isEqualTo(1);
    assertThat(fromLocal.total().counts().flowOuts()).isEqualTo(1);
  }

  @Test
  void anAmbiguousTimeIsReadAtTheEarlierOffsetUnlessThatEndsTheCallBeforeItArrivedAndIsSaidOnce()
      throws IOException {
    ReadResult local = CsvCallReader.of(ReadMode.STRICT).withSourceZone(AMSTERDAM).read(write("local.csv", LOCAL));

    // b1's arrived and ended are both at the earlier offset: one notice; b2's ended at the later one: another.
    assertThat(local.report().notices()).containsExactly(
        SkippedRecord.of("local.csv", 4, "column arrived", "2026-10-25 02:30:00", "is shown twice by"
            + " Europe/Amsterdam's clocks that day; read at +02:00 (2026-10-25T00:30:00Z), the earlier offset, the CSV"
            + " reader's choice for a time shown twice (see docs/csv-format.md)"),
        SkippedRecord.of("local.csv", 5, "column ended", "2026-10-25 02:10:00", "is shown twice by"
            + " Europe/Amsterdam's clocks that day; read at +01:00 (2026-10-25T01:10:00Z), the later offset, as the"
            + " earlier one would put it before the arrival (see docs/csv-format.md)"));
    assertThat(local.report().isClean()).isTrue();
  }

  @Test
  void readInPartsTheNoticesAreThoseOfOneThreadWithTheFilesLines() throws IOException {
    StringBuilder text = new StringBuilder(LOCAL);
    for (int i = 0; i < 200; i++) {
      text.append("c").append(i).append(";sales;voice;2026-10-25 02:").append(10 + i % 40)
          .append(":00;abandoned;2026-10-25 02:").append(10 + i % 40).append(":30;\n");
    }
    Path file = write("parts.csv", text.toString());
    CsvCallReader one = CsvCallReader.of(ReadMode.STRICT).withSourceZone(AMSTERDAM);
    CsvCallReader parts = one.withParallelism(4).withPartsOfAtLeast(64).withoutDuplicateIdCheck();

    CollectedRead<List<Call>> collected = parts.collect(file, Collectors.toList());

    ReadResult read = one.read(file);
    assertThat(collected.value()).isEqualTo(read.calls());
    assertThat(collected.report().notices()).isEqualTo(read.report().notices()).hasSize(2);
  }

  @Test
  void aTimeTheClocksSkippedIsADefectNamingTheZoneAndTheChange() {
    String text = LOCAL.replace("2026-03-29 03:10:00;abandoned", "2026-03-29 02:10:00;abandoned");
    assertThat(defect(CsvCallReader.of(ReadMode.STRICT).withSourceZone(AMSTERDAM), text)).isEqualTo(
        "calls.csv:3: column arrived: \"2026-03-29 02:10:00\" does not exist in Europe/Amsterdam: its clocks went"
            + " from 02:00 to 03:00 that day (expected a time the zone's clocks showed; a file written in another"
            + " zone needs that zone: --source-zone)");
  }

  @Test
  void withoutAZoneALocalTimeIsADefectThatAsksForOne() {
    assertThat(defect(CsvCallReader.of(ReadMode.STRICT), LOCAL)).isEqualTo(
        "calls.csv:2: column arrived: \"2026-03-29 01:59:50\" has no offset (expected Z or an offset such as +01:00;"
            + " for local times, give their zone: --source-zone, or CsvCallReader.withSourceZone)");
  }

  @Test
  void theDelimiterIsFoundFromTheHeaderAndQuotedCellsMayHoldIt() throws IOException {
    String tab = "id\tqueue\tarrived\toutcome\tended\n\"c;1\tx\"\tsales\t2026-03-16T08:00:00Z\tanswered"
        + "\t2026-03-16T08:00:05Z\n";
    assertThat(read(CsvCallReader.of(ReadMode.STRICT), tab).calls()).extracting(Call::id).containsExactly("c;1\tx");
    String semi = "\"id\";queue;arrived;outcome;ended\n\"c,1;\"\"x\"\"\";sales;2026-03-16T08:00:00Z;answered;"
        + "2026-03-16T08:00:05Z\n";
    assertThat(read(CsvCallReader.of(ReadMode.STRICT), semi).calls()).extracting(Call::id)
        .containsExactly("c,1;\"x\"");
  }

  @Test
  void aHeaderWithTwoDelimitersIsRefusedUnlessOneIsGiven() throws IOException {
    String text = "id;queue;arrived;outcome;ended;note,remark\nc1;sales;2026-03-16T08:00:00Z;answered;"
        + "2026-03-16T08:00:05Z;a,b\n";
    for (ReadMode mode : ReadMode.values()) {
      assertThat(defect(CsvCallReader.of(mode), text)).isEqualTo("calls.csv:1: header: \"id;queue;arrived;outcome;ended;note,remark\""
          + " holds ',' once and"
          + " ';' 5 times outside quotes, so its delimiter cannot be told (expected one of ',', ';' or a tab between"
          + " the column names; give it with --delimiter ';' (or ',', tab) or CsvCallReader.withDelimiter)");
    }
    ReadResult read = read(CsvCallReader.of(ReadMode.STRICT).withDelimiter(';'), text);
    assertThat(read.calls()).extracting(Call::id).containsExactly("c1");
    assertThat(read.report().ignoredColumns()).containsExactly("note,remark");
    assertThatThrownBy(() -> CsvCallReader.of(ReadMode.STRICT).withDelimiter('|'))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delimiter '|' is not one the reader takes (expected ',', ';' or a tab)");
  }

  @Test
  void anotherToolsColumnNamesAreMapped() throws IOException {
    String text = "call_id,queue_name,start_time,result,wait_seconds,talk_seconds,id\n"
        + "c1,sales,2026-03-16 09:00:00.250,answered,20.9,185,x\n"
        + "c2,sales,2026-03-16 09:01:00,abandoned,0:01:05,,x\n";
    CsvCallReader reader = CsvCallReader.of(ReadMode.STRICT).withSourceZone(AMSTERDAM)
        .withColumn("id", "call_id").withColumn("queue", "Queue_Name").withColumn("ARRIVED", "start_time")
        .withColumn("outcome", "result");
    ReadResult read = read(reader, text);
    assertThat(read.calls()).containsExactly(
        Call.answered("c1", "sales", Instant.parse("2026-03-16T08:00:00.250Z"), Instant.parse("2026-03-16T08:00:21.150Z"))
            .withHandleTime(Duration.ofSeconds(185)),
        Call.abandoned("c2", "sales", Instant.parse("2026-03-16T08:01:00Z"), Instant.parse("2026-03-16T08:02:05Z")));
    // The header's own "id" is ignored: call_id is the id now.
    assertThat(read.report().ignoredColumns()).containsExactly("id");
  }

  @Test
  void aMappingToAColumnTheFormatDoesNotHaveIsRefusedWithTheList() {
    assertThatThrownBy(() -> CsvCallReader.of(ReadMode.STRICT).withColumn("start", "start_time"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'start' is not a column of the call format (expected one of id, queue, channel, arrived,"
            + " arrived_epoch_seconds, arrived_epoch_millis, outcome, ended, ended_epoch_seconds, ended_epoch_millis,"
            + " handle_time, wait_seconds, talk_seconds)");
    assertThatThrownBy(() -> CsvCallReader.of(ReadMode.STRICT).withColumn("id", "a").withColumn("id", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column id is mapped twice (expected one name per column)");
  }

  @Test
  void aMissingColumnIsNamedWithTheMappingAndTheOption() {
    String text = "call_id,queue,start_time,result\n";
    assertThat(defect(CsvCallReader.of(ReadMode.STRICT).withColumn("id", "call_id"), text)).isEqualTo(
        "calls.csv:1: header: \"call_id,queue,start_time,result\" has no column arrived (or arrived_epoch_seconds,"
            + " arrived_epoch_millis) (mapped: id=call_id) (expected every required column: id, queue, arrived,"
            + " outcome, ended or wait_seconds; a column of another name is mapped with --column ours=theirs or"
            + " CsvCallReader.withColumn; see docs/csv-format.md)");
  }

  @Test
  void waitSecondsAndEndedMustAgreeToTheWaitsDecimals() throws IOException {
    String header = "id,queue,arrived,outcome,ended,wait_seconds\n";
    String agree = header + "c1,q,2026-03-16T08:00:00.5Z,answered,2026-03-16T08:00:21.4Z,20\n"
        + "c2,q,2026-03-16T08:00:00Z,answered,2026-03-16T08:00:20.9Z,20.9\n";
    assertThat(read(CsvCallReader.of(ReadMode.STRICT), agree).calls()).extracting(Call::waitTime)
        .containsExactly(java.util.Optional.of(Duration.ofMillis(20_900)), java.util.Optional.of(Duration.ofMillis(20_900)));
    assertThat(defect(CsvCallReader.of(ReadMode.STRICT), header
        + "c1,q,2026-03-16T08:00:00Z,answered,2026-03-16T08:00:20.9Z,21\n")).isEqualTo(
        "calls.csv:2: column wait_seconds: \"21\" disagrees with column ended (2026-03-16T08:00:20.9Z, 20.9 s after"
            + " arrived 2026-03-16T08:00:00Z) (expected the same wait in both, or only one of the two columns)");
  }

  @Test
  void aWaitIsNeitherNegativeNorPastTheYear9999NorGivenForAWaitingCall() {
    String header = "id,queue,arrived,outcome,wait_seconds\n";
    assertThat(defect(CsvCallReader.of(ReadMode.STRICT), header + "c1,q,2026-03-16T08:00:00Z,answered,-1\n"))
        .isEqualTo("calls.csv:2: column wait_seconds: \"-1\" is negative (expected zero or more seconds of waiting)");
    assertThat(defect(CsvCallReader.of(ReadMode.STRICT), header
        + "c1,q,9999-12-31T23:59:00Z,answered,60\n"))
        .isEqualTo("calls.csv:2: column wait_seconds: \"60\" puts the outcome after 9999-12-31T23:59:59Z (expected"
            + " a wait that ends in the years 0000 to 9999)");
    assertThat(defect(CsvCallReader.of(ReadMode.STRICT), header + "c1,q,2026-03-16T08:00:00Z,waiting,5\n"))
        .isEqualTo("calls.csv:2: column wait_seconds: \"5\" is given for a waiting call (expected empty when outcome"
            + " is waiting)");
    assertThat(defect(CsvCallReader.of(ReadMode.STRICT), header + "c1,q,2026-03-16T08:00:00Z,answered,\n"))
        .isEqualTo("calls.csv:2: column wait_seconds: \"\" is empty (expected the instant of the outcome when outcome"
            + " is answered)");
  }

  @Test
  void talkSecondsAreTheHandleTimeUnderTheModelsRules() throws IOException {
    String header = "id,queue,arrived,outcome,wait_seconds,talk_seconds,handle_time\n";
    assertThat(read(CsvCallReader.of(ReadMode.STRICT), header + "c1,q,2026-03-16T08:00:00Z,answered,5,0:03:05,185\n")
        .calls().get(0).handleTime()).contains(Duration.ofSeconds(185));
    assertThat(defect(CsvCallReader.of(ReadMode.STRICT), header + "c1,q,2026-03-16T08:00:00Z,answered,5,186,185\n"))
        .isEqualTo("calls.csv:2: column talk_seconds: \"186\" disagrees with column handle_time (185) (expected the"
            + " same time in both, or only one of the two columns)");
    String talkOnly = "id,queue,arrived,outcome,wait_seconds,talk_seconds\n";
    assertThat(defect(CsvCallReader.of(ReadMode.STRICT), talkOnly + "c1,q,2026-03-16T08:00:00Z,answered,5,-3\n"))
        .isEqualTo("calls.csv:2: column talk_seconds: \"-3\" is negative (expected zero or more)");
    assertThat(defect(CsvCallReader.of(ReadMode.STRICT), talkOnly
        + "c1,q,2026-03-16T08:00:00Z,answered,5,4294967296\n")).isEqualTo("calls.csv:2: column talk_seconds:"
        + " \"4294967296\" is longer than 4294967295 s (expected at most about 136 years, the longest handle time a"
        + " report can add up)");
  }
}
