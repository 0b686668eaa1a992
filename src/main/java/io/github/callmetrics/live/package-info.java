/**
 * Live service level for wallboards: a thread-safe monitor fed with call events as they happen, that hands
 * out immutable per-queue, per-channel snapshots and agrees with the batch report to the call.
 *
 * <p>A {@link io.github.callmetrics.live.CallEvent} is one thing that happened to one call in one queue:
 * it entered, was answered, was abandoned, or left unanswered for a
 * {@link io.github.callmetrics.call.FlowOutReason}. A {@link io.github.callmetrics.live.LiveMonitor} takes
 * events from many threads; when a call ends it counts the call in a
 * {@link io.github.callmetrics.report.ReportAccumulator} of the same
 * {@link io.github.callmetrics.report.ReportSpec} a batch report uses, exactly as the accumulator counts the
 * {@link io.github.callmetrics.call.Call}, so its {@link io.github.callmetrics.live.LiveMonitor#report()}
 * equals {@code spec.report(calls)} of the same calls by construction. A
 * {@link io.github.callmetrics.live.LiveSnapshot} holds the current and the previous interval, a sliding
 * window, and the calls waiting now. Events too late to place, and outcome
 * events for calls the monitor never saw enter, are kept as
 * {@link io.github.callmetrics.live.RejectedEvent}s: nothing is dropped silently. See
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/live.md">docs/live.md</a>.
 */
@NullMarked
package io.github.callmetrics.live;

import org.jspecify.annotations.NullMarked;
