package io.github.callmetrics.report;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.internal.EnumNames;
import io.github.callmetrics.internal.JsonWriter;
import io.github.callmetrics.internal.Text;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.metrics.AverageDuration;
import io.github.callmetrics.metrics.MetricsSummary;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.metrics.ServiceLevelCounts;
import io.github.callmetrics.metrics.TargetStatus;
import io.github.callmetrics.tally.TallySnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a {@link Report} is written: a fixed-width text table for people, CSV for spreadsheets and scripts,
 * JSON for programs. The columns of each are listed in
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/reports.md">docs/reports.md</a>; undefined figures are
 * {@code -} in text, an empty cell in CSV and {@code null} in JSON. Interval bounds carry the offset of the
 * report's zone ({@code 2026-10-25T02:00:00+02:00}), so the repeated hour of a daylight-saving day is
 * unambiguous.
 */
public enum ReportFormat {
  /** A fixed-width table for people: the main counts and, per definition, the service level. */
  TEXT,
  /**
   * CSV as RFC 4180 defines it: one header line, fields quoted when they contain a comma, a quote or a line
   * break, or start or end with a space (quotes doubled), lines ended by CRLF. Every count and figure,
   * ratios as fractions with six decimals plus their numerators and denominators.
   */
  CSV,
  /** One JSON object: the report's settings and an array of rows with every count and figure. */
  JSON;

  /**
   * Obtains a format from its name, ignoring case.
   *
   * @param name  {@code text}, {@code csv} or {@code json}
   * @return the format
   * @throws IllegalArgumentException if the name is none of them
   */
  public static ReportFormat parse(String name) {
    return EnumNames.parse(ReportFormat.class, requireNonNull(name, "name"), "format", EnumNames::label);
  }

