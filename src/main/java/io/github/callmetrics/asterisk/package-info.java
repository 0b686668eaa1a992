/**
 * Asterisk {@code app_queue}: {@link io.github.callmetrics.asterisk.QueueLogReader} turns {@code queue_log}
 * events into {@link io.github.callmetrics.call.Call calls} (the mapping, event by event, is in
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/asterisk-queue-log.md">docs/asterisk-queue-log.md</a>); {@link io.github.callmetrics.asterisk.QueuesConf} reads each queue's
 * {@code servicelevel} (and the other settings {@code queue show} prints) from {@code queues.conf};
 * {@link io.github.callmetrics.asterisk.AsteriskQueueStats} keeps the counters Asterisk's {@code queue show}
 * prints ({@code C}, {@code A}, {@code SL}, {@code SL2}, holdtime, talktime) by Asterisk's own rules, with
 * {@code SL} and {@code SL2} computed by {@link io.github.callmetrics.metrics.Metrics} with the
 * {@link io.github.callmetrics.definition.Preset#ASTERISK_SL} and
 * {@link io.github.callmetrics.definition.Preset#ASTERISK_SL2} definitions.
 */
@NullMarked
package io.github.callmetrics.asterisk;

import org.jspecify.annotations.NullMarked;
