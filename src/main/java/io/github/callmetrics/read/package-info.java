/**
 * The reading contract every Callmetrics reader keeps: nothing is dropped silently.
 *
 * <p>A reader turns a source (a CSV file, an Asterisk {@code queue_log}) into
 * {@link io.github.callmetrics.call.Call calls}. In {@link io.github.callmetrics.read.ReadMode#STRICT} it stops
 * at the first bad record with a {@link io.github.callmetrics.read.ReadException} that names the source, the
 * line, the column or field, the value and the rule broken, and still carries what was read before it. In
 * {@link io.github.callmetrics.read.ReadMode#LENIENT} it goes on and hands back, next to the calls, every
 * skipped record as a {@link io.github.callmetrics.read.SkippedRecord} with the same details and an exact
 * count, in a {@link io.github.callmetrics.read.ReadReport}. {@link io.github.callmetrics.read.ReadResult}
 * is the whole-file form (calls and report); the readers' streaming form hands calls to a consumer one at a
 * time and returns only the report. See
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/reading.md">docs/reading.md</a>.
 */
@NullMarked
package io.github.callmetrics.read;

import org.jspecify.annotations.NullMarked;
