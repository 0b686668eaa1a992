package io.github.callmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.metrics.Ratio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code report --queues-conf}: each queue against its own servicelevel, as {@code asterisk-show} measures it. */
class ReportQueuesConfTest {
  private static final String SAMPLES = "src/sample/asterisk/";
  private static final Pattern SHOW = Pattern.compile("^(\\S+) has .* SL:([0-9.]+)%, SL2:([0-9.]+)% within (\\d+)s$");

  private static ReportCommandTest.Run report(String scenario, String... options) {
    List<String> args = new ArrayList<>(List.of("report", "--interval", "period", "--preset", "asterisk-sl",
        "--preset", "asterisk-sl2", "--format", "csv", "--queues-conf", SAMPLES + scenario + "/queues.conf"));
    args.addAll(Arrays.asList(options));
    args.add(SAMPLES + scenario + "/queue_log");
    return ReportCommandTest.run(args.toArray(new String[0]));
  }

  /** The CSV's lines, each split into cells (the sample's queue names need no quotes). */
  private static List<List<String>> csv(String text) {
    return text.lines().map(l -> List.of(l.split(",", -1))).toList();
  }

  private static Ratio ratio(List<String> header, List<String> row, String prefix) {
    return Ratio.of(Long.parseLong(row.get(header.indexOf(prefix + ".service_level_numerator"))),
        Long.parseLong(row.get(header.indexOf(prefix + ".service_level_denominator"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"s1_single_q_sl20", "s2_two_queues_sl10_sl30"})
  void everyQueueGetsTheFiguresOfAsteriskShow(String scenario) {
    List<String> show = ReportCommandTest.run("asterisk-show", "--queues-conf", SAMPLES + scenario + "/queues.conf",
        SAMPLES + scenario + "/queue_log").out().lines().toList();
    ReportCommandTest.Run run = report(scenario, "--group-by", "queue");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<List<String>> lines = csv(run.out());
    List<String> header = lines.get(0);
    assertThat(lines).hasSize(1 + show.size());
    for (int q = 0; q < show.size(); q++) {
      Matcher m = SHOW.matcher(show.get(q));
      assertThat(m.matches()).as(show.get(q)).isTrue();
      List<String> row = lines.get(1 + q);
      assertThat(row.get(0)).isEqualTo(m.group(1));
      assertThat(row.get(header.indexOf("asterisk-sl.threshold_seconds"))).isEqualTo(m.group(4));
      assertThat(AsteriskShowCommand.asteriskPercent(ratio(header, row, "asterisk-sl"))).isEqualTo(m.group(2));
      assertThat(AsteriskShowCommand.asteriskPercent(ratio(header, row, "asterisk-sl2"))).isEqualTo(m.group(3));
    }
  }

  /**
   * The total of q_sales (servicelevel 10) and q_support (30), from Asterisk's own queue show: SL 78.6% of C:28 is
   * 22 and 90.0% of C:20 is 18, so 40 / 48; SL2 78.1% of C + A = 32 is 25 and 92.9% of 28 is 26, so 51 / 60.
   */
  @Test
  void aTotalOverQueuesCountsEachCallAgainstItsOwnQueuesServicelevel() {
    ReportCommandTest.Run run = report("s2_two_queues_sl10_sl30", "--group-by", "none");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<List<String>> lines = csv(run.out());
    assertThat(lines).hasSize(2);
    assertThat(ratio(lines.get(0), lines.get(1), "asterisk-sl")).isEqualTo(Ratio.of(40, 48));
    assertThat(ratio(lines.get(0), lines.get(1), "asterisk-sl2")).isEqualTo(Ratio.of(51, 60));
    assertThat(lines.get(1).get(lines.get(0).indexOf("asterisk-sl.threshold_seconds"))).as("no one threshold").isEmpty();
  }

  @Test
  void aQueueNotInTheFileKeepsTheThresholdAndTheFilesQueuesAppearWithoutCalls() {
    // s1's queue q1 is not in s2's queues.conf: it is measured against --threshold (20 s, its own servicelevel).
    ReportCommandTest.Run run = ReportCommandTest.run("report", "--interval", "period", "--group-by", "queue",
        "--preset", "asterisk-sl2", "--queues-conf", SAMPLES + "s2_two_queues_sl10_sl30/queues.conf",
        SAMPLES + "s1_single_q_sl20/queue_log");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).contains("SL queue's T");
    assertThat(lines.get(1)).startsWith("q1    ").contains("64.4%");
    assertThat(lines.get(2)).startsWith("q_sales").contains(" 0 ").endsWith("-");
    assertThat(lines.get(3)).startsWith("q_support");
    assertThat(run.out()).contains("#   threshold per queue: q_sales 10 s, q_support 30 s; other queues 20 s");
  }

  @Test
  void aMissingFileIsAUsageErrorAndABadOneBadData() {
    ReportCommandTest.Run missing = ReportCommandTest.run("report", "--queues-conf", "target/no-such-queues.conf",
        SAMPLES + "s1_single_q_sl20/queue_log");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).startsWith("callmetrics: --queues-conf: cannot read target/no-such-queues.conf (no such file)");
    ReportCommandTest.Run bad = ReportCommandTest.run("report", "--queues-conf", SAMPLES + "s1_single_q_sl20/queue_log",
        SAMPLES + "s1_single_q_sl20/queue_log");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).isEqualTo("callmetrics: queue_log:1: \"1795411240|NONE|NONE|NONE|QUEUESTART|\" is not a setting"
        + " (expected key = value)\n");
  }
}
