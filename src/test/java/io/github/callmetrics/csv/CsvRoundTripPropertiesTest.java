package io.github.callmetrics.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadReport;
import io.github.callmetrics.read.ReadResult;
import io.github.callmetrics.testing.Generators;
import io.github.callmetrics.testing.PropertyRunner;
import io.github.callmetrics.testing.Scene;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Writing calls as CSV and reading them back gives the same calls, field for field ({@link PropertyRunner}):
 * every outcome and channel, instants with and without fractions in UTC or with the offsets of any zone
 * (daylight-saving days, old offsets with seconds), handle times from zero to the longest a {@code Call} holds (2^32 − 1 s and 999,999,999 ns),
 * and ids and queue names with commas, quotes, line breaks, surrounding spaces and non-Latin characters.
 */
class CsvRoundTripPropertiesTest {

  @Test
  void writingThenReadingGivesTheSameCalls() {
    PropertyRunner.forAll(2_000, g -> {
      Scene scene = g.scene();
      List<Call> calls = new ArrayList<>(g.calls(scene, g.size(40)));
      if (!calls.isEmpty() && g.chance(10)) {
        int i = g.nextInt(calls.size());
        calls.set(i, calls.get(i).withHandleTime(extremeHandleTime(g)));
      }
      g.note("calls", calls);
      CallCsvWriter writer = g.note("writer zone", g.chance(40) ? "UTC" : scene.zone().getId()).equals("UTC")
          ? CallCsvWriter.utc() : CallCsvWriter.inZone(scene.zone());
      String csv = g.note("csv", writer.toCsv(calls));

      ReadResult read = CsvCallReader.of(ReadMode.STRICT).read(new StringReader(csv), "calls.csv");
      assertThat(read.calls()).isEqualTo(calls);
      assertThat(read.report().isClean()).isTrue();
      assertThat(read.report().callCount()).isEqualTo(calls.size());
      assertThat(read.report().ignoredColumns()).isEmpty();

      List<Call> streamed = new ArrayList<>();
      ReadReport report = CsvCallReader.of(ReadMode.LENIENT).read(new StringReader(csv), "calls.csv", streamed::add);
      assertThat(streamed).as("streaming, lenient").isEqualTo(calls);
      assertThat(report.skipped()).isEmpty();
    });
  }

  /** A handle time a real call never has, but a {@code Call} accepts: up to the longest, 2^32 − 1 s. */
  private static Duration extremeHandleTime(Generators g) {
    switch (g.nextInt(4)) {
      case 0:
        return Duration.ofSeconds(4_294_967_295L, 999_999_999);
      case 1:
        return Duration.ofSeconds(999_999_999L); // 9 digits
      case 2:
        return Duration.ofSeconds(1_000_000_000L, 1); // 10 digits
      default:
        return Duration.ofSeconds(g.nextLong(4_294_967_296L), g.nextInt(1_000_000_000));
    }
  }
}
