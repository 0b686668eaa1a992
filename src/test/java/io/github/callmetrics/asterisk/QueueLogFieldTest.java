package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.live.LiveMonitor;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.report.ReportSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20's queue_log as it is in the field: line ends, NUL residue, gzip, exact repeats, queue names in any
 * case, events that are not app_queue's, on one hand-made log of three calls: a (answered after 5 s, talks 60 s),
 * b (abandoned after 10 s), c (answered after 15 s, talks 30 s). Asterisk counts C:2, A:1, both answered within 20 s.
 */
class QueueLogFieldTest {
  private static final List<String> LOG = List.of(
      "1795411200|a|Support|NONE|ENTERQUEUE||100|1",
      "1795411205|a|Support|agent1|CONNECT|5|a.1|3",
      "1795411265|a|Support|agent1|COMPLETEAGENT|5|60|1",
      "1795411300|b|support|NONE|ENTERQUEUE||101|1",
      "1795411310|b|support|NONE|ABANDON|1|1|10",
      "1795411400|c|SUPPORT|NONE|ENTERQUEUE||102|1",
      "1795411415|c|SUPPORT|agent2|CONNECT|15|c.1|3",
      "1795411445|c|SUPPORT|agent2|COMPLETECALLER|15|30|1");
  private static final Instant A = Instant.ofEpochSecond(1795411200);
  private static final Instant B = Instant.ofEpochSecond(1795411300);
  private static final Instant C = Instant.ofEpochSecond(1795411400);
  private static final List<Call> CALLS = List.of(
      Call.answered("a", "Support", A, A.plusSeconds(5)).withHandleTime(Duration.ofSeconds(60)),
      Call.abandoned("b", "Support", B, B.plusSeconds(10)),
      Call.answered("c", "Support", C, C.plusSeconds(15)).withHandleTime(Duration.ofSeconds(30)));

  private static QueueLogResult read(QueueLogReader reader, byte[] log) throws IOException {
    return reader.read(new ByteArrayInputStream(log), "queue_log");
  }

  private static QueueLogResult strict(String log) throws IOException {
    return read(QueueLogReader.of(ReadMode.STRICT), log.getBytes(UTF_8));
  }

  private static void assertCounts(QueueLogReport report, long completed, long abandoned) {
    AsteriskQueueStats q = report.queueStats("support").orElseThrow();
    assertThat(List.of(q.completed(), q.abandoned())).containsExactly(completed, abandoned);
  }

  @Test
  void crLfAndCrLfEachEndALine() throws IOException {
    for (String end : List.of("\n", "\r", "\r\n")) {
      QueueLogResult result = strict(String.join(end, LOG) + end);
      assertThat(result.calls()).as("ends %s", end.replace("\r", "CR").replace("\n", "LF")).isEqualTo(CALLS);
      assertCounts(result.report(), 2, 1);
    }
    // Mixed in one file, and numbered as lines: the bad line is the ninth whatever ends the eight before it.
    String mixed = LOG.get(0) + "\r" + LOG.get(1) + "\r\n" + LOG.get(2) + "\n" + LOG.get(3) + "\r\r\n".substring(1)
        + String.join("\r", LOG.subList(4, 8)) + "\rbad\r";
    QueueLogResult result = read(QueueLogReader.of(ReadMode.LENIENT), mixed.getBytes(UTF_8));
    assertThat(result.calls()).isEqualTo(CALLS);
    assertThat(result.report().read().skipped()).extracting(SkippedRecord::line).containsExactly(9L);
  }

  @Test
  void aQueueIsOneWhateverItsCaseAndIsSpeltAsFirstMetOrAsGiven() throws IOException {
    QueueLogResult result = strict(String.join("\n", LOG));
    assertThat(result.report().queueStats()).containsOnlyKeys("Support");
    assertThat(result.report().queueStats("SUPPORT")).isEqualTo(result.report().queueStats("Support"));
    assertThat(result.report().read().skipped()).isEmpty(); // b's lines differ from a's only in case: no defect

    QueueLogResult named = read(QueueLogReader.of(ReadMode.STRICT).withQueueNames(List.of("support")),
        String.join("\n", LOG).getBytes(UTF_8));
    assertThat(named.calls()).extracting(Call::queue).containsOnly("support");
    assertThat(named.report().queueStats()).containsOnlyKeys("support");
  }

