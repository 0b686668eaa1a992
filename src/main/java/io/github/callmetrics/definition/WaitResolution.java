package io.github.callmetrics.definition;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.internal.EnumNames;

/**
 * The resolution at which waits are compared with the thresholds {@code T} and {@code S}: part of a
 * {@link ServiceLevelDefinition}, because platforms differ. Thresholds are whole seconds either way; a wait is the
 * exact {@code outcome − arrived} of its call.
 *
 * <p>The two differ only for a wait with a fraction of a second under an {@linkplain ThresholdBoundary#INCLUSIVE
 * inclusive} boundary: 20.9 s is not within 20 s at the {@link #SOURCE} resolution, and is within it in
 * {@link #WHOLE_SECONDS}. Under a {@linkplain ThresholdBoundary#STRICT strict} boundary both count the same
 * ({@code ⌊w⌋ < T} exactly when {@code w < T}), and so do both for sources whose instants are whole seconds
 * (Asterisk's {@code queue_log}).
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/service-level.md">docs/service-level.md</a> gives worked examples.
 */
public enum WaitResolution {
  /**
   * Waits as the source measured them, to the nanosecond: "within 20 s" means {@code wait ≤ 20.000 s} (inclusive)
   * or {@code wait < 20 s} (strict), so 20.001 s is over 20 s. The default, as spec §2 says: waits are measured at
   * the resolution of the source.
   */
  SOURCE,
  /**
   * Waits truncated to whole seconds first: "within 20 s" means {@code ⌊wait⌋ ≤ 20} (inclusive), so 20.9 s is
   * within 20 s. Asterisk's {@code app_queue} counts this way: it takes a caller's wait as the difference of two
   * {@code time(NULL)} readings, whole seconds, and compares it with {@code servicelevel}; the Asterisk presets use
   * it.
   */
  WHOLE_SECONDS;

  /** {@return the resolution's name as written on the command line: {@code source} or {@code whole-seconds}} */
  public String label() {
    return EnumNames.label(this);
  }

  /**
   * Obtains a resolution from its name, ignoring case.
   *
   * @param name  {@code source} or {@code whole-seconds} (or the constant's name)
   * @return the resolution
   * @throws IllegalArgumentException if the name is neither; the message lists the valid names
   */
  public static WaitResolution parse(String name) {
    return EnumNames.parse(WaitResolution.class, requireNonNull(name, "name"), "wait resolution", EnumNames::label);
  }
}
