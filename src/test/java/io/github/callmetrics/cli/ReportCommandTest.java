package io.github.callmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  private static final String SAMPLE = "src/sample/calls.csv";
  private static final String S1 = "src/sample/asterisk/s1_single_q_sl20/queue_log";

  /** What one run printed. */
  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void dailyReportOfTheSampleWeekAroundTheFallBackDay() {
    Run run = run("report", "--zone", "Europe/Amsterdam", "--interval", "day", "--from", "2026-10-19",
        "--to", "2026-10-25", "--group-by", "queue,interval", SAMPLE);
    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).startsWith("queue    interval    calls  answered  abandoned  flow-outs  SL 20s");
    assertThat(lines).contains(
        "billing  2026-10-19    313       276         36          1   71.9%    11.5%  16.6 s        54 s         230 s",
        "billing  2026-10-24      0         0          0          0       -        -       -           -             -",
        "support  2026-10-25    370       347         19          4   86.8%     5.1%  11.9 s        12 s         352 s",
        "Whole period 2026-10-19 to 2026-10-25:",
        "sales     4312      3829        478          5   70.1%    11.1%  24.5 s        86 s         358 s");
    assertThat(run.err()).contains("calls fell outside 2026-10-19 to 2026-10-25 and are not in the report");
  }

  @Test
  void csvOfTheSpringForwardDayHas92QuarterHoursPerQueueAndChannel() {
    Run run = run("report", "--zone", "Europe/Amsterdam", "--from", "2026-03-29", "--to", "2026-03-29",
        "--format", "csv", SAMPLE);
    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).startsWith("queue,channel,interval_start,interval_end,arrivals,");
    long groups = lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(",2026"))).distinct().count();
    assertThat(lines).hasSize(1 + (int) groups * 92);
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(",2026-03-29T01:45:00+01:00,2026-03-29T03:00:00+02:00,"));
  }

  @Test
  void asteriskPresetsSideBySideOnARealQueueLog() {
    Run run = run("report", "--interval", "period", "--preset", "asterisk-sl", "--preset", "asterisk-sl2",
        "--format", "json", S1);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"queue\":\"q1\"")
        .contains("\"serviceLevel\":{\"value\":0.6571428571428571,\"numerator\":23,\"denominator\":35}")
        .contains("\"serviceLevel\":{\"value\":0.6444444444444445,\"numerator\":29,\"denominator\":45}");
  }

  /**
   * Found by CommandLineFuzzTest's contract on edge values: --target 1e999999999 ran out of memory printing the
   * rejected target.
   */
  @Test
  void extremeTargetsAreUsageErrors() {
    Run huge = run("report", "--target", "1e999999999", SAMPLE);
    assertThat(huge.exitCode()).isEqualTo(2);
    assertThat(huge.err()).startsWith("callmetrics: target 1E+999999999 is outside [0, 1] (expected a fraction such as 0.80)");
    Run tiny = run("report", "--target", "1e-999999999", SAMPLE);
    assertThat(tiny.exitCode()).isEqualTo(2);
    assertThat(tiny.err()).startsWith("callmetrics: target 1E-999999999 has more than 18 decimal places");
  }

  @Test
  void usageErrorsExitWith2AndSayWhatWasExpected() {
    Run badLength = run("report", "--interval", "PT7M", SAMPLE);
    assertThat(badLength.exitCode()).isEqualTo(2);
    assertThat(badLength.err()).startsWith("callmetrics: interval length \"PT7M\" is not supported")
        .contains("Try 'callmetrics report --help' for the options.");
    assertThat(run("report", "--zone", "Mars/Base", SAMPLE).err())
        .contains("--zone 'Mars/Base' is not a time zone");
    assertThat(run("report", "--preset", "freeswitch", SAMPLE).err()).contains("unknown preset \"freeswitch\"");
    assertThat(run("report", "--threshold", "twenty", SAMPLE).exitCode()).isEqualTo(2);
    assertThat(run("report", "--bogus", SAMPLE).exitCode()).isEqualTo(2);
    assertThat(run("report").exitCode()).isEqualTo(2);
    assertThat(run("report", "no-such-file.csv").err()).contains("file no-such-file.csv does not exist");
    assertThat(run("report", "--help").exitCode()).isZero();
  }

  @Test
  void badDataExitsWith1InStrictModeAndIsListedInLenientMode(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("calls.csv");
    Files.writeString(file, "id,queue,arrived,outcome,ended\n"
        + "a,q,2026-01-01T10:00:00Z,answered,2026-01-01T10:00:05Z\n"
        + "b,q,2026-01-01T10:01:00Z,answered,2026-01-01T09:00:00Z\n");
    Run strict = run("report", "--interval", "day", file.toString());
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.err()).contains("calls.csv:3: column ended: \"2026-01-01T09:00:00Z\" is before arrived");
    Run lenient = run("report", "--interval", "day", "--lenient", file.toString());
    assertThat(lenient.exitCode()).isZero();
    assertThat(lenient.err()).contains("skipped calls.csv:3").contains("1 records skipped in");
    assertThat(lenient.out()).contains("q      voice    2026-01-01      1         1");
  }
}