  @Test
  void nulResidueBeforeALineIsDroppedWithANotice() throws IOException {
    String log = String.join("\n", LOG.subList(0, 3)) + "\n\0\0\0" + LOG.get(3) + "\n" + LOG.get(4) + "\n"
        + "\0".repeat(78) + "1795411350|NONE|NONE|NONE|CONFIGRELOAD|\n" + String.join("\n", LOG.subList(5, 8)) + "\n";
    QueueLogResult result = strict(log);
    assertThat(result.calls()).isEqualTo(CALLS);
    assertCounts(result.report(), 2, 1);
    assertThat(result.report().notices()).extracting(SkippedRecord::message).containsExactly(
        "queue_log:4: line: \"1795411300|b|support|NONE|ENTERQUEUE||101|1\" starts with 3 NUL bytes (crash residue:"
            + " they were dropped and the rest read as the line)",
        "queue_log:6: line: \"1795411350|NONE|NONE|NONE|CONFIGRELOAD|\" starts with 78 NUL bytes (crash residue:"
            + " they were dropped and the rest read as the line)");

    // A line whose rest is bad is that defect, with no notice; NULs elsewhere are shown escaped.
    QueueLogResult bad = read(QueueLogReader.of(ReadMode.LENIENT), "\0\0x\0|a|q|NONE|ENTERQUEUE||1|1\n".getBytes(UTF_8));
    assertThat(bad.report().notices()).isEmpty();
    assertThat(bad.report().read().skipped()).extracting(SkippedRecord::message)
        .containsExactly("queue_log:1: epoch: \"x\\x00\" is not a whole number of epoch seconds");
  }

  @Test
  void gzipFilesAreReadByTheirBytesNotTheirName(@TempDir Path dir) throws IOException {
    Path rotated = dir.resolve("queue_log.1.gz");
    Files.write(rotated, gzip(String.join("\n", LOG.subList(0, 4)) + "\n"));
    Path current = dir.resolve("queue_log");
    Files.writeString(current, String.join("\n", LOG.subList(4, 8)) + "\n");
    Path misnamed = dir.resolve("queue_log.plain.gz"); // not compressed, whatever its name
    Files.writeString(misnamed, String.join("\n", LOG) + "\n");

    // Named newest first: read by their own time, b's entry in the .gz joined to its abandon in the plain file.
    QueueLogResult joined = QueueLogReader.of(ReadMode.STRICT).read(List.of(current, rotated));
    assertThat(joined.calls()).isEqualTo(CALLS);
    assertCounts(joined.report(), 2, 1);
    assertThat(QueueLogReader.of(ReadMode.STRICT).read(misnamed).calls()).isEqualTo(CALLS);

    byte[] gz = gzip(String.join("\n", LOG) + "\n".repeat(9000)); // past the 8 KiB looked at first
    Path cut = dir.resolve("cut.gz");
    Files.write(cut, Arrays.copyOf(gz, gz.length - 6));
    ReadException e = catchThrowableOfType(ReadException.class, () -> QueueLogReader.of(ReadMode.LENIENT).read(cut));
    assertThat(e.getMessage()).startsWith("cut.gz:").contains(": file: \"cut.gz\" is gzip-compressed and cannot be"
        + " decompressed (the file is cut short;");
    assertThat(e.calls()).isEqualTo(CALLS); // the lines before were read

    byte[] corrupt = gzip(String.join("\n", LOG) + "\n");
    Arrays.fill(corrupt, 12, corrupt.length - 8, (byte) 0xFF);
    Path bad = dir.resolve("bad.gz");
    Files.write(bad, corrupt);
    assertThat(catchThrowableOfType(ReadException.class, () -> QueueLogReader.of(ReadMode.LENIENT).read(bad))
        .getMessage()).isEqualTo("bad.gz:1: file: \"bad.gz\" is gzip-compressed and cannot be decompressed (the"
            + " compressed data is corrupt; expected a whole .gz file: the lines before this one were read)");
  }

