package io.github.callmetrics.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The runner runs its cases, and a failure says which seed reproduces it and how to re-run it. */
class PropertyRunnerTest {

  @Test
  void aFailureNamesItsSeedTheInputsAndTheCommandThatReRunsIt() {
    AssertionError error = catchThrowableOfType(AssertionError.class, () -> PropertyRunner.forAll(10, g -> {
      long draw = g.note("draw", g.nextLong(1_000_000));
      throw new IllegalStateException("draw " + draw + " is unlucky");
    }));
    String message = error.getMessage();
    long seed = Long.parseLong(message.replaceAll("(?s).* failed on case 1 of \\d+, seed (-?\\d+) .*", "$1"));
    long draw = Long.parseLong(message.replaceAll("(?s).*\n  draw: (\\d+)\n.*", "$1"));

    assertThat(message).startsWith("property PropertyRunnerTest.aFailureNamesItsSeedTheInputsAndTheCommandThatReRunsIt"
        + " failed on case 1 of ")
        .contains("\n  re-run this case: mvn -q -B test"
            + " -Dtest=PropertyRunnerTest#aFailureNamesItsSeedTheInputsAndTheCommandThatReRunsIt"
            + " -Dcallmetrics.seed=" + seed + " -Dcallmetrics.cases=1\n")
        .endsWith("\n  failure: java.lang.IllegalStateException: draw " + draw + " is unlucky");
    assertThat(error.getCause()).isInstanceOf(IllegalStateException.class);
    // The seed alone reproduces the case's inputs.
    assertThat(Generators.of(seed).nextLong(1_000_000)).isEqualTo(draw);
  }

  @Test
  void everyCaseRunsWithItsOwnSeedTheFirstWithTheBaseSeed() {
    AtomicInteger runs = new AtomicInteger();
    long[] first = new long[2];
    PropertyRunner.forAll(50, g -> {
      long draw = g.nextLong(Long.MAX_VALUE);
      if (runs.getAndIncrement() < 2) {
        first[runs.get() - 1] = draw;
      }
    });
    assertThat(runs.get()).isEqualTo(Integer.getInteger(PropertyRunner.CASES_PROPERTY, 50));
    String given = System.getProperty(PropertyRunner.SEED_PROPERTY);
    if (given == null || given.isBlank()) {
      long base = PropertyRunner.DEFAULT_SEED;
      assertThat(first[0]).isEqualTo(Generators.of(base).nextLong(Long.MAX_VALUE));
      if (runs.get() > 1) {
        assertThat(first[1]).isEqualTo(Generators.of(PropertyRunner.nextSeed(base)).nextLong(Long.MAX_VALUE))
            .isNotEqualTo(first[0]);
      }
    }
  }

  @Test
  void seedsAreWellSpread() {
    // SplitMix64's step: consecutive seeds differ in about half their bits.
    long seed = PropertyRunner.DEFAULT_SEED;
    for (int i = 0; i < 1_000; i++) {
      long next = PropertyRunner.nextSeed(seed);
      assertThat(Long.bitCount(seed ^ next)).as("step %d", i).isBetween(12, 52);
      seed = next;
    }
  }
}
