package io.github.callmetrics.tally;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.testing.Generators;
import io.github.callmetrics.testing.PropertyRunner;
import io.github.callmetrics.testing.Scene;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Merge laws of tallies on random sets of calls ({@link PropertyRunner}: a failure names its seed and the command
 * that re-runs it): merging is associative and commutative with the empty snapshot as identity, the merge of
 * the tallies of two sets is the tally of their union, and removing undoes adding.
 */
class TallyPropertiesTest {
  private static List<Call> calls(Generators g, String name) {
    Scene scene = g.scene();
    return g.note(name, g.calls(scene, g.size(40)));
  }

  @Test
  void mergeIsAssociativeAndCommutativeWithTheEmptySnapshotAsIdentity() {
    PropertyRunner.forAll(2_000, g -> {
      TallySnapshot a = TallySnapshot.of(calls(g, "a"));
      TallySnapshot b = TallySnapshot.of(calls(g, "b"));
      TallySnapshot c = TallySnapshot.of(calls(g, "c"));
      assertThat(a.plus(b).plus(c)).as("associative").isEqualTo(a.plus(b.plus(c)));
      assertThat(a.plus(b)).as("commutative").isEqualTo(b.plus(a));
      assertThat(a.plus(b).hashCode()).as("hash of equal merges").isEqualTo(b.plus(a).hashCode());
      assertThat(a.plus(TallySnapshot.empty())).as("right identity").isEqualTo(a);
      assertThat(TallySnapshot.empty().plus(a)).as("left identity").isEqualTo(a);
    });
  }

  @Test
  void theMergeOfTheTalliesOfTwoSetsIsTheTallyOfTheirUnion() {
    PropertyRunner.forAll(2_000, g -> {
      List<Call> left = calls(g, "left");
      List<Call> right = calls(g, "right");
      List<Call> union = new ArrayList<>(left);
      union.addAll(right);
      TallySnapshot expected = TallySnapshot.of(union);

      assertThat(TallySnapshot.of(left).plus(TallySnapshot.of(right))).as("plus").isEqualTo(expected);

      CallTally merged = new CallTally();
      merged.addAll(left);
      CallTally other = new CallTally();
      other.addAll(right);
      merged.addAll(other);
      assertThat(merged.snapshot()).as("addAll(CallTally)").isEqualTo(expected);
      assertThat(other.snapshot()).as("the other tally is unchanged").isEqualTo(TallySnapshot.of(right));

      CallTally viaSnapshot = new CallTally();
      viaSnapshot.addAll(TallySnapshot.of(right));
      viaSnapshot.addAll(left);
      assertThat(viaSnapshot.snapshot()).as("addAll(TallySnapshot), then calls").isEqualTo(expected);

      // Per-event counting: arrivals in one tally, outcomes in another, merged, equal counting each call whole.
      CallTally arrivals = new CallTally();
      CallTally outcomes = new CallTally();
      for (Call call : union) {
        arrivals.countArrival();
        outcomes.countOutcome(call);
      }
      arrivals.addAll(outcomes);
      assertThat(arrivals.snapshot()).as("arrivals and outcomes counted apart").isEqualTo(expected);
      assertThat(expected.arrivals()).as("every call counted once").isEqualTo(union.size())
          .isEqualTo(expected.ended() + expected.waiting());
    });
  }

  @Test
  void removingACallUndoesAddingIt() {
    PropertyRunner.forAll(2_000, g -> {
      List<Call> calls = calls(g, "calls");
      CallTally tally = new CallTally();
      tally.addAll(calls);
      List<Call> left = new ArrayList<>(calls);
      while (!left.isEmpty()) {
        Call removed = left.remove(g.nextInt(left.size()));
        tally.remove(removed);
        assertThat(tally.snapshot()).as("after removing %s", removed).isEqualTo(TallySnapshot.of(left));
      }
      assertThat(tally.snapshot()).isEqualTo(TallySnapshot.empty());
    });
  }
}
