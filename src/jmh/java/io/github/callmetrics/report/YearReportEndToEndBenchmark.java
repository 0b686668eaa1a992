package io.github.callmetrics.report;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.csv.CsvCallReader;
import io.github.callmetrics.read.CollectedRead;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadReport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End to end: the {@link YearWorkload} as a CSV file in the documented format (30 million rows, about 2.3 GB,
 * written to a temporary directory in the setup and deleted after) → the full year report, with the heap
 * limited to 1 GiB. Rows are streamed: no call is kept after it is counted.
 *
 * <ul>
 *   <li>{@code fileToReport}: what a user writes: {@code CsvCallReader.of(STRICT).withoutDuplicateIdCheck()
 *       .read(file, accumulator::add)}, then {@code accumulator.report()}, on one thread. The duplicate-id check
 *       is off because 30 million ids do not fit in a 1 GiB heap (docs/csv-format.md says how much each takes).
 *   <li>{@code fileToReportInParts}: what a user writes to use every core: {@code CsvCallReader.of(STRICT)
 *       .withoutDuplicateIdCheck().collect(file, spec.collector())}, which reads the file in as many parts as
 *       there are cores, each part read and counted on its own thread, the accumulators then merged.
 *   <li>{@code fileToReportPipelined}: the same reader on one thread, handing calls in batches to a second thread
 *       that counts them: both cores, each doing one stage.
 *   <li>{@code fileReadOnly}: the reader alone, counting calls: where the time goes.
 *   <li>{@code standInToReport}: {@link StandInCsvReader}, a minimal reader kept in the benchmark sources that
 *       splits the file in two at a line end and reads each half on its own core, checking less than the real
 *       reader (no quoting, no duplicate ids): a bound on what reading in parallel could give.
 * </ul>
 *
 * <p>Run (one JMH run at a time on the machine):
 * {@code mvn -Pjmh -DskipTests test-compile exec:exec -Djmh.args="YearReportEndToEndBenchmark -f 1 -wi 1 -i 3"}
 * (the fork gets {@code -Xmx1g}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class YearReportEndToEndBenchmark {
  @Param({"30000000"})
  int calls;

  Path directory;
  Path file;
  ReportSpec spec;

  @Setup
  public void setUp() throws IOException {
    spec = YearWorkload.spec();
    directory = Files.createTempDirectory("callmetrics-e2e");
    file = directory.resolve("calls.csv");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      write(out, calls);
    }
    System.out.printf("%nwrote %s: %,d bytes%n", file, Files.size(file));
  }

  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(directory);
  }

  @Benchmark
  public Report fileToReport() throws IOException {
    ReportAccumulator accumulator = spec.newAccumulator();
    ReadReport read = reader().read(file, accumulator::add);
    check(read);
    return accumulator.report();
  }

  @Benchmark
  public Report fileToReportInParts() throws IOException {
    CollectedRead<Report> read = reader().collect(file, spec.collector());
    check(read.report());
    return read.value();
  }

  @Benchmark
  public Report fileToReportPipelined() throws Exception {
    BlockingQueue<Call[]> batches = new ArrayBlockingQueue<>(16);
    Call[] end = new Call[0];
    ExecutorService readerThread = Executors.newSingleThreadExecutor();
    try {
      Future<ReadReport> reading = readerThread.submit(() -> {
        Call[][] batch = {new Call[BATCH]};
        int[] size = {0};
        try {
          ReadReport read = reader().read(file, call -> {
            batch[0][size[0]++] = call;
            if (size[0] == BATCH) {
              put(batches, batch[0]);
              batch[0] = new Call[BATCH];
              size[0] = 0;
            }
          });
          put(batches, Arrays.copyOf(batch[0], size[0]));
          return read;
        } finally {
          put(batches, end);
        }
      });
      ReportAccumulator accumulator = spec.newAccumulator();
      for (Call[] batch = batches.take(); batch != end; batch = batches.take()) {
        for (Call call : batch) {
          accumulator.add(call);
        }
      }
      check(reading.get());
      return accumulator.report();
    } finally {
      readerThread.shutdownNow();
    }
  }

  @Benchmark
  public long fileReadOnly() throws IOException {
    long[] count = {0};
    check(reader().read(file, call -> count[0]++));
    return count[0];
  }

  @Benchmark
  public Report standInToReport() {
    try (Stream<Call> calls = StandInCsvReader.calls(file)) {
      return calls.parallel().collect(spec.collector());
    }
  }

  private static final int BATCH = 4096;

  private static CsvCallReader reader() {
    return CsvCallReader.of(ReadMode.STRICT).withoutDuplicateIdCheck();
  }

  private void check(ReadReport read) {
    if (read.callCount() != calls || read.skippedCount() != 0) {
      throw new IllegalStateException("read " + read.callCount() + " calls, skipped " + read.skippedCount()
          + " (expected " + calls + " and none)");
    }
  }

  private static void put(BlockingQueue<Call[]> queue, Call[] batch) {
    try {
      queue.put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Writes the workload in the documented format, instants in UTC as {@code Instant.toString()} writes them
   * ({@code 2026-03-16T08:00:12Z}): about 77 bytes a row, 2.3 GB, the "about 2.2 GB". (With local
   * times and their offset, {@code +01:00}, rows are 10 bytes longer: 2.6 GB.)
   */
  static void write(OutputStream out, int n) throws IOException {
    byte[] line = new byte[256];
    out.write("id,queue,channel,arrived,outcome,ended,handle_time\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    IOException[] failure = new IOException[1];
    YearWorkload.generate(n, r -> {
      int p = 0;
      p = ascii(line, p, Long.toString(r.index));
      line[p++] = ',';
      p = ascii(line, p, YearWorkload.QUEUE_NAMES[r.queue]);
      line[p++] = ',';
      p = ascii(line, p, r.channel == 0 ? "voice" : "chat");
      line[p++] = ',';
      p = instant(line, p, r.arrived);
      line[p++] = ',';
      p = ascii(line, p, r.kind == 0 ? "answered" : r.kind == 1 ? "abandoned" : FlowOutReason.values()[r.kind - 2].label());
      line[p++] = ',';
      p = instant(line, p, r.arrived + r.wait);
      line[p++] = ',';
      if (r.kind == 0) {
        p = ascii(line, p, Integer.toString(r.handle));
      }
      line[p++] = '\n';
      try {
        out.write(line, 0, p);
      } catch (IOException e) {
        failure[0] = e;
      }
    });
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  private static int ascii(byte[] b, int p, String s) {
    for (int i = 0; i < s.length(); i++) {
      b[p++] = (byte) s.charAt(i);
    }
    return p;
  }

  private static int instant(byte[] b, int p, long epochSecond) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    p = number(b, p, t.getYear(), 4);
    b[p++] = '-';
    p = number(b, p, t.getMonthValue(), 2);
    b[p++] = '-';
    p = number(b, p, t.getDayOfMonth(), 2);
    b[p++] = 'T';
    p = number(b, p, t.getHour(), 2);
    b[p++] = ':';
    p = number(b, p, t.getMinute(), 2);
    b[p++] = ':';
    p = number(b, p, t.getSecond(), 2);
    b[p++] = 'Z';
    return p;
  }

  private static int number(byte[] b, int p, int value, int width) {
    for (int i = width - 1; i >= 0; i--) {
      b[p + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return p + width;
  }
}
