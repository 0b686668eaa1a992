package io.github.callmetrics.internal;

import java.io.IOException;

/** Writes CSV fields as RFC 4180 requires; the one quoting rule of every CSV Callmetrics writes. */
public final class CsvFields {
  private CsvFields() {}

  /**
   * Appends one field, quoted (with quotes doubled) when it holds a comma, a quote or a line break, or
   * starts or ends with a space that a spreadsheet would otherwise trim.
   *
   * @param out  where to write
   * @param value  the field's text
   * @return {@code out}
   * @throws IOException if writing fails
   */
  public static Appendable append(Appendable out, String value) throws IOException {
    boolean quote = !value.isEmpty() && value.strip().length() != value.length();
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      return out.append(value);
    }
    return out.append('"').append(value.replace("\"", "\"\"")).append('"');
  }

  /**
   * Appends one text field that a spreadsheet must show, not run: a value that starts with {@code =},
   * {@code +}, {@code -}, {@code @}, a tab or a carriage return (OWASP's CSV-injection rule) is written quoted
   * with a single quote before it ({@code "'=1+1"}), which spreadsheets show as text; any other value as
   * {@link #append} writes it. For cells whose text comes from the data (queue names); numbers never pass here.
   *
   * @param out  where to write
   * @param value  the field's text
   * @return {@code out}
   * @throws IOException if writing fails
   */
  public static Appendable appendText(Appendable out, String value) throws IOException {
    if (value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0) {
      return append(out, value);
    }
    return out.append("\"'").append(value.replace("\"", "\"\"")).append('"');
  }
}
