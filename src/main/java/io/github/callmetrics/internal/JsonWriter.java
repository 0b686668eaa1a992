package io.github.callmetrics.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * A small streaming JSON writer (RFC 8259): objects, arrays, strings with every required escape, exact
 * numbers and {@code null}. Commas are placed automatically. Not thread-safe.
 *
 * <pre>{@code
 * new JsonWriter(out).beginObject().name("agents").value(14).name("serviceLevel").nullValue().endObject();
 * }</pre>
 */
public final class JsonWriter {
  private final Appendable out;
  /** Per open container: true once it has a first element. */
  private final Deque<Boolean> hasElement = new ArrayDeque<>();
  private boolean afterName;

  /** Creates a writer that appends to {@code out}. */
  public JsonWriter(Appendable out) {
    this.out = out;
  }

  /** Opens an object. */
  public JsonWriter beginObject() {
    beforeValue();
    write('{');
    hasElement.push(false);
    return this;
  }

  /** Closes the innermost object. */
  public JsonWriter endObject() {
    hasElement.pop();
    write('}');
    return this;
  }

  /** Opens an array. */
  public JsonWriter beginArray() {
    beforeValue();
    write('[');
    hasElement.push(false);
    return this;
  }

  /** Closes the innermost array. */
  public JsonWriter endArray() {
    hasElement.pop();
    write(']');
    return this;
  }

  /** Writes a member name; the next call writes its value. */
  public JsonWriter name(String name) {
    beforeValue();
    writeString(name);
    write(':');
    afterName = true;
    return this;
  }

  /** Writes a string value. */
  public JsonWriter value(String value) {
    beforeValue();
    writeString(value);
    return this;
  }

  /** Writes an integer value. */
  public JsonWriter value(long value) {
    beforeValue();
    write(Long.toString(value));
    return this;
  }

  /** Writes a boolean value. */
  public JsonWriter value(boolean value) {
    beforeValue();
    write(value ? "true" : "false");
    return this;
  }

  /** Writes an exact decimal value in plain notation. */
  public JsonWriter value(BigDecimal value) {
    beforeValue();
    write(value.toPlainString());
    return this;
  }

  /**
   * Writes a floating-point value, or {@code null} when empty.
   *
   * @throws IllegalArgumentException if the value is NaN or infinite, which JSON cannot hold
   */
  public JsonWriter value(OptionalDouble value) {
    if (value.isEmpty()) {
      return nullValue();
    }
    double d = value.getAsDouble();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("JSON cannot hold " + d);
    }
    beforeValue();
    write(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
    return this;
  }

  /** Writes {@code null}. */
  public JsonWriter nullValue() {
    beforeValue();
    write("null");
    return this;
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (!hasElement.isEmpty()) {
      if (hasElement.peek()) {
        write(',');
      } else {
        hasElement.pop();
        hasElement.push(true);
      }
    }
  }

  private void writeString(String s) {
    write('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          write("\\\"");
          break;
        case '\\':
          write("\\\\");
          break;
        case '\n':
          write("\\n");
          break;
        case '\r':
          write("\\r");
          break;
        case '\t':
          write("\\t");
          break;
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            write(String.format("\\u%04x", (int) c));
          } else {
            write(c);
          }
      }
    }
    write('"');
  }

  private void write(char c) {
    try {
      out.append(c);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String s) {
    try {
      out.append(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
