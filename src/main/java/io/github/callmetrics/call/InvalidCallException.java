package io.github.callmetrics.call;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when a call's values break one of the model's rules. The message names the call's id, the
 * field, the value and the rule, for example
 * {@code call 1795411251.1: answered 2026-11-23T07:00:00Z is before arrived 2026-11-23T07:00:05Z}; the
 * same parts are available separately for callers that format their own messages.
 */
public final class InvalidCallException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The call's id as given. */
  private final String callId;
  /** The field that broke the rule. */
  private final String field;
  /** The offending value as text. */
  private final String value;
  /** What is wrong with the value. */
  private final String rule;

  /**
   * Creates an exception for one broken rule.
   *
   * @param callId  the call's id as given (possibly blank), not null
   * @param field  the field that broke the rule, not null
   * @param value  the offending value as text, not null
   * @param rule  what is wrong with the value, phrased to follow it, not null
   */
  public InvalidCallException(String callId, String field, String value, String rule) {
    super(message(callId, field, value, rule));
    this.callId = callId;
    this.field = field;
    this.value = value;
    this.rule = rule;
  }

  private static String message(String callId, String field, String value, String rule) {
    requireNonNull(callId, "callId");
    requireNonNull(field, "field");
    requireNonNull(value, "value");
    requireNonNull(rule, "rule");
    return "call " + (callId.isBlank() ? '"' + callId + '"' : callId) + ": " + field + " " + value + " " + rule;
  }

  /** {@return the id of the call that broke the rule, as given} */
  public String callId() {
    return callId;
  }

  /** {@return the name of the field that broke the rule ({@code "arrived"}, {@code "handle time"}, ...)} */
  public String field() {
    return field;
  }

  /** {@return the offending value as text} */
  public String value() {
    return value;
  }

  /** {@return the rule the value broke, phrased to follow the value ({@code "is negative ..."})} */
  public String rule() {
    return rule;
  }
}
