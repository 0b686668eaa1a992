package io.github.callmetrics.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameTableTest {
  private static int number(NameTable names, String name) {
    byte[] row = ("x," + name + ",y").getBytes(UTF_8); // from inside a larger array, as the readers do
    return names.number(row, 2, name.getBytes(UTF_8).length);
  }

  @Test
  void numbersNamesInOrderOfFirstAppearanceAndMakesEachStringOnce() {
    List<String> decoded = new ArrayList<>();
    NameTable names = new NameTable((b, off, len) -> {
      String s = new String(b, off, len, UTF_8);
      decoded.add(s);
      return s;
    });

    assertThat(number(names, "sales")).isZero();
    assertThat(number(names, "support")).isEqualTo(1);
    assertThat(number(names, "sales")).isZero();
    assertThat(number(names, "")).isEqualTo(2);
    assertThat(number(names, "support")).isEqualTo(1);

    assertThat(names.size()).isEqualTo(3);
    assertThat(names.name(0)).isEqualTo("sales");
    assertThat(names.name(1)).isEqualTo("support");
    assertThat(names.name(2)).isEmpty();
    assertThat(decoded).containsExactly("sales", "support", "");
  }

  @Test
  void namesThatDifferOnlyAfterTheEighthByteOrInLengthAreDifferent() {
    NameTable names = new NameTable((b, off, len) -> new String(b, off, len, UTF_8));
    assertThat(number(names, "support-1st-line")).isZero();
    assertThat(number(names, "support-2nd-line")).isEqualTo(1);
    assertThat(number(names, "support-1st-line!")).isEqualTo(2);
    assertThat(number(names, "support-")).isEqualTo(3);
    assertThat(number(names, "support")).isEqualTo(4);
    assertThat(number(names, "support-2nd-line")).isEqualTo(1);
    assertThat(names.name(2)).isEqualTo("support-1st-line!");
  }

  @Test
  void aNameTheDecoderRefusesGetsNoNumberAndIsNotAdded() {
    NameTable names = new NameTable((b, off, len) -> len > 0 && b[off] == '?' ? null : new String(b, off, len, UTF_8));
    assertThat(number(names, "q1")).isZero();
    assertThat(number(names, "?bad")).isEqualTo(-1);
    assertThat(number(names, "?bad")).isEqualTo(-1);
    assertThat(names.size()).isEqualTo(1);
    assertThat(number(names, "q2")).isEqualTo(1);
  }

  @Test
  void holdsAnyNumberOfNamesThroughTheDoublings() {
    NameTable names = new NameTable((b, off, len) -> new String(b, off, len, UTF_8));
    for (int i = 0; i < 5000; i++) {
      assertThat(number(names, "queue-" + i)).isEqualTo(i);
    }
    for (int i = 0; i < 5000; i++) {
      assertThat(number(names, "queue-" + i)).isEqualTo(i);
      assertThat(names.name(i)).isEqualTo("queue-" + i);
    }
    assertThat(names.size()).isEqualTo(5000);
  }
}
