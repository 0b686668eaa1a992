package io.github.callmetrics.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Text from bytes that need not be UTF-8, and text as people read it: the one escaping rule of every message
 * (and of the text report's cells), so a NUL, a line break or a byte that is not UTF-8 never reaches a terminal
 * raw.
 *
 * <p>{@link #decode} keeps every byte: a byte that is not part of valid UTF-8 becomes the lone surrogate
 * {@code U+DC00 + byte} (U+DC80 to U+DCFF), the convention of Python's {@code surrogateescape}. Valid UTF-8 never
 * decodes to a lone surrogate, so two different runs of bytes always decode to two different strings, and
 * {@link #escaped} shows such a character as the byte it stands for ({@code \xff}).
 */
public final class Text {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Text() {}

  /**
   * Decodes UTF-8, keeping each byte that is not valid UTF-8 as the lone surrogate {@code U+DC00 + byte}.
   *
   * @param b  holds the bytes
   * @param off  where they start
   * @param len  how many there are
   * @return the text: equal for two runs exactly when the runs are equal
   */
  public static String decode(byte[] b, int off, int len) {
    if (Bytes.isAscii(b, off, len)) {
      return new String(b, off, len, UTF_8);
    }
    StringBuilder s = new StringBuilder(len);
    int end = off + len;
    int i = off;
    while (i < end) {
      int c = b[i] & 0xFF;
      int n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
      int cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
      boolean valid = n > 0 && i + n <= end;
      for (int k = 1; valid && k < n; k++) {
        int cc = b[i + k] & 0xFF;
        valid = (cc & 0xC0) == 0x80;
        cp = (cp << 6) | (cc & 0x3F);
      }
      // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 (RFC 3629).
      valid = valid && (n < 3 || (n == 3 ? cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF) : cp >= 0x10000 && cp <= 0x10FFFF));
      if (valid) {
        s.appendCodePoint(cp);
        i += n;
      } else {
        s.append((char) (0xDC00 + c));
        i++;
      }
    }
    return s.toString();
  }

  /**
   * Returns text as a message shows it, on one line and with nothing a terminal would act on: a control character
   * (U+0000 to U+001F, U+007F to U+009F) as {@code \xNN}, and a byte kept by {@link #decode} (U+DC80 to U+DCFF) as
   * the byte, {@code \xNN}. Everything else, a backslash too, is itself: messages are read, not parsed back.
   *
   * @param text  the text
   * @return the text escaped; the text itself if nothing needs escaping
   */
  public static String escaped(String text) {
    int i = 0;
    while (i < text.length() && !needsEscape(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (needsEscape(c)) {
        int v = c >= 0xDC80 ? c - 0xDC00 : c;
        out.append('\\').append('x').append(HEX[(v >> 4) & 0xF]).append(HEX[v & 0xF]);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Returns bytes as a message shows them: {@link #escaped(String)} of their {@link #decode}.
   *
   * @param b  holds the bytes
   * @param off  where they start
   * @param len  how many there are
   * @return the text, escaped
   */
  public static String escaped(byte[] b, int off, int len) {
    return escaped(decode(b, off, len));
  }

  /**
   * Folds ASCII letters to lower case, as C's {@code strcasecmp} compares them (in the C locale): the rule
   * {@code app_queue} names queues by. Other letters are themselves.
   *
   * @param name  the name
   * @return the folded name
   */
  public static String foldCase(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        StringBuilder s = new StringBuilder(name.length()).append(name, 0, i);
        for (; i < name.length(); i++) {
          char d = name.charAt(i);
          s.append(d >= 'A' && d <= 'Z' ? (char) (d + ('a' - 'A')) : d);
        }
        return s.toString();
      }
    }
    return name;
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0xDC80 && c <= 0xDCFF);
  }
}
