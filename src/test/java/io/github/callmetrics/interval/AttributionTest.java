package io.github.callmetrics.interval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The attribution rule: which interval a call's arrival and its outcome count in. */
class AttributionTest {
  static Stream<Arguments> parts() {
    return Stream.of(
        // attribution, arrived in, exited in, arrival counts in, outcome counts in
        Arguments.of(Attribution.ARRIVAL, 36, 37, 36, 36),
        Arguments.of(Attribution.EXIT, 36, 37, 37, 37),
        Arguments.of(Attribution.PER_EVENT, 36, 37, 36, 37),
        // a call still waiting has not left: its exit interval is its arrival's, whole there under each
        Arguments.of(Attribution.ARRIVAL, 36, 36, 36, 36),
        Arguments.of(Attribution.EXIT, 36, 36, 36, 36),
        Arguments.of(Attribution.PER_EVENT, 36, 36, 36, 36),
        // arrived before the grid (−1), left in its first interval
        Arguments.of(Attribution.ARRIVAL, -1, 0, -1, -1),
        Arguments.of(Attribution.EXIT, -1, 0, 0, 0),
        Arguments.of(Attribution.PER_EVENT, -1, 0, -1, 0));
  }

  @ParameterizedTest
  @MethodSource("parts")
  void arrivalAndOutcomeCountWhereTheRuleSays(Attribution attribution, int arrivedIn, int exitedIn, int arrival,
      int outcome) {
    assertThat(attribution.arrivalIn(arrivedIn, exitedIn)).isEqualTo(arrival);
    assertThat(attribution.outcomeIn(arrivedIn, exitedIn)).isEqualTo(outcome);
  }

  /** The example of the enum's documentation and of docs/intervals.md, on a real grid. */
  @Test
  void aCallAnsweredAcrossAQuarterHourBoundary() {
    IntervalGrid day = IntervalGrid.ofDay(LocalDate.of(2026, 3, 16), ZoneId.of("UTC"), IntervalLength.MINUTES_15);
    int arrivedIn = day.indexOf(Instant.parse("2026-03-16T09:14:50Z"));
    int exitedIn = day.indexOf(Instant.parse("2026-03-16T09:15:10Z"));
    assertThat(arrivedIn).isEqualTo(36); // 09:00–09:15
    assertThat(exitedIn).isEqualTo(37); // 09:15–09:30
    assertThat(Attribution.ARRIVAL.outcomeIn(arrivedIn, exitedIn)).isEqualTo(36);
    assertThat(Attribution.EXIT.arrivalIn(arrivedIn, exitedIn)).isEqualTo(37);
    assertThat(Attribution.PER_EVENT.arrivalIn(arrivedIn, exitedIn)).isEqualTo(36);
    assertThat(Attribution.PER_EVENT.outcomeIn(arrivedIn, exitedIn)).isEqualTo(37);
  }
}
