package io.github.callmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.metrics.Metrics;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.metrics.ServiceLevelCounts;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.testing.MiniQueueLog;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Asterisk presets reproduce what Asterisk 22.10.1 itself printed ({@code queue show}) on the two
 * reference runs in {@code src/test/resources/asterisk/}, from the {@code queue_log} alone and the queue's
 * {@code servicelevel} from {@code queues.conf}.
 */
class AsteriskReferenceTest {

  static Stream<Arguments> referenceQueues() {
    return Stream.of(
        // s1 q1, servicelevel 20: 35 answered (23 within 20 s), 10 abandoned (6 within 20 s).
        // SL = 23/35 = 65.71% -> 65.7%; SL2 = (23 + 6)/(35 + 10) = 29/45 = 64.44% -> 64.4%.
        Arguments.of("s1_single_q_sl20", "q1", 20, 35, 10, 23, 6, "65.7%", "64.4%"),
        // s2 q_sales, servicelevel 10: 28 answered (22 within 10 s), 4 abandoned (3 within 10 s).
        // SL = 22/28 = 78.57% -> 78.6%; SL2 = (22 + 3)/(28 + 4) = 25/32 = 78.125% -> 78.1%.
        Arguments.of("s2_two_queues_sl10_sl30", "q_sales", 10, 28, 4, 22, 3, "78.6%", "78.1%"),
        // s2 q_support, servicelevel 30: 20 answered (18 within 30 s); 7 abandoned + 1 EXITWITHTIMEOUT after
        // 27 s, all 8 within 30 s (Asterisk counts the timeout in A). SL = 18/20 = 90.0%;
        // SL2 = (18 + 8)/(20 + 8) = 26/28 = 92.857% -> 92.9%.
        Arguments.of("s2_two_queues_sl10_sl30", "q_support", 30, 20, 8, 18, 8, "90.0%", "92.9%"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("referenceQueues")
  void asteriskPresetsReproduceQueueShow(
      String scenario, String queue, long t, long c, long a, long cWithin, long aWithin, String sl, String sl2) {
    String dir = "/asterisk/" + scenario + "/";
    long servicelevel = MiniQueueLog.serviceLevelSeconds(dir + "queues.conf", queue);
    MiniQueueLog.QueueShow shown = MiniQueueLog.queueShow(dir + "queue_show.txt", queue);
    assertThat(servicelevel).isEqualTo(t);
    assertThat(shown).isEqualTo(new MiniQueueLog.QueueShow(queue, c, a, sl, sl2, t));

    TallySnapshot counts = queueCalls(dir, queue).stream().collect(io.github.callmetrics.tally.CallTally.toSnapshot());
    ServiceLevelDefinition asteriskSl = Preset.ASTERISK_SL.withThreshold(Duration.ofSeconds(servicelevel));
    ServiceLevelDefinition asteriskSl2 = Preset.ASTERISK_SL2.withThreshold(Duration.ofSeconds(servicelevel));

    ServiceLevelCounts seen = ServiceLevelCounts.of(counts, asteriskSl2);
    assertThat(seen.answered()).as("C").isEqualTo(shown.completed());
    assertThat(seen.abandoned()).as("A").isEqualTo(shown.abandoned());
    assertThat(seen.answeredWithinThreshold()).as("C within SL").isEqualTo(cWithin);
    assertThat(seen.abandonedWithinThreshold()).as("A within SL").isEqualTo(aWithin);

    Ratio slRatio = Metrics.serviceLevel(counts, asteriskSl);
    Ratio sl2Ratio = Metrics.serviceLevel(counts, asteriskSl2);
    assertThat(slRatio).isEqualTo(Ratio.of(cWithin, c));
    assertThat(sl2Ratio).isEqualTo(Ratio.of(cWithin + aWithin, c + a));
    assertThat(slRatio.formatPercent(1)).isEqualTo(shown.sl());
    assertThat(sl2Ratio.formatPercent(1)).isEqualTo(shown.sl2());
  }

  @Test
  void readerSeesEveryCallOfTheReferenceRunsWithAnOutcome() {
    // s1: 45 ENTERQUEUE = 35 CONNECT + 10 ABANDON; s2: 60 ENTERQUEUE = 48 CONNECT + 11 ABANDON + 1 timeout.
    List<Call> s1 = MiniQueueLog.readResource("/asterisk/s1_single_q_sl20/queue_log");
    List<Call> s2 = MiniQueueLog.readResource("/asterisk/s2_two_queues_sl10_sl30/queue_log");
    assertThat(s1).hasSize(45).noneMatch(call -> call.outcome() == Outcome.WAITING);
    assertThat(s2).hasSize(60).noneMatch(call -> call.outcome() == Outcome.WAITING);
    assertThat(s2).filteredOn(call -> call.outcome() == Outcome.LEFT_UNANSWERED).hasSize(1);
  }

  @Test
  void miniReaderMapsEachExitEventToItsReason() {
    String log = String.join("\n",
        "1000|NONE|NONE|NONE|QUEUESTART|",
        "1000|c1|q|NONE|ENTERQUEUE||1|1",
        "1000|c2|q|NONE|ENTERQUEUE||2|1",
        "1000|c3|q|NONE|ENTERQUEUE||3|1",
        "1001|c4|q|NONE|ENTERQUEUE||4|1",
        "1002|c5|q|NONE|ENTERQUEUE||5|1",
        "1004|c1|q|agent1|CONNECT|4|peer|1",
        "1007|c2|q|NONE|EXITWITHTIMEOUT|1|2|7",
        "1008|c3|q|NONE|EXITEMPTY|1|3|8",
        "1010|c4|q|NONE|EXITWITHKEY|1|1|4|9",
        "1020|c1|q|agent1|COMPLETEAGENT|4|16|1");
    List<Call> calls = MiniQueueLog.read(log);
    // c5 never left: it is still waiting.
    assertThat(calls).extracting(Call::toString).containsExactly(
        "Call{c1 q voice arrived 1970-01-01T00:16:40Z answered 1970-01-01T00:16:44Z}",
        "Call{c2 q voice arrived 1970-01-01T00:16:40Z left unanswered 1970-01-01T00:16:47Z (timeout)}",
        "Call{c3 q voice arrived 1970-01-01T00:16:40Z left unanswered 1970-01-01T00:16:48Z (queue-empty)}",
        "Call{c4 q voice arrived 1970-01-01T00:16:41Z left unanswered 1970-01-01T00:16:50Z (key-press)}",
        "Call{c5 q voice arrived 1970-01-01T00:16:42Z waiting}");
  }

  private static List<Call> queueCalls(String dir, String queue) {
    return MiniQueueLog.readResource(dir + "queue_log").stream().filter(call -> call.queue().equals(queue)).toList();
  }
}
