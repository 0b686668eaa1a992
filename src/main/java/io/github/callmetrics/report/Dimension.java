package io.github.callmetrics.report;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A dimension a report's rows can be grouped by. A dimension left out is summed over ("all queues"). */
public enum Dimension {
  /** One row per queue. */
  QUEUE,
  /** One row per channel. */
  CHANNEL,
  /** One row per measurement interval of the grid. */
  INTERVAL;

  /**
   * Obtains a set of dimensions from a comma-separated list such as {@code "queue,interval"}, ignoring case;
   * an empty list or {@code "none"} is the empty set (one row for everything).
   *
   * @param text  the list, not null
   * @return the dimensions
   * @throws IllegalArgumentException if a name is not a dimension
   */
  public static Set<Dimension> parseSet(String text) {
    Set<Dimension> set = EnumSet.noneOf(Dimension.class);
    String t = text.strip();
    if (t.isEmpty() || t.equalsIgnoreCase("none")) {
      return set;
    }
    for (String part : t.split(",", -1)) {
      String name = part.strip().toUpperCase(Locale.ROOT);
      try {
        set.add(Dimension.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("dimension \"" + part.strip()
            + "\" is not valid (expected a comma-separated list of queue, channel, interval, or none)", e);
      }
    }
    return set;
  }
}
