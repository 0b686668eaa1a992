package io.github.callmetrics.definition;

/**
 * How a definition counts calls that {@linkplain io.github.callmetrics.call.Outcome#LEFT_UNANSWERED left
 * the queue unanswered} for one {@linkplain io.github.callmetrics.call.FlowOutReason reason}.
 */
public enum FlowOutTreatment {
  /**
   * Counted as an abandon: in {@code B}, and in {@code B_T} or {@code B_S} by its wait. Asterisk treats
   * timeouts and empty-queue exits this way; FreeSWITCH every flow-out.
   */
  ABANDONED,
  /**
   * Counted as a flow-out {@code F}: offered (in the denominator of every formula that has {@code O}) but
   * never answered, so never within the threshold unless the definition
   * {@linkplain ServiceLevelDefinition#creditsFlowOutsWithinThreshold() credits} flow-outs within it.
   * Genesys Cloud (flow-outs included), Vonage and Avaya.
   */
  OFFERED,
  /** Left out of every count, as if the call had never been offered. Asterisk's key-press exits. */
  EXCLUDED
}
