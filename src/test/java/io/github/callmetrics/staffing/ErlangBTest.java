package io.github.callmetrics.staffing;

import static io.github.callmetrics.staffing.Digits.assertRelative;
import static io.github.callmetrics.staffing.Digits.assertShowsAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ErlangBTest {
  @Test
  void handWorked() {
    // B(1, A) = A / (1 + A); B(2, 1) = (1/2) / (1 + 1 + 1/2) = 1/5.
    assertThat(ErlangB.blockingProbability(1, 1)).isEqualTo(0.5);
    assertRelative(ErlangB.blockingProbability(2, 1), 0.2, 1e-15);
    ErlangB b = ErlangB.of(1, 2);
    assertRelative(b.carriedErlangs(), 0.8, 1e-15);
    assertRelative(b.occupancy(), 0.4, 1e-15);
  }

  @Test
  void classicTable() {
    // Source: the Erlang B table (for example Call Centre Helper's Erlang B calculator and any
    // telephony traffic table): 15 lines at 1% blocking carry 8.108 Erlangs; product spec §7.
    assertShowsAs(ErlangB.trafficFor(15, 0.01), "8.108");
    assertThat(ErlangB.blockingProbability(15, ErlangB.trafficFor(15, 0.01))).isLessThanOrEqualTo(0.01);
    // Source: product spec §7: at 10 Erlangs, 2% blocking needs 17 lines (B(16) = 0.02230, B(17) = 0.01295).
    assertShowsAs(ErlangB.blockingProbability(16, 10), "0.02230");
    assertShowsAs(ErlangB.blockingProbability(17, 10), "0.01295");
    assertThat(ErlangB.linesFor(10, 0.02)).isEqualTo(17);
  }

  @Test
  void atScale() {
    // Source: product spec §7: B(1000, 950) = 0.00364929.
    assertShowsAs(ErlangB.blockingProbability(1000, 950), "0.00364929");
    // Recomputed with mpmath at 40 digits: B(100000, 90000) = 1.980034096359060e-236.
    assertRelative(ErlangB.blockingProbability(100_000, 90_000), 1.980034096359060e-236, 1e-12);
  }

  @Test
  void moreLinesNeverBlockMore() {
    double previous = 1;
    for (int n = 1; n <= 200; n++) {
      double b = ErlangB.blockingProbability(n, 100);
      assertThat(b).isLessThan(previous);
      previous = b;
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> ErlangB.of(10, 0)).hasMessage("lines 0 is not positive (expected at least 1)");
    assertThatThrownBy(() -> ErlangB.linesFor(10, 1)).hasMessageContaining("maximum blocking 1.0 is outside (0, 1)");
    assertThatThrownBy(() -> ErlangB.of(-1, 3)).hasMessageContaining("traffic -1.0 Erlangs");
  }
}
