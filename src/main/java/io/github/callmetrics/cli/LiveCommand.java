package io.github.callmetrics.cli;

import io.github.callmetrics.call.Channel;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.live.CallEvent;
import io.github.callmetrics.live.LiveFigures;
import io.github.callmetrics.live.LiveMonitor;
import io.github.callmetrics.live.LiveSnapshot;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.report.ReportSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
      description = "queues.conf: each queue's servicelevel is its threshold")
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
    QueueLogEvents mapper = new QueueLogEvents();
    try (QueueLogFollower follower = new QueueLogFollower(queueLog)) {
      if (!once && !Files.exists(queueLog)) {
        spec.commandLine().getErr().println("callmetrics: waiting for " + queueLog + " to appear");
      } else {
        Options.requireReadable(spec.commandLine(), queueLog, "QUEUE_LOG");
      }
      List<CallEvent> first = events(follower.poll(), mapper);
      LocalDate firstDay = first.isEmpty() ? LocalDate.now(zone) : first.get(0).at().atZone(zone).toLocalDate();
      LocalDate endDay = once
          ? (first.isEmpty() ? firstDay : first.get(first.size() - 1).at().atZone(zone).toLocalDate()).plusDays(1)
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
      first.forEach(monitor::accept);
      if (once) {
        render(out, monitor, servicelevels, thresholds, mapper, follower);
        return 0;
      }
      while (!Thread.currentThread().isInterrupted()) {
        monitor.advanceTo(Instant.now());
        out.print("\033[H\033[2J"); // home, clear screen
        render(out, monitor, servicelevels, thresholds, mapper, follower);
        out.flush();
        Thread.sleep(1000);
        events(follower.poll(), mapper).forEach(monitor::accept);
      }
      return 0;
    }
  }

  private static List<CallEvent> events(List<String> lines, QueueLogEvents mapper) {
    List<CallEvent> events = new ArrayList<>(lines.size());
    for (String line : lines) {
      mapper.map(line).ifPresent(events::add);
    }
    return events;
  }

  private void render(PrintWriter out, LiveMonitor monitor, Map<String, Long> servicelevels, List<Long> thresholds,
      QueueLogEvents mapper, QueueLogFollower follower) {
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
          s.queue(), s.channel().label(), t + "s",
          percent(interval.map(f -> f.figures(sl).serviceLevel())),
          percent(interval.map(f -> f.figures(sl + 1).serviceLevel())),
          percent(Optional.of(s.window().figures(sl).serviceLevel())),
          percent(interval.map(f -> f.figures(sl).abandonmentRate())),
          s.waitingNow(),
          s.longestCurrentWait().map(d -> d.getSeconds() + "s").orElse("-"));
    }
    out.printf(Locale.ROOT, "late events %d, rejected events %d, malformed lines %d, rotations %d%n",
        monitor.lateEventCount(), monitor.rejectedEventCount(), mapper.malformedLines(), follower.rotations());
  }

  /** A percentage with one decimal, as Asterisk prints it; "-" when undefined (Asterisk would print 0.0%). */
  private static String percent(Optional<Ratio> ratio) {
    return ratio.filter(Ratio::isDefined).map(r -> r.formatPercent(1)).orElse("-");
  }

  /** Reads each {@code [queue]} section's {@code servicelevel} (seconds) from a queues.conf. */
  static Map<String, Long> readServicelevels(Path file) throws IOException {
    Map<String, Long> levels = new TreeMap<>();
    String section = null;
    int lineNumber = 0;
    // Not Files.readAllLines: its decoder fails on a byte that is not UTF-8 ("Input length = 1", no line), where
    // QueuesConf and Asterisk read on; InputStreamReader reads it as U+FFFD.
    List<String> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
        lines.add(raw);
      }
    }
    for (String raw : lines) {
      lineNumber++;
      String line = raw.replaceFirst(";.*", "").strip();
      if (line.startsWith("[") && line.contains("]")) {
        section = line.substring(1, line.indexOf(']')).strip();
      } else if (section != null && !section.equals("general") && line.matches("servicelevel\\s*=>?.*")) {
        String value = line.substring(line.indexOf('=') + 1).replace(">", "").strip();
        try {
          levels.put(section, Long.parseLong(value));
        } catch (NumberFormatException e) {
          throw new IOException(file + ":" + lineNumber + ": queue " + section + ": servicelevel \"" + value
              + "\" is not a whole number (expected seconds)", e);
        }
      }
    }
    return levels;
  }
}