  /**
   * Writes a report.
   *
   * @param report  the report, not null
   * @param out  where to write, not null
   * @throws UncheckedIOException if writing fails
   */
  public void write(Report report, Appendable out) {
    requireNonNull(report, "report");
    requireNonNull(out, "out");
    try {
      switch (this) {
        case TEXT:
          writeText(report, out);
          break;
        case CSV:
          CsvReport.write(report, out);
          break;
        case JSON:
          writeJson(report, out);
          break;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns a report written in this format as a string.
   *
   * @param report  the report, not null
   * @return the text
   */
  public String format(Report report) {
    StringBuilder s = new StringBuilder();
    write(report, s);
    return s.toString();
  }

  // ---------------------------------------------------------------- text

  private static void writeText(Report report, Appendable out) throws IOException {
    ReportSpec spec = report.spec();
    ZoneId zone = spec.grid().zone();
    List<Column> columns = new ArrayList<>();
    if (spec.dimensions().contains(Dimension.QUEUE)) {
      columns.add(new Column("queue", false, r -> printable(r.key().queue().orElse(""))));
    }
    if (spec.dimensions().contains(Dimension.CHANNEL)) {
      columns.add(new Column("channel", false, r -> r.key().channel().map(c -> c.label()).orElse("")));
    }
    if (spec.dimensions().contains(Dimension.INTERVAL)) {
      columns.add(new Column("interval", false, r -> textInterval(r.key().interval().orElseThrow(), spec, zone)));
    }
    columns.add(new Column("calls", true, r -> Long.toString(r.counts().arrivals())));
    columns.add(new Column("answered", true, r -> Long.toString(r.counts().answered())));
    columns.add(new Column("abandoned", true, r -> Long.toString(r.counts().abandoned())));
    columns.add(new Column("flow-outs", true, r -> Long.toString(r.counts().flowOuts())));
    List<ServiceLevelDefinition> definitions = spec.definitions();
    for (int d = 0; d < definitions.size(); d++) {
      int index = d;
      ServiceLevelDefinition def = definitions.get(d);
      String suffix = definitions.size() == 1 ? "" : " " + def.name();
      String threshold = spec.queueThresholds(d).isEmpty() ? def.thresholdSeconds() + "s" : "queue's T";
      columns.add(new Column("SL " + threshold + suffix, true,
          r -> orDash(r.figures(index).serviceLevel().formatPercent(1))));
    }
    columns.add(new Column("abandon", true, r -> orDash(r.figures(0).abandonmentRate().formatPercent(1))));
    columns.add(new Column("ASA", true, r -> orDash(r.figures(0).averageSpeedOfAnswer().formatSeconds(1))));
    columns.add(new Column("p90 answer", true,
        r -> r.figures(0).answeredWaitPercentiles().p90().map(ReportFormat::seconds).orElse("-")));
    columns.add(new Column("longest wait", true, r -> r.figures(0).longestWait().map(ReportFormat::seconds).orElse("-")));

    // The widths need every row; the rows of a long period (years of quarter hours) are not all held at once as
    // text: above KEPT_TEXT_ROWS, each row is formatted twice, once for the widths and once to be written.
    List<ReportRow> rows = report.rows();
    boolean keep = rows.size() <= KEPT_TEXT_ROWS;
    List<String[]> kept = new ArrayList<>(keep ? rows.size() : 0);
    int[] widths = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      widths[c] = columns.get(c).header.length();
    }
    for (ReportRow row : rows) {
      String[] line = textCells(columns, row);
      for (int c = 0; c < columns.size(); c++) {
        widths[c] = Math.max(widths[c], line[c].length());
      }
      if (keep) {
        kept.add(line);
      }
    }
    StringBuilder header = new StringBuilder();
    for (int c = 0; c < columns.size(); c++) {
      pad(header, columns.get(c).header, widths[c], columns.get(c).rightAligned, c);
    }
    out.append(header.toString().stripTrailing()).append('\n');
    for (int r = 0; r < rows.size(); r++) {
      String[] line = keep ? kept.get(r) : textCells(columns, rows.get(r));
      StringBuilder s = new StringBuilder();
      for (int c = 0; c < columns.size(); c++) {
        pad(s, line[c], widths[c], columns.get(c).rightAligned, c);
      }
      out.append(s.toString().stripTrailing()).append('\n');
    }
    for (int d = 0; d < definitions.size(); d++) {
      out.append("# ").append(definitions.get(d).toString()).append('\n');
      if (!spec.queueThresholds(d).isEmpty()) {
        out.append("#   threshold per queue: ").append(spec.queueThresholds(d).toString()).append("; other queues ")
            .append(Long.toString(definitions.get(d).thresholdSeconds())).append(" s\n");
      }
    }
    out.append("# zone ").append(zone.getId()).append(", intervals ").append(spec.grid().length().label())
        .append(", attribution ").append(spec.attribution().name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .append(", ").append(Long.toString(report.callsOutsidePeriod())).append(" calls outside the period\n");
  }

  /** The most rows of a text table whose cells are kept between measuring the widths and writing. */
  private static final int KEPT_TEXT_ROWS = 1 << 16;

  private static String[] textCells(List<Column> columns, ReportRow row) {
    String[] line = new String[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      line[c] = columns.get(c).value.apply(row);
    }
    return line;
  }

  private static final class Column {
    final String header;
    final boolean rightAligned;
    final Function<ReportRow, String> value;

    Column(String header, boolean rightAligned, Function<ReportRow, String> value) {
      this.header = header;
      this.rightAligned = rightAligned;
      this.value = value;
    }
  }

  private static void pad(StringBuilder s, String text, int width, boolean right, int column) {
    if (column > 0) {
      s.append("  ");
    }
    if (right) {
      s.append(" ".repeat(width - text.length())).append(text);
    } else {
      s.append(text).append(" ".repeat(width - text.length()));
    }
  }

  private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mmxxx", Locale.ROOT);

  private static String textInterval(MeasurementInterval interval, ReportSpec spec, ZoneId zone) {
    IntervalLength length = spec.grid().length();
    if (length == IntervalLength.DAY) {
      return interval.start().atZone(zone).toLocalDate().toString();
    }
    if (length == IntervalLength.WHOLE_PERIOD) {
      return spec.grid().startDay() + " to " + spec.grid().endDay().minusDays(1);
    }
    return interval.start().atZone(zone).format(LOCAL_MINUTE);
  }

  /**
   * Shows a name in a text table as messages show it (control characters and bytes that were not UTF-8 as
   * {@code \xNN}), so a row stays one line: the table is read by people, as messages are, so it takes their one
   * rule. The CSV and JSON outputs keep every character and quote by their formats' own rules instead.
   */
  private static String printable(String name) {
    return Text.escaped(name);
  }

  private static String orDash(String figure) {
    return figure.equals("undefined") ? "-" : figure;
  }

  private static String seconds(Duration d) {
    return d.getSeconds() + " s";
  }

  // ---------------------------------------------------------------- JSON

  private static void writeJson(Report report, Appendable out) throws IOException {
    ReportSpec spec = report.spec();
    ZoneId zone = spec.grid().zone();
    JsonWriter json = new JsonWriter(out);
    json.beginObject()
        .name("zone").value(zone.getId())
        .name("startDay").value(spec.grid().startDay().toString())
        .name("endDayExclusive").value(spec.grid().endDay().toString())
        .name("intervalLength").value(spec.grid().length().label())
        .name("attribution").value(spec.attribution().name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .name("callsOutsidePeriod").value(report.callsOutsidePeriod());
    json.name("definitions").beginArray();
    for (int d = 0; d < spec.definitions().size(); d++) {
      ServiceLevelDefinition def = spec.definitions().get(d);
      json.beginObject()
          .name("name").value(def.name())
          .name("formula").value(def.formula().name())
          .name("expression").value(def.formula().expression())
          .name("thresholdSeconds").value(def.thresholdSeconds())
          .name("boundary").value(def.boundary().name())
          .name("shortAbandonThresholdSeconds");
      Optional<Duration> s = def.shortAbandonThreshold();
      if (s.isPresent()) {
        json.value(s.get().getSeconds());
      } else {
        json.nullValue();
      }
      json.name("target").value(def.target()).name("description").value(def.toString());
      if (!spec.queueThresholds(d).isEmpty()) {
        json.name("queueThresholds").value(spec.queueThresholds(d).toString());
      }
      json.endObject();
    }
    json.endArray();
    json.name("rows").beginArray();
    List<ReportRow> rows = report.rows();
    for (int r = 0; r < rows.size(); r++) {
      ReportRow row = rows.get(r);
      json.beginObject();
      if (spec.dimensions().contains(Dimension.QUEUE)) {
        json.name("queue").value(row.key().queue().orElse(""));
      }
      if (spec.dimensions().contains(Dimension.CHANNEL)) {
        json.name("channel").value(row.key().channel().map(c -> c.label()).orElse(""));
      }
      MeasurementInterval interval = row.key().interval().orElse(spec.grid().period());
      json.name("intervalStart").value(MeasurementInterval.formatInstant(interval.start(), zone));
      json.name("intervalEnd").value(MeasurementInterval.formatInstant(interval.end(), zone));
      TallySnapshot c = row.counts();
      MetricsSummary first = row.figures(0);
      json.name("arrivals").value(c.arrivals())
          .name("answered").value(c.answered())
          .name("abandoned").value(c.abandoned())
          .name("flowOuts").value(c.flowOuts());
      json.name("flowOutsByReason").beginObject();
      for (FlowOutReason reason : FlowOutReason.values()) {
        json.name(reason.label()).value(c.flowOuts(reason));
      }
      json.endObject();
      json.name("waiting").value(c.waiting())
          .name("averageSpeedOfAnswerSeconds").value(first.averageSpeedOfAnswer().seconds())
          .name("averageHandleTimeSeconds").value(first.averageHandleTime().seconds());
      jsonSeconds(json, "longestAnsweredWaitSeconds", first.longestAnsweredWait());
      jsonSeconds(json, "longestAbandonedWaitSeconds", c.abandonedWaits().max());
      jsonSeconds(json, "longestWaitSeconds", first.longestWait());
      json.name("answeredWaitPercentilesSeconds").beginObject();
      jsonSeconds(json, "p50", first.answeredWaitPercentiles().p50());
      jsonSeconds(json, "p80", first.answeredWaitPercentiles().p80());
      jsonSeconds(json, "p90", first.answeredWaitPercentiles().p90());
      jsonSeconds(json, "p95", first.answeredWaitPercentiles().p95());
      jsonSeconds(json, "p99", first.answeredWaitPercentiles().p99());
      json.endObject();
      json.name("figures").beginArray();
      for (int d = 0; d < spec.definitions().size(); d++) {
        MetricsSummary f = row.figures(d);
        ServiceLevelCounts k = f.counts();
        json.beginObject().name("definition").value(f.definition().name());
        if (!spec.queueThresholds(d).isEmpty()) {
          jsonSeconds(json, "thresholdSeconds", report.threshold(r, d));
        }
        json
            .name("offered").value(k.offered())
            .name("answeredWithinThreshold").value(k.answeredWithinThreshold())
            .name("abandoned").value(k.abandoned())
            .name("abandonedWithinThreshold").value(k.abandonedWithinThreshold())
            .name("shortAbandons").value(k.shortAbandons())
            .name("flowOuts").value(k.flowOuts())
            .name("excluded").value(k.excluded());
        jsonRatio(json, "serviceLevel", f.serviceLevel());
        json.name("targetMet");
        if (f.targetStatus() == TargetStatus.UNDEFINED) {
          json.nullValue();
        } else {
          json.value(f.targetStatus() == TargetStatus.MET);
        }
        jsonRatio(json, "abandonmentRate", f.abandonmentRate());
        jsonRatio(json, "abandonmentRateExcludingShortAbandons", f.abandonmentRateExcludingShortAbandons());
        jsonRatio(json, "answerRate", f.answerRate());
        json.name("averageTimeToAbandonSeconds").value(f.averageTimeToAbandon().seconds());
        json.endObject();
      }
      json.endArray();
      json.endObject();
    }
    json.endArray();
    json.endObject();
    out.append('\n');
  }

  private static void jsonRatio(JsonWriter json, String name, Ratio ratio) {
    json.name(name).beginObject()
        .name("value").value(ratio.value())
        .name("numerator").value(ratio.numerator())
        .name("denominator").value(ratio.denominator())
        .endObject();
  }

  private static void jsonSeconds(JsonWriter json, String name, Optional<Duration> d) {
    json.name(name);
    if (d.isPresent()) {
      json.value(d.get().getSeconds());
    } else {
      json.nullValue();
    }
  }
}
