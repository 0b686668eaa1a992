package io.github.callmetrics.cli;

import io.github.callmetrics.asterisk.AsteriskQueueStats;
import io.github.callmetrics.asterisk.QueueConfig;
import io.github.callmetrics.asterisk.QueueLogFeed;
import io.github.callmetrics.asterisk.QueuesConf;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.internal.LineSplitter;
import io.github.callmetrics.internal.Text;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.live.LiveFigures;
import io.github.callmetrics.live.LiveMonitor;
import io.github.callmetrics.live.LiveSnapshot;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.report.ReportSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code callmetrics asterisk-live}: follows a growing Asterisk {@code queue_log} like {@code tail -F} (with
 * rotation) and redraws a terminal wallboard per queue every second; {@code --once} prints one wallboard of the
 * whole file and exits. Each queue's service level follows Asterisk: {@code SL} and {@code SL2} with the
 * queue's {@code servicelevel} from {@code queues.conf} (or {@code --threshold}), live figures of the current
 * interval (a caller still waiting beyond the threshold counts as a miss), the same over the sliding window,
 * the abandonment rate of the interval, the calls waiting now and the longest current wait.
 */
@Command(
    name = "asterisk-live",
    mixinStandardHelpOptions = true,
    description = "Live wallboard from a growing Asterisk queue_log (like tail -F); --once prints one and exits.")
