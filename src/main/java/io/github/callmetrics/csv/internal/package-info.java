/**
 * The csv package's RFC 4180 tokenizer, opened to the other readers of CSV-shaped sources (the Asterisk
 * {@code queue_log} table export) through {@link io.github.callmetrics.csv.internal.CsvRecords}, so that there is
 * one CSV parser. Not exported by the module: nothing here is API.
 */
@NullMarked
package io.github.callmetrics.csv.internal;

import org.jspecify.annotations.NullMarked;
