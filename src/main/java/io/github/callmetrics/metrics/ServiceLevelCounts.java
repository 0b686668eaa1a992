package io.github.callmetrics.metrics;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.definition.ServiceLevelFormula;
import io.github.callmetrics.definition.ThresholdBoundary;
import io.github.callmetrics.definition.WaitResolution;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.tally.WaitDistribution;

/**
 * The counts of
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/counts.md">docs/counts.md</a> for a set of calls as one definition sees them: which calls are
 * offered, answered, abandoned or flowed out, and how many of each are within the threshold.
 *
 * <p>Flow-outs are split by the definition's {@linkplain ServiceLevelDefinition#flowOutTreatment
 * treatment}: those treated as abandons are in {@code abandoned} (and within {@code T} or {@code S} by
 * their waits), those offered are in {@code flowOuts}, those excluded are only in {@code excluded}. If the
 * definition {@linkplain ServiceLevelDefinition#removesShortAbandonsFromAllCounts() removes short abandons
 * from all counts} (Cisco UCCE), they are taken out of {@code abandoned} and {@code abandonedWithinThreshold}
 * and added to {@code excluded}, and {@code shortAbandons} is 0.
 *
 * @param offered  {@code O = A + B + F}
 * @param answered  {@code A}
 * @param answeredWithinThreshold  {@code A_T}
 * @param abandoned  {@code B}, abandons plus flow-outs treated as abandons
 * @param abandonedWithinThreshold  {@code B_T}
 * @param shortAbandons  {@code B_S}: abandons within the short-abandon threshold (0 without one)
 * @param flowOuts  {@code F}: flow-outs kept in the denominator
 * @param flowOutsWithinThreshold  {@code F_T}: those of them that left within {@code T}
 * @param excluded  calls the definition leaves out of every count
 */