final class LiveCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @SuppressWarnings("NullAway.Init") // a required parameter: picocli sets it before call()
  @Parameters(paramLabel = "QUEUE_LOG", description = "the queue_log file to follow")
  Path queueLog;

  @Option(names = "--queues-conf", paramLabel = "FILE",
      description = "queues.conf: each queue's servicelevel is its threshold (read as asterisk-show reads it)")
  Optional<Path> queuesConf = Optional.empty();

  @Option(names = "--once", description = "print one wallboard of the file as it is, and exit")
  boolean once;

  @Option(names = "--zone", paramLabel = "ZONE", description = "time zone of the intervals (default: the system's)")
  ZoneId zone = ZoneId.systemDefault();

  @Option(names = "--interval", paramLabel = "LENGTH", description = "interval length (default: PT15M)",
      converter = IntervalConverter.class)
  IntervalLength interval = IntervalLength.MINUTES_15;

  @Option(names = "--window", paramLabel = "DURATION", description = "sliding window (default: PT30M)",
      converter = Options.DurationConverter.class)
  Duration window = Duration.ofMinutes(30);

  @Option(names = "--threshold", paramLabel = "DURATION",
      description = "service-level threshold of queues not in queues.conf (default: 20s)",
      converter = Options.DurationConverter.class)
  Duration threshold = Duration.ofSeconds(20);

  @CommandLine.Mixin
  Options.IgnoredEvents ignoredEvents = new Options.IgnoredEvents();

  LiveCommand() {}

  /** Reads {@code --interval}. */
  static final class IntervalConverter implements CommandLine.ITypeConverter<IntervalLength> {
    @Override
    public IntervalLength convert(String value) {
      try {
        return IntervalLength.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (queuesConf.isPresent()) {
      Options.requireReadable(spec.commandLine(), queuesConf.get(), "--queues-conf");
    }
    Map<String, Long> servicelevels = queuesConf.isPresent() ? readServicelevels(queuesConf.get()) : Map.of();
    List<Long> thresholds = new ArrayList<>(new TreeSet<>(servicelevels.values()));
    if (!thresholds.contains(threshold.getSeconds())) {
      thresholds.add(threshold.getSeconds());
    }
    List<ServiceLevelDefinition> definitions = new ArrayList<>();
    for (long t : thresholds) {
      definitions.add(Preset.ASTERISK_SL.withThreshold(Duration.ofSeconds(t)).toBuilder()
          .name("Asterisk SL " + t + "s").build());
      definitions.add(Preset.ASTERISK_SL2.withThreshold(Duration.ofSeconds(t)).toBuilder()
          .name("Asterisk SL2 " + t + "s").build());
    }
    try (QueueLogFollower follower = new QueueLogFollower(queueLog)) {
      if (!once && !Files.exists(queueLog)) {
        spec.commandLine().getErr().println("callmetrics: waiting for " + queueLog + " to appear");
      } else {
        Options.requireReadable(spec.commandLine(), queueLog, "QUEUE_LOG");
      }
      // The first poll (the file as it is) chooses the wallboard's days before the monitor exists.
      ByteArrayOutputStream firstBytes = new ByteArrayOutputStream();
      follower.poll(new QueueLogFollower.Sink() {
        @Override
        public void bytes(byte[] b, int off, int len) {
          firstBytes.write(b, off, len);
        }

        @Override
        public void rotated() {}
      });
      byte[] first = firstBytes.toByteArray();
      EpochRange epochs = new EpochRange();
      LineSplitter lines = new LineSplitter();
      lines.accept(first, 0, first.length, epochs);
      lines.finish(epochs);
      OptionalLong firstEpoch = epochs.min < 0 ? OptionalLong.empty() : OptionalLong.of(epochs.min);
      OptionalLong lastEpoch = epochs.max < 0 ? OptionalLong.empty() : OptionalLong.of(epochs.max);
      LocalDate firstDay = firstEpoch.isEmpty() ? LocalDate.now(zone) : day(firstEpoch.getAsLong());
      LocalDate endDay = once
          ? (lastEpoch.isEmpty() ? firstDay : day(lastEpoch.getAsLong())).plusDays(1)
          : LocalDate.now(zone).plusDays(32); // a following wallboard runs for up to a month without a restart
      if (!endDay.isAfter(firstDay)) {
        endDay = firstDay.plusDays(1);
      }
      ReportSpec reportSpec = ReportSpec.builder(IntervalGrid.of(firstDay, endDay, zone, interval))
          .definitions(definitions).build();
      LiveMonitor monitor;
      try {
        monitor = LiveMonitor.builder(reportSpec).window(window).build();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--window: " + e.getMessage());
      }
      QueueLogFeed feed;
      try {
        feed = QueueLogFeed.of(monitor, Set.copyOf(ignoredEvents.names));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--ignore-event: " + e.getMessage());
      }
      feed.write(first, 0, first.length);
      QueueLogFollower.Sink toFeed = new QueueLogFollower.Sink() {
        @Override
        public void bytes(byte[] b, int off, int len) {
          feed.write(b, off, len);
        }

        @Override
        public void rotated() {
          feed.startSource(queueLog.getFileName() == null ? "queue_log" : queueLog.getFileName().toString());
        }
      };
      if (once) {
        render(out, monitor, servicelevels, thresholds, feed, follower);
        return 0;
      }
      while (!Thread.currentThread().isInterrupted()) {
        monitor.advanceTo(Instant.now());
        out.print("\033[H\033[2J"); // home, clear screen
        render(out, monitor, servicelevels, thresholds, feed, follower);
        out.flush();
        Thread.sleep(1000);
        follower.poll(toFeed);
      }
      return 0;
    }
  }

  private LocalDate day(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond).atZone(zone).toLocalDate();
  }

  /**
   * The least and greatest epochs of the lines, only to choose the wallboard's days before the monitor exists; the
   * feed gives the lines their meaning.
   */
  private static final class EpochRange implements LineSplitter.Handler {
    long min = -1;
    long max = -1;

    @Override
    public void line(byte[] b, int from, int end) {
      int start = from;
      while (start < end && b[start] == 0) {
        start++; // NUL residue, as the feed drops it
      }
      int i = start;
      long v = 0;
      while (i < end && i - start < 12 && b[i] >= '0' && b[i] <= '9') {
        v = v * 10 + (b[i++] - '0');
      }
      if (i > start && i < end && b[i] == '|') {
        min = min < 0 ? v : Math.min(min, v);
        max = Math.max(max, v);
      }
    }

    @Override
    public void tooLong(byte[] b, int start, int end) {}
  }

  private void render(PrintWriter out, LiveMonitor monitor, Map<String, Long> servicelevels, List<Long> thresholds,
      QueueLogFeed feed, QueueLogFollower follower) {
    List<LiveSnapshot> snapshots = monitor.snapshots();
    Instant now = monitor.now();
    DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    Optional<MeasurementInterval> current = snapshots.isEmpty() ? Optional.empty()
        : snapshots.get(0).currentInterval().map(LiveFigures::span);
    out.printf(Locale.ROOT, "callmetrics asterisk-live  %s  interval %s  window %s%n",
        MeasurementInterval.formatInstant(now, zone),
        current.map(i -> i.start().atZone(zone).format(time) + "-" + i.end().atZone(zone).format(time)).orElse("-"),
        window);
    out.printf(Locale.ROOT, "%-16s %-7s %4s %7s %7s %9s %9s %7s %12s%n",
        "queue", "channel", "T", "SL", "SL2", "window SL", "abandoned", "waiting", "longest wait");
    for (LiveSnapshot s : snapshots) {
      long t = servicelevels.getOrDefault(s.queue(), threshold.getSeconds());
      int sl = 2 * thresholds.indexOf(t);
      Optional<LiveFigures> interval = s.currentInterval();
      out.printf(Locale.ROOT, "%-16s %-7s %4s %7s %7s %9s %9s %7d %12s%n",
          Text.escaped(s.queue()), s.channel().label(), t + "s",
          percent(interval.map(f -> f.figures(sl).serviceLevel())),
          percent(interval.map(f -> f.figures(sl + 1).serviceLevel())),
          percent(Optional.of(s.window().figures(sl).serviceLevel())),
          percent(interval.map(f -> f.figures(sl).abandonmentRate())),
          s.waitingNow(),
          s.longestCurrentWait().map(d -> d.getSeconds() + "s").orElse("-"));
    }
    out.println("queue show (since Asterisk started):");
    for (Map.Entry<String, AsteriskQueueStats> e : feed.queueStats().entrySet()) {
      AsteriskQueueStats q = e.getValue();
      Duration t = Duration.ofSeconds(servicelevels.getOrDefault(e.getKey(), threshold.getSeconds()));
      out.printf(Locale.ROOT, "  %s: %d calls waiting, %ds holdtime, %ds talktime, C:%d, A:%d, SL:%s%%, SL2:%s%%"
          + " within %ds%n", Text.escaped(e.getKey()), q.waiting(), q.holdtimeSeconds(), q.talktimeSeconds(), q.completed(),
          q.abandoned(), AsteriskShowCommand.asteriskPercent(q.serviceLevel(t)),
          AsteriskShowCommand.asteriskPercent(q.serviceLevel2(t)), t.getSeconds());
    }
    out.printf(Locale.ROOT, "late events %d, rejected events %d, skipped lines %d, rotations %d, repeated lines %d,"
        + " ignored lines %d, notices %d%n", monitor.lateEventCount(), monitor.rejectedEventCount(),
        feed.skippedLineCount(), follower.rotations(), feed.repeatedLineCount(),
        feed.ignoredEvents().values().stream().mapToLong(Long::longValue).sum(), feed.noticeCount());
  }

  /** A percentage with one decimal, as Asterisk prints it; "-" when undefined (Asterisk would print 0.0%). */
  private static String percent(Optional<Ratio> ratio) {
    return ratio.filter(Ratio::isDefined).map(r -> r.formatPercent(1)).orElse("-");
  }

  /**
   * Each queue's {@code servicelevel} (seconds) from a queues.conf, read as {@code asterisk-show} reads it
   * ({@link QueuesConf}: templates, comments; a queue without one has Asterisk's default, 0).
   */
  static Map<String, Long> readServicelevels(Path file) throws IOException {
    Map<String, Long> levels = new TreeMap<>(Comparator.comparing(Text::foldCase)); // found as app_queue finds them
    for (QueueConfig queue : QueuesConf.read(file).queues().values()) {
      levels.put(queue.name(), (long) queue.serviceLevelSeconds());
    }
    return levels;
  }
}
