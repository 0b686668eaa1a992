/**
 * The call model: one visit of one caller to one queue, with exactly one outcome.
 *
 * <p>A {@link io.github.callmetrics.call.Call} is what every other part of Callmetrics counts: the
 * {@link io.github.callmetrics.tally tallies} take calls one at a time, the readers produce them from
 * platform records, and the live monitor builds them from events. Every call is validated when it is
 * built, so a value of this package is always a call that can be counted; a record that breaks a rule
 * is rejected with an {@link io.github.callmetrics.call.InvalidCallException} that names the call, the
 * field, the value and the rule (see
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/call-model.md">docs/call-model.md</a>).
 */
@NullMarked
package io.github.callmetrics.call;

import org.jspecify.annotations.NullMarked;
