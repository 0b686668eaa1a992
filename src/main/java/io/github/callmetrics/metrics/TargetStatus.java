package io.github.callmetrics.metrics;

/** Whether a figure reached its target. */
public enum TargetStatus {
  /** The figure is at or above the target. */
  MET,
  /** The figure is below the target. */
  MISSED,
  /** The figure is undefined (no calls in its denominator), so neither met nor missed. */
  UNDEFINED
}
