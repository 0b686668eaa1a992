package io.github.callmetrics.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.metrics.Ratio;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsteriskShowCommandTest {
  @TempDir
  Path dir;

  private static Path resource(String scenario, String file) throws URISyntaxException {
    return Path.of(Objects.requireNonNull(AsteriskShowCommandTest.class.getResource("/asterisk/" + scenario + "/" + file)).toURI());
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @ParameterizedTest
  @ValueSource(strings = {"s1_single_q_sl20", "s2_two_queues_sl10_sl30"})
  void printsTheQueueShowLinesOfTheReferenceRunExactly(String scenario) throws Exception {
    List<String> expected = Files.readAllLines(resource(scenario, "queue_show.txt"), UTF_8).stream()
        .filter(l -> l.contains(" strategy (")).collect(Collectors.toList());

    String[] r = run("asterisk-show", "--queues-conf", resource(scenario, "queues.conf").toString(),
        resource(scenario, "queue_log").toString());

    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1].lines()).containsExactlyElementsOf(expected);
    assertThat(r[2]).isEmpty();
  }

  @Test
  void emptyQueuePrintsZeroPercentLikeAsterisk() throws IOException {
    Path conf = dir.resolve("queues.conf");
    Files.writeString(conf, "[general]\n[empty]\nservicelevel = 15\nmaxlen = 5\nweight=2\n", UTF_8);
    Path log = dir.resolve("queue_log");
    Files.writeString(log, "100|NONE|NONE|NONE|QUEUESTART|\n", UTF_8);

    String[] r = run("asterisk-show", "--queues-conf", conf.toString(), log.toString());

    assertThat(r[1].strip()).isEqualTo(
        "empty has 0 calls (max 5) in 'ringall' strategy (0s holdtime, 0s talktime), W:2, C:0, A:0, SL:0.0%, SL2:0.0% within 15s");
  }

  @Test
  void percentagesAreRoundedAsAsteriskPrintsThem() {
    assertThat(AsteriskShowCommand.asteriskPercent(Ratio.of(23, 35))).isEqualTo("65.7");
    assertThat(AsteriskShowCommand.asteriskPercent(Ratio.of(1, 8))).isEqualTo("12.5");
    assertThat(AsteriskShowCommand.asteriskPercent(Ratio.of(49, 400))).isEqualTo("12.2"); // 12.25 exactly: half-even
    assertThat(AsteriskShowCommand.asteriskPercent(Ratio.of(1, 1))).isEqualTo("100.0");
    assertThat(AsteriskShowCommand.asteriskPercent(Ratio.undefined())).isEqualTo("0.0");
  }

  @Test
  void missingFileIsAUsageError() {
    String[] r = run("asterisk-show", "--queues-conf", dir.resolve("nope.conf").toString(), dir.resolve("log").toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--queues-conf: cannot read").contains("nope.conf (no such file)");
  }

  @Test
  void badDataIsExitCodeOneWithTheLine() throws Exception {
    Path log = dir.resolve("queue_log");
    Files.writeString(log, "100|a|q1|NONE|ENTERQUEUE||1|1\n101|a|q1|agent|CONNECT|x|y|1\n", UTF_8);
    String[] r = run("asterisk-show", "--queues-conf", resource("s1_single_q_sl20", "queues.conf").toString(), log.toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2].strip()).isEqualTo("callmetrics: queue_log:2: holdtime: \"x\" is not a whole number of seconds, zero or more");
  }

  @Test
  void queueMissingFromQueuesConfIsBadData() throws Exception {
    String[] r = run("asterisk-show", "--queues-conf", resource("s1_single_q_sl20", "queues.conf").toString(),
        resource("s2_two_queues_sl10_sl30", "queue_log").toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("queue q_support of the queue_log is not in");
  }
}
