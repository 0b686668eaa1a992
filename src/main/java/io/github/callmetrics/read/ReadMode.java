package io.github.callmetrics.read;

/**
 * What a reader does with a bad record. Either way no record is dropped silently; see
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/reading.md">docs/reading.md</a>.
 */
public enum ReadMode {
  /**
   * Stop at the first bad record: throw a {@link ReadException} that names the source, line, column or
   * field, value and rule, and carries every call read before it.
   */
  STRICT,
  /**
   * Skip bad records and go on: every skipped record is handed back as a {@link SkippedRecord} in the
   * {@link ReadReport}, with an exact count. Defects after which no later record can be located (a broken
   * quote in CSV, an unreadable header) still throw a {@link ReadException}.
   */
  LENIENT
}
