package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.read.SourceFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@code queue_log} table export read through the same assembler as the file: the fixtures under
 * {@code table/} hold one log as a file ({@code queue_log}, epochs), as a phpMyAdmin-style export (every cell
 * quoted, an {@code id} column, local times of Europe/Amsterdam, CRLF) and as a one-{@code data}-column export
 * (epochs with a microsecond fraction, {@code \N} for null).
 */
class QueueLogTableTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(Objects.requireNonNull(QueueLogTableTest.class.getResource("table/" + name)).toURI());
  }

  /** A defect without its source and with the line the table row is on: the file's line + 1 (the header). */
  private static List<String> defects(QueueLogResult result, int lineOffset) {
    return result.report().read().skipped().stream()
        .map(r -> (r.line() + lineOffset) + " " + r.field() + " " + r.value() + " " + r.rule())
        .collect(Collectors.toList());
  }

  private static String counters(QueueLogResult result) {
    return result.report().queueStats().values().stream()
        .map(s -> s.queue() + " C:" + s.completed() + " A:" + s.abandoned() + " hold " + s.holdtimeSeconds()
            + " talk " + s.talktimeSeconds())
        .collect(Collectors.joining(", "));
  }

  @Test
  void aTableExportAndTheEquivalentFileGiveTheSameCallsCountersAndDefects() throws Exception {
    QueueLogReader reader = QueueLogReader.of(ReadMode.LENIENT).withZone(AMSTERDAM);
    QueueLogResult file = reader.read(fixture("queue_log"));
    QueueLogResult table = reader.read(fixture("queue_log_table.csv"));
    QueueLogResult dataColumn = QueueLogReader.of(ReadMode.LENIENT).read(fixture("queue_log_data_column.csv"));

    // Hand-worked: c1 answered after 10 s (talk 180), c2 abandoned after 45 s, c3 answered after 5 s (talk 300),
    // c4 timed out after 60 s; c5's COMPLETECALLER has no CONNECT (a defect), so c5 is left waiting.
    assertThat(file.calls()).hasSize(4);
    assertThat(file.calls()).extracting(Call::outcome).containsExactly(Outcome.ABANDONED, Outcome.ANSWERED,
        Outcome.ANSWERED, Outcome.LEFT_UNANSWERED);
    assertThat(file.calls().get(1).waitTime()).contains(Duration.ofSeconds(10));
    assertThat(file.calls().get(1).arrived()).isEqualTo(Instant.parse("2024-03-05T09:15:02Z"));
    // Asterisk's averages: (0 * 3 + 10) / 4 = 2 and (0 * 3 + 180) / 4 = 45; sales (0 * 3 + 5) / 4, (0 * 3 + 300) / 4.
    assertThat(counters(file)).isEqualTo("support C:1 A:1 hold 2 talk 45, sales C:1 A:1 hold 1 talk 75");
    assertThat(defects(file, 1)).containsExactly("15 event COMPLETECALLER ends call 1709631900.50 that was never"
        + " connected (expected a CONNECT first)");
    assertThat(file.report().incomplete()).hasSize(1);

    for (QueueLogResult other : List.of(table, dataColumn)) {
      assertThat(other.calls()).isEqualTo(file.calls());
      assertThat(counters(other)).isEqualTo(counters(file));
      assertThat(defects(other, 0)).isEqualTo(defects(file, 1));
      assertThat(other.report().incomplete()).hasSize(1);
    }
    assertThat(table.report().read().skipped().get(0).message()).startsWith("queue_log_table.csv:15: event:");
    assertThat(table.report().read().ignoredColumns()).containsExactly("id");
  }

  @Test
  void theFormatIsToldByTheHeader() {
    assertThat(SourceFormat.detect("\"id\",\"time\",\"callid\",\"queuename\",\"agent\",\"event\",\"data1\"\n"))
        .contains(SourceFormat.ASTERISK_QUEUE_LOG_TABLE);
    assertThat(SourceFormat.detect("Time,CallId,QueueName,Agent,Event,Data\n"))
        .contains(SourceFormat.ASTERISK_QUEUE_LOG_TABLE);
    assertThat(SourceFormat.detect("id,queue,arrived,outcome,ended\n")).contains(SourceFormat.CSV);
  }

  @Test
  void aLocalTimeWithoutAZoneStopsTheRead() {
    assertThatThrownBy(() -> QueueLogReader.of(ReadMode.LENIENT).read(fixture("queue_log_table.csv")))
        .isExactlyInstanceOf(ReadException.class)
        .hasMessage("queue_log_table.csv:2: time: \"2024-03-05 10:00:00\" is a local time and no zone was given"
            + " (expected the zone of the database's clock: --zone, or QueueLogReader.withZone)");
  }

  private static QueueLogResult table(ReadMode mode, String... rows) throws IOException {
    String text = "time,callid,queuename,agent,event,data1,data2,data3\n" + String.join("\n", rows) + "\n";
    return QueueLogReader.of(mode).withZone(AMSTERDAM)
        .read(new ByteArrayInputStream(text.getBytes(UTF_8)), "table.csv");
  }

  @Test
  void aLocalTimeTheClocksSkippedIsADefectOfItsRow() throws IOException {
    QueueLogResult result = table(ReadMode.LENIENT, "2024-03-31 02:30:00,c1,q,NONE,ENTERQUEUE,,06,1");

    assertThat(result.report().read().skipped()).extracting(SkippedRecord::message).containsExactly(
        "table.csv:2: time: \"2024-03-31 02:30:00\" does not exist in Europe/Amsterdam: its clocks went from 02:00"
            + " to 03:00 that day (expected a time the zone's clocks showed; a log written in another zone needs"
            + " that zone)");
  }

  @Test
  void aLocalTimeShownTwiceIsReadAtTheOffsetTheLogsOrderGives() throws IOException {
    // 02:50 first pass (+02:00, 00:50Z), then 02:10 second pass (+01:00, 01:10Z): a 20-minute wait.
    QueueLogResult result = table(ReadMode.STRICT, "2024-10-27 02:50:00,c1,q,NONE,ENTERQUEUE,,06,1",
        "2024-10-27 02:10:00,c1,q,NONE,ABANDON,1,1,1200");

    assertThat(result.calls()).hasSize(1);
    assertThat(result.calls().get(0).arrived()).isEqualTo(Instant.parse("2024-10-27T00:50:00Z"));
    assertThat(result.calls().get(0).waitTime()).contains(Duration.ofMinutes(20));
    assertThat(result.report().ambiguousTimes()).extracting(SkippedRecord::line).containsExactly(2L, 3L);
    assertThat(result.report().ambiguousTimes().get(1).message()).isEqualTo("table.csv:3: time: \"2024-10-27"
        + " 02:10:00\" is shown twice by Europe/Amsterdam's clocks that day; read at +01:00 (2024-10-27T01:10:00Z),"
        + " the later offset, as the log has passed the change (the rows of that hour are read so until the log's"
        + " order shows the change)");
  }

  @Test
  void timesWithAnOffsetOrAsEpochsNeedNoZone() throws IOException {
    String text = "time,callid,queuename,agent,event,data1,data2,data3\n"
        + "2024-03-05T09:15:02Z,c1,q,NONE,ENTERQUEUE,,06,1\n"
        + "1709630147,c1,q,NONE,ABANDON,1,1,45\n";
    QueueLogResult result = QueueLogReader.of(ReadMode.STRICT)
        .read(new ByteArrayInputStream(text.getBytes(UTF_8)), "t.csv");

    assertThat(result.calls()).hasSize(1);
    assertThat(result.calls().get(0).waitTime()).contains(Duration.ofSeconds(45));
  }

  @Test
  void rowDefectsNameTheirLineFieldAndRule() throws IOException {
    QueueLogResult result = table(ReadMode.LENIENT,
        "yesterday,c1,q,NONE,ENTERQUEUE,,06,1",
        "2024-03-05 10:00:00,c|2,q,NONE,ENTERQUEUE,,06,1",
        "2024-03-05 10:00:00,c3,q,NONE,ENTERQUEUE,,06",
        "\"2024-03-05 10:00:00\"x,c4,q,NONE,ENTERQUEUE,,06,1",
        "99999999999999,c5,q,NONE,ENTERQUEUE,,06,1");

    assertThat(result.report().read().skipped()).extracting(SkippedRecord::message).containsExactly(
        "table.csv:2: time: \"yesterday\" is not a time (expected epoch seconds or a date-time such as"
            + " 2024-03-05 10:15:02)",
        "table.csv:3: callid: \"c|2\" holds a |, which a queue_log field cannot (expected text without one)",
        "table.csv:4: row: \"7 cells\" does not have the header's 8 cells",
        "table.csv:5: quoting: \"2024-03-05 10:00:00\" has characters after its closing quote (expected a comma"
            + " or a line end after a quoted field)",
        "table.csv:6: time: \"99999999999999\" is not a time from 1970 to 9999 (expected epoch seconds or a"
            + " date-time such as 2024-03-05 10:15:02)");
  }

  @Test
  void aHeaderWithoutAColumnStopsTheRead() {
    byte[] text = "time,callid,queue,agent,event,data\n".getBytes(UTF_8);
    assertThatThrownBy(() -> QueueLogReader.of(ReadMode.LENIENT).withFormat(SourceFormat.ASTERISK_QUEUE_LOG_TABLE)
        .read(new ByteArrayInputStream(text), "t.csv"))
        .isExactlyInstanceOf(ReadException.class)
        .hasMessage("t.csv:1: header: \"time,callid,queue,agent,event,data\" has no column queuename (expected time,"
            + " callid, queuename, agent, event and data1..data5 or data, the columns of Asterisk's queue_log table)");
  }
}
