package io.github.callmetrics.definition;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.internal.OutcomeClass;
import io.github.callmetrics.internal.EnumNames;

/**
 * Whether a wait exactly equal to the threshold is within it. Thresholds are whole seconds; a definition's
 * {@link WaitResolution} says whether waits are compared as the source measured them or truncated to whole seconds.
 */
public enum ThresholdBoundary {
  /**
   * Within means {@code wait ≤ T}: a call answered after exactly 20 s is within 20 s. Asterisk, Genesys
   * Cloud, Avaya and Dynamics 365 count this way; it is the default.
   */
  INCLUSIVE("<="),
  /**
   * Within means {@code wait < T}: a call answered after exactly 20 s is not within 20 s. Amazon
   * Connect's API, Twilio Flex, Ivanti and RingCentral's short abandons count this way.
   */
  STRICT("<");

  private final String symbol;

  ThresholdBoundary(String symbol) {
    this.symbol = symbol;
  }

  /**
   * Checks if a wait of a whole number of seconds is within a threshold under this boundary (at either
   * {@link WaitResolution}: they differ only for waits with a fraction of a second).
   *
   * @param waitSeconds  the wait in whole seconds, zero or more
   * @param thresholdSeconds  the threshold in whole seconds, zero or more
   * @return {@code waitSeconds <= thresholdSeconds} for {@link #INCLUSIVE},
   *     {@code waitSeconds < thresholdSeconds} for {@link #STRICT}
   */
  public boolean isWithin(long waitSeconds, long thresholdSeconds) {
    return waitSeconds <= largestWaitWithin(thresholdSeconds);
  }

  /**
   * Returns the largest whole-second wait that is within a threshold: {@code T} when inclusive,
   * {@code T − 1} when strict (so {@code −1}, no wait at all, for a strict threshold of zero).
   *
   * @param thresholdSeconds  the threshold in whole seconds, zero or more
   * @return the largest wait within it
   */
  public long largestWaitWithin(long thresholdSeconds) {
    // The one rule of every count, on whole seconds: the largest whole index within, halved.
    return OutcomeClass.wholeSeconds(OutcomeClass.largestIndexWithin(thresholdSeconds, this == INCLUSIVE, true));
  }

  /**
   * Obtains a boundary from its name, ignoring case.
   *
   * @param name  {@code inclusive} or {@code strict}
   * @return the boundary
   * @throws IllegalArgumentException if the name is neither
   */
  public static ThresholdBoundary parse(String name) {
    return EnumNames.parse(ThresholdBoundary.class, requireNonNull(name, "name"), "boundary", EnumNames::label);
  }

  /** {@return the comparison as a symbol: {@code "<="} or {@code "<"}} */
  public String symbol() {
    return symbol;
  }
}
