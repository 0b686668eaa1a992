package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.metrics.Metrics;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.tally.TallySnapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueLogReaderTest {
  @TempDir
  Path dir;

  static Path resource(String scenario, String file) {
    try {
      return Path.of(Objects.requireNonNull(QueueLogReaderTest.class.getResource("/asterisk/" + scenario + "/" + file)).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static QueueLogResult read(String text) throws IOException {
    return QueueLogReader.of(ReadMode.LENIENT).read(new ByteArrayInputStream(text.getBytes(UTF_8)), "queue_log");
  }

  @Test
  void s1ReproducesAsterisksCounters() throws IOException {
    QueueLogResult result = QueueLogReader.of(ReadMode.STRICT).read(resource("s1_single_q_sl20", "queue_log"));
    AsteriskQueueStats q1 = result.report().queueStats("q1").orElseThrow();
    Duration sl = Duration.ofSeconds(20);

    assertThat(q1.completed()).isEqualTo(35);
    assertThat(q1.abandoned()).isEqualTo(10);
    assertThat(q1.serviceLevel(sl)).isEqualTo(Ratio.of(23, 35));
    assertThat(q1.serviceLevel2(sl)).isEqualTo(Ratio.of(29, 45));
    assertThat(q1.holdtimeSeconds()).isEqualTo(16);
    assertThat(q1.talktimeSeconds()).isEqualTo(21);
    assertThat(q1.waiting()).isZero();
    assertThat(result.calls()).hasSize(45);
    assertThat(result.report().read().isClean()).isTrue();
    assertThat(result.report().incomplete()).isEmpty();
    assertThat(result.report().startedBeforeLog()).isEmpty();
  }

  @Test
  void s2ReproducesAsterisksCountersPerQueue() throws IOException {
    QueueLogResult result = QueueLogReader.of(ReadMode.STRICT).read(resource("s2_two_queues_sl10_sl30", "queue_log"));
    AsteriskQueueStats sales = result.report().queueStats("q_sales").orElseThrow();
    AsteriskQueueStats support = result.report().queueStats("q_support").orElseThrow();

    assertThat(List.of(sales.completed(), sales.abandoned(), sales.holdtimeSeconds(), sales.talktimeSeconds()))
        .containsExactly(28L, 4L, 5L, 17L);
    assertThat(sales.serviceLevel(Duration.ofSeconds(10))).isEqualTo(Ratio.of(22, 28));
    assertThat(sales.serviceLevel2(Duration.ofSeconds(10))).isEqualTo(Ratio.of(25, 32));
    assertThat(List.of(support.completed(), support.abandoned(), support.holdtimeSeconds(), support.talktimeSeconds()))
        .containsExactly(20L, 8L, 16L, 13L);
    assertThat(support.serviceLevel(Duration.ofSeconds(30))).isEqualTo(Ratio.of(18, 20));
    assertThat(support.serviceLevel2(Duration.ofSeconds(30))).isEqualTo(Ratio.of(26, 28));
    assertThat(result.calls()).hasSize(60);
    assertThat(result.calls().stream().filter(c -> c.flowOutReason().equals(java.util.Optional.of(FlowOutReason.TIMEOUT))))
        .extracting(Call::id, Call::waitSeconds).containsExactly(org.assertj.core.groups.Tuple.tuple("1795411265.11", 27L));
  }

  @Test
  void libraryFiguresOnTheCallsAgreeWithTheAsteriskCounters() throws IOException {
    QueueLogResult result = QueueLogReader.of(ReadMode.STRICT).read(resource("s2_two_queues_sl10_sl30", "queue_log"));
    TallySnapshot support = TallySnapshot.of(
        result.calls().stream().filter(c -> c.queue().equals("q_support")).collect(Collectors.toList()));

    assertThat(Metrics.serviceLevel(support, Preset.ASTERISK_SL.withThreshold(Duration.ofSeconds(30))))
        .isEqualTo(Ratio.of(18, 20));
    assertThat(Metrics.serviceLevel(support, Preset.ASTERISK_SL2.withThreshold(Duration.ofSeconds(30))))
        .isEqualTo(Ratio.of(26, 28));
  }

  @Test
  void callsCarryAsterisksWaitsAndTalkTimes() throws IOException {
    QueueLogResult result = QueueLogReader.of(ReadMode.STRICT).read(resource("s1_single_q_sl20", "queue_log"));
    // 1795411251|1795411251.1|q1|NONE|ENTERQUEUE||1|1 ; CONNECT|1|... ; COMPLETECALLER|1|13|1
    Instant arrived = Instant.ofEpochSecond(1795411251);
    assertThat(result.calls().get(0)).isEqualTo(
        Call.answered("1795411251.1", "q1", arrived, arrived.plusSeconds(1)).withHandleTime(Duration.ofSeconds(13)));
    // 1795411275|1795411270.21|q1|NONE|ABANDON|1|2|5
    assertThat(result.calls()).contains(
        Call.abandoned("1795411270.21", "q1", Instant.ofEpochSecond(1795411270), Instant.ofEpochSecond(1795411275)));
  }

  @Test
  void rotatedFilesReadInOrderGiveTheSameResultAsOneFile() throws IOException {
    Path whole = resource("s2_two_queues_sl10_sl30", "queue_log");
    List<String> lines = Files.readAllLines(whole, UTF_8);
    Path older = dir.resolve("queue_log.1");
    Path newer = dir.resolve("queue_log");
    Files.write(older, lines.subList(0, 90), UTF_8); // cut in the middle of many calls
    Files.write(newer, lines.subList(90, lines.size()), UTF_8);

    QueueLogResult split = QueueLogReader.of(ReadMode.STRICT).read(List.of(older, newer));
    QueueLogResult one = QueueLogReader.of(ReadMode.STRICT).read(whole);

    assertThat(split.calls()).containsExactlyElementsOf(one.calls());
    assertThat(split.report().queueStats().toString()).isEqualTo(one.report().queueStats().toString());
    assertThat(split.report().read().sources()).containsExactly("queue_log.1", "queue_log");
  }

  @Test
  void interleavedQueuesAreKeptApart() throws IOException {
    QueueLogResult result = read(String.join("\n",
        "100|a|q1|NONE|ENTERQUEUE||1|1",
        "101|b|q2|NONE|ENTERQUEUE||2|1",
        "103|b|q2|agent1|CONNECT|2|x.1|1",
        "104|a|q1|NONE|ABANDON|1|1|4",
        "110|b|q2|agent1|COMPLETEAGENT|2|7|1", ""));

    assertThat(result.calls()).containsExactly(
        Call.abandoned("a", "q1", Instant.ofEpochSecond(100), Instant.ofEpochSecond(104)),
        Call.answered("b", "q2", Instant.ofEpochSecond(101), Instant.ofEpochSecond(103)).withHandleTime(Duration.ofSeconds(7)));
    assertThat(result.report().queueStats("q1").orElseThrow().abandoned()).isEqualTo(1);
    assertThat(result.report().queueStats("q2").orElseThrow().completed()).isEqualTo(1);
  }

  @Test
  void restartMidFileEndsOpenCallsAndResetsTheCounters() throws IOException {
    QueueLogResult result = read(String.join("\n",
        "90|NONE|NONE|NONE|QUEUESTART|",
        "100|a|q1|NONE|ENTERQUEUE||1|1",
        "101|b|q1|NONE|ENTERQUEUE||2|1",
        "102|a|q1|agent1|CONNECT|2|x.1|1",
        "105|c|q1|NONE|ENTERQUEUE||3|1",
        "106|c|q1|NONE|ABANDON|1|1|1",
        "200|NONE|NONE|NONE|QUEUESTART|",
        "201|NONE|NONE|NONE|CONFIGRELOAD|",
        "210|d|q1|NONE|ENTERQUEUE||1|1",
        "212|d|q1|agent2|CONNECT|2|x.2|1",
        "220|d|q1|agent2|COMPLETECALLER|2|8|1", ""));

    assertThat(result.calls()).extracting(Call::id, Call::outcome).containsExactly(
        org.assertj.core.groups.Tuple.tuple("c", Outcome.ABANDONED),
        org.assertj.core.groups.Tuple.tuple("a", Outcome.ANSWERED),
        org.assertj.core.groups.Tuple.tuple("d", Outcome.ANSWERED));
    assertThat(result.report().incomplete()).extracting(IncompleteCall::callId, IncompleteCall::state, IncompleteCall::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", IncompleteCall.State.TALKING, IncompleteCall.Reason.RESTART),
            org.assertj.core.groups.Tuple.tuple("b", IncompleteCall.State.WAITING, IncompleteCall.Reason.RESTART));
    AsteriskQueueStats q1 = result.report().queueStats("q1").orElseThrow();
    assertThat(List.of(q1.completed(), q1.abandoned(), q1.holdtimeSeconds(), q1.talktimeSeconds()))
        .containsExactly(1L, 0L, 0L, 2L); // (0*3+2)/4 = 0, (0*3+8)/4 = 2: counted since the last QUEUESTART
    assertThat(result.report().read().isClean()).isTrue();
  }

  @Test
  void logStartingMidCallReconstructsArrivalsFromAsterisksWaits() throws IOException {
    QueueLogResult result = read(String.join("\n",
        "100|a|q1|agent1|CONNECT|12|x.1|1",
        "101|b|q1|NONE|ABANDON|2|3|40",
        "102|c|q1|agent2|COMPLETEAGENT|5|30|1",
        "103|d|q1|NONE|EXITWITHKEY|1|2|1|9",
        "130|a|q1|agent1|COMPLETECALLER|12|30|1", ""));

    assertThat(result.calls()).containsExactly(
        Call.abandoned("b", "q1", Instant.ofEpochSecond(61), Instant.ofEpochSecond(101)),
        Call.answered("c", "q1", Instant.ofEpochSecond(67), Instant.ofEpochSecond(72)).withHandleTime(Duration.ofSeconds(30)),
        Call.leftUnanswered("d", "q1", Instant.ofEpochSecond(94), Instant.ofEpochSecond(103), FlowOutReason.KEY_PRESS),
        Call.answered("a", "q1", Instant.ofEpochSecond(88), Instant.ofEpochSecond(100)).withHandleTime(Duration.ofSeconds(30)));
    assertThat(result.report().startedBeforeLog()).containsExactly("a", "b", "c", "d");
    AsteriskQueueStats q1 = result.report().queueStats("q1").orElseThrow();
    assertThat(q1.completed()).isEqualTo(2);
    assertThat(q1.abandoned()).isEqualTo(1); // EXITWITHKEY is not in A
  }

  @Test
  void callsWithoutAnEndAreIncompleteOrLiveWaiting() throws IOException {
    String log = String.join("\n",
        "100|a|q1|NONE|ENTERQUEUE||1|1",
        "101|b|q1|NONE|ENTERQUEUE||2|1",
        "104|b|q1|agent1|CONNECT|3|x.1|1",
        "105|b|q1|agent1|RINGNOANSWER|2000", "");
    QueueLogResult result = read(log);
    assertThat(result.calls()).containsExactly(Call.answered("b", "q1", Instant.ofEpochSecond(101), Instant.ofEpochSecond(104)));
    assertThat(result.report().incomplete()).extracting(IncompleteCall::callId, IncompleteCall::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", IncompleteCall.State.WAITING),
            org.assertj.core.groups.Tuple.tuple("b", IncompleteCall.State.TALKING));
    AsteriskQueueStats q1 = result.report().queueStats("q1").orElseThrow();
    assertThat(List.of(q1.completed(), q1.waiting(), q1.talking())).containsExactly(0L, 1L, 1L);

    QueueLogResult live = QueueLogReader.of(ReadMode.STRICT).withOpenCallsAsWaiting()
        .read(new ByteArrayInputStream(log.getBytes(UTF_8)), "queue_log");
    assertThat(live.calls()).contains(Call.waiting("a", "q1", Instant.ofEpochSecond(100)));
  }

  @Test
  void malformedLinesAreReportedWithLineFieldValueRule() throws IOException {
    String log = String.join("\n",
        "100|a|q1|NONE|ENTERQUEUE||1|1",
        "10x|b|q1|NONE|ENTERQUEUE||1|1",
        "102|a|q1|agent1|CONNECT|soon|x.1|1",
        "103|a|q1",
        "104|a|q1|agent1|HANGUPNOW|1",
        "105|a|q1|agent1|CONNECT|5|x.1|1",
        "106|a|q1|agent1|COMPLETEAGENT|5",
        "",
        "107|a|q1|agent1|COMPLETEAGENT|5|2|1", "");

    QueueLogResult result = read(log);

    assertThat(result.report().read().skipped()).containsExactly(
        SkippedRecord.of("queue_log", 2, "epoch", "10x", "is not a whole number of epoch seconds"),
        SkippedRecord.of("queue_log", 3, "holdtime", "soon", "is not a whole number of seconds, zero or more"),
        SkippedRecord.of("queue_log", 4, "line", "103|a|q1",
            "has 3 fields (expected at least 5: epoch|callid|queue|agent|event)"),
        SkippedRecord.of("queue_log", 5, "event", "HANGUPNOW",
            "is not an app_queue event this reader knows (see docs/asterisk-queue-log.md for the list)"),
        SkippedRecord.of("queue_log", 7, "talktime", "", "is missing (expected it as data field 2 of COMPLETEAGENT)"),
        SkippedRecord.of("queue_log", 8, "line", "", "is empty (expected epoch|callid|queue|agent|event|data...)"));
    assertThat(result.calls()).containsExactly(Call.answered("a", "q1", Instant.ofEpochSecond(100), Instant.ofEpochSecond(105))
        .withHandleTime(Duration.ofSeconds(2)));

    List<Call> seen = new ArrayList<>();
    ReadException e = catchThrowableOfType(ReadException.class, () -> QueueLogReader.of(ReadMode.STRICT)
        .read(new ByteArrayInputStream(log.getBytes(UTF_8)), "queue_log", seen::add));
    assertThat(e.getMessage()).isEqualTo("queue_log:2: epoch: \"10x\" is not a whole number of epoch seconds");
  }

  /** Found by QueueLogReaderFuzzTest: an 18-digit epoch opened a call whose arrival is no Instant. */
  @Test
  void epochsAndWaitsPastTheYear9999AreDefectsNotCrashes() throws IOException {
    String log = String.join("\n",
        "253402300800|a|q1|NONE|ENTERQUEUE||1|1",
        "179541126795411270|b|q1|NONE|ENTERQUEUE||1|1",
        "100|c|q1|NONE|ENTERQUEUE||1|1",
        "105|c|q1|agent1|CONNECT|999999999999999999|c.2|1",
        "110|d|q1|NONE|ABANDON|1|1|253402300800",
        "253402300799|e|q1|NONE|ABANDON|1|1|253402300799", "");

    QueueLogResult result = read(log);

    assertThat(result.report().read().skipped()).containsExactly(
        SkippedRecord.of("queue_log", 1, "epoch", "253402300800",
            "is after 9999-12-31T23:59:59Z (expected at most 253402300799 epoch seconds)"),
        SkippedRecord.of("queue_log", 2, "epoch", "179541126795411270",
            "is after 9999-12-31T23:59:59Z (expected at most 253402300799 epoch seconds)"),
        SkippedRecord.of("queue_log", 4, "holdtime", "999999999999999999",
            "is too large (expected at most 253402300799 seconds)"),
        SkippedRecord.of("queue_log", 5, "waittime", "253402300800",
            "is too large (expected at most 253402300799 seconds)"));
    // The largest epoch and wait still read: the caller waited from 1970 to the last second of 9999.
    assertThat(result.calls()).containsExactly(
        Call.abandoned("e", "q1", Instant.EPOCH, Instant.parse("9999-12-31T23:59:59Z")));
    assertThat(result.report().incomplete()).extracting(IncompleteCall::callId).containsExactly("c");
  }

  /**
   * Found by QueueLogReaderFuzzTest: a call id of one CR opened a call that could not be delivered (a CR now ends
   * the line; a tab is the blank id of the same kind).
   */
  @Test
  void blankCallIdsAndQueuesAreDefects() throws IOException {
    String log = String.join("\n",
        "100|a|q1|NONE|ENTERQUEUE||1|1",
        "101||q1|NONE|ENTERQUEUE||1|1",
        "102|\t|q1|NONE|ENTERQUEUE||1|1",
        "103| |q1|agent1|CONNECT|1|x|1",
        "104|b| |NONE|ENTERQUEUE||1|1",
        "105|a|q1|NONE|ABANDON|1|1|5", "");

    QueueLogResult result = read(log);

    assertThat(result.report().read().skipped()).containsExactly(
        SkippedRecord.of("queue_log", 2, "callid", "", "is empty (expected the call's unique id for a ENTERQUEUE event)"),
        SkippedRecord.of("queue_log", 3, "callid", "\t", "is blank (expected the call's unique id for a ENTERQUEUE event)"),
        SkippedRecord.of("queue_log", 4, "callid", " ", "is blank (expected the call's unique id for a CONNECT event)"),
        SkippedRecord.of("queue_log", 5, "queue", " ", "is blank (expected the queue's name for a ENTERQUEUE event)"));
    assertThat(result.calls()).containsExactly(Call.abandoned("a", "q1", Instant.ofEpochSecond(100), Instant.ofEpochSecond(105)));
    assertThat(result.report().incomplete()).isEmpty();
  }

  @Test
  void eventsThatDoNotFitTheCallAreReported() throws IOException {
    QueueLogResult result = read(String.join("\n",
        "100|a|q1|NONE|ENTERQUEUE||1|1",
        "101|a|q1|NONE|ENTERQUEUE||1|1",
        "102|a|q1|agent1|COMPLETEAGENT|2|5|1",
        "103|a|q1|agent1|CONNECT|3|x|1",
        "104|a|q1|NONE|ABANDON|1|1|4",
        "110|a|q1|agent1|COMPLETEAGENT|3|6|1", ""));
    assertThat(result.report().read().skipped()).extracting(SkippedRecord::line, SkippedRecord::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "event"), org.assertj.core.groups.Tuple.tuple(3L, "event"),
            org.assertj.core.groups.Tuple.tuple(5L, "event"));
    assertThat(result.calls()).hasSize(1);
  }

  @Test
  void transfersEndAnsweredCallsLikeCompletions() throws IOException {
    QueueLogResult result = read(String.join("\n",
        "100|a|q1|NONE|ENTERQUEUE||1|1",
        "102|a|q1|agent1|CONNECT|2|x.1|1",
        "110|a|q1|agent1|BLINDTRANSFER|200|default|2|8|1",
        "120|b|q1|NONE|ENTERQUEUE||1|1",
        "121|b|q1|agent1|CONNECT|1|x.2|1",
        "150|b|q1|agent1|ATTENDEDTRANSFER|BRIDGE|abc-123|1|29|1",
        "160|c|q1|NONE|ENTERQUEUE||1|1",
        "170|c|q1|NONE|EXITEMPTY|1|1|10",
        "180|d|q1|NONE|ENTERQUEUE||1|1",
        "190|d|q1|NONE|EXITWITHTIMEOUT|1|1|10", ""));
    assertThat(result.calls()).extracting(c -> c.handleTime().map(Duration::getSeconds).orElse(-1L))
        .containsExactly(8L, 29L, -1L, -1L);
    AsteriskQueueStats q1 = result.report().queueStats("q1").orElseThrow();
    assertThat(List.of(q1.completed(), q1.abandoned())).containsExactly(2L, 2L);
    assertThat(result.report().read().isClean()).isTrue();
  }

  /**
   * Ids and queue names are kept as bytes: {@code c\xff} and {@code c\xfe} are two calls (decoded as U+FFFD, both
   * would be {@code c\uFFFD}, one call), each byte that is not UTF-8 kept as U+DC00 + byte, and shown as
   * {@code \xff} in a message.
   */
  @Test
  void idsAndQueuesThatAreNotUtf8StayApart() throws IOException {
    byte[] log = concat("100|c".getBytes(UTF_8), new byte[] {(byte) 0xFF}, "|q".getBytes(UTF_8), new byte[] {(byte) 0xFE},
        "|NONE|ENTERQUEUE||1|1\n101|c".getBytes(UTF_8), new byte[] {(byte) 0xFE}, "|q".getBytes(UTF_8),
        new byte[] {(byte) 0xFF}, "|NONE|ENTERQUEUE||1|1\n105|c".getBytes(UTF_8), new byte[] {(byte) 0xFE},
        "|q".getBytes(UTF_8), new byte[] {(byte) 0xFF}, "|NONE|ABANDON|1|1|4\n106|caf\u00e9|q1|NONE|ABANDON|1|1|5\n"
            .getBytes(UTF_8), "107|c".getBytes(UTF_8), new byte[] {(byte) 0xFF}, "|q1|NONE|ABANDON|1|1|7\n".getBytes(UTF_8));

    QueueLogResult result = QueueLogReader.of(ReadMode.LENIENT).read(new ByteArrayInputStream(log), "queue_log");

    assertThat(result.calls()).containsExactly(
        Call.abandoned("c\uDCFE", "q\uDCFF", Instant.ofEpochSecond(101), Instant.ofEpochSecond(105)),
        Call.abandoned("caf\u00e9", "q1", Instant.ofEpochSecond(101), Instant.ofEpochSecond(106)));
    assertThat(result.report().startedBeforeLog()).containsExactly("caf\u00e9");
    assertThat(result.report().read().skipped()).extracting(SkippedRecord::message).containsExactly(
        "queue_log:5: queue: \"q1\" differs from the call's queue q\\xfe (entered at queue_log:1; expected one queue"
            + " at a time)");
    assertThat(result.report().incomplete()).extracting(IncompleteCall::callId).containsExactly("c\uDCFF");
  }

  @Test
  void everyQueueIsKeptApartHoweverMany() throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      log.append(100 + i).append("|c").append(i).append("|q").append(99 - i).append("|NONE|ENTERQUEUE||1|1\n");
    }
    for (int i = 0; i < 100; i++) {
      log.append(200 + 2 * i).append("|c").append(i).append("|q").append(99 - i).append("|NONE|ABANDON|1|1|")
          .append(100 + i).append('\n');
    }

    QueueLogResult result = read(log.toString());

    assertThat(result.report().read().isClean()).isTrue();
    assertThat(result.calls()).hasSize(100);
    assertThat(result.calls().get(70)).isEqualTo(
        Call.abandoned("c70", "q29", Instant.ofEpochSecond(170), Instant.ofEpochSecond(340)));
    assertThat(result.report().queueStats().keySet()).hasSize(100).startsWith("q99", "q98").endsWith("q1", "q0");
    assertThat(result.report().queueStats("q29").orElseThrow().abandoned()).isEqualTo(1);
  }

  /**
   * Lines are found and split however the bytes arrive (here one to 7 bytes per read): a line longer than the
   * first buffer, a line of more than 64 fields (the 64th takes the rest), CRLF, a byte-order mark and a last
   * line without a line break.
   */
  @Test
  void linesAreReadWholeHoweverTheBytesArrive() throws IOException {
    String info = "120|NONE|q1|NONE|INFO|" + "x".repeat(200_000);
    String manyFields = "130|b|q1|agent1|ATTENDEDTRANSFER|" + "7|".repeat(56) + "2|x|1|2|3";
    String log = "\uFEFF100|a|q1|NONE|ENTERQUEUE||1|1\r\n101|a|q1|agent1|CONNECT|1|x|1\n" + info + "\n"
        + "121|a|q1|agent1|COMPLETEAGENT|1|20|1\r\n125|b|q1|NONE|ENTERQUEUE||1|1\n126|b|q1|agent1|CONNECT|1|x|1\n"
        + manyFields + "\n140|c|q1|NONE|ENTERQUEUE||1|1\n150|c|q1|NONE|ABANDON|1|1|10";
    byte[] bytes = log.getBytes(UTF_8);
    java.io.InputStream trickle = new java.io.InputStream() {
      int pos;

      @Override
      public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos == bytes.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, bytes.length - pos), 1 + pos % 7);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
      }
    };

    QueueLogResult result = QueueLogReader.of(ReadMode.LENIENT).read(trickle, "queue_log");

    assertThat(result.calls()).containsExactly(
        Call.answered("a", "q1", Instant.ofEpochSecond(100), Instant.ofEpochSecond(101))
            .withHandleTime(Duration.ofSeconds(20)),
        Call.abandoned("c", "q1", Instant.ofEpochSecond(140), Instant.ofEpochSecond(150)),
        Call.answered("b", "q1", Instant.ofEpochSecond(125), Instant.ofEpochSecond(126))); // still talking
    // ATTENDEDTRANSFER reads holdtime and talktime as the third and second data fields from the end: with the
    // 64th field holding the rest of the line ("1|2|3"), they are the 62nd ("2") and the 63rd ("x").
    assertThat(result.report().read().skipped()).containsExactly(SkippedRecord.of("queue_log", 7, "talktime",
        "x", "is not a whole number of seconds, zero or more"));
    assertThat(result.report().incomplete()).extracting(IncompleteCall::callId).containsExactly("b");
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