public record ServiceLevelCounts(
    long offered,
    long answered,
    long answeredWithinThreshold,
    long abandoned,
    long abandonedWithinThreshold,
    long shortAbandons,
    long flowOuts,
    long flowOutsWithinThreshold,
    long excluded) {

  /**
   * Checks the counts are consistent.
   *
   * @param offered  {@code O = A + B + F}
   * @param answered  {@code A}
   * @param answeredWithinThreshold  {@code A_T}
   * @param abandoned  {@code B}, abandons plus flow-outs treated as abandons
   * @param abandonedWithinThreshold  {@code B_T}
   * @param shortAbandons  {@code B_S}: abandons within the short-abandon threshold (0 without one)
   * @param flowOuts  {@code F}: flow-outs kept in the denominator
   * @param flowOutsWithinThreshold  {@code F_T}: those of them that left within {@code T}
   * @param excluded  calls the definition leaves out of every count
   * @throws IllegalArgumentException if a count is negative, {@code O ≠ A + B + F}, or a part exceeds its whole
   */
  public ServiceLevelCounts {
    if (answered < 0 || answeredWithinThreshold < 0 || abandoned < 0 || abandonedWithinThreshold < 0
        || shortAbandons < 0 || flowOuts < 0 || flowOutsWithinThreshold < 0 || excluded < 0
        || offered != answered + abandoned + flowOuts
        || answeredWithinThreshold > answered || abandonedWithinThreshold > abandoned
        || shortAbandons > abandoned || flowOutsWithinThreshold > flowOuts) {
      throw new IllegalArgumentException("counts O=" + offered + " A=" + answered + " A_T=" + answeredWithinThreshold
          + " B=" + abandoned + " B_T=" + abandonedWithinThreshold + " B_S=" + shortAbandons + " F=" + flowOuts
          + " F_T=" + flowOutsWithinThreshold + " excluded=" + excluded
          + " are inconsistent (expected counts of zero or more, O = A + B + F, A_T <= A, B_S <= B, B_T <= B, F_T <= F)");
    }
  }

  /**
   * Obtains the counts of a snapshot under a definition.
   *
   * @param snapshot  the counted calls, not null
   * @param definition  the definition, not null
   * @return the counts
   */
  public static ServiceLevelCounts of(TallySnapshot snapshot, ServiceLevelDefinition definition) {
    requireNonNull(snapshot, "snapshot");
    requireNonNull(definition, "definition");
    return of(snapshot, definition, abandonWaits(snapshot, definition));
  }

  /** {@link #of(TallySnapshot, ServiceLevelDefinition)} given {@code abandonWaits(snapshot, definition)}, merged once. */
  static ServiceLevelCounts of(TallySnapshot snapshot, ServiceLevelDefinition definition, WaitDistribution abandons) {
    long t = definition.thresholdSeconds();
    WaitDistribution answeredWaits = snapshot.answeredWaits();
    long a = answeredWaits.count();
    ThresholdBoundary boundary = definition.boundary();
    WaitResolution resolution = definition.waitResolution();
    long aT = answeredWaits.countWithin(t, boundary, resolution);
    long f = 0;
    long fT = 0;
    long excluded = 0;
    for (FlowOutReason reason : FlowOutReason.values()) {
      WaitDistribution waits = snapshot.flowOutWaits(reason);
      switch (definition.flowOutTreatment(reason)) {
        case OFFERED:
          f += waits.count();
          fT += waits.countWithin(t, boundary, resolution);
          break;
        case EXCLUDED:
          excluded += waits.count();
          break;
        case ABANDONED:
          break; // counted with the abandons below
      }
    }
    long shortAbandons = definition.shortAbandonThreshold()
        .map(s -> abandons.countWithin(s.getSeconds(), boundary, resolution))
        .orElse(0L);
    WaitDistribution counted = abandons;
    if (definition.removesShortAbandonsFromAllCounts()) {
      counted = withoutShortAbandons(abandons, definition);
      excluded += shortAbandons;
      shortAbandons = 0;
    }
    long b = counted.count();
    long bT = counted.countWithin(t, boundary, resolution);
    return new ServiceLevelCounts(a + b + f, a, aT, b, bT, shortAbandons, f, fT, excluded);
  }

  /**
   * Returns the waits of every call the definition counts as an abandon, before any short abandons are
   * removed: abandoned calls plus flow-outs treated as abandons.
   */
  static WaitDistribution abandonWaits(TallySnapshot snapshot, ServiceLevelDefinition definition) {
    WaitDistribution abandons = snapshot.abandonedWaits();
    for (FlowOutReason reason : FlowOutReason.values()) {
      if (definition.flowOutTreatment(reason) == io.github.callmetrics.definition.FlowOutTreatment.ABANDONED) {
        abandons = abandons.plus(snapshot.flowOutWaits(reason));
      }
    }
    return abandons;
  }

  /** Returns the abandon waits left once short abandons are removed, if the definition removes them. */
  static WaitDistribution countedAbandonWaits(TallySnapshot snapshot, ServiceLevelDefinition definition) {
    return countedAbandonWaits(abandonWaits(snapshot, definition), definition);
  }

  /** Returns the abandon waits left once short abandons are removed, from {@code abandonWaits(snapshot, definition)}. */
  static WaitDistribution countedAbandonWaits(WaitDistribution abandons, ServiceLevelDefinition definition) {
    return definition.removesShortAbandonsFromAllCounts() ? withoutShortAbandons(abandons, definition) : abandons;
  }

  private static WaitDistribution withoutShortAbandons(WaitDistribution abandons, ServiceLevelDefinition definition) {
    return definition.shortAbandonThreshold()
        .map(s -> abandons.notWithin(s.getSeconds(), definition.boundary(), definition.waitResolution()))
        .orElse(abandons);
  }

  /**
   * Applies a formula to these counts.
   *
   * @param formula  the formula, not null
   * @param creditFlowOutsWithinThreshold  whether {@code F_T} adds to the numerator of formulas with {@code O}
   * @return the service level; undefined if its denominator is zero
   */
  public Ratio serviceLevel(ServiceLevelFormula formula, boolean creditFlowOutsWithinThreshold) {
    long met = answeredWithinThreshold + (creditFlowOutsWithinThreshold ? flowOutsWithinThreshold : 0);
    switch (requireNonNull(formula, "formula")) {
      case ANSWERED_ONLY:
        return Ratio.of(answeredWithinThreshold, answered);
      case ABANDONS_COUNT_AGAINST:
        return Ratio.of(met, offered);
      case ABANDONS_WITHIN_T_IGNORED:
        return Ratio.of(met, offered - abandonedWithinThreshold);
      case ABANDONS_WITHIN_T_COUNT_FOR:
        return Ratio.of(met + abandonedWithinThreshold, offered);
      case SHORT_ABANDONS_IGNORED:
        return Ratio.of(met, offered - shortAbandons);
      case SHORT_ABANDONS_COUNT_FOR:
        return Ratio.of(met + shortAbandons, offered);
      case ABANDONS_IGNORED:
        return Ratio.of(met, offered - abandoned);
    }
    throw new AssertionError(formula);
  }
}
