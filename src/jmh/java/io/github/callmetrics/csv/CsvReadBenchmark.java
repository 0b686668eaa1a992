package io.github.callmetrics.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadReport;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
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
 * Reading a CSV call file of a few million rows in the documented format
 * ({@code id,queue,channel,arrived,outcome,ended,handle_time}, about 74 bytes a row) with
 * {@link CsvCallReader} (streaming, every cell checked, every row through the {@code Call} factories, ids
 * checked for duplicates within a queue) beside a naive reader ({@code BufferedReader} +
 * {@code String.split} + {@code Instant.parse}, the same factories, no duplicate check) in the same run.
 * One operation reads the whole file: MB/s = file size (printed at setup) / time per operation.
 *
 * <p>Yardsticks split the reader's time: the tokenizing alone, with nothing done per field but adding its
 * length, ours ({@code tokenizingOnly}) and FastCSV 4.4.0's with a callback handler that does the same
 * ({@code fastCsvTokenizingOnly}; FastCSV is a dependency of the benchmarks only), the measurement behind
 * the reader's own tokenizer (see {@code docs/csv-format.md}); then ours with every cell checked but no
 * call built ({@code tokenizingAndCellsOnly}). {@code callmetricsWithoutDuplicateCheck} adds the calls,
 * {@code callmetrics} the duplicate-id check.
 *
 * <p>Each iteration also prints the CPU time per operation of the whole benchmark JVM, garbage collection
 * included ({@code [cpu ... ms/op]}, from {@code ProcessHandle}, in clock ticks of about 10 ms): on a
 * machine shared with other work, where the wall time mostly measures the wait for a core, it is the
 * steadier figure.
 *
 * <p>Run: {@code mvn -Pjmh -DskipTests test-compile exec:exec -Djmh.args="CsvReadBenchmark -f 1 -wi 2 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CsvReadBenchmark {
  @Param({"3000000"})
  int rows;

  /** Uses every call, so none can be optimised away; the same for every reader. */
  static final class Sink implements java.util.function.Consumer<Call> {
    long sum;

    @Override
    public void accept(Call call) {
      sum += call.id().length() + call.arrived().getEpochSecond() + call.outcome().ordinal();
    }
  }

  /** FastCSV's tokenizing with a handler that, like {@link #tokenizingOnly}, only adds up field lengths. */
  static final class LengthHandler extends AbstractBaseCsvCallbackHandler<LengthHandler> {
    long sum;

    @Override
    protected void handleField(int index, char[] buf, int off, int len, boolean quoted) {
      sum += len;
    }

    @Override
    protected LengthHandler buildRecord() {
      return this;
    }
  }

  final Sink sink = new Sink();
  Path dir;
  Path file;
  long cpuAtStart;
  long operations;

  @Setup(Level.Iteration)
  public void startCpuClock() {
    operations = 0;
    cpuAtStart = cpuNanos();
  }

  @TearDown(Level.Iteration)
  public void printCpuPerOperation() {
    if (operations > 0) {
      System.out.printf("[cpu %.0f ms/op] ", (cpuNanos() - cpuAtStart) / 1e6 / operations);
    }
  }

  private static long cpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("csv-bench");
    file = dir.resolve("calls.csv");
    SplittableRandom random = new SplittableRandom(42);
    Instant start = Instant.parse("2026-03-01T00:00:00Z");
    String[] outcomes = {"answered", "answered", "answered", "abandoned", "timeout"};
    try (BufferedWriter out = Files.newBufferedWriter(file, UTF_8)) {
      out.write("id,queue,channel,arrived,outcome,ended,handle_time\n");
      for (int i = 0; i < rows; i++) {
        Instant arrived = start.plusSeconds(i / 3);
        String outcome = outcomes[random.nextInt(outcomes.length)];
        String channel = random.nextInt(10) == 0 ? "chat" : ""; // empty is voice
        out.write("c" + (10_000_000 + i) + ",queue-" + (i % 40) + "," + channel + "," + arrived + "," + outcome + ","
            + arrived.plusSeconds(random.nextInt(120)) + ","
            + (outcome.equals("answered") ? 30 + random.nextInt(600) : "") + "\n");
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
    operations++;
    ReadReport report = CsvCallReader.of(ReadMode.STRICT).read(file, sink);
    return report.callCount() + sink.sum;
  }

  @Benchmark
  public long callmetricsWithoutDuplicateCheck() throws IOException {
    operations++;
    ReadReport report = CsvCallReader.of(ReadMode.STRICT).withoutDuplicateIdCheck().read(file, sink);
    return report.callCount() + sink.sum;
  }

  /** The naive twin: split lines, {@code Instant.parse}, the same factories; no duplicate check. */
  @Benchmark
  public long naive() throws IOException {
    operations++;
    long count = 0;
    try (BufferedReader in = Files.newBufferedReader(file, UTF_8)) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",", -1);
        Instant arrived = Instant.parse(f[3]);
        Instant ended = Instant.parse(f[5]);
        Call call;
        switch (f[4]) {
          case "answered":
            call = Call.answered(f[0], f[1], arrived, ended);
            break;
          case "abandoned":
            call = Call.abandoned(f[0], f[1], arrived, ended);
            break;
          default:
            call = Call.leftUnanswered(f[0], f[1], arrived, ended, FlowOutReason.parse(f[4]));
            break;
        }
        if (!f[2].isEmpty()) {
          call = call.withChannel(Channel.parse(f[2]));
        }
        if (!f[6].isEmpty()) {
          call = call.withHandleTime(Duration.ofSeconds(Long.parseLong(f[6])));
        }
        sink.accept(call);
        count++;
      }
    }
    return count + sink.sum;
  }

  /** Our tokenizer alone: records and fields found, nothing parsed. */
  @Benchmark
  public long tokenizingOnly() throws IOException {
    operations++;
    long sum = 0;
    try (InputStream in = Files.newInputStream(file)) {
      CsvTokenizer tokens = new CsvTokenizer(in);
      while (tokens.next()) {
        for (int i = 0; i < tokens.fieldCount(); i++) {
          sum += tokens.length(i);
        }
      }
    }
    return sum;
  }

  /** Our tokenizer and every cell checked (the reader's row parser), no call built: the cost of the cells. */
  @Benchmark
  public long tokenizingAndCellsOnly() throws IOException {
    operations++;
    long sum = 0;
    try (InputStream in = Files.newInputStream(file)) {
      CsvTokenizer tokens = new CsvTokenizer(in);
      RowParser row = new RowParser(null);
      tokens.next(); // the header, as setUp wrote it
      row.columns(new int[] {RowParser.ID, RowParser.QUEUE, RowParser.CHANNEL, RowParser.ARRIVED_ISO,
          RowParser.OUTCOME, RowParser.ENDED_ISO, RowParser.HANDLE_TIME},
          new String[] {"id", "queue", "channel", "arrived", "outcome", "ended", "handle_time"},
          new String[] {null, "id", "queue", "channel", "arrived", null, null, "outcome", "ended", null, null,
              "handle_time"});
      while (tokens.next()) {
        row.parse(tokens);
        sum += row.arrivedSeconds + row.endedSeconds + row.queueNumber + row.outcome;
      }
    }
    return sum;
  }

  /** FastCSV's tokenizing alone (UTF-8 decoding included), set up as the reader used it before. */
  @Benchmark
  public long fastCsvTokenizingOnly() throws IOException {
    operations++;
    LengthHandler handler = new LengthHandler();
    long sum = 0;
    try (CsvReader<LengthHandler> csv = CsvReader.builder().allowUnclosedQuote(false).skipEmptyLines(false)
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .detectBomHeader(true).build(handler, file, UTF_8)) {
      for (LengthHandler record : csv) {
        sum = record.sum;
      }
    }
    return sum;
  }
}
