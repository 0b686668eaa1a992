package io.github.callmetrics.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvTokenizerTest {
  /** Buffer sizes from one byte up: every field, quote pair, CRLF and UTF-8 sequence gets split by a refill. */
  private static final int[] BUFFERS = {1, 2, 3, 5, 8, 13, 64, CsvTokenizer.BUFFER_BYTES};

  /** A record as read: its line, its fields, and the characters after a closing quote if any. */
  record Rec(long line, List<String> fields, String stray) {
    static Rec of(long line, String... fields) {
      return new Rec(line, List.of(fields), "");
    }
  }

  /** A stream that hands out at most {@code chunk} bytes per read, as a pipe or a socket may. */
  private static InputStream trickle(byte[] bytes, int chunk) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  private static List<Rec> read(CsvTokenizer t) throws IOException {
    List<Rec> out = new ArrayList<>();
    while (t.next()) {
      List<String> fields = new ArrayList<>();
      for (int i = 0; i < t.fieldCount(); i++) {
        fields.add(t.text(i));
      }
      out.add(new Rec(t.line(), fields, t.strayField() < 0 ? "" : t.strayField() + ":" + t.strayText()));
    }
    return out;
  }

  /** Reads the text with every buffer size and with short reads, checks all agree, returns the records. */
  private static List<Rec> tokenize(String text) throws IOException {
    byte[] bytes = text.getBytes(UTF_8);
    List<Rec> first = read(new CsvTokenizer(new ByteArrayInputStream(bytes)));
    for (int size : BUFFERS) {
      assertThat(read(new CsvTokenizer(new ByteArrayInputStream(bytes), size, CsvTokenizer.MAX_RECORD_BYTES)))
          .as("buffer of %d bytes", size).isEqualTo(first);
      assertThat(read(new CsvTokenizer(trickle(bytes, 3), size, CsvTokenizer.MAX_RECORD_BYTES)))
          .as("buffer of %d bytes, 3 bytes per read", size).isEqualTo(first);
    }
    return first;
  }

  static Stream<Arguments> data_records() {
    return Stream.of(
        Arguments.of("a,b\nc,d\n", List.of(Rec.of(1, "a", "b"), Rec.of(2, "c", "d"))),
        Arguments.of("a,b", List.of(Rec.of(1, "a", "b"))),
        Arguments.of("a,b\r\nc\r\n", List.of(Rec.of(1, "a", "b"), Rec.of(2, "c"))),
        Arguments.of("a\rb\n", List.of(Rec.of(1, "a"), Rec.of(2, "b"))),
        Arguments.of("a\r", List.of(Rec.of(1, "a"))),
        Arguments.of("\n\n", List.of(Rec.of(1), Rec.of(2))),
        Arguments.of("a\n\nb", List.of(Rec.of(1, "a"), Rec.of(2), Rec.of(3, "b"))),
        Arguments.of("a,b\n\r\nc", List.of(Rec.of(1, "a", "b"), Rec.of(2), Rec.of(3, "c"))),
        Arguments.of("", List.of()),
        Arguments.of(",\n", List.of(Rec.of(1, "", ""))),
        Arguments.of("a,\n", List.of(Rec.of(1, "a", ""))),
        Arguments.of("a,", List.of(Rec.of(1, "a", ""))),
        Arguments.of("a,\"\"\n", List.of(Rec.of(1, "a", ""))),
        Arguments.of("\"\"", List.of(Rec.of(1, ""))),
        Arguments.of("\"a\"", List.of(Rec.of(1, "a"))),
        Arguments.of("\"x\"\"y\",z", List.of(Rec.of(1, "x\"y", "z"))),
        Arguments.of("\"\"\"\"\"\"", List.of(Rec.of(1, "\"\""))),
        Arguments.of("\"a,b\",\"c\"\"\"\"d\"\n", List.of(Rec.of(1, "a,b", "c\"\"d"))),
        Arguments.of("a\"b,c\n", List.of(Rec.of(1, "a\"b", "c"))), // a quote inside an unquoted field is a character
        // Line breaks inside quotes count: the next record starts on a later line.
        Arguments.of("\"a\nb\",c\nd", List.of(Rec.of(1, "a\nb", "c"), Rec.of(3, "d"))),
        Arguments.of("\"a\r\nb\"\r\nc", List.of(Rec.of(1, "a\r\nb"), Rec.of(3, "c"))),
        Arguments.of("\"a\r\"\nx", List.of(Rec.of(1, "a\r"), Rec.of(3, "x"))),
        Arguments.of("\"\n\n\n\"\nx", List.of(Rec.of(1, "\n\n\n"), Rec.of(5, "x"))),
        // A byte-order mark is skipped at the start only.
        Arguments.of("\uFEFFa,b\n", List.of(Rec.of(1, "a", "b"))),
        Arguments.of("\uFEFF", List.of()),
        Arguments.of("\uFEFF\"q\"", List.of(Rec.of(1, "q"))),
        Arguments.of("a\n\uFEFFb", List.of(Rec.of(1, "a"), Rec.of(2, "\uFEFFb"))),
        // UTF-8 of 2, 3 and 4 bytes, split by the small buffers.
        Arguments.of("\u00e9,\u20ac,\uD834\uDD1E\n\"\u00e9\"\"\u20ac\"", List.of(Rec.of(1, "\u00e9", "\u20ac", "\uD834\uDD1E"),
            Rec.of(2, "\u00e9\"\u20ac"))),
        // Characters after a closing quote: the record is delimited as if they were part of the field, and marked.
        Arguments.of("\"c3\"x,q\nok\n", List.of(new Rec(1, List.of("c3", "q"), "0:x"), Rec.of(2, "ok"))),
        Arguments.of("a,\"b\"\u00e9\u20ac,c", List.of(new Rec(1, List.of("a", "b", "c"), "1:\u00e9\u20ac"))),
        Arguments.of("\"a\"x,\"b\"y", List.of(new Rec(1, List.of("a", "b"), "0:x"))),
        Arguments.of("\"a\" \r\nb", List.of(new Rec(1, List.of("a"), "0: "), Rec.of(2, "b"))));
  }

  @ParameterizedTest
  @MethodSource("data_records")
  void records(String text, List<Rec> expected) throws IOException {
    assertThat(tokenize(text)).isEqualTo(expected);
  }

  @Test
  void manyFieldsGrowTheFieldArrays() throws IOException {
    String[] cells = new String[100];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = i % 3 == 0 ? "\"" + i + ",\"\"\"" : Integer.toString(i);
    }
    List<Rec> records = tokenize(String.join(",", cells) + "\nlast");
    assertThat(records).hasSize(2);
    assertThat(records.get(0).fields()).hasSize(100).startsWith("0,\"", "1", "2", "3,\"").endsWith("99,\"");
    assertThat(records.get(1)).isEqualTo(Rec.of(2, "last"));
  }

  @Test
  void aLineLongerThanTheBufferIsReadWhole() throws IOException {
    String longField = "x".repeat(300_000) + "\u20ac";
    String quoted = "\"" + "y\"\"".repeat(100_000) + "\"";
    byte[] bytes = ("a," + longField + "\n" + quoted + ",b\nc").getBytes(UTF_8);

    List<Rec> records = read(new CsvTokenizer(trickle(bytes, 1000), 16, CsvTokenizer.MAX_RECORD_BYTES));

    assertThat(records).containsExactly(Rec.of(1, "a", longField), Rec.of(2, "y\"".repeat(100_000), "b"),
        Rec.of(3, "c"));
  }

  @Test
  void aQuoteNeverClosedStopsAtTheLineWhereItsRecordStarts() throws IOException {
    CsvTokenizer t = new CsvTokenizer(new ByteArrayInputStream("a\n\n\"b,c\nd\ne\n".getBytes(UTF_8)), 4, 1024);
    assertThat(t.next()).isTrue();
    assertThat(t.next()).isTrue();

    CsvTokenizer.CsvSyntaxException e = catchThrowableOfType(CsvTokenizer.CsvSyntaxException.class, t::next);

    assertThat(e.line).isEqualTo(3);
    assertThat(e.field).isEqualTo("quoting");
    assertThat(e.value).isEqualTo("\"");
    assertThat(e.rule).startsWith("opens a quoted field that is never closed");
  }

  @Test
  void aRecordLongerThanTheLimitStopsTheRead() throws IOException {
    byte[] bytes = ("short\n\n" + "z".repeat(40) + "\nafter\n").getBytes(UTF_8);
    CsvTokenizer t = new CsvTokenizer(new ByteArrayInputStream(bytes), 4, 32);
    assertThat(t.next()).isTrue();
    assertThat(t.next()).isTrue();

    CsvTokenizer.CsvSyntaxException e = catchThrowableOfType(CsvTokenizer.CsvSyntaxException.class, t::next);

    assertThat(e.line).isEqualTo(3);
    assertThat(e.field).isEqualTo("record");
    assertThat(e.value).isEqualTo("z".repeat(32) + "...");
    assertThat(e.rule).startsWith("is longer than 32 bytes");
  }

  @Test
  void aRecordJustUnderTheLimitIsRead() throws IOException {
    // 31 bytes and the line end fit a 32-byte limit.
    byte[] bytes = ("z".repeat(31) + "\nafter").getBytes(UTF_8);
    List<Rec> records = read(new CsvTokenizer(new ByteArrayInputStream(bytes), 4, 32));
    assertThat(records).containsExactly(Rec.of(1, "z".repeat(31)), Rec.of(2, "after"));
  }
}
