package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.read.ReadMode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
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
 * Reading an Asterisk {@code queue_log} of a few million lines (ENTERQUEUE, CONNECT, COMPLETE*, ABANDON,
 * RINGNOANSWER, interleaved over 20 queues) with {@link QueueLogReader} (streaming, every field validated,
 * Asterisk's counters kept) beside a naive reader ({@code BufferedReader} + {@code String.split} +
 * {@code Long.parseLong} + a map of open calls) in the same run. MB/s = file size (printed at setup) / time
 * per operation.
 *
 * <p>Run: {@code mvn -Pjmh -DskipTests test-compile exec:exec -Djmh.args="QueueLogReadBenchmark -f 1 -wi 2 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QueueLogReadBenchmark {
  @Param({"1000000"})
  int calls;

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
    dir = Files.createTempDirectory("queue-log-bench");
    file = dir.resolve("queue_log");
    SplittableRandom random = new SplittableRandom(42);
    long epoch = 1_795_411_240L;
    long lines = 1;
    try (BufferedWriter out = Files.newBufferedWriter(file, UTF_8)) {
      out.write(epoch + "|NONE|NONE|NONE|QUEUESTART|\n");
      // Calls overlap: a block of 8 calls enters every 3 s, and each line waits in `pending` until the log's
      // time reaches it, so queues and calls interleave and the file is in time order, as Asterisk writes it.
      TreeMap<Long, StringBuilder> pending = new TreeMap<>();
      for (int block = 0; block < calls; block += 8) {
        for (int i = block; i < Math.min(block + 8, calls); i++) {
          String id = (epoch + i) + "." + i;
          String queue = "q" + (i % 20);
          long hold = random.nextInt(60);
          at(pending, epoch).append(epoch).append('|').append(id).append('|').append(queue)
              .append("|NONE|ENTERQUEUE||").append(i % 7).append("|1\n");
          if (random.nextInt(5) == 0) {
            at(pending, epoch + hold).append(epoch + hold).append('|').append(id).append('|').append(queue)
                .append("|NONE|ABANDON|1|1|").append(hold).append('\n');
            lines += 2;
          } else {
            if (random.nextInt(10) == 0) {
              at(pending, epoch + 1).append(epoch + 1).append('|').append(id).append('|').append(queue)
                  .append("|agent7|RINGNOANSWER|15000\n");
              lines++;
            }
            long talk = 5L + random.nextInt(300);
            at(pending, epoch + hold).append(epoch + hold).append('|').append(id).append('|').append(queue)
                .append("|agent").append(i % 30).append("|CONNECT|").append(hold).append('|').append(id)
                .append("1|2\n");
            at(pending, epoch + hold + talk).append(epoch + hold + talk).append('|').append(id).append('|')
                .append(queue).append("|agent").append(i % 30)
                .append(random.nextBoolean() ? "|COMPLETEAGENT|" : "|COMPLETECALLER|").append(hold).append('|')
                .append(talk).append("|1\n");
            lines += 3;
          }
        }
        epoch += 3;
        while (!pending.isEmpty() && pending.firstKey() < epoch) {
          out.append(pending.pollFirstEntry().getValue());
        }
      }
      for (StringBuilder rest : pending.values()) {
        out.append(rest);
      }
    }
    System.out.printf("%n[setup] %s: %d lines, %.1f MB (%.1f bytes/line)%n", file, lines, Files.size(file) / 1e6,
        (double) Files.size(file) / lines);
  }

  private static StringBuilder at(java.util.NavigableMap<Long, StringBuilder> pending, long epoch) {
    return pending.computeIfAbsent(epoch, k -> new StringBuilder());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }

  @Benchmark
  public long callmetrics() throws IOException {
    return QueueLogReader.of(ReadMode.STRICT).read(List.of(file), sink).read().callCount() + sink.sum;
  }

  /** The naive twin: split lines, parse numbers, a map of open calls, the same factories. */
  @Benchmark
  public long naive() throws IOException {
    Map<String, long[]> open = new HashMap<>();
    long count = 0;
    try (BufferedReader in = Files.newBufferedReader(file, UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split("\\|", -1);
        long epoch = Long.parseLong(f[0]);
        switch (f[4]) {
          case "ENTERQUEUE":
            open.put(f[1], new long[] {epoch, 0});
            break;
          case "CONNECT":
            open.get(f[1])[1] = Long.parseLong(f[5]);
            break;
          case "COMPLETEAGENT":
          case "COMPLETECALLER": {
            long[] c = open.remove(f[1]);
            Instant arrived = Instant.ofEpochSecond(c[0]);
            sink.accept(Call.answered(f[1], f[2], arrived, arrived.plusSeconds(c[1]))
                .withHandleTime(Duration.ofSeconds(Long.parseLong(f[6]))));
            count++;
            break;
          }
          case "ABANDON": {
            long[] c = open.remove(f[1]);
            Instant arrived = Instant.ofEpochSecond(c[0]);
            sink.accept(Call.abandoned(f[1], f[2], arrived, arrived.plusSeconds(Long.parseLong(f[7]))));
            count++;
            break;
          }
          default:
            break;
        }
      }
    }
    return count + sink.sum;
  }
}
