package io.github.callmetrics.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.FlowOutReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CallTallyRemoveTest {
  private static final Instant T0 = Instant.parse("2026-03-16T09:00:00Z");

  @Test
  void removingCallsLeavesTheTallyOfTheRest() {
    SplittableRandom random = new SplittableRandom(5);
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Instant arrived = T0.plusMillis(random.nextLong(3_600_000));
      Instant out = arrived.plusMillis(random.nextInt(10) == 0 ? random.nextLong(9_000_000) : random.nextLong(60_000));
      int kind = random.nextInt(4);
      calls.add(kind == 0 ? Call.answered("c" + i, "q", arrived, out)
              .withHandleTime(Duration.ofMillis(random.nextLong(600_000)))
          : kind == 1 ? Call.abandoned("c" + i, "q", arrived, out)
          : kind == 2 ? Call.leftUnanswered("c" + i, "q", arrived, out, FlowOutReason.TIMEOUT)
          : Call.waiting("c" + i, "q", arrived));
    }
    CallTally tally = new CallTally();
    tally.addAll(calls);
    for (Call c : calls.subList(0, 1200)) {
      tally.remove(c);
    }
    assertThat(tally.snapshot()).isEqualTo(TallySnapshot.of(calls.subList(1200, 2000)));
    for (Call c : calls.subList(1200, 2000)) {
      tally.remove(c);
    }
    assertThat(tally.snapshot()).isEqualTo(TallySnapshot.empty());
  }

  @Test
  void removingACallNeverAddedFailsAndChangesNothing() {
    CallTally tally = new CallTally();
    tally.add(Call.answered("a", "q", T0, T0.plusSeconds(3)));
    TallySnapshot before = tally.snapshot();
    assertThatThrownBy(() -> tally.remove(Call.answered("b", "q", T0, T0.plusSeconds(4))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot remove Call{b q voice arrived " + T0 + " answered " + T0.plusSeconds(4) + "}: the tally has"
            + " no answered call with a wait of 4 s (expected a call added before and not removed since)");
    assertThat(tally.snapshot()).isEqualTo(before);
  }
}
