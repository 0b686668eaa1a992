package io.github.callmetrics.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * CSV records, one {@link #next()} at a time, cut by the csv package's tokenizer (the rules of
 * {@code docs/csv-format.md}: RFC 4180 quoting, {@code \n}, {@code \r\n} or {@code \r} line ends, a byte-order
 * mark skipped), with each field's bytes left in a buffer. Not thread-safe.
 */
public interface CsvRecords {
  /**
   * Reads the next record.
   *
   * @return false at the end of the input
   * @throws SyntaxError at a quote never closed or a record longer than the limit: no record after it can be
   *     delimited
   * @throws IOException if the input cannot be read
   */
  boolean next() throws IOException;

  /** Returns the physical line the record starts on, from 1. */
  long line();

  /** Returns the number of fields; 0 for an empty line. */
  int fieldCount();

  /** Returns the buffer holding the record's bytes (quotes undone); valid until the next {@link #next()}. */
  byte[] bytes();

  /** Returns where field {@code i} starts in {@link #bytes()}. */
  int start(int i);

  /** Returns where field {@code i} ends (exclusive) in {@link #bytes()}. */
  int end(int i);

  /** Returns field {@code i} as text, malformed UTF-8 as U+FFFD. */
  String text(int i);

  /** Returns the field with characters after its closing quote, or -1 if the record's quoting is sound. */
  int strayField();

  /**
   * Opens records over a stream.
   *
   * @param in  the bytes, UTF-8; not closed
   * @return the records
   */
  static CsvRecords open(InputStream in) {
    return Holder.get().apply(in);
  }

  /** A defect after which no record can be delimited; its parts name it. */
  final class SyntaxError extends IOException {
    private static final long serialVersionUID = 1L;

    /** The line the defect is on. */
    public final long line;
    /** What is wrong: the field's name in messages. */
    public final String field;
    /** The text at fault. */
    public final String value;
    /** The rule broken. */
    public final String rule;

    /**
     * Creates the error.
     *
     * @param line  the line, from 1
     * @param field  what is wrong
     * @param value  the text at fault
     * @param rule  the rule broken
     */
    public SyntaxError(long line, String field, String value, String rule) {
      super("line " + line + ": " + field + ": \"" + value + "\" " + rule);
      this.line = line;
      this.field = field;
      this.value = value;
      this.rule = rule;
    }
  }

  /** Holds the csv package's factory. */
  final class Holder {
    private static volatile @Nullable Function<InputStream, CsvRecords> factory;

    private Holder() {}

    /**
     * Registers the factory; called once by the csv package.
     *
     * @param f  the factory
     */
    public static void register(Function<InputStream, CsvRecords> f) {
      factory = f;
    }

    static Function<InputStream, CsvRecords> get() {
      Function<InputStream, CsvRecords> f = factory;
      if (f == null) {
        try { // initialises the adapter, which registers itself
          Class.forName("io.github.callmetrics.csv.TokenizerRecords", true, CsvRecords.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException("the csv package is incomplete: TokenizerRecords is missing", e);
        }
        f = Objects.requireNonNull(factory, "TokenizerRecords registers the factory when initialised");
      }
      return f;
    }
  }
}
