package io.github.callmetrics.read;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.internal.Text;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One record a reader could not turn into a call: where it is ({@link #source()}, {@link #line()}), what is
 * wrong ({@link #field()}, {@link #value()}, {@link #rule()}). Its {@link #message()} reads, for example,
 * {@code calls.csv:12: column arrived: "2026-13-01T00:00:00Z" is not an ISO-8601 instant (month 13)}.
 *
 * <p>This class is immutable and thread-safe; {@code equals} compares every field.
 */
public final class SkippedRecord {
  private final String source;
  private final long line;
  private final String field;
  private final String value;
  private final String rule;

  private SkippedRecord(String source, long line, String field, String value, String rule) {
    this.source = source;
    this.line = line;
    this.field = field;
    this.value = value;
    this.rule = rule;
  }

  /**
   * Obtains a skipped record.
   *
   * @param source  the name of the source (usually the file name), not null
   * @param line  the physical line number where the record starts, 1 for the first line
   * @param field  the column or field that broke the rule, for example {@code "column arrived"}, not null
   * @param value  the offending value as found in the source, not null
   * @param rule  the rule it broke, phrased to follow the value, not null
   * @return the skipped record
   * @throws IllegalArgumentException if {@code line} is less than 1
   */
  public static SkippedRecord of(String source, long line, String field, String value, String rule) {
    requireNonNull(source, "source");
    requireNonNull(field, "field");
    requireNonNull(value, "value");
    requireNonNull(rule, "rule");
    if (line < 1) {
      throw new IllegalArgumentException("line " + line + " is less than 1 (lines are counted from 1)");
    }
    return new SkippedRecord(source, line, field, value, rule);
  }

  /** {@return the name of the source the record was read from (usually the file name)} */
  public String source() {
    return source;
  }

  /** {@return the physical line number where the record starts, counted from 1} */
  public long line() {
    return line;
  }

  /** {@return the column or field that broke the rule, for example {@code "column arrived"}} */
  public String field() {
    return field;
  }

  /** {@return the offending value as found in the source (possibly empty)} */
  public String value() {
    return value;
  }

  /** {@return the rule the value broke, phrased to follow the value} */
  public String rule() {
    return rule;
  }

  /**
   * Returns the whole message: {@code source:line: field: "value" rule}, with control characters and bytes that
   * were not UTF-8 shown escaped ({@code \x00}, {@code \xff}), never raw.
   *
   * @return the message, one line
   */
  public String message() {
    return Text.escaped(source + ":" + line + ": " + field + ": \"" + value + "\" " + rule);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SkippedRecord)) {
      return false;
    }
    SkippedRecord other = (SkippedRecord) o;
    return line == other.line && source.equals(other.source) && field.equals(other.field)
        && value.equals(other.value) && rule.equals(other.rule);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, line, field, value, rule);
  }

  /** Returns the {@link #message()}. */
  @Override
  public String toString() {
    return message();
  }
}
