package io.github.callmetrics.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  @Test
  void bytesThatAreNotUtf8AreKeptApartAndShownAsBytes() {
    String ff = Text.decode(bytes('c', 0xFF), 0, 2);
    String fe = Text.decode(bytes('c', 0xFE), 0, 2);
    assertThat(ff).isEqualTo("c\uDCFF").isNotEqualTo(fe);
    assertThat(Text.escaped(ff)).isEqualTo("c\\xff");
    // Valid UTF-8 is itself; an overlong form, a surrogate's encoding and a cut sequence are bytes.
    assertThat(Text.decode("café €𝄞".getBytes(UTF_8), 0, "café €𝄞".getBytes(UTF_8).length)).isEqualTo("café €𝄞");
    assertThat(Text.escaped(bytes(0xC0, 0xAF, 0xED, 0xA0, 0x80, 'x', 0xE2, 0x82), 0, 8))
        .isEqualTo("\\xc0\\xaf\\xed\\xa0\\x80x\\xe2\\x82");
  }

  @Test
  void controlCharactersAreEscapedAndTheRestIsItself() {
    assertThat(Text.escaped("a\u0000b\tc\r\nd\u007f\u009b\\x")).isEqualTo("a\\x00b\\x09c\\x0d\\x0ad\\x7f\\x9b\\x");
    String plain = "queue_log:3: event \"ABANDON\"";
    assertThat(Text.escaped(plain)).isSameAs(plain);
  }

  @Test
  void caseIsFoldedAsStrcasecmpFoldsIt() {
    assertThat(Text.foldCase("Support-Q1")).isEqualTo("support-q1");
    assertThat(Text.foldCase("ÄRGER")).isEqualTo("Ärger"); // only ASCII letters, as in the C locale
  }
}
