package io.github.callmetrics.tally;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.definition.ThresholdBoundary;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitDistributionTest {
  @Test
  void percentilesByNearestRank() {
    WaitDistribution d = WaitDistribution.of(9, 15, 25, 30, 40);
    assertThat(d.percentile(50)).contains(Duration.ofSeconds(25));
    assertThat(d.percentile(80)).contains(Duration.ofSeconds(30));
    assertThat(d.percentile(90)).contains(Duration.ofSeconds(40));
    assertThat(d.percentile(20)).contains(Duration.ofSeconds(9));
    assertThat(d.countWithin(25, ThresholdBoundary.INCLUSIVE)).isEqualTo(3);
    assertThat(d.countWithin(25, ThresholdBoundary.STRICT)).isEqualTo(2);
    assertThat(d.totalSeconds()).isEqualTo(119);
  }
}
