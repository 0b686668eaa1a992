package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.SkippedRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Waits and talks are checked against the lines' own epochs, one second either way, the same for every event. */
class QueueLogSlackTest {
  private static QueueLogResult read(String log) throws IOException {
    return QueueLogReader.of(ReadMode.LENIENT).read(new ByteArrayInputStream(log.getBytes(UTF_8)), "queue_log");
  }

  /**
   * A log read back from a database that rounds times to the second: the ENTERQUEUE was rounded up, so the
   * CONNECT's holdtime ends a second after its line, and the completion a second after its own.
   */
  @Test
  void aSecondOffEitherWayIsRoundingAndTheCallCounts() throws IOException {
    QueueLogResult result = read(String.join("\n",
        "1795411201|a|q1|NONE|ENTERQUEUE||100|1",
        "1795411205|a|q1|agent1|CONNECT|5|ab|3",
        "1795411265|a|q1|agent1|COMPLETECALLER|5|60|1",
        "1795411300|b|q1|NONE|ENTERQUEUE||101|1",
        "1795411309|b|q1|NONE|ABANDON|1|1|10", ""));
    Instant a = Instant.ofEpochSecond(1795411201);
    Instant b = Instant.ofEpochSecond(1795411300);
    assertThat(result.report().read().skipped()).isEmpty();
    assertThat(result.calls()).containsExactly(
        Call.answered("a", "q1", a, a.plusSeconds(5)).withHandleTime(Duration.ofSeconds(60)),
        Call.abandoned("b", "q1", b, b.plusSeconds(10)));
  }

  /** Issue 20's shapes: a three-year abandon 10 s after its entry, an AHT of 999,999 s after 30 s. */
  @Test
  void waitsAndTalksThatDoNotFitTheLinesAreDefects() throws IOException {
    QueueLogResult result = read(String.join("\n",
        "1795411200|a|q1|NONE|ENTERQUEUE||100|1",
        "1795411210|a|q1|NONE|ABANDON|1|1|100000000",
        "1795411220|b|q1|NONE|ENTERQUEUE||100|1",
        "1795411225|b|q1|agent1|CONNECT|5|bb|3",
        "1795411250|b|q1|agent1|COMPLETEAGENT|5|999999|1",
        "1795411260|c|q1|NONE|ENTERQUEUE||100|1",
        "1795411290|c|q1|NONE|EXITWITHTIMEOUT|1|1|3", ""));
    assertThat(result.report().read().skipped()).extracting(SkippedRecord::line, SkippedRecord::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "waittime"),
            org.assertj.core.groups.Tuple.tuple(5L, "talktime"),
            org.assertj.core.groups.Tuple.tuple(7L, "waittime"));
    assertThat(result.report().read().skipped().get(2).message()).isEqualTo("queue_log:7: waittime: \"3\" ends 27 s"
        + " before the line's own epoch 1795411290 (the call arrived at epoch 1795411260, its last event at"
        + " queue_log:6; expected within 1 s of it)");
    // Nothing is counted from a line that does not fit: b, answered, is still talking as far as the log says.
    Instant b = Instant.ofEpochSecond(1795411220);
    assertThat(result.calls()).containsExactly(Call.answered("b", "q1", b, b.plusSeconds(5)));
    assertThat(result.report().incomplete()).hasSize(3);
  }
}
