package io.github.callmetrics.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BytesTest {
  @Test
  void headIsTheFirstEightBytesLittleEndianZeroPadded() {
    byte[] b = "xabcdefghij".getBytes(UTF_8);
    assertThat(Bytes.head(b, 1, 3)).isEqualTo(0x63_62_61L);
    assertThat(Bytes.head(b, 1, 0)).isZero();
    assertThat(Bytes.head(b, 1, 10)).isEqualTo(0x68_67_66_65_64_63_62_61L).isEqualTo(Bytes.word(b, 1));
    assertThat(Bytes.head(new byte[] {(byte) 0xFF}, 0, 1)).isEqualTo(0xFFL);
  }

  @Test
  void hashDependsOnTheBytesTheirLengthAndTheGroupNotOnWhereTheyAre() {
    byte[] a = "1795411251.17".getBytes(UTF_8);
    byte[] inLine = "100|1795411251.17|q1".getBytes(UTF_8);
    assertThat(Bytes.hash(0, inLine, 4, a.length)).isEqualTo(Bytes.hash(0, a, 0, a.length));
    assertThat(Bytes.hash(1, a, 0, a.length)).isNotEqualTo(Bytes.hash(0, a, 0, a.length));
    assertThat(Bytes.hash(0, a, 0, a.length - 1)).isNotEqualTo(Bytes.hash(0, a, 0, a.length));
    byte[] zeros = new byte[3];
    assertThat(Bytes.hash(0, zeros, 0, 2)).isNotEqualTo(Bytes.hash(0, zeros, 0, 3)); // zero padding is not a byte
  }

  @Test
  void isAsciiLooksAtEveryByteOfTheRunAndNoOther() {
    byte[] b = "abcdefghijklmnop\u00e9".getBytes(UTF_8);
    assertThat(Bytes.isAscii(b, 0, 16)).isTrue();
    assertThat(Bytes.isAscii(b, 0, 17)).isFalse();
    assertThat(Bytes.isAscii(b, 9, 8)).isFalse(); // in the byte loop after a word
    assertThat(Bytes.isAscii(b, 16, 0)).isTrue();
    byte[] high = "abcdefgh".getBytes(UTF_8);
    high[3] = (byte) 0x80;
    assertThat(Bytes.isAscii(high, 0, 8)).isFalse(); // in a word
    assertThat(Bytes.isAscii(high, 4, 4)).isTrue();
  }

  @Test
  void matchesMarksExactlyTheBytesEqualToTheOneSought() {
    assertThat(Bytes.repeated((byte) '|')).isEqualTo(0x7C7C_7C7C_7C7C_7C7CL);
    assertThat(Bytes.repeated((byte) 0xFF)).isEqualTo(-1L);
    // Adjacent matches, and a byte one above the one sought after a match (where a borrow would mark it too).
    byte[] b = {'|', '|', '}', 'a', (byte) 0x80, '|', (byte) 0xFC, '|'};
    assertThat(Bytes.matches(Bytes.word(b, 0), Bytes.repeated((byte) '|'))).isEqualTo(0x8000_8000_0000_8080L);
    byte[] zeros = {0, 1, 0, 0, (byte) 0x80, 0, 1, 0};
    assertThat(Bytes.matches(Bytes.word(zeros, 0), 0)).isEqualTo(0x8000_8000_8080_0080L);
    assertThat(Bytes.matches(Bytes.word("abcdefgh".getBytes(UTF_8), 0), Bytes.repeated((byte) ','))).isZero();
  }
}
