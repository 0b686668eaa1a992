/**
 * The CSV call format: {@link io.github.callmetrics.csv.CsvCallReader} reads it (streaming, STRICT or
 * LENIENT, see {@link io.github.callmetrics.read}), {@link io.github.callmetrics.csv.CallCsvWriter} writes it
 * so that writing and reading back gives the same calls. The format (a header line, columns in any order,
 * ISO-8601 or epoch instants, durations in seconds or ISO-8601) is specified in {@code docs/csv-format.md}.
 *
 * <p>Parsing is done by FastCSV ({@code de.siegmar.fastcsv}) with a callback handler that validates each
 * field straight from FastCSV's character buffer: no per-field strings for instants and durations, and
 * every row still goes through the {@link io.github.callmetrics.call.Call} factories.
 */
@NullMarked
package io.github.callmetrics.csv;

import org.jspecify.annotations.NullMarked;
