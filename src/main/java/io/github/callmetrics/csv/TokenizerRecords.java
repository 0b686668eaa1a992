package io.github.callmetrics.csv;

import io.github.callmetrics.csv.internal.CsvRecords;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@link CsvTokenizer} as {@link CsvRecords}, for readers outside this package: the one CSV parser of the
 * library serves them too. Registers itself when initialised. Not thread-safe.
 */
final class TokenizerRecords implements CsvRecords {
  static {
    CsvRecords.Holder.register(TokenizerRecords::new);
  }

  private final CsvTokenizer t;

  private TokenizerRecords(InputStream in) {
    this.t = new CsvTokenizer(in);
  }

  @Override
  public boolean next() throws IOException {
    try {
      return t.next();
    } catch (CsvTokenizer.CsvSyntaxException e) {
      throw new CsvRecords.SyntaxError(e.line, e.field, e.value, e.rule);
    }
  }

  @Override
  public long line() {
    return t.line();
  }

  @Override
  public int fieldCount() {
    return t.fieldCount();
  }

  @Override
  public byte[] bytes() {
    return t.bytes();
  }

  @Override
  public int start(int i) {
    return t.start(i);
  }

  @Override
  public int end(int i) {
    return t.end(i);
  }

  @Override
  public String text(int i) {
    return t.text(i);
  }

  @Override
  public int strayField() {
    return t.strayField();
  }
}