  /** Issue 20: repeated COMPLETEAGENT lines of a call that already ended were counted as more calls (C:6 for 3). */
  @Test
  void exactRepeatsAreIgnoredAndCounted() throws IOException {
    String log = String.join("\n", LOG.get(0), LOG.get(0), LOG.get(1), LOG.get(2), LOG.get(2), LOG.get(2),
        LOG.get(2), LOG.get(3), LOG.get(4), LOG.get(4), LOG.get(5), LOG.get(6), LOG.get(7)) + "\n";
    QueueLogResult result = strict(log);
    assertThat(result.calls()).isEqualTo(CALLS);
    assertCounts(result.report(), 2, 1);
    assertThat(result.report().repeatedLines()).isEqualTo(5);

    // Changed in a field, a line of a call that ended is a defect, not another call.
    QueueLogResult changed = read(QueueLogReader.of(ReadMode.LENIENT), (String.join("\n", LOG) + "\n"
        + "1795411265|a|Support|agent1|COMPLETEAGENT|5|60|4\n").getBytes(UTF_8));
    assertThat(changed.calls()).isEqualTo(CALLS);
    assertCounts(changed.report(), 2, 1);
    assertThat(changed.report().read().skipped()).extracting(SkippedRecord::message).containsExactly(
        "queue_log:9: event: \"COMPLETEAGENT\" is for call a that already ended at queue_log:3 (expected an"
            + " ENTERQUEUE before its next event; a line repeated with a change?)");

    // After a new ENTERQUEUE the id is a new call again.
    QueueLogResult again = strict(String.join("\n", LOG) + "\n1795411500|b|support|NONE|ENTERQUEUE||101|1\n"
        + "1795411503|b|support|NONE|ABANDON|1|1|3\n");
    assertCounts(again.report(), 2, 2);
  }

  @Test
  void eventsThatAreNotAppQueuesAreIgnoredByNameAndCounted() throws IOException {
    String log = LOG.get(0) + "\n1795411201|d1|Support|NONE|OUTDIAL|555\n1795411202|NONE|Support|Agent/7|AGENTLOGIN|-\n"
        + String.join("\n", LOG.subList(1, 5)) + "\n1795411311|d1|Support|NONE|OUTANSWER|555\n"
        + "1795411312|d2|Support|NONE|OUTDIAL|556\n1795411313|NONE|Support|Agent/7|AGENTCALLBACKLOGIN|-\n"
        + String.join("\n", LOG.subList(5, 8)) + "\n";
    ReadException unknown = catchThrowableOfType(ReadException.class, () -> strict(log));
    assertThat(unknown.getMessage()).isEqualTo("queue_log:2: event: \"OUTDIAL\" is not an app_queue event this reader"
        + " knows (see docs/asterisk-queue-log.md for the list)");

    QueueLogResult result = read(QueueLogReader.of(ReadMode.STRICT).withIgnoredEvents(Set.of("outdial", "OUTANSWER")),
        log.getBytes(UTF_8));
    assertThat(result.calls()).isEqualTo(CALLS);
    assertCounts(result.report(), 2, 1);
    assertThat(result.report().ignoredEvents()).isEqualTo(Map.of("OUTDIAL", 2L, "OUTANSWER", 1L));
    assertThat(result.report().ignoredEvents().keySet()).containsExactly("OUTDIAL", "OUTANSWER");
  }

  @Test
  void theFeedCutsLinesAsTheReaderDoesInAnyPieces() {
    ReportSpec spec = ReportSpec.builder(IntervalGrid.ofDay(A.atZone(ZoneOffset.UTC).toLocalDate(), ZoneOffset.UTC,
        IntervalLength.MINUTES_15)).definitions(Preset.ASTERISK_SL.withThreshold(Duration.ofSeconds(20))).build();
    QueueLogFeed feed = QueueLogFeed.of(LiveMonitor.builder(spec).build(), Set.of("OUTDIAL"));
    byte[] log = (LOG.get(0) + "\r\n" + LOG.get(1) + "\r" + LOG.get(2) + "\r\n" + LOG.get(2) + "\n"
        + "1795411201|d1|Support|NONE|OUTDIAL|555\r\n\0\0" + String.join("\r", LOG.subList(3, 8)))
        .getBytes(UTF_8);
    for (int i = 0; i < log.length; i++) {
      feed.write(log, i, 1); // byte by byte: a CR and its LF in two pieces
    }
    feed.startSource("queue_log.new"); // the last line, without its end, is read at the rotation
    AsteriskQueueStats q = feed.queueStats().get("Support");
    assertThat(List.of(q.completed(), q.abandoned())).containsExactly(2L, 1L);
    assertThat(feed.skippedLineCount()).isZero();
    assertThat(feed.repeatedLineCount()).isEqualTo(1);
    assertThat(feed.ignoredEvents()).isEqualTo(Map.of("OUTDIAL", 1L));
    assertThat(feed.notices()).extracting(SkippedRecord::line).containsExactly(6L);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(UTF_8));
    }
    return bytes.toByteArray();
  }
}
