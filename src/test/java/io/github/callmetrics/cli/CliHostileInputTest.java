package io.github.callmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile input through the whole tool: extreme instants and epochs, sums that would pass 64 bits, option
 * values at and past every range. Each case runs {@link Main#run} and checks the exit code docs/cli.md gives
 * (2 a wrong command line, 1 bad data, 0 a report), that the first line on standard error names what it must
 * (file, line, field, value, rule; or the option and its value) and that nothing of Java shows: no exception
 * class, no JDK message, no stack trace.
 */
class CliHostileInputTest {
  private static final Path DIR = Path.of("target/hostile");
  private static final String H = "id,queue,channel,arrived,outcome,ended,handle_time\n";
  private static final String OK_ROW = "c1,q1,voice,2026-03-16T08:00:00Z,answered,2026-03-16T08:00:05Z,";
  private static final String EPOCH_H = "id,queue,arrived_epoch_seconds,outcome,ended_epoch_seconds\n";
  private static final String ENTER = "1773648000|c1|q1|NONE|ENTERQUEUE||1|1\n";
  private static final String CONNECT = "1773648010|c1|q1|Agent/1|CONNECT|10|c1.2|3\n";
  private static final String SAMPLE = "src/sample/calls.csv";
  /** Texts that only Java writes: a class name, a JDK message, a stack frame. */
  private static final List<String> JAVA = List.of("Exception", "java.", "NumberFormat", "DateTime", "overflow",
      "Invalid value for EpochDay", "Invalid value for Year", "\tat ", "Error:");

  /** One hostile run: the file it reads (or none), the arguments, the exit code and what stderr's first line says. */
  record Case(String name, String file, String content, List<String> args, int exit, List<String> says) {}

  private static final List<Case> CASES = new ArrayList<>();

  private static void data(String name, String file, String content, int exit, List<String> args, String... says) {
    List<String> all = new ArrayList<>(args);
    all.add(DIR.resolve(file).toString());
    CASES.add(new Case(name, file, content, all, exit, List.of(says)));
  }

  private static void option(String name, int exit, List<String> args, String... says) {
    CASES.add(new Case(name, "", "", args, exit, List.of(says)));
  }

  static {
    List<String> report = List.of("report");
    // CSV instants at and past the years every reader accepts (0000 to 9999)
    data("csv epoch at Instant.MAX", "max.csv", EPOCH_H + "c1,q1,1773648000,answered,31556889864403199\n", 1, report,
        "max.csv:2", "column ended_epoch_seconds", "\"31556889864403199\"", "outside the years 0000 to 9999");
    data("csv epoch at Instant.MIN", "min.csv", EPOCH_H + "c1,q1,-31557014167219200,answered,1773648000\n", 1, report,
        "min.csv:2", "column arrived_epoch_seconds", "\"-31557014167219200\"", "outside the years 0000 to 9999");
    data("csv epoch one second after 9999", "y10000.csv", EPOCH_H + "c1,q1,253402300800,waiting,\n", 1, report,
        "y10000.csv:2", "column arrived_epoch_seconds", "\"253402300800\"", "outside the years 0000 to 9999");
    data("csv epoch millis after 9999", "ms.csv", "id,queue,arrived_epoch_millis,outcome,ended\n"
        + "c1,q1,253402300800000,waiting,\n", 1, report, "ms.csv:2", "column arrived_epoch_millis",
        "\"253402300800000\"", "outside the years 0000 to 9999");
    data("csv epoch of 19 digits", "digits.csv", EPOCH_H + "c1,q1,9223372036854775807,waiting,\n", 1, report,
        "digits.csv:2", "column arrived_epoch_seconds", "\"9223372036854775807\"", "1 to 18 digits");
    data("csv epoch with a fraction", "frac.csv", EPOCH_H + "c1,q1,1.5e9,waiting,\n", 1, report,
        "frac.csv:2", "column arrived_epoch_seconds", "\"1.5e9\"", "whole number");
    data("csv ISO year +999999999", "bigyear.csv", H + "c1,q1,voice,+999999999-12-31T23:59:59Z,waiting,,\n", 1,
        report, "bigyear.csv:2", "column arrived", "\"+999999999-12-31T23:59:59Z\"", "ISO-8601 instant");
    data("csv ISO year -999999999", "minyear.csv", H + "c1,q1,voice,-999999999-01-01T00:00:00Z,waiting,,\n", 1,
        report, "minyear.csv:2", "column arrived", "\"-999999999-01-01T00:00:00Z\"", "ISO-8601 instant");
    data("csv offset beyond 18 hours", "offset.csv", H + "c1,q1,voice,2026-03-16T08:00:00+19:00,waiting,,\n", 1,
        report, "offset.csv:2", "column arrived", "\"2026-03-16T08:00:00+19:00\"", "-18:00 to +18:00");
    data("csv day 30 of February", "feb.csv", H + "c1,q1,voice,2026-02-30T08:00:00Z,waiting,,\n", 1, report,
        "feb.csv:2", "column arrived", "\"2026-02-30T08:00:00Z\"", "day 30");
    data("csv ended before arrived", "before.csv", H + "c1,q1,voice,2026-03-16T08:00:00Z,answered,"
        + "2026-03-16T07:00:00Z,\n", 1, report, "before.csv:2", "column ended", "\"2026-03-16T07:00:00Z\"",
        "is before arrived");
    // handle times whose sum would pass 64 bits: refused at the record
    data("csv handle time Long.MAX", "ht.csv", H + OK_ROW + "9223372036854775807\n" + OK_ROW.replace("c1", "c2")
        + "9223372036854775807\n", 1, report, "ht.csv:2", "column handle_time", "\"9223372036854775807\"",
        "longer than 4294967295 s");
    data("csv handle time past Long.MAX", "ht2.csv", H + OK_ROW + "9223372036854775808\n", 1, report,
        "ht2.csv:2", "column handle_time", "\"9223372036854775808\"", "too large");
    data("csv handle time of huge ISO hours", "ht3.csv", H + OK_ROW + "PT9999999999999999H\n", 1, report,
        "ht3.csv:2", "column handle_time", "\"PT9999999999999999H\"");
    data("csv handle time in scientific notation", "ht4.csv", H + OK_ROW + "1e999\n", 1, report,
        "ht4.csv:2", "column handle_time", "\"1e999\"");
    data("csv handle time just past the limit", "ht5.csv", H + OK_ROW + "4294967296\n", 1, report,
        "ht5.csv:2", "column handle_time", "\"4294967296\"", "longer than 4294967295 s");
    // stray far dates
    data("csv stray date, quarter hours", "stray.csv", H + OK_ROW + "\n"
        + "c2,q1,voice,9000-03-16T08:00:00Z,answered,9000-03-16T08:00:05Z,\n", 2, report,
        "10000000 intervals", "call c2 in queue q1", "give --from and --to");
    data("csv every record skipped, lenient", "allbad.csv", H + "c1,q1,voice,x,answered,2026-03-16T08:00:05Z,\n"
        + "c2,q1,voice,y,answered,2026-03-16T08:00:05Z,\n", 1, List.of("report", "--lenient"),
        "allbad.csv:2", "column arrived", "\"x\"");
    // queue_log epochs and data fields
    data("queue_log epoch Long.MAX", "maxep.log", "9223372036854775807|c1|q1|NONE|ENTERQUEUE||1|1\n", 1, report,
        "maxep.log:1", "epoch", "\"9223372036854775807\"");
    data("queue_log epoch of 20 digits", "bigep.log", "99999999999999999999|c1|q1|NONE|ENTERQUEUE||1|1\n", 1, report,
        "bigep.log:1", "epoch", "\"99999999999999999999\"");
    data("queue_log epoch after 9999", "y10000.log", "253402300800|c1|q1|NONE|ENTERQUEUE||1|1\n", 1, report,
        "y10000.log:1", "epoch", "\"253402300800\"", "9999-12-31T23:59:59Z");
    data("queue_log waittime Long.MAX", "wait.log", ENTER + "1773648005|c1|q1|NONE|ABANDON|1|1|9223372036854775807\n",
        1, report, "wait.log:2", "waittime", "\"9223372036854775807\"");
    data("queue_log negative waittime", "neg.log", ENTER + "1773648005|c1|q1|NONE|ABANDON|1|1|-5\n", 1, report,
        "neg.log:2", "waittime", "\"-5\"");
    data("queue_log holdtime of 20 digits", "hold.log", ENTER + "1773648010|c1|q1|Agent/1|CONNECT|"
        + "99999999999999999999|c1.2|3\n", 1, report, "hold.log:2", "holdtime", "\"99999999999999999999\"");
    data("queue_log talktime over the handle-time limit", "talk.log", ENTER + CONNECT
        + "9773648030|c1|q1|Agent/1|COMPLETEAGENT|10|8000000020|1\n", 1, report, "talk.log:3", "talktime",
        "\"8000000020\"", "longer than 4294967295 s");
    // command-line dates, durations, decimals, zones, lengths
    option("--from far before year 0", 2, List.of("report", "--from=-999999999-01-01", SAMPLE),
        "--from", "-999999999-01-01", "outside the years 0000 to 9999");
    option("--to past year 9999", 2, List.of("report", "--to", "+999999999-12-31", SAMPLE),
        "--to", "+999999999-12-31", "outside the years 0000 to 9999");
    option("--threshold of 20 digits", 2, List.of("report", "--threshold", "99999999999999999999", SAMPLE),
        "--threshold", "99999999999999999999", "not a duration");
    option("--threshold of huge ISO hours", 2, List.of("report", "--threshold", "PT9999999999999999H", SAMPLE),
        "--threshold", "PT9999999999999999H", "not a duration");
    option("--short-abandon Long.MAX", 2, List.of("report", "--short-abandon", "9223372036854775807", SAMPLE),
        "short-abandon threshold 9223372036854775807 s", "not below the threshold");
    option("--target not a number", 2, List.of("report", "--target", "abc", SAMPLE),
        "--target", "'abc'", "not a decimal number");
    option("--target with an exponent too large", 2, List.of("report", "--target", "1e99999999999", SAMPLE),
        "--target", "'1e99999999999'", "not a decimal number");
    option("--target huge", 2, List.of("report", "--target", "1e999999999", SAMPLE), "target 1E+999999999",
        "outside [0, 1]");
    option("--zone beyond 18 hours", 2, List.of("report", "--zone", "+25:00", SAMPLE), "--zone '+25:00'",
        "not a time zone");
    option("--zone GMT+99", 2, List.of("report", "--zone", "GMT+99", SAMPLE), "--zone 'GMT+99'", "not a time zone");
    option("--interval of 20 digits", 2, List.of("report", "--interval", "99999999999999999999", SAMPLE),
        "interval length \"99999999999999999999\"", "not supported");
    option("erlang b --agents 0", 2, List.of("erlang", "b", "--erlangs", "10", "--agents", "0"),
        "agents 0 is not positive");
    option("erlang b --agents past an int", 2, List.of("erlang", "b", "--erlangs", "10", "--agents", "99999999999"),
        "--agents", "'99999999999'");
    option("erlang c --calls past a long", 2, List.of("erlang", "c", "--calls", "99999999999999999999", "--aht",
        "PT3M", "--agents", "10"), "--calls", "'99999999999999999999'");
    option("erlang c --shrinkage exponent too large", 2, List.of("erlang", "c", "--erlangs", "10", "--aht", "PT3M",
        "--target", "0.8", "--shrinkage", "1e99999999999"), "--shrinkage", "'1e99999999999'", "not a decimal number");
    option("erlang c --aht of huge ISO hours", 2, List.of("erlang", "c", "--erlangs", "10", "--aht",
        "PT99999999999999999H", "--agents", "10"), "--aht", "'PT99999999999999999H'", "ISO-8601 duration");
    option("erlang c --erlangs infinite", 2, List.of("erlang", "c", "--erlangs", "1e999", "--aht", "PT3M",
        "--agents", "5"), "traffic Infinity Erlangs", "not a finite number");
    option("erlang c --interval negative", 2, List.of("erlang", "c", "--calls", "100", "--aht", "PT3M", "--interval",
        "PT-5M", "--agents", "10"), "interval PT-5M", "not positive");
    option("erlang a --patience zero", 2, List.of("erlang", "a", "--erlangs", "10", "--aht", "PT3M", "--target",
        "0.8", "--patience", "PT0S"), "patience PT0S", "not positive");
  }

  /** What one run printed. */
  record Run(int exitCode, String out, String err) {}

  static Run run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(new String[0]));
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void files() throws IOException {
    Files.createDirectories(DIR);
    for (Case c : CASES) {
      if (!c.file().isEmpty()) {
        Files.writeString(DIR.resolve(c.file()), c.content(), StandardCharsets.UTF_8);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyHostileInputIsAnsweredClearly() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      Run run = run(c.args());
      String first = run.err().lines().findFirst().orElse("");
      assertThat(run.exitCode()).as("exit code of %s; stderr:\n%s", c.args(), run.err()).isEqualTo(c.exit());
      assertThat(first).as("first line on stderr").startsWith("callmetrics: ");
      for (String said : c.says()) {
        assertThat(first).as("first line on stderr").contains(said);
      }
      for (String java : JAVA) {
        assertThat(run.err()).as("stderr shows no Java text").doesNotContain(java);
      }
      assertThat(run.out()).as("nothing on stdout after an error").isEmpty();
    }));
  }

  @Test
  void casesCoverTheBrief() {
    assertThat(CASES).hasSizeGreaterThanOrEqualTo(40);
  }

  @Test
  void everySkippedRecordIsListedAndTheLastLineSaysAllWereSkipped() {
    Run run = run(List.of("report", "--lenient", DIR.resolve("allbad.csv").toString()));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).containsExactly(
        "callmetrics: skipped allbad.csv:2: column arrived: \"x\" is not an ISO-8601 instant with"
            + " offset (expected like 2026-03-29T01:59:58+01:00 or 2026-03-29T00:59:58Z)",
        "callmetrics: skipped allbad.csv:3: column arrived: \"y\" is not an ISO-8601 instant with"
            + " offset (expected like 2026-03-29T01:59:58+01:00 or 2026-03-29T00:59:58Z)",
        "callmetrics: 2 records skipped in allbad.csv",
        "callmetrics: every record was skipped (2 of 2): no call is left to report (expected at least one good"
            + " record)");
  }

  @Test
  void extremeButSupportedValuesMakeAReport() throws IOException {
    // The ends of the supported years, one stray far date with a whole-period grid (which holds two bounds,
    // not one entry per day), and two handle times at the limit, whose sum fits.
    Path ends = DIR.resolve("ends.csv");
    Files.writeString(ends, H + "c1,q1,voice,0000-01-01T00:00:00Z,answered,0000-01-01T00:00:05Z,4294967295\n"
        + "c2,q1,voice,9999-12-31T23:59:50Z,answered,9999-12-31T23:59:59Z,4294967295\n", StandardCharsets.UTF_8);
    Run run = run(List.of("report", "--interval", "period", "--group-by", "none", "--format", "csv",
        ends.toString()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(2);
    // 2 calls, 2 answered; waits 5 + 9 = 14 s; handle times 2 × 4294967295 = 8589934590 s over 2, AHT 4294967295.
    // The period ends at +10000-01-01T00:00:00Z, a cell starting with "+": written as text, as any such cell.
    assertThat(lines.get(1)).startsWith("0000-01-01T00:00:00Z,\"'+10000-01-01T00:00:00Z\",2,2,0,0,0,0,0,0,0,0,14,0,"
        + "8589934590,2,7,4294967295,");
  }

  @Test
  void theFullSupportedPeriodAsOneIntervalIsReported() {
    Run run = run(List.of("report", "--from", "0000-01-01", "--to", "9999-12-31", "--interval", "period",
        "--group-by", "none", "--format", "csv", SAMPLE));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().skip(1).findFirst().orElseThrow())
        .startsWith("0000-01-01T00:00:00Z,\"'+10000-01-01T00:00:00Z\",58186,52981,4616,589,");
  }
}
