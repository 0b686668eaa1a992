package io.github.callmetrics.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadResult;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallCsvWriterTest {
  @TempDir
  Path dir;

  /** Seeded calls of every outcome, channel, and awkward ids, fractions and handle times. */
  static List<Call> calls(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Instant start = Instant.parse("2026-03-29T00:30:00Z"); // across Europe's spring-forward hour
    String[] ids = {"a,b", "say \"hi\"", " padded ", "line\nbreak", "plain"};
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant arrived = start.plusMillis(random.nextLong(7_200_000)).plusNanos(random.nextInt(3) == 0 ? 123_456_789 : 0);
      Instant at = arrived.plusSeconds(random.nextInt(300)).plusMillis(random.nextInt(2) * 500L);
      String id = ids[i % ids.length] + i;
      String queue = i % 3 == 0 ? "sales, eu" : "q" + (i % 4);
      Call call;
      switch (i % 5) {
        case 0:
          call = Call.answered(id, queue, arrived, at);
          break;
        case 1:
          call = Call.abandoned(id, queue, arrived, at);
          break;
        case 2:
          call = Call.leftUnanswered(id, queue, arrived, at, FlowOutReason.values()[i % 4]);
          break;
        case 3:
          call = Call.waiting(id, queue, arrived);
          break;
        default:
          call = Call.answered(id, queue, arrived, at).withHandleTime(Duration.ofMillis(random.nextLong(1_000_000)));
          break;
      }
      calls.add(call.withChannel(Channel.values()[i % Channel.values().length]));
    }
    return calls;
  }

  @Test
  void writeThenReadRoundTripsExactlyInUtc() throws IOException {
    List<Call> calls = calls(500, 7);
    Path file = dir.resolve("calls.csv");
    CallCsvWriter.utc().write(calls, file);

    ReadResult back = CsvCallReader.of(ReadMode.STRICT).read(file);

    assertThat(back.calls()).containsExactlyElementsOf(calls);
    assertThat(back.report().isClean()).isTrue();
  }

  @Test
  void writeThenReadRoundTripsExactlyWithAZoneOffset() throws IOException {
    List<Call> calls = calls(500, 8);
    String text = CallCsvWriter.inZone(ZoneId.of("Europe/Amsterdam")).toCsv(calls);

    assertThat(text).contains("+01:00").contains("+02:00");
    assertThat(CsvCallReader.of(ReadMode.STRICT).read(new StringReader(text), "mem").calls())
        .containsExactlyElementsOf(calls);
  }

  /**
   * Regression, found by {@code CsvRoundTripPropertiesTest} (seed -4927256801131858237): the writer wrote handle
   * times of 16 digits of seconds or more, which the reader refused ("at most 15 digits"); it now reads every
   * whole number of seconds a duration holds.
   */
  @Test
  void theLargestHandleTimesRoundTrip() throws IOException {
    Instant arrived = Instant.parse("2026-03-29T00:59:58Z");
    List<Call> calls = List.of(
        // The model's longest handle time, 2^32 − 1 s and nearly a second more (CALL-HANDLE-TIME-TOO-LONG)
        Call.answered("1", "q1", arrived, arrived).withHandleTime(Duration.ofSeconds(4_294_967_295L, 999_999_999)),
        Call.answered("2", "q1", arrived, arrived).withHandleTime(Duration.ofSeconds(1_000_000_000L, 1)));
    String text = CallCsvWriter.utc().toCsv(calls);
    assertThat(text).contains(",4294967295.999999999\n").contains(",1000000000.000000001\n");
    assertThat(CsvCallReader.of(ReadMode.STRICT).read(new StringReader(text), "mem").calls()).isEqualTo(calls);

    String tooLarge = CallCsvWriter.HEADER + "\n3,q1,voice,2026-03-29T00:59:58Z,answered,2026-03-29T00:59:58Z,"
        + "9223372036854775808\n";
    assertThatThrownBy(() -> CsvCallReader.of(ReadMode.STRICT).read(new StringReader(tooLarge), "mem"))
        .hasMessage("mem:2: column handle_time: \"9223372036854775808\" is too large a number of seconds"
            + " (expected at most 9223372036854775807, the largest duration)");
  }

  @Test
  void instantsOutsideTheYearsTheFormatHoldsAreRejectedNotWritten() {
    Instant arrived = Instant.parse("9999-12-31T23:59:00Z");
    Call call = Call.answered("c1", "q1", arrived, arrived.plusSeconds(60));
    StringBuilder out = new StringBuilder();
    assertThatThrownBy(() -> CallCsvWriter.utc().writeRow(call, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("call c1: answered +10000-01-01T00:00:00Z is outside the years the CSV call format holds"
            + " (expected 0000 to 9999)");
    assertThat(out).as("nothing of the row is written").isEmpty();
    // The year is the one written: in a zone east of UTC the same arrival is already in 10000.
    assertThatThrownBy(() -> CallCsvWriter.inZone(ZoneId.of("Europe/Amsterdam"))
        .toCsv(List.of(Call.waiting("c2", "q1", arrived))))
        .hasMessage("call c2: arrived 9999-12-31T23:59:00Z is outside the years the CSV call format holds"
            + " (expected 0000 to 9999)");
    assertThat(CallCsvWriter.utc().toCsv(List.of(Call.waiting("c2", "q1", arrived))))
        .endsWith("c2,q1,voice,9999-12-31T23:59:00Z,waiting,,\n");
    assertThatThrownBy(() -> CallCsvWriter.inZone(ZoneId.of("America/New_York"))
        .toCsv(List.of(Call.waiting("c3", "q1", Instant.MIN))))
        .hasMessageStartingWith("call c3: arrived -1000000000-01-01T00:00:00Z is outside the years");
  }

  @Test
  void writesTheDocumentedFormat() {
    Instant arrived = Instant.parse("2026-03-29T00:59:58Z");
    String text = CallCsvWriter.inZone(ZoneId.of("Europe/Amsterdam")).toCsv(List.of(
        Call.answered("1", "q1", arrived, arrived.plusSeconds(12)).withHandleTime(Duration.ofMillis(185_500)),
        Call.leftUnanswered("2", "q1", arrived, arrived.plusSeconds(60), FlowOutReason.QUEUE_EMPTY)));
    assertThat(text).isEqualTo(CallCsvWriter.HEADER + "\n"
        + "1,q1,voice,2026-03-29T01:59:58+01:00,answered,2026-03-29T03:00:10+02:00,185.5\n"
        + "2,q1,voice,2026-03-29T01:59:58+01:00,queue-empty,2026-03-29T03:00:58+02:00,\n");
  }
}
