package io.github.callmetrics.interval;

import io.github.callmetrics.internal.EnumNames;

/**
 * Which interval a call is counted in. Platforms choose differently, and a call that waits across an
 * interval boundary shows the difference: a call that arrives at 09:14:50 and is answered at 09:15:10
 * counts in 09:00–09:15 under {@link #ARRIVAL}, in 09:15–09:30 under {@link #EXIT}, and under
 * {@link #PER_EVENT} its arrival counts in 09:00–09:15 and its answer in 09:15–09:30.
 */
public enum Attribution {
  /**
   * The whole call counts in the interval it arrived in (Dynamics 365, Cisco UCCX). The default: every
   * interval's figures are about the callers who arrived in it.
   */
  ARRIVAL,
  /**
   * The whole call counts in the interval it left the queue in, answered, abandoned or flowed out (Amazon
   * Connect uses the disconnect, Avaya the completion). A call still waiting counts in its arrival interval.
   */
  EXIT,
  /**
   * Each event counts where it happened: the arrival in the interval of arrival, the answer, abandon or
   * flow-out (with its wait) in the interval of that event (Genesys, 8x8). An interval's arrivals and its
   * outcomes may then belong to different calls.
   */
  PER_EVENT;

  /**
   * Returns the interval a call's arrival counts in: its exit interval under {@link #EXIT}, else its arrival
   * interval. The interval of a call still waiting is its arrival interval for both arguments: it has not left.
   * Returns one of its arguments, so any index of intervals in time order may be passed (an index of a grid,
   * −1 for outside it).
   *
   * <p>Together with {@link #outcomeIn} this is the attribution rule every counter of the library follows, in
   * batch and live: the call counts whole (arrival and outcome) in one interval under {@link #ARRIVAL} and
   * {@link #EXIT}, and in parts under {@link #PER_EVENT}.
   *
   * @param arrivedIn  the interval the call arrived in
   * @param exitedIn  the interval it left the queue in (answered, abandoned or flowed out)
   * @return {@code this == EXIT ? exitedIn : arrivedIn}
   */
  public int arrivalIn(int arrivedIn, int exitedIn) {
    return this == EXIT ? exitedIn : arrivedIn;
  }

  /**
   * Returns the interval a call's outcome (its wait and how it ended, or that it is still waiting) counts in:
   * its arrival interval under {@link #ARRIVAL}, else its exit interval. Arguments as for {@link #arrivalIn}.
   *
   * @param arrivedIn  the interval the call arrived in
   * @param exitedIn  the interval it left the queue in; for a call still waiting, {@code arrivedIn}
   * @return {@code this == ARRIVAL ? arrivedIn : exitedIn}
   */
  public int outcomeIn(int arrivedIn, int exitedIn) {
    return this == ARRIVAL ? arrivedIn : exitedIn;
  }

  /**
   * Obtains an attribution from its name, ignoring case and accepting {@code -} for {@code _}.
   *
   * @param text  {@code arrival}, {@code exit} or {@code per-event}
   * @return the attribution
   * @throws IllegalArgumentException if the text names none
   */
  public static Attribution parse(String text) {
    return EnumNames.parse(Attribution.class, text, "attribution", EnumNames::label);
  }
}
