package io.github.callmetrics.report;

import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.internal.CsvFields;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.metrics.MetricsSummary;
import io.github.callmetrics.metrics.ServiceLevelCounts;
import io.github.callmetrics.metrics.TargetStatus;
import io.github.callmetrics.tally.TallySnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@link ReportFormat#CSV}: one record per row. A year report has millions of rows of some sixty cells, so the
 * records are formatted in chunks of rows, in parallel on the common pool when there are many, and handed to the
 * target in order, one append per chunk (a target may lock or encode per call). Numbers are appended as they are
 * ({@link CsvNumbers}); an interval's bounds repeat in every group's rows and are formatted once per interval.
 * Text from the data (queue and channel names) is neutralised against formula injection ({@link
 * CsvFields#appendText}); the header is not, as its names are ours.
 */
final class CsvReport {
  private static final List<String> PER_ROW = List.of("waiting", "answered_wait_seconds_total",
      "abandoned_wait_seconds_total", "handle_time_seconds_total", "handle_time_count", "asa_seconds",
      "aht_seconds", "longest_answered_wait_seconds", "longest_abandoned_wait_seconds", "longest_wait_seconds",
      "answered_wait_p50_seconds", "answered_wait_p80_seconds", "answered_wait_p90_seconds",
      "answered_wait_p95_seconds", "answered_wait_p99_seconds");
  private static final List<String> PER_DEFINITION = List.of("offered", "answered_within_threshold", "abandoned",
      "abandoned_within_threshold", "short_abandons", "flow_outs", "excluded", "service_level",
      "service_level_numerator", "service_level_denominator", "target_met", "abandonment_rate",
      "abandonment_rate_excluding_short_abandons", "answer_rate", "average_time_to_abandon_seconds");
  /** Rows per chunk: large enough to amortise a task, small enough that a few chunks in flight cost little. */
  static final int CHUNK_ROWS = 2048;

  private final Report report;
  private final ZoneId zone;
  private final boolean queues;
  private final boolean channels;
  private final boolean byInterval;
  /** Each interval's bounds as text, by its index in the grid; filled as rows need them (a race only repeats one). */
  private final AtomicReferenceArray<String> starts;
  private final AtomicReferenceArray<String> ends;

  private CsvReport(Report report) {
    this.report = report;
    ReportSpec spec = report.spec();
    zone = spec.grid().zone();
    queues = spec.dimensions().contains(Dimension.QUEUE);
    channels = spec.dimensions().contains(Dimension.CHANNEL);
    byInterval = spec.dimensions().contains(Dimension.INTERVAL);
    int intervals = byInterval ? spec.grid().size() : 1;
    starts = new AtomicReferenceArray<>(intervals);
    ends = new AtomicReferenceArray<>(intervals);
  }

  /**
   * Writes the report: the header, then its rows, formatted on the calling thread and the common pool's workers
   * (every core) if there are many.
   */
  static void write(Report report, Appendable out) throws IOException {
    write(report, out, ParallelCount.threads());
  }

  /**
   * Writes the report formatting on up to {@code parallelism} threads at once: the calling thread and up to
   * {@code parallelism − 1} of the common pool's; 1 formats each chunk on the calling thread. The output is the
   * same whatever the parallelism.
   */
  static void write(Report report, Appendable out, int parallelism) throws IOException {
    CsvReport csv = new CsvReport(report);
    out.append(csv.header());
    int rows = report.rows().size();
    int chunks = (int) ((rows + (long) CHUNK_ROWS - 1) / CHUNK_ROWS);
    if (parallelism < 2 || chunks < 4) {
      for (int c = 0; c < chunks; c++) {
        out.append(csv.chunk(c, rows));
      }
      return;
    }
    // A window of chunks in flight keeps the pool busy while the caller takes them in order. The caller formats the
    // chunks no worker has started while it waits (a FutureTask runs once), so on two cores, where the common pool
    // has one worker, both cores format.
    ArrayDeque<FutureTask<StringBuilder>> inFlight = new ArrayDeque<>();
    ForkJoinPool pool = ForkJoinPool.commonPool();
    int next = 0;
    try {
      while (next < chunks || !inFlight.isEmpty()) {
        while (next < chunks && inFlight.size() < 2 * parallelism) {
          int c = next++;
          FutureTask<StringBuilder> task = new FutureTask<>(() -> csv.chunk(c, rows));
          inFlight.add(task);
          pool.execute(task);
        }
        if (!inFlight.getFirst().isDone()) {
          // Format the chunks no worker has started, latest first, so the caller and the workers do not queue
          // behind each other on the same chunk; run() of a started or finished task returns at once.
          inFlight.descendingIterator().forEachRemaining(FutureTask::run);
        }
        out.append(done(inFlight.remove()));
      }
    } finally {
      inFlight.forEach(f -> f.cancel(false));
    }
  }

  /** The chunk a task formatted; a failure in formatting is rethrown as it was. */
  private static StringBuilder done(FutureTask<StringBuilder> task) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause); // chunk() throws no checked exception
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the report was written", e);
    }
  }

  private String header() {
    ReportSpec spec = report.spec();
    List<String> header = new ArrayList<>();
    if (queues) {
      header.add("queue");
    }
    if (channels) {
      header.add("channel");
    }
    header.addAll(List.of("interval_start", "interval_end", "arrivals", "answered", "abandoned", "flow_outs"));
    for (FlowOutReason reason : FlowOutReason.values()) {
      header.add("flow_outs_" + reason.label().replace('-', '_'));
    }
    header.addAll(PER_ROW);
    List<ServiceLevelDefinition> definitions = spec.definitions();
    for (int d = 0; d < definitions.size(); d++) {
      String prefix = definitions.size() == 1 ? "" : slug(definitions.get(d).name()) + ".";
      if (!spec.queueThresholds(d).isEmpty()) {
        header.add(prefix + "threshold_seconds");
      }
      for (String name : PER_DEFINITION) {
        header.add(prefix + name);
      }
    }
    Cells record = new Cells();
    try {
      for (String name : header) {
        CsvFields.append(record.next(), name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return record.end().toString();
  }

  private static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  /** Formats chunk {@code c} of the rows: rows {@code [c · CHUNK_ROWS, min(rows, (c + 1) · CHUNK_ROWS))}. */
  private StringBuilder chunk(int c, int rows) {
    Cells record = new Cells();
    int to = (int) Math.min(rows, (c + 1L) * CHUNK_ROWS);
    try {
      for (int r = c * CHUNK_ROWS; r < to; r++) {
        row(record, r);
        record.end();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return record.line;
  }

  private void row(Cells w, int r) throws IOException {
    ReportSpec spec = report.spec();
    ReportRow row = report.rows().get(r);
    if (queues) {
      w.text(row.key().queue().orElse(""));
    }
    if (channels) {
      w.text(row.key().channel().map(c -> c.label()).orElse(""));
    }
    int j = report.intervalIndex(r);
    w.next().append(bound(starts, j, true, row));
    w.next().append(bound(ends, j, false, row));
    TallySnapshot c = row.counts();
    MetricsSummary first = row.figures(0);
    w.count(c.arrivals());
    w.count(c.answered());
    w.count(c.abandoned());
    w.count(c.flowOuts());
    for (FlowOutReason reason : FlowOutReason.values()) {
      w.count(c.flowOuts(reason));
    }
    w.count(c.waiting());
    w.count(c.answeredWaits().totalSeconds());
    w.count(c.abandonedWaits().totalSeconds());
    w.seconds(c.handleTimeTotal());
    w.count(c.handleTimeCount());
    CsvNumbers.appendAverage(w.next(), first.averageSpeedOfAnswer());
    CsvNumbers.appendAverage(w.next(), first.averageHandleTime());
    w.seconds(first.longestAnsweredWait());
    w.seconds(c.abandonedWaits().max());
    w.seconds(first.longestWait());
    w.seconds(first.answeredWaitPercentiles().p50());
    w.seconds(first.answeredWaitPercentiles().p80());
    w.seconds(first.answeredWaitPercentiles().p90());
    w.seconds(first.answeredWaitPercentiles().p95());
    w.seconds(first.answeredWaitPercentiles().p99());
    List<ServiceLevelDefinition> definitions = spec.definitions();
    for (int d = 0; d < definitions.size(); d++) {
      MetricsSummary f = row.figures(d);
      ServiceLevelCounts k = f.counts();
      if (!spec.queueThresholds(d).isEmpty()) {
        Optional<Duration> threshold = report.threshold(r, d);
        if (threshold.isPresent()) {
          w.count(threshold.get().getSeconds());
        } else {
          w.next();
        }
      }
      w.count(k.offered());
      w.count(k.answeredWithinThreshold());
      w.count(k.abandoned());
      w.count(k.abandonedWithinThreshold());
      w.count(k.shortAbandons());
      w.count(k.flowOuts());
      w.count(k.excluded());
      CsvNumbers.appendFraction(w.next(), f.serviceLevel());
      w.count(f.serviceLevel().numerator());
      w.count(f.serviceLevel().denominator());
      StringBuilder target = w.next();
      if (f.targetStatus() != TargetStatus.UNDEFINED) {
        target.append(f.targetStatus() == TargetStatus.MET);
      }
      CsvNumbers.appendFraction(w.next(), f.abandonmentRate());
      CsvNumbers.appendFraction(w.next(), f.abandonmentRateExcludingShortAbandons());
      CsvNumbers.appendFraction(w.next(), f.answerRate());
      CsvNumbers.appendAverage(w.next(), f.averageTimeToAbandon());
    }
  }

  /** Row {@code row}'s interval start or end as a CSV cell, formatted the first time interval {@code j} needs it. */
  private String bound(AtomicReferenceArray<String> texts, int j, boolean start, ReportRow row) {
    String text = texts.get(j);
    if (text == null) {
      MeasurementInterval interval = row.key().interval().orElse(report.spec().grid().period());
      Instant instant = start ? interval.start() : interval.end();
      StringBuilder cell = new StringBuilder(32);
      try {
        // Ours, but a year past 9999 starts with '+', which a spreadsheet would run: the text cells' one rule.
        CsvFields.appendText(cell, MeasurementInterval.formatInstant(instant, zone));
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a StringBuilder does not throw
      }
      text = cell.toString();
      texts.set(j, text);
    }
    return text;
  }

  /** The records of one chunk, built cell by cell. */
  private static final class Cells {
    final StringBuilder line = new StringBuilder(CHUNK_ROWS * 200);
    private int cells;

    /** Starts the next cell: a comma unless it is the first of the record. */
    StringBuilder next() {
      if (cells++ > 0) {
        line.append(',');
      }
      return line;
    }

    void text(String value) throws IOException {
      CsvFields.appendText(next(), value);
    }

    void count(long value) {
      next().append(value);
    }

    void seconds(Optional<Duration> d) {
      StringBuilder s = next();
      if (d.isPresent()) {
        CsvNumbers.appendSeconds(s, d.get());
      }
    }

    void seconds(Duration d) {
      CsvNumbers.appendSeconds(next(), d);
    }

    /** Ends the record with CRLF. */
    StringBuilder end() {
      cells = 0;
      return line.append("\r\n");
    }
  }
}
