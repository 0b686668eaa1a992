package io.github.callmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The CSV report is the same text whatever the number of chunks formatted at once. */
class CsvReportParallelTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final String[] QUEUES = {"support", "=cmd|' /C calc'!A0", "sales, \"east\"", "+1+1", "billing"};

  /** Random calls over both 2026 DST days and the days around them, every outcome, some handle times. */
  private static Report report() {
    SplittableRandom random = new SplittableRandom(7);
    Instant from = LocalDate.of(2026, 3, 28).atStartOfDay(AMSTERDAM).toInstant();
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      Instant arrived = from.plusSeconds(random.nextLong(3 * 86_400)).plusMillis(random.nextInt(1000));
      if (i % 2 == 1) {
        arrived = arrived.plus(Duration.ofDays(210)); // into 2026-10-24 to 10-26
      }
      String queue = QUEUES[random.nextInt(QUEUES.length)];
      Instant out = arrived.plusMillis(random.nextLong(600_000));
      Call call;
      switch (random.nextInt(4)) {
        case 0:
          call = Call.abandoned("c" + i, queue, arrived, out);
          break;
        case 1:
          call = Call.leftUnanswered("c" + i, queue, arrived, out, FlowOutReason.values()[random.nextInt(FlowOutReason.values().length)]);
          break;
        default:
          call = Call.answered("c" + i, queue, arrived, out).withHandleTime(Duration.ofMillis(random.nextLong(900_000)));
      }
      calls.add(random.nextBoolean() ? call : call.withChannel(Channel.CHAT));
    }
    IntervalGrid grid = IntervalGrid.of(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 10, 27), AMSTERDAM,
        IntervalLength.MINUTES_60);
    return ReportSpec.builder(grid)
        .definitions(ServiceLevelDefinition.standard(), Preset.AMAZON_CONNECT.definition())
        .queueThresholds(0, QueueThresholds.of(Map.of("support", Duration.ofSeconds(30), "billing", Duration.ofSeconds(5))))
        .build().report(calls);
  }

  @Test
  void parallelChunksGiveTheSequentialText() throws IOException {
    Report report = report();
    assertThat(report.rows().size()).isGreaterThan(20 * CsvReport.CHUNK_ROWS);
    StringBuilder one = new StringBuilder();
    CsvReport.write(report, one, 1);
    StringBuilder four = new StringBuilder();
    CsvReport.write(report, four, 4);
    assertThat(four.toString()).isEqualTo(one.toString());
    StringBuilder two = new StringBuilder();
    CsvReport.write(report, two, 2); // the caller and one worker, as on two cores
    assertThat(two.toString()).isEqualTo(one.toString());
    // One record per row plus the header, each ended by CRLF; the injection-prone names neutralised.
    assertThat(one.toString().split("\r\n", -1)).hasSize(report.rows().size() + 2);
    assertThat(one.toString()).contains("\r\n\"'=cmd|' /C calc'!A0\",voice,").contains("\r\n\"'+1+1\",chat,")
        .doesNotContain("\r\n=cmd").doesNotContain("\r\n+1+1");
    assertThat(ReportFormat.CSV.format(report)).isEqualTo(one.toString());
  }

  @Test
  void aFailedAppendStopsTheWriteWithItsError() {
    Report report = report();
    Appendable failing = new Appendable() {
      int appends;

      @Override
      public Appendable append(CharSequence text) throws IOException {
        if (++appends == 5) {
          throw new IOException("No space left on device");
        }
        return this;
      }

      @Override
      public Appendable append(CharSequence text, int start, int end) throws IOException {
        return append(text.subSequence(start, end));
      }

      @Override
      public Appendable append(char c) throws IOException {
        return append(String.valueOf(c));
      }
    };
    assertThatThrownBy(() -> CsvReport.write(report, failing, 2)).isInstanceOf(IOException.class)
        .hasMessage("No space left on device");
  }

  @Test
  void anEmptyReportIsItsHeader() throws IOException {
    IntervalGrid grid = IntervalGrid.ofDay(LocalDate.of(2026, 3, 29), AMSTERDAM, IntervalLength.MINUTES_15);
    Report report = ReportSpec.builder(grid).groupBy(Dimension.QUEUE).build().report(List.of());
    StringBuilder out = new StringBuilder();
    CsvReport.write(report, out, 4);
    assertThat(out.toString()).startsWith("queue,interval_start,interval_end,arrivals,").endsWith("\r\n");
    assertThat(out.toString().split("\r\n")).hasSize(1);
  }
}
