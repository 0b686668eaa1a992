package io.github.callmetrics.report;

import io.github.callmetrics.call.FlowOutReason;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
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
 * written to a temporary directory in the setup and deleted after) → the full year report, on both cores, with
 * the heap limited to 1 GiB. Rows are streamed: each thread reads its half of the file with one reused buffer
 * and counts each call as it is parsed.
 *
 * <ul>
 *   <li>{@code fileToReport}: {@code calls(file).parallel().collect(spec.collector())}.
 *   <li>{@code fileReadOnly}: the same read, counting calls only: where the time goes.
 * </ul>
 *
 * <p>The read step is one method, {@link #calls(Path)}; for now it is {@link StandInCsvReader}, a stand-in until
 * the real reader ({@code io.github.callmetrics.csv}) is merged.
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

  /** The read step: the file's calls as a stream. */
  static Stream<io.github.callmetrics.call.Call> calls(Path file) {
    return StandInCsvReader.calls(file);
  }

  @Benchmark
  public Report fileToReport() {
    try (Stream<io.github.callmetrics.call.Call> calls = calls(file)) {
      return calls.parallel().collect(spec.collector());
    }
  }

  @Benchmark
  public long fileReadOnly() {
    try (Stream<io.github.callmetrics.call.Call> calls = calls(file)) {
      return calls.parallel().count();
    }
  }

  /** Writes the workload in the documented format; instants in local time with their offset. */
  static void write(OutputStream out, int n) throws IOException {
    ZoneRules rules = YearWorkload.ZONE.getRules();
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
      p = instant(line, p, r.arrived, rules);
      line[p++] = ',';
      p = ascii(line, p, r.kind == 0 ? "answered" : r.kind == 1 ? "abandoned" : FlowOutReason.values()[r.kind - 2].label());
      line[p++] = ',';
      p = instant(line, p, r.arrived + r.wait, rules);
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

  private static int instant(byte[] b, int p, long epochSecond, ZoneRules rules) {
    ZoneOffset offset = rules.getOffset(java.time.Instant.ofEpochSecond(epochSecond));
    LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, offset);
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
    int total = offset.getTotalSeconds();
    b[p++] = total < 0 ? (byte) '-' : (byte) '+';
    p = number(b, p, Math.abs(total) / 3600, 2);
    b[p++] = ':';
    return number(b, p, Math.abs(total) / 60 % 60, 2);
  }

  private static int number(byte[] b, int p, int value, int width) {
    for (int i = width - 1; i >= 0; i--) {
      b[p + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return p + width;
  }
}
