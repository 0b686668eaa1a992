package io.github.callmetrics.staffing;

/** How an interval's actual agents compare with the agents a model requires. */
public enum StaffingStatus {
  /** Fewer agents than required. */
  UNDERSTAFFED,
  /** Exactly the agents required. */
  AS_REQUIRED,
  /** More agents than required. */
  OVERSTAFFED,
  /** The actual agents are not known. */
  UNKNOWN
}
