package io.github.callmetrics.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.definition.FlowOutTreatment;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.definition.ServiceLevelFormula;
import io.github.callmetrics.definition.ThresholdBoundary;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.report.ReportSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generators reach the edges they promise within the case counts the properties run: a property is only as
 * strong as its inputs, so this test fails if a change to the generators stops them producing one.
 */
class GeneratorsTest {
  private static final int CASES = 2_000;

  @Test
  void callsCoverEveryOutcomeReasonChannelAndWaitShape() {
    Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
    Set<FlowOutReason> reasons = EnumSet.noneOf(FlowOutReason.class);
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    Set<String> shapes = new HashSet<>();
    for (long seed = 0; seed < CASES; seed++) {
      Generators g = Generators.of(seed);
      Scene scene = g.scene();
      IntervalGrid quarters = IntervalGrid.of(scene.firstDay(), scene.endDay(), scene.zone(), IntervalLength.MINUTES_15);
      for (Call call : g.calls(scene, 20)) {
        outcomes.add(call.outcome());
        call.flowOutReason().ifPresent(reasons::add);
        channels.add(call.channel());
        call.handleTime().ifPresent(h -> shapes.add(h.isZero() ? "handle 0" : h.toNanosPart() != 0 ? "handle nanos" : "handle"));
        if (call.outcomeAt().isEmpty()) {
          continue;
        }
        long w = call.waitSeconds();
        if (w == 0) {
          shapes.add("wait 0");
        }
        for (long t : scene.thresholds()) {
          shapes.add(w == t ? "wait T" : w == t - 1 ? "wait T-1" : w == t + 1 ? "wait T+1" : "other");
        }
        if (w >= 65_535) {
          shapes.add("wait >= 65535 s");
        }
        if (w >= 4_096 && w < 65_535) {
          shapes.add("wait 4096..65534 s");
        }
        if (w == 8_191 || w == 8_192) {
          shapes.add("wait 8191 or 8192 s");
        }
        if (call.waitTime().orElseThrow().toNanosPart() == 999_999_999) {
          shapes.add("wait just under a second more");
        }
        if (call.id().contains(",") || call.id().contains("\"") || call.id().contains("\n")) {
          shapes.add("awkward id");
        }
        if (call.queue().contains(",") || call.queue().contains("\n") || call.queue().startsWith(" ")) {
          shapes.add("awkward queue");
        }
        int in = quarters.indexOf(call.arrived());
        int out = quarters.indexOf(call.outcomeAt().get());
        if (in >= 0 && out > in) {
          shapes.add("crosses a quarter hour");
        }
        if (in >= 0 && quarters.interval(in).start().equals(call.arrived())) {
          shapes.add("arrives on a boundary");
        }
      }
    }
    assertThat(outcomes).containsExactlyInAnyOrder(Outcome.values());
    assertThat(reasons).containsExactlyInAnyOrder(FlowOutReason.values());
    assertThat(channels).containsExactlyInAnyOrder(Channel.values());
    assertThat(shapes).contains("wait 0", "wait T", "wait T-1", "wait T+1", "wait >= 65535 s", "wait 4096..65534 s",
        "wait 8191 or 8192 s",
        "wait just under a second more", "awkward id", "awkward queue", "crosses a quarter hour",
        "arrives on a boundary", "handle 0", "handle nanos", "handle");
  }

