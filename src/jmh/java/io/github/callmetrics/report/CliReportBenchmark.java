package io.github.callmetrics.report;

import io.github.callmetrics.cli.Main;
import io.github.callmetrics.csv.CsvCallReader;
import io.github.callmetrics.read.CollectedRead;
import io.github.callmetrics.read.ReadMode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CLI's {@code report} end to end on the {@link YearWorkload} CSV (30 million rows, 2.3 GB), on 2 cores in
 * 256 MiB of heap with every default check on (the run-wide duplicate check included), beside the library's
 * {@code CsvCallReader.collect} on the same file and beside DuckDB ({@code read_csv} with the documented columns,
 * 2 threads, {@code GROUP BY} queue, channel and quarter hour: counts per outcome, wait sums, maxima and {@code
 * quantile_disc} percentiles).
 *
 * <ul>
 *   <li>{@code cli}: {@code Main.run("report", "--zone", "Europe/Amsterdam", "--from", "2026-01-01", "--to",
 *       "2026-12-31", "--format", "csv", file)}, its output discarded;
 *   <li>{@code cliDefaultDays}: the same without {@code --from/--to}: the days found from the file;
 *   <li>{@code collect}: {@code CsvCallReader.of(STRICT).collect(file, spec.collector())}, the check on;
 *   <li>{@code duckDb}: the query, its 3.5 million groups read through.
 * </ul>
 *
 * <p>The file is {@code -Dcallmetrics.yearCsv=/tmp/year.csv} if given (write it with {@link YearCsvFile}), else
 * written to a temporary directory and deleted after. Run (one JMH run at a time on the machine):
 * {@code mvn -Pjmh -DskipTests test-compile exec:exec -Djmh.args="CliReportBenchmark -f 1 -wi 1 -i 3
 * -jvmArgsAppend -Dcallmetrics.yearCsv=/tmp/year.csv"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-XX:ActiveProcessorCount=2"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class CliReportBenchmark {
  Path directory;
  Path file;
  boolean written;
  ReportSpec spec;

  @Setup
  public void setUp() throws IOException {
    spec = YearWorkload.spec();
    String given = System.getProperty("callmetrics.yearCsv");
    if (given != null && Files.isRegularFile(Path.of(given))) {
      file = Path.of(given);
      return;
    }
    directory = Files.createTempDirectory("callmetrics-cli");
    file = directory.resolve("calls.csv");
    written = true;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      YearReportEndToEndBenchmark.write(out, YearWorkload.CALLS);
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    if (written) {
      Files.deleteIfExists(file);
      Files.deleteIfExists(directory);
    }
  }

  @Benchmark
  public long cli() {
    return runCli("--from", "2026-01-01", "--to", "2026-12-31");
  }

  @Benchmark
  public long cliDefaultDays() {
    return runCli();
  }

  private long runCli(String... days) {
    Counting out = new Counting();
    StringWriter err = new StringWriter();
    String[] args = new String[6 + days.length];
    args[0] = "report";
    args[1] = "--zone";
    args[2] = "Europe/Amsterdam";
    System.arraycopy(days, 0, args, 3, days.length);
    args[3 + days.length] = "--format";
    args[4 + days.length] = "csv";
    args[5 + days.length] = file.toString();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    if (code != 0 || out.chars < 1_000_000) {
      throw new IllegalStateException("report exited " + code + " after " + out.chars + " characters: " + err);
    }
    return out.chars;
  }

  @Benchmark
  public Report collect() throws IOException {
    CollectedRead<Report> read = CsvCallReader.of(ReadMode.STRICT).collect(file, spec.collector());
    if (read.report().callCount() != YearWorkload.CALLS) {
      throw new IllegalStateException(read.report().toString());
    }
    return read.value();
  }

  @Benchmark
  public long duckDb() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
      s.execute("SET threads=2");
      s.execute("SET TimeZone='Europe/Amsterdam'");
      long rows = 0;
      try (ResultSet r = s.executeQuery("SELECT queue, channel, time_bucket(INTERVAL 15 MINUTE, arrived) AS q,"
          + " count(*) AS offered,"
          + " count(*) FILTER (WHERE outcome = 'answered') AS answered,"
          + " count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned,"
          + " count(*) FILTER (WHERE outcome NOT IN ('answered', 'abandoned')) AS flow_outs,"
          + " count(*) FILTER (WHERE outcome = 'answered' AND epoch(ended) - epoch(arrived) <= 20) AS within,"
          + " sum(epoch(ended) - epoch(arrived)) FILTER (WHERE outcome = 'answered') AS answered_wait,"
          + " sum(epoch(ended) - epoch(arrived)) FILTER (WHERE outcome = 'abandoned') AS abandoned_wait,"
          + " sum(handle_time) AS handle, max(epoch(ended) - epoch(arrived)) AS longest,"
          + " quantile_disc(epoch(ended) - epoch(arrived), [0.5, 0.8, 0.9, 0.95, 0.99])"
          + "   FILTER (WHERE outcome = 'answered') AS percentiles"
          + " FROM read_csv('" + file + "', header = true, columns = {'id': 'VARCHAR', 'queue': 'VARCHAR',"
          + " 'channel': 'VARCHAR', 'arrived': 'TIMESTAMPTZ', 'outcome': 'VARCHAR', 'ended': 'TIMESTAMPTZ',"
          + " 'handle_time': 'BIGINT'})"
          + " GROUP BY ALL")) {
        while (r.next()) {
          rows++;
        }
      }
      return rows;
    }
  }

  /** Discards the output, counting it. */
  static final class Counting extends Writer {
    long chars;

    @Override
    public void write(char[] cbuf, int off, int len) {
      chars += len;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
