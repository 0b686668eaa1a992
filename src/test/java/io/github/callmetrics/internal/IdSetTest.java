package io.github.callmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdSetTest {
  @Test
  void agreesWithAHashSetOnRandomIdsWithCollisionsAndDuplicates() {
    SplittableRandom random = new SplittableRandom(5);
    IdSet ids = new IdSet();
    Set<String> reference = new HashSet<>();
    for (int i = 0; i < 200_000; i++) {
      String id = random.nextInt(4) == 0 ? "Aa" + random.nextInt(1000) : Long.toString(random.nextLong(150_000), 36);
      assertThat(ids.add(id)).as("id %s at %d (seed 5)", id, i).isEqualTo(reference.add(id));
    }
    assertThat(ids.size()).isEqualTo(reference.size());
  }

  @Test
  void stringsWithTheSameHashCodeAreStillDifferent() {
    IdSet ids = new IdSet();
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat(ids.add("Aa")).isTrue();
    assertThat(ids.add("BB")).isTrue();
    assertThat(ids.add("Aa")).isFalse();
    assertThat(ids.add("")).isTrue();
    assertThat(ids.add("")).isFalse();
    assertThat(ids.size()).isEqualTo(3);
  }
}
