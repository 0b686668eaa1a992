package io.github.callmetrics.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadReport;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reading a CSV call file of a few million rows in the documented format, with {@link CsvCallReader}
 * (streaming, every field validated, every row through the {@code Call} factories) beside a naive reader
 * ({@code BufferedReader} + {@code String.split} + {@code Instant.parse}) in the same run. One operation
 * reads the whole file: MB/s = file size (printed at setup) / time per operation.
 *
 * <p>Run: {@code mvn -Pjmh -DskipTests test-compile exec:exec -Djmh.args="CsvReadBenchmark -f 1 -wi 2 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CsvReadBenchmark {
  @Param({"3000000"})
  int rows;

  /** Uses every call, so none can be optimised away; the same for both readers. */
  static final class Sink implements java.util.function.Consumer<Call> {
    long sum;

    @Override
    public void accept(Call call) {
      sum += call.id().length() + call.arrived().getEpochSecond() + call.outcome().ordinal();
    }
  }

  final Sink sink = new Sink();
  Path dir;
  Path file;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("csv-bench");
    file = dir.resolve("calls.csv");
    SplittableRandom random = new SplittableRandom(42);
    Instant start = Instant.parse("2026-03-01T00:00:00Z");
    String[] outcomes = {"answered", "answered", "answered", "abandoned", "timeout"};
    try (BufferedWriter out = Files.newBufferedWriter(file, UTF_8)) {
      out.write("id,queue,arrived,outcome,ended,handle_time\n");
      for (int i = 0; i < rows; i++) {
        Instant arrived = start.plusSeconds(i / 3);
        String outcome = outcomes[random.nextInt(outcomes.length)];
        out.write("c" + (10_000_000 + i) + ",q" + (i % 40) + "," + arrived + "," + outcome + ","
            + arrived.plusSeconds(random.nextInt(120)) + "," + (outcome.equals("answered") ? 30 + random.nextInt(600) : "")
            + "\n");
      }
    }
    System.out.printf("%n[setup] %s: %d rows, %.1f MB (%.1f bytes/row)%n", file, rows, Files.size(file) / 1e6,
        (double) Files.size(file) / rows);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }

  @Benchmark
  public long callmetrics() throws IOException {
    ReadReport report = CsvCallReader.of(ReadMode.STRICT).read(file, sink);
    return report.callCount() + sink.sum;
  }

  @Benchmark
  public long callmetricsWithoutDuplicateCheck() throws IOException {
    ReadReport report = CsvCallReader.of(ReadMode.STRICT).withoutDuplicateIdCheck().read(file, sink);
    return report.callCount() + sink.sum;
  }

  /** The naive twin: split lines, {@code Instant.parse}, the same factories; no duplicate check. */
  @Benchmark
  public long naive() throws IOException {
    long count = 0;
    try (BufferedReader in = Files.newBufferedReader(file, UTF_8)) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",", -1);
        Instant arrived = Instant.parse(f[2]);
        Instant ended = Instant.parse(f[4]);
        Call call;
        switch (f[3]) {
          case "answered":
            call = Call.answered(f[0], f[1], arrived, ended);
            break;
          case "abandoned":
            call = Call.abandoned(f[0], f[1], arrived, ended);
            break;
          default:
            call = Call.leftUnanswered(f[0], f[1], arrived, ended, FlowOutReason.parse(f[3]));
            break;
        }
        if (!f[5].isEmpty()) {
          call = call.withHandleTime(Duration.ofSeconds(Long.parseLong(f[5])));
        }
        sink.accept(call);
        count++;
      }
    }
    return count + sink.sum;
  }
}
