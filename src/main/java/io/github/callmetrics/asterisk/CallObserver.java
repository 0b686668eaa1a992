package io.github.callmetrics.asterisk;

import io.github.callmetrics.call.Call;

/**
 * What the {@link CallAssembler} tells of the calls it assembles, in log order: the one stream of call
 * changes that every consumer of a {@code queue_log} (the batch reader, Asterisk's counters, the live feed)
 * reads, so that none of them gives an event a meaning of its own.
 */
interface CallObserver {
  /**
   * A caller is in the queue: it entered (ENTERQUEUE), or the log starts while it waited or talked (then this
   * comes right before the event that revealed it, with the arrival reconstructed from Asterisk's wait).
   */
  void entered(OpenCall call);

  /** An agent answered the call (CONNECT); {@link OpenCall#hold} is Asterisk's holdtime. */
  void connected(OpenCall call);

  /**
   * A call's outcome is final: an answered call that ended (with its talktime as handle time), or an exit
   * (abandoned, or left unanswered with its reason).
   *
   * @param wasConnected  whether the call was talking (so it leaves the calls talking, not those waiting)
   */
  void ended(Call call, boolean wasConnected);

  /**
   * The log does not finish a call: Asterisk restarted (QUEUESTART) or the log ends. The call is still in
   * the table's last state.
   */
  void unfinished(OpenCall call, IncompleteCall.Reason reason);

  /** Asterisk restarted (QUEUESTART): after every open call was {@linkplain #unfinished unfinished}. */
  void restarted();
}
