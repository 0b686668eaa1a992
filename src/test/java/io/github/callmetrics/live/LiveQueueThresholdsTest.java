package io.github.callmetrics.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Channel;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.report.QueueThresholds;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportKey;
import io.github.callmetrics.report.ReportSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A spec's thresholds per queue hold live as in the batch report: support is measured at 30 s, every other queue at
 * the definition's 20 s (inclusive); hand-worked.
 */
class LiveQueueThresholdsTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private static Instant at(String localTime) {
    return OffsetDateTime.parse("2026-03-16T" + localTime + "+01:00").toInstant();
  }

  private static LiveMonitor monitor() {
    ReportSpec spec = ReportSpec.builder(
            IntervalGrid.ofDay(LocalDate.of(2026, 3, 16), AMSTERDAM, IntervalLength.MINUTES_15))
        .queueThresholds(0, QueueThresholds.of(Map.of("support", Duration.ofSeconds(30))))
        .build();
    return LiveMonitor.builder(spec).window(Duration.ofMinutes(15)).build();
  }

  @Test
  void eachQueueIsMeasuredAgainstItsOwnThreshold() {
    LiveMonitor m = monitor();
    String[] queues = {"support", "sales"};
    for (String queue : queues) {
      m.entered(queue, queue + "-1", Channel.VOICE, at("09:00:00"));
    }
    for (String queue : queues) {
      m.answered(queue, queue + "-1", at("09:00:25")); // 25 s: within 30 s, not within 20 s
    }
    for (String queue : queues) {
      m.entered(queue, queue + "-2", Channel.VOICE, at("09:01:00")); // still waiting
    }
    m.advanceTo(at("09:01:22")); // the waiting calls have waited 22 s

    LiveSnapshot support = m.snapshot("support", Channel.VOICE);
    assertThat(support.currentInterval().orElseThrow().figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 1));
    assertThat(support.window().figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 1));
    ThresholdWatch supportWatch = support.thresholds().get(0);
    assertThat(supportWatch.definition().threshold()).isEqualTo(Duration.ofSeconds(30));
    assertThat(supportWatch.overThreshold()).isZero();

    LiveSnapshot sales = m.snapshot("sales", Channel.VOICE);
    // sales-1 missed 20 s; sales-2, 22 s into its wait, counts as a miss answered now
    assertThat(sales.currentInterval().orElseThrow().figures(0).serviceLevel()).isEqualTo(Ratio.of(0, 2));
    ThresholdWatch salesWatch = sales.thresholds().get(0);
    assertThat(salesWatch.definition().threshold()).isEqualTo(Duration.ofSeconds(20));
    assertThat(salesWatch.overThreshold()).isEqualTo(1);

    m.advanceTo(at("09:01:31")); // 31 s: now a miss in support too
    LiveSnapshot later = m.snapshot("support", Channel.VOICE);
    assertThat(later.currentInterval().orElseThrow().figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 2));
    assertThat(later.thresholds().get(0).overThreshold()).isEqualTo(1);
  }

  @Test
  void theLiveFiguresOfEndedCallsAreTheBatchReportsRow() {
    LiveMonitor m = monitor();
    m.entered("support", "a", Channel.VOICE, at("09:00:00"));
    m.entered("support", "b", Channel.VOICE, at("09:00:10"));
    m.answered("support", "a", at("09:00:28"));
    m.answered("support", "b", at("09:00:45"));
    m.advanceTo(at("09:02:00"));
    Report report = m.report();
    LiveFigures live = m.snapshot("support", Channel.VOICE).currentInterval().orElseThrow();
    assertThat(live.figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 2));
    ReportKey key = new ReportKey(java.util.Optional.of("support"), java.util.Optional.of(Channel.VOICE),
        java.util.Optional.of(live.span()));
    assertThat(report.row(key).orElseThrow().figures(0).serviceLevel()).isEqualTo(live.figures(0).serviceLevel());
  }
}
