package io.github.callmetrics.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelFormula;
import io.github.callmetrics.definition.ThresholdBoundary;
import io.github.callmetrics.internal.EnumNames;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.read.SourceFormat;
import io.github.callmetrics.report.Dimension;
import io.github.callmetrics.report.ReportFormat;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes every public method that parses text (docs/fuzzing.md): a value that reads back from its own
 * text form, or the documented {@link IllegalArgumentException} whose message quotes the text; never
 * another exception. Fuzz one for a fixed time:
 * {@code mvn -B -Pfuzz test -Dtest=ParseFuzzTest#measurementInterval -Djazzer.max_duration=3m}.
 */
class ParseFuzzTest {
  /** {@link MeasurementInterval#parse}: two instants or an instant and a duration; toString reads back. */
  @FuzzTest(maxDuration = "3m")
  @DictionaryEntries({"/", "T", "Z", "+01:00", "-18:00", "PT", "P", "H", "M", "S", ".", "2026-03-29T00:00:00Z",
      "+999999999-12-31T23:59:59", "-999999999-01-01T00:00:00", "PT9223372036854775807S", "P106751991167300D"})
  @Timeout(10)
  void measurementInterval(byte[] input) {
    String text = new String(input, UTF_8);
    MeasurementInterval interval;
    try {
      interval = MeasurementInterval.parse(text);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith("interval \"" + text + "\" is not valid (expected ");
      return;
    }
    assertThat(interval.end()).isAfterOrEqualTo(interval.start());
    assertThat(MeasurementInterval.parse(interval.toString())).isEqualTo(interval);
  }

  /** {@link IntervalLength#parse}: the lengths a report supports; the label reads back. */
  @FuzzTest(maxDuration = "2m")
  @DictionaryEntries({"PT", "M", "H", "m", "day", "period", "whole", "P1D"})
  @Timeout(10)
  void intervalLength(byte[] input) {
    String text = new String(input, UTF_8);
    IntervalLength length;
    try {
      length = IntervalLength.parse(text);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith("interval length \"" + text + "\" is not supported (expected ");
      return;
    }
    assertThat(IntervalLength.parse(length.label())).isEqualTo(length);
  }

  /**
   * The names people type: channels, flow-out reasons, presets, formulas, boundaries, report formats,
   * attributions, and the report's dimension lists; each name reads back. Also the format sniffer, which
   * returns a format or empty for any text.
   */
  @FuzzTest(maxDuration = "2m")
  @Timeout(10)
  void names(FuzzedDataProvider data) {
    int parser = data.consumeInt(0, 8);
    String text = data.consumeRemainingAsString();
    switch (parser) {
      case 0:
        checkName(text, "channel", Channel::parse, Channel::label, Channel.values());
        break;
      case 1:
        checkName(text, "flow-out reason", FlowOutReason::parse, FlowOutReason::label, FlowOutReason.values());
        break;
      case 2:
        checkName(text, "preset", Preset::parse, Preset::id, Preset.values());
        break;
      case 3:
        checkName(text, "formula", ServiceLevelFormula::parse, EnumNames::label, ServiceLevelFormula.values());
        break;
      case 4:
        checkName(text, "boundary", ThresholdBoundary::parse, EnumNames::label, ThresholdBoundary.values());
        break;
      case 5:
        checkName(text, "format", ReportFormat::parse, EnumNames::label, ReportFormat.values());
        break;
      case 6:
        checkName(text, "attribution", Attribution::parse, EnumNames::label, Attribution.values());
        break;
      case 7:
        try {
          Set<Dimension> dimensions = Dimension.parseSet(text);
          String list = String.join(",", dimensions.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList());
          assertThat(Dimension.parseSet(list)).isEqualTo(dimensions);
        } catch (IllegalArgumentException e) {
          assertThat(e.getMessage()).startsWith("dimension \"").contains("\" is not valid (expected ");
        }
        break;
      default:
        assertThat(SourceFormat.detect(text)).isNotNull();
        break;
    }
  }

  private static <E> void checkName(String text, String what, Function<String, E> parse, Function<E, String> label,
      E[] values) {
    E value;
    try {
      value = parse.apply(text);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith("unknown " + what + " \"" + text + "\" (expected one of ");
      return;
    }
    assertThat(values).contains(value);
    assertThat(parse.apply(label.apply(value))).isEqualTo(value);
  }
}
