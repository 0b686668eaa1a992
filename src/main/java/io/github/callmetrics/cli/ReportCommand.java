package io.github.callmetrics.cli;

import io.github.callmetrics.asterisk.QueueConfig;
import io.github.callmetrics.asterisk.QueueLogReader;
import io.github.callmetrics.asterisk.QueuesConf;
import io.github.callmetrics.call.Call;
import io.github.callmetrics.csv.CsvCallReader;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.definition.ServiceLevelFormula;
import io.github.callmetrics.definition.ThresholdBoundary;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.report.Dimension;
import io.github.callmetrics.report.QueueThresholds;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportAccumulator;
import io.github.callmetrics.report.ReportFormat;
import io.github.callmetrics.report.ReportSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code callmetrics report}: service level and the other figures per queue, channel and interval. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Prints service level, abandonment and the other figures per queue, channel and interval.",
        "Reads files in the Callmetrics CSV call format or Asterisk queue_log files (detected per file).",
        "Example: report --zone Europe/Amsterdam --interval PT15M --preset default --preset asterisk-sl2 calls.csv"
    })
final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Call files: CSV call format or Asterisk queue_log.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of the intervals and days (default: ${DEFAULT-VALUE}).")
  String zone = "UTC";

  @Option(names = "--interval", paramLabel = "LENGTH",
      description = "Interval length: PT1M, PT5M, PT10M, PT15M, PT30M, PT60M, day or period (default: ${DEFAULT-VALUE}).")
  String interval = "PT15M";

  @Option(names = "--from", paramLabel = "DATE", converter = Options.DateConverter.class,
      description = "First local day (default: the first day with a call).")
  @Nullable LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", converter = Options.DateConverter.class,
      description = "Last local day, inclusive (default: the last day with a call).")
  @Nullable LocalDate to;

  @Option(names = "--preset", paramLabel = "NAME",
      description = "Service-level definition by platform, repeatable for side-by-side figures: "
          + "default, asterisk-sl, asterisk-sl2, cisco-ucce-abandons-ignored, cisco-ucce-abandons-negative, "
          + "cisco-ucce-abandons-positive, cisco-uccx-only-handled, cisco-uccx-without-abandoned, genesys-cloud, "
          + "amazon-connect, avaya-bcms (default: default).")
  List<String> presets = new ArrayList<>();

  @Option(names = "--threshold", paramLabel = "DURATION", converter = Options.DurationConverter.class,
      description = "Service-level threshold T, e.g. 20, 20s or PT20S (default: 20 s).")
  Duration threshold = ServiceLevelDefinition.DEFAULT_THRESHOLD;

  @Option(names = "--queues-conf", paramLabel = "FILE",
      description = "Asterisk queues.conf: each queue in it is measured against its own servicelevel in every preset"
          + " (the others against --threshold), and appears even without calls.")
  @Nullable Path queuesConf;

  @Option(names = "--formula", paramLabel = "NAME", description = "Override the formula: answered-only, "
      + "abandons-count-against, abandons-within-t-ignored, abandons-within-t-count-for, short-abandons-ignored, "
      + "short-abandons-count-for, abandons-ignored.")
  @Nullable String formula;

  @Option(names = "--boundary", paramLabel = "inclusive|strict", description = "Override the threshold boundary.")
  @Nullable String boundary;

  @Option(names = "--short-abandon", paramLabel = "DURATION", converter = Options.DurationConverter.class,
      description = "Short-abandon threshold S (below T); 0 for none.")
  @Nullable Duration shortAbandon;

  @Option(names = "--target", paramLabel = "FRACTION", converter = Options.DecimalConverter.class, description = "Service-level target, e.g. 0.8 (default: 0.80).")
  @Nullable BigDecimal target;

  @Option(names = "--attribution", paramLabel = "MODE",
      description = "Interval a call counts in: arrival, exit or per-event (default: ${DEFAULT-VALUE}).")
  String attribution = "arrival";

  @Option(names = "--group-by", paramLabel = "DIMENSIONS",
      description = "Comma-separated subset of queue, channel, interval, or none (default: ${DEFAULT-VALUE}).")
  String groupBy = "queue,channel,interval";

  @Option(names = "--format", paramLabel = "FORMAT", description = "text, csv or json (default: ${DEFAULT-VALUE}).")
  String format = "text";

  @Option(names = "--delimiter", paramLabel = "CHAR", converter = Options.DelimiterConverter.class,
      description = "Delimiter of the CSV files: ',', ';' or tab (default: the one the header line holds).")
  @Nullable Character delimiter;

  @Option(names = "--column", paramLabel = "OURS=THEIRS",
      description = "Read the CSV header's column THEIRS as the format's column OURS, e.g. id=call_id; repeatable.")
  List<String> columns = new ArrayList<>();

  @Option(names = "--source-zone", paramLabel = "ZONE",
      description = "Time zone of the CSV files' date-times written without an offset (default: none, such a time is"
          + " a defect).")
  @Nullable String sourceZone;

  @Option(names = "--lenient", description = "Skip bad records (each is reported on stderr) instead of stopping at the first.")
  boolean lenient;

  @CommandLine.Mixin
  Options.IgnoredEvents ignoredEvents = new Options.IgnoredEvents();

  /** The queues of {@code --queues-conf}, in the file's order; none without it. */
  private List<QueueConfig> configured = List.of();

  @Override
  public Integer call() throws IOException {
    if (queuesConf != null) { // a queues.conf that is not one is bad input data (exit 1), as in asterisk-show
      Options.requireReadable(spec.commandLine(), queuesConf, "--queues-conf");
      QueuesConf conf = QueuesConf.read(queuesConf);
      conf.notices().forEach(n -> spec.commandLine().getErr().println("callmetrics: warning: " + n));
      configured = List.copyOf(conf.queues().values());
    }
    try {
      ReportFormat output = ReportFormat.parse(format);
      List<ServiceLevelDefinition> definitions = definitions();
      ZoneId zoneId = zoneId();
      IntervalLength length = IntervalLength.parse(interval);
      Set<Dimension> dimensions = Dimension.parseSet(groupBy);
      Attribution mode = Attribution.parse(attribution);
      if (from != null && to != null && to.isBefore(from)) {
        throw new IllegalArgumentException("--to " + to + " is before --from " + from
            + " (expected --to on or after --from)");
      }
      return run(output, definitions, zoneId, length, dimensions, mode);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The CSV options as a change to a reader; a bad one is a usage error (IllegalArgumentException). */
  private UnaryOperator<CsvCallReader> csvLayout() {
    CsvCallReader check = CsvCallReader.of(ReadMode.STRICT);
    UnaryOperator<CsvCallReader> layout = UnaryOperator.identity();
    if (delimiter != null) {
      char d = delimiter;
      layout = chain(layout, r -> r.withDelimiter(d));
    }
    for (String column : columns) {
      int eq = column.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("--column '" + column + "' is not OURS=THEIRS (expected a column of the"
            + " format and the header's name for it, such as id=call_id)");
      }
      String ours = column.substring(0, eq);
      String theirs = column.substring(eq + 1);
      try {
        check = check.withColumn(ours, theirs); // a bad mapping is refused now, as a usage error
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--column '" + column + "': " + e.getMessage(), e);
      }
      layout = chain(layout, r -> r.withColumn(ours, theirs));
    }
    if (sourceZone != null) {
      ZoneId source;
      try {
        source = ZoneId.of(sourceZone);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("--source-zone '" + sourceZone + "' is not a time zone (expected an id"
            + " such as Europe/Berlin or UTC)", e);
      }
      layout = chain(layout, r -> r.withSourceZone(source));
    }
    return layout;
  }

  private static UnaryOperator<CsvCallReader> chain(UnaryOperator<CsvCallReader> a, UnaryOperator<CsvCallReader> b) {
    return r -> b.apply(a.apply(r));
  }

  private ZoneId zoneId() {
    try {
      return ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      // Only the zone's own error: a date-time error from the data is not a usage error.
      throw new IllegalArgumentException("--zone '" + zone + "' is not a time zone (expected an id such as"
          + " Europe/Amsterdam or UTC)", e);
    }
  }

  private List<ServiceLevelDefinition> definitions() {
    List<ServiceLevelDefinition> definitions = new ArrayList<>();
    for (String name : presets.isEmpty() ? List.of("default") : presets) {
      ServiceLevelDefinition.Builder b = Preset.parse(name).definition().toBuilder().threshold(threshold);
      if (formula != null) {
        b.formula(ServiceLevelFormula.parse(formula));
      }
      if (boundary != null) {
        b.boundary(ThresholdBoundary.parse(boundary));
      }
      if (shortAbandon != null) {
        b.shortAbandonThreshold(shortAbandon);
      }
      if (target != null) {
        b.target(target);
      }
      definitions.add(b.build());
    }
    return definitions;
  }

  /**
   * Measures each queue of {@code --queues-conf} against its own {@code servicelevel} in every definition, and
   * names it so that it appears without calls; nothing without the option. Call after {@code definitions(...)}.
   */
  private ReportSpec.Builder perQueue(ReportSpec.Builder builder, int definitionCount) {
    if (configured.isEmpty()) {
      return builder;
    }
    Map<String, Duration> servicelevels = new LinkedHashMap<>();
    for (QueueConfig queue : configured) {
      servicelevels.put(queue.name(), queue.serviceLevel());
    }
    QueueThresholds thresholds = QueueThresholds.of(servicelevels);
    for (int d = 0; d < definitionCount; d++) {
      builder.queueThresholds(d, thresholds);
    }
    return builder.queues(servicelevels.keySet().toArray(new String[0]));
  }

  private int run(ReportFormat output, List<ServiceLevelDefinition> definitions, ZoneId zoneId, IntervalLength length,
      Set<Dimension> dimensions, Attribution mode) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CallFiles.Inputs inputs = CallFiles.inputs(files, csvLayout());
    // A queue of the log is named as queues.conf names it, whatever its case in the log (app_queue ignores case).
    QueueLogReader logs = ignoredEvents.apply(spec.commandLine(),
        QueueLogReader.of(lenient ? ReadMode.LENIENT : ReadMode.STRICT).withZone(zoneId)
            .withQueueNames(configured.stream().map(QueueConfig::name).collect(Collectors.toList())));
    LocalDate first = from;
    LocalDate last = to;
    Report report;
    if (first != null && last != null) {
      IntervalGrid grid = IntervalGrid.of(first, last.plusDays(1), zoneId, length);
      CallFiles.Result<Report> read = CallFiles.collect(inputs, lenient, logs,
          spec(grid, definitions, dimensions, mode).collector());
      read.print(err);
      read.requireACall();
      report = read.value();
    } else {
      // The days are the calls' own: guessed from the files' ends, checked by the read, read again if wrong.
      @Nullable LocalDate[] guess = Period.guess(inputs, zoneId);
      LocalDate a = first != null ? first : guess[0] != null ? guess[0] : LocalDate.of(2000, 1, 1);
      LocalDate b = last != null ? last : guess[1] != null ? guess[1] : a;
      IntervalGrid grid = guessedGrid(a, b, zoneId, length);
      for (int pass = 1; ; pass++) {
        if (pass > 2) {
          throw new IllegalStateException("the files changed while they were read: the days of their calls moved");
        }
        CallFiles.Result<Period.Span<Report>> read = CallFiles.collect(inputs, lenient, logs,
            Period.tracking(spec(grid, definitions, dimensions, mode).collector()));
        Period.Span<Report> span = read.value();
        if (span.isEmpty()) {
          read.print(err);
          read.requireACall();
          throw new IllegalArgumentException("the files hold no calls, so --from and --to are needed to choose the days");
        }
        first = from != null ? from : span.firstDay(zoneId);
        last = to != null ? to : span.lastDay(zoneId);
        if (grid.startDay().equals(first) && grid.endDay().equals(last.plusDays(1))) {
          read.print(err);
          report = span.container;
          break;
        }
        grid = exactGrid(first, last, zoneId, length, span);
      }
    }
    output.write(report, out);
    if (output == ReportFormat.TEXT && dimensions.contains(Dimension.INTERVAL) && length != IntervalLength.WHOLE_PERIOD) {
      Set<Dimension> groups = EnumSet.noneOf(Dimension.class);
      groups.addAll(dimensions);
      groups.remove(Dimension.INTERVAL);
      out.println();
      out.println("Whole period " + first + " to " + last + ":");
      output.write(report.groupedBy(groups.toArray(new Dimension[0])), out);
    }
    out.flush();
    if (report.callsOutsidePeriod() > 0) {
      err.println("callmetrics: " + report.callsOutsidePeriod() + " calls fell outside " + first + " to " + last
          + " and are not in the report");
    }
    return 0;
  }
  private ReportSpec spec(IntervalGrid grid, List<ServiceLevelDefinition> definitions, Set<Dimension> dimensions,
      Attribution mode) {
    return perQueue(ReportSpec.builder(grid).definitions(definitions), definitions.size())
        .groupBy(dimensions.isEmpty() ? EnumSet.noneOf(Dimension.class) : EnumSet.copyOf(dimensions))
        .attribution(mode)
        .build();
  }

  /** The grid of a guess; a guess no grid can have (too long, or backwards) is one day, which the read corrects. */
  private static IntervalGrid guessedGrid(LocalDate first, LocalDate last, ZoneId zone, IntervalLength length) {
    try {
      return IntervalGrid.of(first, last.plusDays(1), zone, length);
    } catch (IllegalArgumentException e) {
      return IntervalGrid.of(first, first.plusDays(1), zone, length);
    }
  }

  private IntervalGrid exactGrid(LocalDate first, LocalDate last, ZoneId zone, IntervalLength length,
      Period.Span<?> span) {
    try {
      return IntervalGrid.of(first, last.plusDays(1), zone, length);
    } catch (IllegalArgumentException e) {
      // A stray date in the data stretches the period: say which calls set it.
      Call earliest = java.util.Objects.requireNonNull(span.earliest);
      Call latest = java.util.Objects.requireNonNull(span.latest);
      String inferredFrom = from == null && !first.isAfter(last)
          ? " (the date of call " + earliest.id() + " in queue " + earliest.queue() + ")" : "";
      String inferredTo = to == null && !first.isAfter(last)
          ? " (the date of call " + latest.id() + " in queue " + latest.queue() + ")" : "";
      throw new IllegalArgumentException(e.getMessage() + "; the days run from " + first + inferredFrom + " to "
          + last + inferredTo + ": give --from and --to to choose the days", e);
    }
  }
}
