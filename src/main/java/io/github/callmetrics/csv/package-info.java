/**
 * The CSV call format: {@link io.github.callmetrics.csv.CsvCallReader} reads it (streaming, STRICT or
 * LENIENT, see {@link io.github.callmetrics.read}), {@link io.github.callmetrics.csv.CallCsvWriter} writes it
 * so that writing and reading back gives the same calls. The format (a header line, columns in any order,
 * ISO-8601 or epoch instants, durations in seconds or ISO-8601) is specified in
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/csv-format.md">docs/csv-format.md</a>.
 *
 * <p>Reading is done in layers, each on the bytes of the file (UTF-8): a tokenizer finds the records and
 * fields (RFC 4180, with exact line numbers), a row parser checks each cell straight from the bytes (no
 * string per cell but the id and, once per queue, the queue name), every row goes through the
 * {@link io.github.callmetrics.call.Call} factories, and the duplicate-id check takes the calls in batches
 * whose lookups overlap in memory, handing them on in file order. The choice of an own tokenizer over
 * FastCSV, and the figures behind it, are in
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/csv-format.md">docs/csv-format.md</a>.
 */
@NullMarked
package io.github.callmetrics.csv;

import org.jspecify.annotations.NullMarked;
