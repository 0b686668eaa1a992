package io.github.callmetrics.call;

import io.github.callmetrics.internal.EnumNames;

/**
 * Why a call {@linkplain Outcome#LEFT_UNANSWERED left the queue unanswered} without the caller hanging
 * up. Platforms disagree on whether these are abandons: Asterisk counts timeouts and empty-queue exits
 * as abandoned but not key presses; Genesys, Vonage and Avaya count them as flow-outs; FreeSWITCH counts
 * every one of them as abandoned. A {@code ServiceLevelDefinition} decides per reason.
 */
public enum FlowOutReason {
  /** The queue's maximum wait ran out (Asterisk {@code EXITWITHTIMEOUT}). */
  TIMEOUT("timeout"),
  /** No agents could take the call: the queue was empty or all members unavailable (Asterisk {@code EXITEMPTY}). */
  QUEUE_EMPTY("queue-empty"),
  /** The caller pressed a key to leave, for voicemail or a callback (Asterisk {@code EXITWITHKEY}). */
  KEY_PRESS("key-press"),
  /** The call overflowed or was transferred to another queue or destination. */
  OVERFLOW("overflow"),
  /**
   * The system took the caller out of the queue, for example to call back later (Asterisk {@code WITHDRAW},
   * written when AMI {@code QueueWithdrawCaller} removes a waiting caller). Asterisk counts it as abandoned.
   */
  WITHDRAWN("withdrawn");

  private final String label;

  FlowOutReason(String label) {
    this.label = label;
  }

  /** {@return the reason's name as written in files and on the command line ({@code "queue-empty"})} */
  public String label() {
    return label;
  }

  /**
   * Obtains a reason from its {@linkplain #label() label} or constant name, ignoring case.
   *
   * @param text  the label, for example {@code "timeout"} or {@code "QUEUE_EMPTY"}, not null
   * @return the reason
   * @throws IllegalArgumentException if no reason has that name; the message lists the valid labels
   */
  public static FlowOutReason parse(String text) {
    return EnumNames.parse(FlowOutReason.class, text, "flow-out reason", FlowOutReason::label);
  }
}
