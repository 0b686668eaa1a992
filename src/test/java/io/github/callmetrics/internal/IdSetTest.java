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

  @Test
  void anIdWithTheSameHashCodeAsItsOwnPrefixIsDifferent() {
    // "\0" and "\0\0" both hash to 0: the stored id is a prefix of the new one, so only the lengths differ.
    IdSet ids = new IdSet();
    assertThat("\0".hashCode()).isEqualTo("\0\0".hashCode()).isZero();
    assertThat(ids.add("\0")).isTrue();
    assertThat(ids.add("\0\0")).isTrue();
    assertThat(ids.add("\0\0")).isFalse();
    assertThat(ids.add("\0")).isFalse();
    assertThat(ids.size()).isEqualTo(2);
  }

  @Test
  void anIdLongerThanTwiceTheCharacterStoreIsKept() {
    // The store starts at 4,096 characters; one id of 20,000 must make it grow past doubling.
    IdSet ids = new IdSet();
    assertThat(ids.add("x")).isTrue();
    String longId = "y".repeat(20_000);
    assertThat(ids.add(longId)).isTrue();
    assertThat(ids.add("y".repeat(20_000))).isFalse();
    assertThat(ids.add("y".repeat(19_999))).isTrue();
    assertThat(ids.add("x")).isFalse();
    assertThat(ids.size()).isEqualTo(3);
  }
}
