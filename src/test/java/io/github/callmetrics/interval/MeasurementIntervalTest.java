package io.github.callmetrics.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MeasurementIntervalTest {
  private static final Instant T0 = Instant.parse("2026-03-29T00:00:00Z");
  private static final Instant T15 = Instant.parse("2026-03-29T00:15:00Z");
  private static final Instant T30 = Instant.parse("2026-03-29T00:30:00Z");

  @Test
  void containsItsStartButNotItsEnd() {
    MeasurementInterval i = MeasurementInterval.of(T0, T15);
    assertThat(i.contains(T0)).isTrue();
    assertThat(i.contains(T15.minusNanos(1))).isTrue();
    assertThat(i.contains(T15)).isFalse();
    assertThat(i.contains(T0.minusNanos(1))).isFalse();
    assertThat(MeasurementInterval.of(T0, T0).contains(T0)).isFalse();
  }

  @Test
  void overlapsAbutsEncloses() {
    MeasurementInterval a = MeasurementInterval.of(T0, T15);
    MeasurementInterval b = MeasurementInterval.of(T15, T30);
    MeasurementInterval whole = MeasurementInterval.of(T0, T30);
    assertThat(a.overlaps(b)).isFalse();
    assertThat(a.abuts(b)).isTrue();
    assertThat(b.abuts(a)).isTrue();
    assertThat(a.overlaps(whole)).isTrue();
    assertThat(whole.encloses(a)).isTrue();
    assertThat(a.encloses(whole)).isFalse();
    assertThat(a.overlaps(a)).isTrue();
    assertThat(a.abuts(a)).isFalse();
    MeasurementInterval empty = MeasurementInterval.of(T15, T15);
    assertThat(empty.overlaps(empty)).isTrue();
    assertThat(empty.overlaps(whole)).isTrue();
    assertThat(empty.overlaps(b)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "2026-03-29T00:00:00Z/2026-03-29T00:15:00Z; 2026-03-29T00:00:00Z/2026-03-29T00:15:00Z",
      "2026-03-29T01:00+01:00/2026-03-29T01:15+01:00; 2026-03-29T00:00:00Z/2026-03-29T00:15:00Z",
      "2026-03-29T00:00:00Z/PT15M; 2026-03-29T00:00:00Z/2026-03-29T00:15:00Z",
      "2026-10-25T02:45:00+02:00/2026-10-25T02:00:00+01:00; 2026-10-25T00:45:00Z/2026-10-25T01:00:00Z"})
  void parse(String text, String canonical) {
    MeasurementInterval parsed = MeasurementInterval.parse(text);
    assertThat(parsed.toString()).isEqualTo(canonical);
    assertThat(MeasurementInterval.parse(parsed.toString())).isEqualTo(parsed);
    assertThat(MeasurementInterval.parse(parsed.format(ZoneId.of("Europe/Amsterdam")))).isEqualTo(parsed);
  }

  /** Found by ParseFuzzTest: an end past the year 999,999,999 printed a form that parse rejected. */
  @Test
  void toStringReadsBackAtTheEndsOfTime() {
    MeasurementInterval last = MeasurementInterval.parse("+999999999-12-31T23:59:59Z/PT5M");
    assertThat(last.toString()).isEqualTo("+999999999-12-31T23:59:59Z/+1000000000-01-01T00:04:59Z");
    assertThat(MeasurementInterval.parse(last.toString())).isEqualTo(last);

    MeasurementInterval first = MeasurementInterval.parse("-1000000000-01-01T00:00:00Z/PT1S");
    assertThat(first.start()).isEqualTo(Instant.MIN);
    assertThat(MeasurementInterval.parse(first.toString())).isEqualTo(first);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "2026-03-29T00:00:00Z; one '/' between start and end",
      "2026-03-29T00:00:00Z/2026-03-29T00:15:00Z/x; one '/' between start and end",
      "2026-03-29T00:00:00/2026-03-29T00:15:00Z; ISO-8601 instants with Z or an offset, or an instant and a duration",
      "2026-03-29T00:15:00Z/2026-03-29T00:00:00Z; start <= end",
      "2026-03-29T00:15:00Z/PT-1M; zero or more",
      // Found by ParseFuzzTest: a duration past Instant.MAX leaked a DateTimeException (a longer one, an
      // ArithmeticException).
      "+999999999-12-31T23:59Z/PT+9999995M; ends after the last instant +1000000000-12-31T23:59:59.999999999Z",
      "2026-03-29T00:00:00Z/PT2562047788015215H; ends after the last instant"})
  void parseRejects(String text, String expected) {
    assertThatThrownBy(() -> MeasurementInterval.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("interval \"" + text + "\" is not valid (expected")
        .hasMessageContaining(expected);
  }

  @Test
  void ofRejectsEndBeforeStart() {
    assertThatThrownBy(() -> MeasurementInterval.of(T15, T0))
        .hasMessage("interval end 2026-03-29T00:00:00Z is before its start 2026-03-29T00:15:00Z (expected start <= end)");
    assertThat(MeasurementInterval.of(T0, Duration.ofMinutes(15))).isEqualTo(MeasurementInterval.of(T0, T15));
  }

  @Test
  void ordersByStartThenEnd() {
    assertThat(MeasurementInterval.of(T0, T15)).isLessThan(MeasurementInterval.of(T0, T30));
    assertThat(MeasurementInterval.of(T15, T30)).isGreaterThan(MeasurementInterval.of(T0, T30));
  }

  @Test
  void lengthParsing() {
    assertThat(IntervalLength.parse("PT15M")).isEqualTo(IntervalLength.MINUTES_15);
    assertThat(IntervalLength.parse("15")).isEqualTo(IntervalLength.MINUTES_15);
    assertThat(IntervalLength.parse("60m")).isEqualTo(IntervalLength.MINUTES_60);
    assertThat(IntervalLength.parse("PT1H")).isEqualTo(IntervalLength.MINUTES_60);
    assertThat(IntervalLength.parse("day")).isEqualTo(IntervalLength.DAY);
    assertThat(IntervalLength.parse("period")).isEqualTo(IntervalLength.WHOLE_PERIOD);
    assertThatThrownBy(() -> IntervalLength.parse("PT7M")).hasMessage(
        "interval length \"PT7M\" is not supported (expected PT1M, PT5M, PT10M, PT15M, PT30M, PT60M, day or period)");
  }
}
