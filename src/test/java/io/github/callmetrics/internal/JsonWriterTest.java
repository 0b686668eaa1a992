package io.github.callmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The JSON the command line prints (the command line's JSON output), character by character. */
class JsonWriterTest {
  @Test
  void objectsArraysAndEveryKindOfValue() {
    StringBuilder out = new StringBuilder();
    JsonWriter json = new JsonWriter(out);
    assertThat(json.beginObject()).isSameAs(json);
    assertThat(json.name("queue").value("sales")).isSameAs(json);
    assertThat(json.name("agents").value(12L)).isSameAs(json);
    assertThat(json.name("met").value(true)).isSameAs(json);
    assertThat(json.name("late").value(false)).isSameAs(json);
    assertThat(json.name("target").value(new BigDecimal("0.80"))).isSameAs(json);
    assertThat(json.name("level").value(OptionalDouble.of(0.8125))).isSameAs(json);
    assertThat(json.name("whole").value(OptionalDouble.of(2.0))).isSameAs(json);
    assertThat(json.name("none").value(OptionalDouble.empty())).isSameAs(json);
    assertThat(json.name("rows").beginArray()).isSameAs(json);
    json.value(1L).beginArray().endArray().beginObject().endObject().nullValue().value("x");
    assertThat(json.endArray()).isSameAs(json);
    assertThat(json.name("empty").beginArray().endArray()).isSameAs(json);
    assertThat(json.endObject()).isSameAs(json);
    assertThat(out).hasToString("{\"queue\":\"sales\",\"agents\":12,\"met\":true,\"late\":false,\"target\":0.80,"
        + "\"level\":0.8125,\"whole\":2,\"none\":null,\"rows\":[1,[],{},null,\"x\"],\"empty\":[]}");
  }

  @Test
  void stringsAreEscaped() {
    StringBuilder out = new StringBuilder();
    new JsonWriter(out).beginArray()
        .value("a\"b\\c\nd\re\tf")
        .value("\u0001\u001f \u2028\u2029é")
        .endArray();
    assertThat(out).hasToString("[\"a\\\"b\\\\c\\nd\\re\\tf\",\"\\u0001\\u001f \\u2028\\u2029é\"]");
  }

  @Test
  void namesAreEscapedToo() {
    StringBuilder out = new StringBuilder();
    new JsonWriter(out).beginObject().name("a\"b").value(1L).endObject();
    assertThat(out).hasToString("{\"a\\\"b\":1}");
  }

  @Test
  void nanAndInfinityAreRefused() {
    JsonWriter json = new JsonWriter(new StringBuilder());
    assertThatIllegalArgumentException().isThrownBy(() -> json.value(OptionalDouble.of(Double.NaN)))
        .withMessage("JSON cannot hold NaN");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> json.value(OptionalDouble.of(Double.NEGATIVE_INFINITY)))
        .withMessage("JSON cannot hold -Infinity");
  }

  @Test
  void aFailingOutputIsRethrownUnchecked() {
    Writer failing = new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    assertThatThrownBy(() -> new JsonWriter(failing).value("x"))
        .isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("disk full");
    assertThatThrownBy(() -> new JsonWriter(failing).beginObject())
        .isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("disk full");
  }
}
