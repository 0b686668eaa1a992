package io.github.callmetrics.definition;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.internal.EnumNames;

/**
 * The service-level formulas in real use: the six of the literature and Genesys Cloud's "abandons
 * excluded". Symbols are those of
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/counts.md">docs/counts.md</a>: {@code A}
 * answered, {@code A_T} answered within the threshold, {@code B} abandoned, {@code B_T} abandoned within
 * the threshold, {@code B_S} short abandons, {@code O} offered ({@code A + B + F}, with {@code F} the
 * flow-outs the definition keeps in the denominator).
 *
 * <p>The ICMI worked example ({@code A = 1000, B = 60, A_T = 860, B_T = 20, B_S = 10, F = 0}) gives 83.0%
 * for {@link #ABANDONS_WITHIN_T_COUNT_FOR}, 86.0% for {@link #ANSWERED_ONLY}, 81.1% for
 * {@link #ABANDONS_COUNT_AGAINST}, 82.7% for {@link #ABANDONS_WITHIN_T_IGNORED}, 81.9% for
 * {@link #SHORT_ABANDONS_IGNORED} and 82.1% for {@link #SHORT_ABANDONS_COUNT_FOR}.
 */
public enum ServiceLevelFormula {
  /**
   * {@code A_T / A}: only answered calls count. Asterisk {@code SL}; Cisco UCCX "only handled"; Microsoft
   * Teams queues {@code sl_met_handled}; ICMI formula 2.
   */
  ANSWERED_ONLY("A_T / A"),
  /**
   * {@code A_T / O}: every abandon counts against. The seeds' formula and Callmetrics' default; Cisco UCCE
   * "abandoned calls have negative impact"; Avaya BCMS; Vonage; ICMI formula 3.
   */
  ABANDONS_COUNT_AGAINST("A_T / O"),
  /**
   * {@code A_T / (O − B_T)}: abandons within the threshold are left out, later ones count against. Cisco
   * UCCE "ignore abandoned calls"; Cisco UCCX "without abandoned"; ICMI formula 4.
   */
  ABANDONS_WITHIN_T_IGNORED("A_T / (O - B_T)"),
  /**
   * {@code (A_T + B_T) / O}: abandons within the threshold count as met. Asterisk {@code SL2}; Cisco UCCE
   * "abandoned calls have positive impact"; ICMI formula 1; Amazon Connect "service level X".
   */
  ABANDONS_WITHIN_T_COUNT_FOR("(A_T + B_T) / O"),
  /**
   * {@code A_T / (O − B_S)}: short abandons are left out. Genesys Cloud with short abandons excluded;
   * Talkdesk; RingCentral.
   */
  SHORT_ABANDONS_IGNORED("A_T / (O - B_S)"),
  /** {@code (A_T + B_S) / O}: short abandons count as met. ICMI formula 5. */
  SHORT_ABANDONS_COUNT_FOR("(A_T + B_S) / O"),
  /**
   * {@code A_T / (O − B)}: every abandon is left out; flow-outs (if the definition keeps them) stay.
   * Genesys Cloud with "Include Abandons in Calculation" off. Without flow-outs it equals
   * {@link #ANSWERED_ONLY}.
   */
  ABANDONS_IGNORED("A_T / (O - B)");

  private final String expression;

  ServiceLevelFormula(String expression) {
    this.expression = expression;
  }

  /** {@return the formula in the symbols of <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/counts.md">docs/counts.md</a>, for example {@code "(A_T + B_T) / O"}} */
  public String expression() {
    return expression;
  }

  /**
   * Obtains a formula from its constant name, ignoring case and accepting {@code -} for {@code _}.
   *
   * @param name  for example {@code "answered-only"}, not null
   * @return the formula
   * @throws IllegalArgumentException if no formula has that name; the message lists the valid names
   */
  public static ServiceLevelFormula parse(String name) {
    return EnumNames.parse(ServiceLevelFormula.class, requireNonNull(name, "name"), "formula", EnumNames::label);
  }
}
