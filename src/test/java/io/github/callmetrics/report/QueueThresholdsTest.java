package io.github.callmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.metrics.MetricsSummary;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.metrics.ServiceLevelCounts;
import io.github.callmetrics.metrics.TargetStatus;
import io.github.callmetrics.tally.TallySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A definition measured against a threshold per queue and channel. The calls, hand-worked: queue q1 (threshold 20
 * s) has one call answered after 10 s and one after exactly 25 s; queue q2 (30 s) one answered after exactly 25 s,
 * one abandoned after 28 s and one answered after 40 s.
 */
class QueueThresholdsTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final LocalDate DAY = LocalDate.of(2026, 3, 16);
  private static final Instant NINE = Instant.parse("2026-03-16T09:00:00Z");
  private static final QueueThresholds Q1_20_Q2_30 =
      QueueThresholds.of(Map.of("q1", Duration.ofSeconds(20), "q2", Duration.ofSeconds(30)));

  private static Call answered(String id, String queue, long waitSeconds) {
    return Call.answered(id, queue, NINE, NINE.plusSeconds(waitSeconds));
  }

  private static final List<Call> CALLS = List.of(
      answered("a", "q1", 10), answered("b", "q1", 25),
      answered("c", "q2", 25), Call.abandoned("d", "q2", NINE, NINE.plusSeconds(28)), answered("e", "q2", 40));

  /** Default (A_T / O), Asterisk SL2 ((A_T + B_T) / O) with the queues' thresholds, and Default at 20 s for all. */
  private static ReportSpec.Builder spec(IntervalLength length) {
    return ReportSpec.builder(IntervalGrid.ofDay(DAY, UTC, length))
        .definitions(ServiceLevelDefinition.standard(), Preset.ASTERISK_SL2.definition(),
            ServiceLevelDefinition.standard())
        .queueThresholds(0, Q1_20_Q2_30)
        .queueThresholds(1, Q1_20_Q2_30);
  }

  @Test
  void eachQueueIsMeasuredAgainstItsOwnThreshold() {
    Report report = spec(IntervalLength.MINUTES_15).build().report(CALLS).groupedBy(Dimension.QUEUE);
    ReportRow q1 = report.rows().get(0);
    ReportRow q2 = report.rows().get(1);
    assertThat(q1.key().queue()).contains("q1");
    // q1 at 20 s: 10 s is within, 25 s is not.
    assertThat(q1.figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 2));
    assertThat(q1.figures(0).definition().thresholdSeconds()).isEqualTo(20);
    // q2 at 30 s: 25 s is within, 40 s is not; the 28 s abandon counts against in Default, for in SL2.
    assertThat(q2.figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 3));
    assertThat(q2.figures(1).serviceLevel()).isEqualTo(Ratio.of(2, 3));
    assertThat(q2.figures(0).definition().thresholdSeconds()).isEqualTo(30);
    assertThat(q2.figures(0).definition().name()).isEqualTo("Default");
    // The third column has no thresholds per queue: 20 s for q2 too, where 25 s is not within.
    assertThat(q2.figures(2).serviceLevel()).isEqualTo(Ratio.of(0, 3));
    assertThat(report.threshold(0, 0)).contains(Duration.ofSeconds(20));
    assertThat(report.threshold(1, 0)).contains(Duration.ofSeconds(30));
    assertThat(report.threshold(1, 2)).contains(Duration.ofSeconds(20));
  }

  @Test
  void aTotalOverQueuesWithDifferentThresholdsCountsEachCallAgainstItsOwnQueues() {
    Report report = spec(IntervalLength.MINUTES_15).build().report(CALLS);
    ReportRow total = report.total();
    MetricsSummary byOwnQueue = total.figures(0);
    // Calls within their own queue's threshold (10 s in q1, 25 s in q2) over all offered: 2 / 5 = 40%, not the
    // mean of 50% and 33.3%, nor 20% (all at 20 s) or 60% (all at 30 s).
    assertThat(byOwnQueue.serviceLevel()).isEqualTo(Ratio.of(2, 5));
    assertThat(byOwnQueue.counts()).isEqualTo(new ServiceLevelCounts(5, 4, 2, 1, 1, 0, 0, 0, 0));
    // SL2: A_T 2 plus the 28 s abandon, within q2's 30 s: 3 / 5.
    assertThat(total.figures(1).serviceLevel()).isEqualTo(Ratio.of(3, 5));
    assertThat(total.figures(1).counts().abandonedWithinThreshold()).isEqualTo(1);
    // The row has no one threshold: its definition is the column's own, its figures without a threshold agree.
    assertThat(byOwnQueue.definition()).isEqualTo(ServiceLevelDefinition.standard());
    assertThat(byOwnQueue.targetStatus()).isEqualTo(TargetStatus.MISSED);
    assertThat(byOwnQueue.averageSpeedOfAnswer()).isEqualTo(total.figures(2).averageSpeedOfAnswer());
    assertThat(byOwnQueue.abandonmentRate()).isEqualTo(Ratio.of(1, 5));
    assertThat(total.figures(2).serviceLevel()).isEqualTo(Ratio.of(1, 5));
    Report grouped = report.groupedBy();
    assertThat(grouped.threshold(0, 0)).isEmpty();
    assertThat(grouped.threshold(0, 2)).contains(Duration.ofSeconds(20));
  }

  @Test
  void intervalRowsAndRollUpsKeepTheThresholds() {
    Report report = spec(IntervalLength.MINUTES_15).build().report(CALLS);
    ReportRow q2AtNine = report.row(new ReportKey(Optional.of("q2"), Optional.of(Channel.VOICE),
        Optional.of(report.spec().grid().interval(36)))).orElseThrow();
    assertThat(q2AtNine.figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 3));
    Report daily = report.rollUp(IntervalLength.DAY);
    assertThat(daily.spec().queueThresholds(0)).isEqualTo(Q1_20_Q2_30);
    assertThat(daily.groupedBy(Dimension.INTERVAL).rows().get(0).figures(0).serviceLevel()).isEqualTo(Ratio.of(2, 5));
  }

  @Test
  void aChannelOfAQueueHasItsOwnThresholdBeforeItsQueues() {
    QueueThresholds thresholds = Q1_20_Q2_30.with("q1", Channel.CHAT, Duration.ofSeconds(60));
    assertThat(thresholds.threshold("q1", Channel.CHAT)).contains(Duration.ofSeconds(60));
    assertThat(thresholds.threshold("q1", Channel.VOICE)).contains(Duration.ofSeconds(20));
    assertThat(thresholds.threshold("q3", Channel.CHAT)).isEmpty();
    Call chat = Call.answered("f", "q1", NINE, NINE.plusSeconds(50)).withChannel(Channel.CHAT);
    Report report = ReportSpec.builder(IntervalGrid.ofDay(DAY, UTC, IntervalLength.WHOLE_PERIOD))
        .queueThresholds(0, thresholds).build().report(List.of(answered("a", "q1", 10), answered("b", "q1", 25), chat));
    // q1 voice at 20 s: 1 / 2; q1 chat at 60 s: 1 / 1; q1 over both channels: (1 + 1) / 3.
    assertThat(report.rows().get(0).figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 2));
    assertThat(report.rows().get(1).figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 1));
    assertThat(report.rows().get(1).figures(0).definition().thresholdSeconds()).isEqualTo(60);
    assertThat(report.groupedBy(Dimension.QUEUE).rows().get(0).figures(0).serviceLevel()).isEqualTo(Ratio.of(2, 3));
    assertThat(report.spec().definition(0, "q1", Channel.CHAT).thresholdSeconds()).isEqualTo(60);
    assertThat(report.spec().definition(0, "q9", Channel.VOICE)).isEqualTo(ServiceLevelDefinition.standard());
  }

  @Test
  void aNamedQueueWithoutCallsShowsItsOwnThreshold() {
    Report report = spec(IntervalLength.WHOLE_PERIOD).queues("q3").build()
        .report(CALLS);
    Report withQ3 = spec(IntervalLength.WHOLE_PERIOD)
        .queueThresholds(0, Q1_20_Q2_30.with("q3", Channel.VOICE, Duration.ofSeconds(45))).queues("q3").build()
        .report(CALLS);
    assertThat(report.rows().get(2).key().queue()).contains("q3");
    assertThat(report.rows().get(2).figures(0).definition().thresholdSeconds()).isEqualTo(20);
    assertThat(withQ3.rows().get(2).figures(0).definition().thresholdSeconds()).isEqualTo(45);
    assertThat(withQ3.rows().get(2).figures(0).serviceLevel().isDefined()).isFalse();
  }

  @Test
  void theFormatsShowTheThresholdOfEachRow() {
    Report report = spec(IntervalLength.WHOLE_PERIOD).build().report(CALLS);
    List<String> csv = ReportFormat.CSV.format(report.groupedBy(Dimension.QUEUE)).lines().toList();
    assertThat(csv.get(0)).contains(",default.threshold_seconds,default.offered,")
        .contains(",asterisk-sl2.threshold_seconds,asterisk-sl2.offered,");
    assertThat(csv.get(1)).startsWith("q1,").contains(",20,2,1,0,0,0,0,0,0.500000,1,2,");
    assertThat(csv.get(2)).startsWith("q2,").contains(",30,3,1,1,1,0,0,0,0.333333,1,3,");
    String total = ReportFormat.CSV.format(report.groupedBy()).lines().toList().get(1);
    assertThat(total).contains(",,5,2,1,1,0,0,0,0.400000,2,5,");
    String text = ReportFormat.TEXT.format(report.groupedBy(Dimension.QUEUE));
    assertThat(text).contains("SL queue's T Default").contains("SL queue's T Asterisk SL2").contains("SL 20s Default")
        .contains("#   threshold per queue: q1 20 s, q2 30 s; other queues 20 s");
    String json = ReportFormat.JSON.format(report.groupedBy());
    assertThat(json).contains("\"queueThresholds\":\"q1 20 s, q2 30 s\"")
        .contains("{\"definition\":\"Default\",\"thresholdSeconds\":null,\"offered\":5,");
  }

  /**
   * Law, on seeded random calls in four queues and two channels, every preset, thresholds drawn per queue and per
   * channel: every row's counts are the sum, call by call, of each call's counts under the definition of its own
   * queue and channel (the naive twin), for rows of one queue and for the total alike.
   */
  @Test
  void everyRowIsTheSumOfItsCallsEachUnderItsOwnQueuesDefinition() {
    for (long seed = 1; seed <= 40; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      Map<String, Duration> byQueue = new java.util.HashMap<>();
      for (String queue : List.of("q0", "q1", "q2")) { // q3 keeps the definition's threshold
        byQueue.put(queue, Duration.ofSeconds(21 + random.nextInt(40)));
      }
      QueueThresholds thresholds = QueueThresholds.of(byQueue);
      for (String queue : List.of("q0", "q3")) {
        if (random.nextBoolean()) {
          thresholds = thresholds.with(queue, Channel.CHAT, Duration.ofSeconds(21 + random.nextInt(90)));
        }
      }
      List<Call> calls = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        Instant arrived = NINE.plusSeconds(random.nextInt(7200));
        Instant left = arrived.plusSeconds(random.nextInt(120));
        String queue = "q" + random.nextInt(4);
        Call call = switch (random.nextInt(3)) {
          case 0 -> Call.answered("c" + i, queue, arrived, left);
          case 1 -> Call.abandoned("c" + i, queue, arrived, left);
          default -> Call.leftUnanswered("c" + i, queue, arrived, left,
              FlowOutReason.values()[random.nextInt(FlowOutReason.values().length)]);
        };
        calls.add(random.nextBoolean() ? call.withChannel(Channel.CHAT) : call);
      }
      List<ServiceLevelDefinition> presets = Arrays.stream(Preset.values()).map(Preset::definition).toList();
      ReportSpec.Builder builder = ReportSpec.builder(IntervalGrid.ofDay(DAY, UTC, IntervalLength.MINUTES_30))
          .definitions(presets);
      for (int d = 0; d < presets.size(); d++) {
        builder.queueThresholds(d, thresholds);
      }
      ReportSpec spec = builder.build();
      Report report = spec.report(calls);
      for (Report view : List.of(report.groupedBy(Dimension.QUEUE, Dimension.CHANNEL), report.groupedBy(Dimension.QUEUE),
          report.groupedBy(Dimension.INTERVAL), report.groupedBy())) {
        for (ReportRow row : view.rows()) {
          for (int d = 0; d < presets.size(); d++) {
            ServiceLevelCounts expected = new ServiceLevelCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);
            for (Call call : calls) {
              boolean in = row.key().queue().map(call.queue()::equals).orElse(true)
                  && row.key().channel().map(c -> c == call.channel()).orElse(true)
                  && row.key().interval().map(iv -> iv.contains(call.arrived())).orElse(true);
              if (in) {
                expected = Report.plus(expected, ServiceLevelCounts.of(TallySnapshot.of(List.of(call)),
                    spec.definition(d, call.queue(), call.channel())));
              }
            }
            assertThat(row.figures(d).counts()).as("seed %d, %s, %s", seed, row.key(), presets.get(d).name())
                .isEqualTo(expected);
            ServiceLevelDefinition def = presets.get(d);
            assertThat(row.figures(d).serviceLevel()).isEqualTo(
                expected.serviceLevel(def.formula(), def.creditsFlowOutsWithinThreshold()));
          }
        }
      }
    }
  }

  @Test
  void badThresholdsAreRejectedWithTheRule() {
    assertThatThrownBy(() -> QueueThresholds.of(Map.of("q1", Duration.ofMillis(20_500))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold PT20.5S of queue q1 is not a whole number of seconds, zero or more (thresholds are"
            + " whole seconds)");
    assertThatThrownBy(() -> QueueThresholds.of(Map.of()).with(" ", Channel.CHAT, Duration.ZERO))
        .hasMessage("queue \" \" is blank (expected a non-blank queue name)");
    ReportSpec.Builder twoDefinitions = spec(IntervalLength.DAY).definitions(ServiceLevelDefinition.standard());
    assertThat(twoDefinitions.build().queueThresholds(0).isEmpty()).as("definitions(...) clears them").isTrue();
    assertThatThrownBy(() -> twoDefinitions.queueThresholds(1, Q1_20_Q2_30).build())
        .hasMessage("thresholds per queue are set for definition 1 of a report with 1 definition(s) (expected an"
            + " index from 0 to 0)");
    ServiceLevelDefinition shortAbandons = ServiceLevelDefinition.builder().shortAbandonThreshold(Duration.ofSeconds(10))
        .build();
    assertThatThrownBy(() -> ReportSpec.builder(IntervalGrid.ofDay(DAY, UTC, IntervalLength.DAY))
        .definitions(shortAbandons).queueThresholds(0, QueueThresholds.of(Map.of("q1", Duration.ofSeconds(5)))).build())
        .hasMessage("definition Default with the threshold of its queue q1: short-abandon threshold 10 s is not below"
            + " the threshold 5 s (expected S < T)");
  }

  @Test
  void specsWithDifferentThresholdsDiffer() {
    ReportSpec a = spec(IntervalLength.DAY).build();
    assertThat(a).isEqualTo(spec(IntervalLength.DAY).build()).hasSameHashCodeAs(spec(IntervalLength.DAY).build());
    assertThat(a).isNotEqualTo(spec(IntervalLength.DAY).queueThresholds(1, QueueThresholds.of(Map.of())).build());
    assertThat(a.toBuilder().build()).isEqualTo(a);
    assertThat(Q1_20_Q2_30).hasToString("q1 20 s, q2 30 s");
    assertThat(QueueThresholds.of(Map.of())).hasToString("none");
  }
}
