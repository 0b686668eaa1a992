package io.github.callmetrics.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class Utf8Test {
  private static byte[] encode(String text) throws IOException {
    try (InputStream in = Utf8.encoding(new StringReader(text))) {
      return in.readAllBytes();
    }
  }

  @Test
  void encodesLikeTheJdkForValidText() throws IOException {
    // A surrogate pair across the 8192-character chunk the stream reads at a time, and after it.
    String text = "a".repeat(8191) + "\uD834\uDD1E" + "\u00e9\u20ac" + "b".repeat(9000) + "\uD83D\uDE00";
    assertThat(encode(text)).isEqualTo(text.getBytes(UTF_8));
    assertThat(encode("")).isEmpty();
  }

  @Test
  void encodesALoneSurrogateAsBytesThatAreNotUtf8() throws IOException {
    assertThat(encode("\uD800x")).containsExactly(0xED, 0xA0, 0x80, 'x');
    assertThat(encode("x\uDC00")).containsExactly('x', 0xED, 0xB0, 0x80);
    assertThat(encode("a".repeat(8191) + "\uD800")).endsWith(0xED, 0xA0, 0x80); // high surrogate at the very end

    byte[] lone = encode("id\uD800");
    assertThat(new Utf8().decode(lone, 0, lone.length)).isNull();
  }

  @Test
  void readsOneByteAtATimeToo() throws IOException {
    try (InputStream in = Utf8.encoding(new StringReader("\u00e9"))) {
      assertThat(in.read()).isEqualTo(0xC3);
      assertThat(in.read()).isEqualTo(0xA9);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void decodesAsciiAndValidUtf8AndRejectsMalformedBytes() {
    Utf8 utf8 = new Utf8();
    byte[] row = "x,caf\u00e9 \u20ac,y".getBytes(UTF_8);
    assertThat(utf8.decode(row, 2, 9)).isEqualTo("caf\u00e9 \u20ac");
    assertThat(utf8.decode(row, 0, 1)).isEqualTo("x");
    assertThat(utf8.decode(row, 0, 0)).isEmpty();
    assertThat(utf8.decode(new byte[] {'a', (byte) 0xFF}, 0, 2)).isNull(); // never a UTF-8 byte
    assertThat(utf8.decode(new byte[] {(byte) 0xC3}, 0, 1)).isNull(); // a sequence cut short
    assertThat(utf8.decode(new byte[] {(byte) 0xC0, (byte) 0xAF}, 0, 2)).isNull(); // an overlong '/'
    assertThat(utf8.decode(new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD}, 0, 3)).isEqualTo("\uFFFD"); // U+FFFD itself
  }
}