  @Test
  void scenesCoverDaylightSavingDaysLeapDaysAndUnusualZones() {
    Set<String> seen = new HashSet<>();
    Set<ZoneId> zones = new HashSet<>();
    for (long seed = 0; seed < CASES; seed++) {
      Scene scene = Generators.of(seed).scene();
      zones.add(scene.zone());
      for (LocalDate d = scene.firstDay(); d.isBefore(scene.endDay()); d = d.plusDays(1)) {
        Duration length = Duration.between(d.atStartOfDay(scene.zone()), d.plusDays(1).atStartOfDay(scene.zone()));
        if (scene.zone().getId().equals("Europe/Amsterdam") && d.equals(LocalDate.of(2026, 3, 29))) {
          seen.add("Amsterdam spring 2026");
        }
        if (scene.zone().getId().equals("Europe/Amsterdam") && d.equals(LocalDate.of(2026, 10, 25))) {
          seen.add("Amsterdam autumn 2026");
        }
        if (d.getMonthValue() == 2 && d.getDayOfMonth() == 29) {
          seen.add("leap day");
        }
        if (length.toHours() == 26) {
          seen.add("26-hour day");
        }
        if (length.toMinutes() % 60 == 30) {
          seen.add("half-hour change");
        }
        if (length.isZero()) {
          seen.add("skipped day");
        }
      }
      if (!scene.transitions().isEmpty()) {
        seen.add("offset change inside");
      }
    }
    assertThat(zones).containsExactlyInAnyOrderElementsOf(Generators.ZONES);
    assertThat(seen).contains("Amsterdam spring 2026", "Amsterdam autumn 2026", "leap day", "26-hour day",
        "half-hour change", "offset change inside");
  }

  @Test
  void definitionsAndSpecsCoverEveryChoice() {
    Set<ServiceLevelFormula> formulas = EnumSet.noneOf(ServiceLevelFormula.class);
    Set<ThresholdBoundary> boundaries = EnumSet.noneOf(ThresholdBoundary.class);
    Set<FlowOutTreatment> treatments = EnumSet.noneOf(FlowOutTreatment.class);
    Set<Attribution> attributions = EnumSet.noneOf(Attribution.class);
    Set<IntervalLength> lengths = EnumSet.noneOf(IntervalLength.class);
    Set<String> options = new HashSet<>();
    for (long seed = 0; seed < CASES; seed++) {
      Generators g = Generators.of(seed);
      Scene scene = g.scene();
      ServiceLevelDefinition d = g.definition(scene);
      formulas.add(d.formula());
      boundaries.add(d.boundary());
      for (FlowOutReason r : FlowOutReason.values()) {
        treatments.add(d.flowOutTreatment(r));
      }
      options.add(d.shortAbandonThreshold().isPresent() ? "short abandons" : "no short abandons");
      options.add(d.creditsFlowOutsWithinThreshold() ? "credit" : "no credit");
      options.add(d.removesShortAbandonsFromAllCounts() ? "remove" : "keep");
      if (d.thresholdSeconds() == 0) {
        options.add("T = 0");
      }
      ReportSpec spec = g.spec(scene);
      attributions.add(spec.attribution());
      lengths.add(spec.grid().length());
      options.add("dimensions " + spec.dimensions().size());
      if (!spec.queues().isEmpty()) {
        options.add("named queues");
      }
      if (!spec.channels().isEmpty()) {
        options.add("named channels");
      }
    }
    assertThat(formulas).containsExactlyInAnyOrder(ServiceLevelFormula.values());
    assertThat(boundaries).containsExactlyInAnyOrder(ThresholdBoundary.values());
    assertThat(treatments).containsExactlyInAnyOrder(FlowOutTreatment.values());
    assertThat(attributions).containsExactlyInAnyOrder(Attribution.values());
    assertThat(lengths).containsExactlyInAnyOrder(IntervalLength.values());
    assertThat(options).containsAll(List.of("short abandons", "no short abandons", "credit", "no credit", "remove",
        "keep", "T = 0", "dimensions 0", "dimensions 3", "named queues", "named channels"));
  }

  @Test
  void theSameSeedGivesTheSameCase() {
    for (long seed : new long[] {0, 1, -7, Long.MAX_VALUE}) {
      Generators a = Generators.of(seed);
      Generators b = Generators.of(seed);
      Scene s = a.scene();
      assertThat(b.scene()).isEqualTo(s);
      List<Call> calls = a.calls(s, 50);
      assertThat(b.calls(s, 50)).isEqualTo(calls);
      assertThat(b.spec(s)).isEqualTo(a.spec(s));
      Instant i = a.instant(s);
      assertThat(b.instant(s)).isEqualTo(i);
    }
  }
}
