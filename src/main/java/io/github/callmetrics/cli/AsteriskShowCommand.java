package io.github.callmetrics.cli;

import io.github.callmetrics.asterisk.AsteriskQueueStats;
import io.github.callmetrics.asterisk.IncompleteCall;
import io.github.callmetrics.asterisk.QueueConfig;
import io.github.callmetrics.asterisk.QueueLogReader;
import io.github.callmetrics.asterisk.QueueLogReport;
import io.github.callmetrics.asterisk.QueuesConf;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.tally.TallySnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code asterisk-show}: prints, per queue, the line Asterisk's {@code queue show} prints, computed from
 * {@code queue_log} files and {@code queues.conf} alone:
 * {@code q1 has 0 calls (max unlimited) in 'rrmemory' strategy (16s holdtime, 21s talktime), W:0, C:35, A:10,
 * SL:65.7%, SL2:64.4% within 20s}. Percentages are formatted as Asterisk does ({@code float} arithmetic,
 * {@code %2.1f}), and an empty denominator prints {@code 0.0%} as in Asterisk, though the library calls it
 * undefined.
 */
@Command(
    name = "asterisk-show",
    mixinStandardHelpOptions = true,
    description = {
      "Prints Asterisk's `queue show` line per queue (C, A, SL, SL2, holdtime, talktime) from queue_log files.",
      "Rotated files may be named in any order: they are read by their own time.",
      "Queues are listed in queues.conf order."
    })
public final class AsteriskShowCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--queues-conf", required = true, paramLabel = "FILE",
      description = "queues.conf, for each queue's servicelevel, strategy, maxlen and weight")
  Path queuesConf;

  @Option(names = "--lenient",
      description = "skip bad queue_log lines (each is reported on stderr) instead of stopping at the first")
  boolean lenient;

  @Option(names = "--zone", paramLabel = "ZONE",
      description = "the zone of the local times of a queue_log table export (the database's clock), e.g. Europe/Amsterdam")
  @Nullable String zone;

  @CommandLine.Mixin
  Options.IgnoredEvents ignoredEvents = new Options.IgnoredEvents();

  @Parameters(arity = "1..*", paramLabel = "QUEUE_LOG", description = "queue_log files, in any order (rotated files are read by their own time)")
  List<Path> queueLogs = new ArrayList<>();

  /** Creates the command; picocli sets its options. */
  public AsteriskShowCommand() {
    queuesConf = Path.of("queues.conf");
  }

  @Override
  public Integer call() throws IOException {
    Options.requireReadable(spec.commandLine(), queuesConf, "--queues-conf");
    for (Path log : queueLogs) {
      Options.requireReadable(spec.commandLine(), log, "QUEUE_LOG");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    QueuesConf conf = QueuesConf.read(queuesConf);
    conf.notices().forEach(n -> err.println("callmetrics: warning: " + n));
    QueueLogReader reader = ignoredEvents.apply(spec.commandLine(),
        QueueLogReader.of(lenient ? ReadMode.LENIENT : ReadMode.STRICT).withQueueNames(conf.names()));
    if (zone != null) {
      try {
        reader = reader.withZone(ZoneId.of(zone));
      } catch (DateTimeException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--zone '" + zone + "' is not a time zone"
            + " (expected an id such as Europe/Amsterdam or UTC)", e, null, zone);
      }
    }
    QueueLogReport report = reader.read(queueLogs, call -> { });
    for (SkippedRecord skipped : report.read().skipped()) {
      err.println("callmetrics: skipped " + skipped.message());
    }
    CallFiles.printNotes(report, err);
    for (String queue : report.queueStats().keySet()) {
      if (conf.queue(queue).isEmpty()) {
        throw new IllegalArgumentException("queue " + queue + " of the queue_log is not in " + queuesConf
            + " (expected every queue configured, for its servicelevel)");
      }
    }
    for (QueueConfig queue : conf.queues().values()) {
      AsteriskQueueStats stats = report.queueStats(queue.name())
          .orElse(AsteriskQueueStats.of(queue.name(), TallySnapshot.empty(), 0, 0, 0, 0));
      out.println(line(queue, stats));
    }
    long talking = report.incomplete().stream().filter(c -> c.state() == IncompleteCall.State.TALKING).count();
    if (!report.incomplete().isEmpty()) {
      err.println("callmetrics: " + report.incomplete().size() + " calls have no end in the log ("
          + talking + " talking, not in C; " + (report.incomplete().size() - talking) + " waiting)");
    }
    return 0;
  }

  /** Formats one queue as Asterisk's {@code queue show} does. */
  static String line(QueueConfig queue, AsteriskQueueStats stats) {
    return queue.name() + " has " + stats.waiting() + " calls (max "
        + (queue.maxlen() == 0 ? "unlimited" : Integer.toString(queue.maxlen())) + ") in '" + queue.strategy()
        + "' strategy (" + stats.holdtimeSeconds() + "s holdtime, " + stats.talktimeSeconds() + "s talktime), W:"
        + queue.weight() + ", C:" + stats.completed() + ", A:" + stats.abandoned()
        + ", SL:" + asteriskPercent(stats.serviceLevel(queue.serviceLevel()))
        + "%, SL2:" + asteriskPercent(stats.serviceLevel2(queue.serviceLevel()))
        + "% within " + queue.serviceLevelSeconds() + "s";
  }

  /**
   * Formats a ratio as {@code app_queue} prints it: {@code 100 * ((float) n / (float) d)} in single precision,
   * printed with {@code %2.1f} (the double's exact value rounded half-even, as glibc does); {@code 0.0} when
   * the ratio is undefined.
   */
  static String asteriskPercent(Ratio ratio) {
    if (!ratio.isDefined()) {
      return "0.0";
    }
    float percent = 100 * ((float) ratio.numerator() / (float) ratio.denominator());
    return new BigDecimal((double) percent).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
  }
}
