package io.github.callmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} streams its files through one duplicate check, and finds its default days without the calls. */
class ReportStreamingTest {
  private static final String S1 = "src/sample/asterisk/s1_single_q_sl20/queue_log";

  @Test
  void theSameCallInTwoCsvFilesStopsTheReportNamingBothPlaces(@TempDir Path dir) throws IOException {
    String header = "id,queue,arrived,outcome,ended\n";
    Path a = Files.writeString(dir.resolve("a.csv"), header + "c1,sales,2026-03-16T08:00:00Z,answered,2026-03-16T08:00:10Z\n");
    Path b = Files.writeString(dir.resolve("b.csv"), header + "c2,sales,2026-03-16T08:01:00Z,answered,2026-03-16T08:01:10Z\n"
        + "c1,sales,2026-03-16T08:02:00Z,abandoned,2026-03-16T08:02:10Z\n");
    ReportCommandTest.Run strict = ReportCommandTest.run("report", "--interval", "period", a.toString(), b.toString());
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.err()).contains("b.csv:3: column id: \"c1\" is a duplicate: the id was already read in queue sales"
        + " at a.csv:2 (expected unique within a queue)");

    ReportCommandTest.Run lenient = ReportCommandTest.run("report", "--lenient", "--interval", "period",
        "--group-by", "none", "--format", "csv", a.toString(), b.toString());
    assertThat(lenient.exitCode()).isZero();
    assertThat(lenient.err()).contains("callmetrics: skipped b.csv:3: column id: \"c1\" is a duplicate");
    assertThat(lenient.out()).contains(",2,2,0,"); // two calls offered, both answered: the repeat is not counted
  }

  @Test
  void aQueueLogNamedTwiceCountsEachCallOnce() {
    ReportCommandTest.Run once = ReportCommandTest.run("report", "--interval", "period", "--format", "csv", S1);
    ReportCommandTest.Run twice = ReportCommandTest.run("report", "--lenient", "--interval", "period", "--format", "csv",
        S1, S1);
    assertThat(once.exitCode()).isZero();
    assertThat(twice.exitCode()).isZero();
    assertThat(twice.out()).isEqualTo(once.out());
    assertThat(twice.err()).contains("is a duplicate: the call that entered queue");
    ReportCommandTest.Run strict = ReportCommandTest.run("report", "--interval", "period", S1, S1);
    assertThat(strict.exitCode()).isEqualTo(1);
  }

  @Test
  void theDefaultDaysAreTheCallsOwnWhateverTheFilesOrder(@TempDir Path dir) throws IOException {
    // Not in time order: the guess from the file's ends (2026-03-17) misses 2026-03-15, so the read corrects it.
    Path a = Files.writeString(dir.resolve("a.csv"), "id,queue,arrived,outcome,ended\n"
        + "c1,sales,2026-03-17T08:00:00Z,answered,2026-03-17T08:00:10Z\n"
        + "c2,sales,2026-03-15T08:00:00Z,answered,2026-03-15T08:00:10Z\n"
        + "c3,sales,2026-03-17T09:00:00Z,answered,2026-03-17T09:00:10Z\n");
    ReportCommandTest.Run run = ReportCommandTest.run("report", "--interval", "day", "--group-by", "interval",
        "--format", "csv", a.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().skip(1).map(line -> line.substring(0, 10)))
        .containsExactly("2026-03-15", "2026-03-16", "2026-03-17"); // one row a day, from the first call to the last
  }
}
