package io.github.callmetrics.asterisk;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.metrics.Metrics;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.tally.TallySnapshot;
import java.time.Duration;

/**
 * One queue's counters as Asterisk's {@code queue show} prints them, computed from {@code queue_log} by
 * {@code app_queue}'s own rules, since the last {@code QUEUESTART} (an Asterisk start resets them):
 * <ul>
 *   <li>{@code C} ({@link #completed()}): answered calls that have ended (COMPLETECALLER, COMPLETEAGENT,
 *       BLINDTRANSFER, ATTENDEDTRANSFER); a call still talking is not in it;
 *   <li>{@code A} ({@link #abandoned()}): ABANDON, EXITWITHTIMEOUT, EXITEMPTY, WITHDRAW and SYSCOMPAT; not
 *       EXITWITHKEY;
 *   <li>{@code SL} ({@link #serviceLevel(Duration)}) and {@code SL2} ({@link #serviceLevel2(Duration)}):
 *       {@link Metrics#serviceLevel} with {@link Preset#ASTERISK_SL} and {@link Preset#ASTERISK_SL2} over the
 *       {@linkplain #counted() counted calls}, so the library and the Asterisk figures are one computation;
 *   <li>holdtime and talktime: {@code app_queue}'s running averages, {@code (old × 3 + new) / 4} in whole
 *       seconds, updated at each CONNECT (holdtime) and each completion (talktime).
 * </ul>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AsteriskQueueStats {
  private final String queue;
  private final TallySnapshot counted;
  private final long holdtime;
  private final long talktime;
  private final long waiting;
  private final long talking;

  private AsteriskQueueStats(String queue, TallySnapshot counted, long holdtime, long talktime, long waiting,
      long talking) {
    this.queue = queue;
    this.counted = counted;
    this.holdtime = holdtime;
    this.talktime = talktime;
    this.waiting = waiting;
    this.talking = talking;
  }

  /**
   * Obtains the counters of one queue.
   *
   * @param queue  the queue's name, not null
   * @param counted  the calls Asterisk's counters count: completed answered calls, and exits; not null
   * @param holdtimeSeconds  Asterisk's running average hold time, whole seconds
   * @param talktimeSeconds  Asterisk's running average talk time, whole seconds
   * @param waiting  callers in the queue now
   * @param talking  answered calls not yet ended
   * @return the counters
   */
  public static AsteriskQueueStats of(String queue, TallySnapshot counted, long holdtimeSeconds,
      long talktimeSeconds, long waiting, long talking) {
    return new AsteriskQueueStats(requireNonNull(queue, "queue"), requireNonNull(counted, "counted"),
        holdtimeSeconds, talktimeSeconds, waiting, talking);
  }

  /** {@return the queue's name} */
  public String queue() {
    return queue;
  }

  /**
   * {@return the calls behind {@code C} and {@code A}: every completed answered call, every abandon and
   * every exit (timeout, empty, key press, withdrawn; SYSCOMPAT as an abandon)} Calls still waiting or
   * talking are not in it.
   */
  public TallySnapshot counted() {
    return counted;
  }

  /** {@return {@code C}: answered calls that have ended} */
  public long completed() {
    return counted.answered();
  }

  /** {@return {@code A}: abandons, timeouts, empty-queue exits and withdrawn callers (not key-press exits)} */
  public long abandoned() {
    return counted.abandoned() + counted.flowOuts(FlowOutReason.TIMEOUT) + counted.flowOuts(FlowOutReason.QUEUE_EMPTY)
        + counted.flowOuts(FlowOutReason.WITHDRAWN);
  }

  /**
   * Returns {@code SL}: {@code C_T / C}, completed calls answered within {@code servicelevel} (inclusive)
   * over completed calls.
   *
   * @param threshold  the queue's {@code servicelevel} setting, whole seconds
   * @return the ratio; undefined if {@code C} is 0 (where Asterisk prints 0.0%)
   */
  public Ratio serviceLevel(Duration threshold) {
    return Metrics.serviceLevel(counted, Preset.ASTERISK_SL.withThreshold(threshold));
  }

  /**
   * Returns {@code SL2}: {@code (C_T + A_T) / (C + A)}, calls answered or abandoned within
   * {@code servicelevel} (inclusive) over completed and abandoned calls.
   *
   * @param threshold  the queue's {@code servicelevel} setting, whole seconds
   * @return the ratio; undefined if {@code C + A} is 0 (where Asterisk prints 0.0%)
   */
  public Ratio serviceLevel2(Duration threshold) {
    return Metrics.serviceLevel(counted, Preset.ASTERISK_SL2.withThreshold(threshold));
  }

  /** {@return Asterisk's running average hold time in whole seconds ({@code (old × 3 + new) / 4})} */
  public long holdtimeSeconds() {
    return holdtime;
  }

  /** {@return Asterisk's running average talk time in whole seconds ({@code (old × 3 + new) / 4})} */
  public long talktimeSeconds() {
    return talktime;
  }

  /** {@return the number of callers waiting in the queue at the end of the log ({@code has N calls})} */
  public long waiting() {
    return waiting;
  }

  /** {@return the number of answered calls still talking at the end of the log (not yet in {@code C})} */
  public long talking() {
    return talking;
  }

  @Override
  public String toString() {
    return queue + ": C " + completed() + ", A " + abandoned() + ", holdtime " + holdtime + "s, talktime "
        + talktime + "s, waiting " + waiting + ", talking " + talking;
  }
}
