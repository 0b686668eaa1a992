package io.github.callmetrics.testing;

import io.github.callmetrics.call.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Where and when the calls of one generated case happen: a time zone, a run of local days (often a
 * daylight-saving day, a leap day or a year's end), the queues and channels in use, and the thresholds the
 * waits cluster around. {@link Generators} draws calls, grids and definitions from one scene, so that calls
 * cross the grid's boundaries and waits land on the definition's thresholds.
 *
 * @param zone  the time zone of the days
 * @param firstDay  the first local day
 * @param days  how many local days, one or more
 * @param transitions  the zone's offset changes within the days (instants), possibly none
 * @param queues  the queue names in use, one or more
 * @param channels  the channels in use, one or more
 * @param thresholds  thresholds in whole seconds that waits cluster around, one or more
 */
public record Scene(ZoneId zone, LocalDate firstDay, int days, List<Instant> transitions, List<String> queues,
    List<Channel> channels, List<Long> thresholds) {

  /** Checks the lists are not empty and copies them. */
  public Scene {
    transitions = List.copyOf(transitions);
    queues = List.copyOf(queues);
    channels = List.copyOf(channels);
    thresholds = List.copyOf(thresholds);
    if (days < 1 || queues.isEmpty() || channels.isEmpty() || thresholds.isEmpty()) {
      throw new IllegalArgumentException("scene needs days, queues, channels and thresholds: " + days + " "
          + queues + " " + channels + " " + thresholds);
    }
  }

  /** Returns the day after the last (the exclusive end of the days). */
  public LocalDate endDay() {
    return firstDay.plusDays(days);
  }

  /** Returns the start of the first day. */
  public Instant start() {
    return firstDay.atStartOfDay(zone).toInstant();
  }

  /** Returns the start of the day after the last. */
  public Instant end() {
    return endDay().atStartOfDay(zone).toInstant();
  }
}
