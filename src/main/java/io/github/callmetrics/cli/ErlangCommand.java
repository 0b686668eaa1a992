package io.github.callmetrics.cli;

import io.github.callmetrics.internal.JsonWriter;
import io.github.callmetrics.staffing.ErlangA;
import io.github.callmetrics.staffing.ErlangB;
import io.github.callmetrics.staffing.ErlangC;
import io.github.callmetrics.staffing.Staffing;
import io.github.callmetrics.staffing.StaffingTarget;
import io.github.callmetrics.staffing.Workload;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code callmetrics erlang b|c|a}: the staffing models of {@link io.github.callmetrics.staffing} on the
 * command line, for a number of agents ({@code --agents}) or solving for the fewest agents
 * ({@code --target}). See {@code docs/cli-erlang.md}.
 */
@Command(
    name = "erlang",
    mixinStandardHelpOptions = true,
    description = "Staffing maths: Erlang B (lost calls), C (callers wait) and A (callers abandon).",
    subcommands = {ErlangCommand.B.class, ErlangCommand.C.class, ErlangCommand.A.class})
public final class ErlangCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Creates the command; picocli fills its fields. */
  public ErlangCommand() {}

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a model is required: b, c or a (see --help)");
  }

  /** Output formats. */
  enum Format {
    text,
    json
  }

  /** Options every model shares: the workload, the agents or the target, the output format. */
  static final class Common {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--calls", paramLabel = "N", description = "Calls offered in the interval.")
    @Nullable Long calls;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT30M", converter = DurationConverter.class,
        description = "Interval length, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration interval = Duration.ofMinutes(30);

    @Option(names = "--erlangs", paramLabel = "A", description = "Traffic in Erlangs, instead of --calls.")
    @Nullable Double erlangs;

    @Option(names = "--aht", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Average handle time, ISO-8601, for example PT3M.")
    @Nullable Duration aht;

    @Option(names = "--agents", paramLabel = "N", description = "Agents (lines for Erlang B).")
    @Nullable Integer agents;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
        description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    CommandLine commandLine() {
      return spec.commandLine();
    }

    CommandLine.ParameterException usage(String message) {
      return new CommandLine.ParameterException(commandLine(), message);
    }

    /** A usage error with the library's message, which names the value and the rule. */
    CommandLine.ParameterException usage(IllegalArgumentException e) {
      return usage(Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }

    Workload workload(boolean ahtRequired) {
      Duration handle = aht;
      if (handle == null) {
        if (ahtRequired || calls != null) {
          throw usage("--aht is required (for example --aht PT3M)");
        }
        handle = Duration.ofMinutes(3); // Erlang B needs only the traffic
      }
      try {
        if (calls != null && erlangs != null) {
          throw usage("give --calls or --erlangs, not both");
        }
        if (calls != null) {
          return Workload.of(calls, interval, handle);
        }
        if (erlangs != null) {
          return Workload.ofErlangs(erlangs, handle);
        }
      } catch (IllegalArgumentException e) {
        throw usage(e);
      }
      throw usage("--calls (with --interval and --aht) or --erlangs is required");
    }

    PrintWriter out() {
      return commandLine().getOut();
    }

    /**
     * Refuses {@code --agents} below 1 in every model alike. Erlang B's recurrence starts at B(0, A) = 1, but
     * zero lines carry nothing and have no occupancy: a figure of no use, so it is refused as C and A refuse it.
     */
    void checkAgents() {
      if (agents != null && agents < 1) {
        throw usage("agents " + agents + " is not positive (expected at least 1)");
      }
    }
  }

  /** Options of the waiting models C and A: threshold, targets, shrinkage. */
  static final class Queueing {
    @Option(names = "--threshold", paramLabel = "DURATION", defaultValue = "PT20S", converter = DurationConverter.class,
        description = "Service-level threshold, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration threshold = Duration.ofSeconds(20);

    @Option(names = "--target", paramLabel = "LEVEL",
        description = "Solve for the fewest agents reaching this service level, for example 0.8.")
    @Nullable Double target;

    @Option(names = "--max-asa", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Solve with this highest average speed of answer too.")
    @Nullable Duration maxAsa;

    @Option(names = "--max-occupancy", paramLabel = "FRACTION",
        description = "Solve with this highest occupancy too, for example 0.85.")
    @Nullable Double maxOccupancy;

    @Option(names = "--shrinkage", paramLabel = "FRACTION", converter = Options.DecimalConverter.class,
        description = "Fraction of paid time off the phones: adds the staff to schedule, for example 0.3.")
    @Nullable BigDecimal shrinkage;

    List<StaffingTarget> targets(Common common, @Nullable Double maxAbandonment) {
      List<StaffingTarget> targets = new ArrayList<>();
      try {
        if (target != null) {
          targets.add(StaffingTarget.serviceLevel(target, threshold));
        }
        if (maxAsa != null) {
          targets.add(StaffingTarget.averageSpeedOfAnswer(maxAsa));
        }
        if (maxOccupancy != null) {
          targets.add(StaffingTarget.maxOccupancy(maxOccupancy));
        }
        if (maxAbandonment != null) {
          targets.add(StaffingTarget.maxAbandonment(maxAbandonment));
        }
      } catch (IllegalArgumentException e) {
        throw common.usage(e);
      }
      if (targets.isEmpty() == (common.agents == null)) {
        throw common.usage("give either --agents or a target to solve for (--target, --max-asa, --max-occupancy"
            + (maxAbandonment == null ? "" : ", --max-abandon") + "), exactly one of the two");
      }
      common.checkAgents();
      return targets;
    }

    /** Prints the text row of the staff to schedule, if {@code --shrinkage} was given. */
    void printStaff(PrintWriter out, @Nullable Integer staff) {
      BigDecimal s = shrinkage;
      if (staff != null && s != null) {
        row(out, "staff (shrinkage " + s.toPlainString() + ")", staff.toString());
      }
    }

    @Nullable Integer staff(Common common, int agents) {
      if (shrinkage == null) {
        return null;
      }
      try {
        return Staffing.withShrinkage(agents, shrinkage);
      } catch (IllegalArgumentException e) {
        throw common.usage(e);
      }
    }
  }

  /** {@code erlang b}: blocking probability, or the fewest lines for a blocking ceiling. */
  @Command(name = "b", mixinStandardHelpOptions = true,
      description = "Erlang B: blocking probability of N lines, or the fewest lines for --target blocking.")
  static final class B implements Runnable {
    @Mixin
    Common common;

    @Option(names = "--target", paramLabel = "BLOCKING",
        description = "Solve for the fewest lines with at most this blocking probability, for example 0.01.")
    @Nullable Double target;

    @Override
    public void run() {
      Workload workload = common.workload(false);
      Integer agents = common.agents;
      Double blocking = target;
      if ((blocking == null) == (agents == null)) {
        throw common.usage("give either --agents or --target, exactly one of the two");
      }
      common.checkAgents();
      ErlangB model;
      try {
        int lines = blocking != null ? ErlangB.linesFor(workload.erlangs(), blocking) : Objects.requireNonNull(agents);
        model = ErlangB.of(workload.erlangs(), lines);
      } catch (IllegalArgumentException e) {
        throw common.usage(e);
      }
      PrintWriter out = common.out();
      if (common.format == Format.json) {
        JsonWriter json = new JsonWriter(out).beginObject()
            .name("model").value("erlang-b")
            .name("agents").value(model.lines())
            .name("trafficErlangs").value(OptionalDouble.of(model.erlangs()))
            .name("blockingProbability").value(OptionalDouble.of(model.blockingProbability()))
            .name("carriedErlangs").value(OptionalDouble.of(model.carriedErlangs()))
            .name("occupancy").value(OptionalDouble.of(model.occupancy()));
        json.endObject();
        out.println();
      } else {
        out.printf(Locale.ROOT, "Erlang B (M/M/N/N, blocked calls lost): %s Erlangs%n", number(model.erlangs(), 4));
        row(out, "lines", Integer.toString(model.lines()));
        row(out, "blocking probability", number(model.blockingProbability(), 7));
        row(out, "carried traffic", number(model.carriedErlangs(), 4) + " Erlangs");
        row(out, "occupancy", number(model.occupancy(), 7));
      }
    }
  }

  /** {@code erlang c}: callers wait as long as it takes. */
  @Command(name = "c", mixinStandardHelpOptions = true,
      description = "Erlang C: probability of waiting, service level, ASA and occupancy of N agents, or the"
          + " fewest agents for --target.")
  static final class C implements Runnable {
    @Mixin
    Common common;

    @Mixin
    Queueing queueing;

    @Override
    public void run() {
      Workload workload = common.workload(true);
      List<StaffingTarget> targets = queueing.targets(common, null);
      ErlangC model;
      try {
        int agents = common.agents != null ? common.agents
            : Staffing.agentsFor(workload, targets.get(0), rest(targets));
        model = ErlangC.of(workload, Math.max(1, agents));
      } catch (IllegalArgumentException e) {
        throw common.usage(e);
      }
      Integer staff = queueing.staff(common, model.agents());
      Duration t = queueing.threshold;
      PrintWriter out = common.out();
      if (common.format == Format.json) {
        queueingJson(out, "erlang-c", model.agents(), staff, workload)
            .name("thresholdSeconds").value(OptionalDouble.of(secondsValue(t)))
            .name("stable").value(model.isStable())
            .name("probabilityOfWaiting").value(model.probabilityOfWaiting())
            .name("serviceLevel").value(model.serviceLevel(t))
            .name("averageSpeedOfAnswerSeconds").value(model.averageSpeedOfAnswerSeconds())
            .name("occupancy").value(model.occupancy())
            .name("immediateAnswer").value(model.immediateAnswer())
            .name("expectedQueueLength").value(model.expectedQueueLength())
            .endObject();
        out.println();
      } else {
        out.printf(Locale.ROOT, "Erlang C (M/M/N, callers never abandon): %s Erlangs, AHT %s%n",
            number(workload.erlangs(), 4), workload.averageHandleTime());
        row(out, "agents", Integer.toString(model.agents()));
        queueing.printStaff(out, staff);
        if (!model.isStable()) {
          out.println("undefined: traffic is at or above the agents, the queue grows without bound");
          return;
        }
        row(out, "probability of waiting", number(model.probabilityOfWaiting().getAsDouble(), 7));
        row(out, "service level (" + seconds(t) + " s)", number(model.serviceLevel(t).getAsDouble(), 7));
        row(out, "average speed of answer", number(model.averageSpeedOfAnswerSeconds().getAsDouble(), 3) + " s");
        row(out, "occupancy", number(model.occupancy().getAsDouble(), 7));
        row(out, "immediate answer", number(model.immediateAnswer().getAsDouble(), 7));
      }
    }
  }

  /** {@code erlang a}: callers abandon after an exponential patience. */
  @Command(name = "a", mixinStandardHelpOptions = true,
      description = "Erlang A: Erlang C with callers who abandon after an exponential --patience.")
  static final class A implements Runnable {
    @Mixin
    Common common;

    @Mixin
    Queueing queueing;

    @Option(names = "--patience", paramLabel = "DURATION", required = true, converter = DurationConverter.class,
        description = "Callers' average patience, ISO-8601, for example PT5M.")
    Duration patience = Duration.ZERO;

    @Option(names = "--max-abandon", paramLabel = "FRACTION",
        description = "Solve with this highest probability of abandoning too, for example 0.05.")
    @Nullable Double maxAbandon;

    @Override
    public void run() {
      Workload workload = common.workload(true);
      List<StaffingTarget> targets = queueing.targets(common, maxAbandon);
      ErlangA model;
      try {
        int agents = common.agents != null ? common.agents
            : Staffing.agentsFor(workload, patience, targets.get(0), rest(targets));
        model = ErlangA.of(workload, Math.max(1, agents), patience);
      } catch (IllegalArgumentException e) {
        throw common.usage(e);
      }
      Integer staff = queueing.staff(common, model.agents());
      Duration t = queueing.threshold;
      PrintWriter out = common.out();
      if (common.format == Format.json) {
        queueingJson(out, "erlang-a", model.agents(), staff, workload)
            .name("patienceSeconds").value(OptionalDouble.of(secondsValue(patience)))
            .name("thresholdSeconds").value(OptionalDouble.of(secondsValue(t)))
            .name("probabilityOfWaiting").value(OptionalDouble.of(model.probabilityOfWaiting()))
            .name("probabilityOfAbandoning").value(OptionalDouble.of(model.probabilityOfAbandoning()))
            .name("serviceLevel").value(OptionalDouble.of(model.serviceLevel(t)))
            .name("averageSpeedOfAnswerSeconds").value(OptionalDouble.of(model.averageSpeedOfAnswerSeconds()))
            .name("occupancy").value(OptionalDouble.of(model.occupancy()))
            .name("immediateAnswer").value(OptionalDouble.of(model.immediateAnswer()))
            .name("expectedQueueLength").value(OptionalDouble.of(model.expectedQueueLength()))
            .name("averageWaitSeconds").value(OptionalDouble.of(model.averageWaitSeconds()))
            .endObject();
        out.println();
      } else {
        out.printf(Locale.ROOT, "Erlang A (M/M/N+M, callers abandon): %s Erlangs, AHT %s, patience %s%n",
            number(workload.erlangs(), 4), workload.averageHandleTime(), patience);
        row(out, "agents", Integer.toString(model.agents()));
        queueing.printStaff(out, staff);
        row(out, "probability of waiting", number(model.probabilityOfWaiting(), 7));
        row(out, "probability of abandoning", number(model.probabilityOfAbandoning(), 7));
        row(out, "service level (" + seconds(t) + " s)", number(model.serviceLevel(t), 7));
        row(out, "average speed of answer", number(model.averageSpeedOfAnswerSeconds(), 3) + " s (answered calls)");
        row(out, "occupancy", number(model.occupancy(), 7));
        row(out, "expected queue length", number(model.expectedQueueLength(), 4));
      }
    }
  }

  private static StaffingTarget[] rest(List<StaffingTarget> targets) {
    return targets.subList(1, targets.size()).toArray(new StaffingTarget[0]);
  }

  private static void row(PrintWriter out, String label, String value) {
    out.printf(Locale.ROOT, "  %-30s %s%n", label, value);
  }

  private static String number(double value, int decimals) {
    return new BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  private static double secondsValue(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }

  private static String seconds(Duration d) {
    return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).stripTrailingZeros()
        .toPlainString();
  }

  /** Parses ISO-8601 durations such as {@code PT20S}, with a message that names the rule. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("'" + value
            + "' is not an ISO-8601 duration (expected for example PT20S, PT3M or PT1H)");
      }
    }
  }

  /** Starts the JSON object the queueing models share: model, agents, staff if asked, traffic and AHT. */
  static JsonWriter queueingJson(PrintWriter out, String model, int agents, @Nullable Integer staff, Workload workload) {
    JsonWriter json = new JsonWriter(out).beginObject()
        .name("model").value(model)
        .name("agents").value(agents);
    if (staff != null) {
      json.name("staff").value(staff);
    }
    return json.name("trafficErlangs").value(OptionalDouble.of(workload.erlangs()))
        .name("averageHandleTimeSeconds").value(OptionalDouble.of(workload.averageHandleTimeSeconds()));
  }
}
