package io.github.callmetrics.sample;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.metrics.Metrics;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.tally.TallySnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the shipped sample {@code src/sample/calls.csv}: that it is exactly what
 * {@link SampleCallGenerator} produces, and that it has the properties {@code docs/sample-data.md} promises,
 * with the figures the document gives.
 */
class SampleCallGeneratorTest {
  private static final Path SHIPPED = Path.of("src/sample/calls.csv");
  private static final ServiceLevelDefinition DEFAULT = Preset.DEFAULT.definition();

  private static List<Call> calls;
  private static String csv;

  @BeforeAll
  static void generate() {
    calls = SampleCallGenerator.calls();
    csv = SampleCallGenerator.csv(calls);
  }

  @Test
  void shippedFileIsExactlyWhatTheGeneratorProduces() throws IOException {
    String shipped = new String(Files.readAllBytes(SHIPPED), UTF_8);
    if (!shipped.equals(csv)) {
      String[] want = csv.split("\n", -1);
      String[] have = shipped.split("\n", -1);
      int line = 0;
      while (line < Math.min(want.length, have.length) && want[line].equals(have[line])) {
        line++;
      }
      fail("%s differs from the generator's output at line %d: generated \"%s\", shipped \"%s\"; regenerate it "
          + "with the command in docs/sample-data.md",
          SHIPPED, line + 1, line < want.length ? want[line] : "<end>", line < have.length ? have[line] : "<end>");
    }
  }

  @Test
  void formatHeaderAndRows() {
    assertThat(csv).startsWith(SampleCallGenerator.HEADER + "\n").endsWith("\n").doesNotContain("\r");
    assertThat(csv.lines().skip(1).limit(3)).containsExactly(
        "S-20260316-000001,support,voice,2026-03-16T00:01:45+01:00,answered,2026-03-16T00:01:49+01:00,441",
        "S-20260316-000002,support,voice,2026-03-16T00:08:11+01:00,answered,2026-03-16T00:08:17+01:00,76",
        "S-20260316-000003,support,voice,2026-03-16T00:31:28+01:00,answered,2026-03-16T00:31:33+01:00,160");
    assertThat(csv.lines().count()).isEqualTo(calls.size() + 1);
  }

  @Test
  void idsAreUniqueAndRowsSortedByArrivalThenId() {
    Set<String> ids = new HashSet<>();
    Call previous = null;
    for (Call call : calls) {
      assertThat(ids.add(call.id())).as("unique id %s", call.id()).isTrue();
      assertThat(call.id()).matches("S-2026\\d{4}-\\d{6}");
      assertThat(call.arrived()).isEqualTo(call.arrived().truncatedTo(ChronoUnit.SECONDS));
      assertThat(call.outcomeAt().orElseThrow()).isEqualTo(call.outcomeAt().orElseThrow().truncatedTo(ChronoUnit.SECONDS));
      if (previous != null) {
        int order = previous.arrived().compareTo(call.arrived());
        assertThat(order < 0 || (order == 0 && previous.id().compareTo(call.id()) < 0))
            .as("%s before %s", previous, call).isTrue();
      }
      previous = call;
    }
  }

