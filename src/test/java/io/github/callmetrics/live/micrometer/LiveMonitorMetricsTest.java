package io.github.callmetrics.live.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Channel;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.live.LiveMonitor;
import io.github.callmetrics.report.ReportSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LiveMonitorMetricsTest {
  private static final Instant NINE = Instant.parse("2026-03-16T09:00:00Z");

  private static LiveMonitor monitor() {
    return LiveMonitor.builder(ReportSpec.builder(IntervalGrid.ofDay(LocalDate.of(2026, 3, 16), ZoneOffset.UTC,
        IntervalLength.MINUTES_15)).definitions(Preset.DEFAULT.definition(), Preset.ASTERISK_SL.definition()).build())
        .build();
  }

  @Test
  void gaugesPublishTheLiveFiguresPerQueueChannelAndDefinition() {
    LiveMonitor monitor = monitor();
    monitor.entered("sales", "c1", Channel.VOICE, NINE);
    monitor.answered("sales", "c1", NINE.plusSeconds(5));
    monitor.entered("sales", "c2", Channel.VOICE, NINE.plusSeconds(6));
    monitor.abandoned("sales", "c2", NINE.plusSeconds(9));
    monitor.entered("sales", "c3", Channel.VOICE, NINE.plusSeconds(10));
    monitor.advanceTo(NINE.plusSeconds(25));

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LiveMonitorMetrics.of(monitor, Duration.ZERO).bindTo(registry);

    assertThat(registry.get("callmetrics.live.service.level").tags("queue", "sales", "channel", "voice",
        "definition", "Default").gauge().value()).isEqualTo(0.5); // A_T / O = 1 / 2
    assertThat(registry.get("callmetrics.live.service.level").tags("queue", "sales", "definition", "Asterisk SL")
        .gauge().value()).isEqualTo(1.0); // A_T / A = 1 / 1
    assertThat(registry.get("callmetrics.live.abandonment.rate").tags("queue", "sales").gauge().value())
        .isEqualTo(0.5);
    assertThat(registry.get("callmetrics.live.waiting").tags("queue", "sales").gauge().value()).isEqualTo(1);
    assertThat(registry.get("callmetrics.live.longest.wait").tags("queue", "sales").gauge().value()).isEqualTo(15);

    monitor.advanceTo(NINE.plusSeconds(31)); // c3 has waited 21 s: a miss, as if answered now
    assertThat(registry.get("callmetrics.live.service.level").tags("queue", "sales", "definition", "Default")
        .gauge().value()).isEqualTo(1.0 / 3);
  }

  @Test
  void undefinedIsNaNAndNewQueuesGetGauges() {
    LiveMonitor monitor = monitor();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LiveMonitorMetrics.of(monitor, Duration.ZERO).bindTo(registry);
    assertThat(registry.getMeters()).isEmpty();

    monitor.entered("support", "c1", Channel.CHAT, NINE);
    assertThat(registry.get("callmetrics.live.service.level").tags("queue", "support", "channel", "chat",
        "definition", "Default").gauge().value()).isNaN();
    assertThat(registry.get("callmetrics.live.waiting").tags("queue", "support").gauge().value()).isEqualTo(1);
  }

  @Test
  void nothingOutsideTheMicrometerPackageImportsMicrometer() throws IOException {
    Path main = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.startsWith(main.resolve("io/github/callmetrics/live/micrometer")))
          .filter(p -> !p.endsWith("module-info.java"))
          .filter(p -> {
            try {
              return Files.readString(p).contains("io.micrometer");
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .collect(Collectors.toList());
      assertThat(offenders).isEmpty();
    }
  }
}