  @Test
  void windowsSpanBothDaylightSavingDaysLocalDates() {
    Set<LocalDate> days = calls.stream().map(c -> local(c).toLocalDate()).collect(Collectors.toSet());
    assertThat(days).hasSize(42).contains(
        LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 29), LocalDate.of(2026, 4, 5),
        LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 25), LocalDate.of(2026, 11, 1));
  }

  @Test
  void fallBackDayHasCallsInBothTwoOClockHours() {
    LocalDate day = LocalDate.of(2026, 10, 25);
    assertThat(count(c -> inHour(c, day, 2, ZoneOffset.ofHours(2)))).isEqualTo(2);
    assertThat(count(c -> inHour(c, day, 2, ZoneOffset.ofHours(1)))).isEqualTo(2);
    assertThat(csv).contains(",2026-10-25T02:54:34+02:00,", ",2026-10-25T02:18:12+01:00,");
  }

  @Test
  void springForwardDayJumpsFromTwoToThree() {
    LocalDate day = LocalDate.of(2026, 3, 29);
    assertThat(count(c -> inHour(c, day, 1, ZoneOffset.ofHours(1)))).isEqualTo(2);
    assertThat(count(c -> local(c).toLocalDate().equals(day) && local(c).getHour() == 2)).isZero();
    assertThat(count(c -> inHour(c, day, 3, ZoneOffset.ofHours(2)))).isEqualTo(3);
    assertThat(csv).doesNotContain("2026-03-29T02:");
  }

  @Test
  void callsPerQueueAndChannel() {
    Map<String, Long> perLine = calls.stream()
        .collect(Collectors.groupingBy(c -> c.queue() + "/" + c.channel().label(), TreeMap::new,
            Collectors.counting()));
    assertThat(perLine).containsExactly(
        Map.entry("billing/voice", 8_966L),
        Map.entry("sales/chat", 6_702L),
        Map.entry("sales/voice", 17_426L),
        Map.entry("support/chat", 6_769L),
        Map.entry("support/voice", 18_323L));
    assertThat(calls).hasSize(58_186);
  }

  @Test
  void everyOutcomeOccurs() {
    Map<String, Long> perOutcome = calls.stream()
        .collect(Collectors.groupingBy(SampleCallGenerator::outcomeLabel, TreeMap::new, Collectors.counting()));
    assertThat(perOutcome).containsExactly(
        Map.entry("abandoned", 4_616L),
        Map.entry("answered", 52_981L),
        Map.entry("key-press", 456L),
        Map.entry("overflow", 11L),
        Map.entry("queue-empty", 90L),
        Map.entry("timeout", 32L));
  }

  @Test
  void overallServiceLevelAndAbandonmentAreRealistic() {
    TallySnapshot all = TallySnapshot.of(calls);
    Ratio serviceLevel = Metrics.serviceLevel(all, DEFAULT);
    Ratio abandonment = Metrics.abandonmentRate(all, DEFAULT);

    assertThat(serviceLevel).isEqualTo(Ratio.of(45_218, 58_186));
    assertThat(serviceLevel.formatPercent(1)).isEqualTo("77.7%");
    assertThat(serviceLevel.value().orElseThrow()).isBetween(0.60, 0.90);
    assertThat(abandonment).isEqualTo(Ratio.of(4_616, 58_186));
    assertThat(abandonment.formatPercent(1)).isEqualTo("7.9%");
    assertThat(abandonment.value().orElseThrow()).isBetween(0.03, 0.15);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      // queue, channel, calls, answered, abandoned, flow-outs, service level, abandonment rate
      "sales,   voice, 17426, 15641, 1774,  11, 71.7%, 10.2%",
      "sales,   chat,   6702,  6420,  282,   0, 89.5%, 4.2%",
      "support, voice, 18323, 16731, 1217, 375, 80.6%, 6.6%",
      "support, chat,   6769,  6306,  463,   0, 82.4%, 6.8%",
      "billing, voice,  8966,  7883,  880, 203, 71.3%, 9.8%",
  })
  void figuresPerQueueAndChannel(String queue, String channel, long offered, long answered, long abandoned,
      long flowOuts, String serviceLevel, String abandonment) {
    TallySnapshot line = TallySnapshot.of(calls.stream()
        .filter(c -> c.queue().equals(queue) && c.channel() == Channel.parse(channel))
        .collect(Collectors.toList()));
    assertThat(line.arrivals()).isEqualTo(offered);
    assertThat(line.answered()).isEqualTo(answered);
    assertThat(line.abandoned()).isEqualTo(abandoned);
    assertThat(line.flowOuts()).isEqualTo(flowOuts);
    assertThat(Metrics.serviceLevel(line, DEFAULT).formatPercent(1)).isEqualTo(serviceLevel);
    assertThat(Metrics.abandonmentRate(line, DEFAULT).formatPercent(1)).isEqualTo(abandonment);
  }

  @Test
  void averageSpeedOfAnswerAndHandleTime() {
    TallySnapshot all = TallySnapshot.of(calls);
    assertThat(Metrics.averageSpeedOfAnswer(all).toString()).startsWith("17.7 s ");
    assertThat(Metrics.averageHandleTime(all).toString()).startsWith("360.0 s ");
  }

  @Test
  void surgeDaysAreBad() {
    TallySnapshot support = TallySnapshot.of(callsOn("support", LocalDate.of(2026, 3, 30)));
    assertThat(support.arrivals()).isEqualTo(1_168);
    assertThat(Metrics.serviceLevel(support, DEFAULT).formatPercent(1)).isEqualTo("36.0%");
    assertThat(Metrics.abandonmentRate(support, DEFAULT).formatPercent(1)).isEqualTo("24.1%");
    assertThat(support.flowOuts(FlowOutReason.TIMEOUT)).isEqualTo(13);

    TallySnapshot sales = TallySnapshot.of(callsOn("sales", LocalDate.of(2026, 10, 19)));
    assertThat(sales.arrivals()).isEqualTo(1_090);
    assertThat(Metrics.serviceLevel(sales, DEFAULT).formatPercent(1)).isEqualTo("46.3%");
    assertThat(Metrics.abandonmentRate(sales, DEFAULT).formatPercent(1)).isEqualTo("20.5%");
    assertThat(sales.flowOuts(FlowOutReason.OVERFLOW)).isEqualTo(5);
  }

  @Test
  void peakHalfHoursAreClearlyWorseThanQuietOnes() {
    // Weekdays, all queues and channels together, by local half hour of arrival.
    Ratio morningPeak = weekdayServiceLevel(LocalTime.of(10, 0), LocalTime.of(11, 30));
    Ratio earlyMorning = weekdayServiceLevel(LocalTime.of(8, 0), LocalTime.of(9, 0));
    Ratio lateAfternoon = weekdayServiceLevel(LocalTime.of(16, 0), LocalTime.of(18, 0));

    assertThat(morningPeak).isEqualTo(Ratio.of(7_210, 11_473));
    assertThat(earlyMorning).isEqualTo(Ratio.of(1_825, 2_028));
    assertThat(lateAfternoon).isEqualTo(Ratio.of(3_352, 3_759));
    assertThat(morningPeak.formatPercent(1)).isEqualTo("62.8%");
    assertThat(earlyMorning.formatPercent(1)).isEqualTo("90.0%");
    assertThat(lateAfternoon.formatPercent(1)).isEqualTo("89.2%");
    assertThat(earlyMorning.value().orElseThrow() - morningPeak.value().orElseThrow()).isGreaterThan(0.20);
    assertThat(lateAfternoon.value().orElseThrow() - morningPeak.value().orElseThrow()).isGreaterThan(0.20);
  }

  private static Ratio weekdayServiceLevel(LocalTime from, LocalTime until) {
    List<Call> selected = new ArrayList<>();
    for (Call call : calls) {
      ZonedDateTime local = local(call);
      LocalTime time = local.toLocalTime();
      if (local.getDayOfWeek().compareTo(DayOfWeek.FRIDAY) <= 0 && !time.isBefore(from) && time.isBefore(until)) {
        selected.add(call);
      }
    }
    return Metrics.serviceLevel(TallySnapshot.of(selected), DEFAULT);
  }

  private static List<Call> callsOn(String queue, LocalDate day) {
    return calls.stream()
        .filter(c -> c.queue().equals(queue) && local(c).toLocalDate().equals(day))
        .collect(Collectors.toList());
  }

  private static boolean inHour(Call call, LocalDate day, int hour, ZoneOffset offset) {
    ZonedDateTime local = local(call);
    return local.toLocalDate().equals(day) && local.getHour() == hour && local.getOffset().equals(offset);
  }

  private static long count(Predicate<Call> predicate) {
    return calls.stream().filter(predicate).count();
  }

  private static ZonedDateTime local(Call call) {
    return call.arrived().atZone(SampleCallGenerator.ZONE);
  }
}
