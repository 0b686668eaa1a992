package io.github.callmetrics.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdSetTest {
  private static boolean add(IdSet ids, int group, String id) {
    byte[] bytes = id.getBytes(UTF_8);
    return ids.add(group, bytes, 0, bytes.length);
  }

  @Test
  void agreesWithAHashSetOnRandomIdsInGroupsThroughManyDoublings() {
    SplittableRandom random = new SplittableRandom(5);
    IdSet ids = new IdSet(2);
    Set<String> reference = new HashSet<>();
    for (int i = 0; i < 200_000; i++) {
      int group = random.nextInt(3) == 0 ? 200 + random.nextInt(3) : random.nextInt(3); // 200+ takes a 2-byte varint
      String id = random.nextInt(4) == 0 ? "Aa" + random.nextInt(1000) : Long.toString(random.nextLong(150_000), 36);
      assertThat(add(ids, group, id)).as("id %s in %d at %d (seed 5)", id, group, i)
          .isEqualTo(reference.add(group + "/" + id));
    }
    assertThat(ids.size()).isEqualTo(reference.size());
    // At most half full after every doubling: 2 slots grew to the first power of two ≥ 2 × size.
    assertThat(ids.capacity()).isEqualTo(Integer.highestOneBit(2 * reference.size() - 1) << 1);
  }

  @Test
  void sameIdInAnotherGroupIsAnotherKey() {
    IdSet ids = new IdSet();
    assertThat(add(ids, 0, "1795411251.1")).isTrue();
    assertThat(add(ids, 1, "1795411251.1")).isTrue();
    assertThat(add(ids, 0, "1795411251.1")).isFalse();
    assertThat(add(ids, 1, "1795411251.1")).isFalse();
    assertThat(ids.size()).isEqualTo(2);
  }

  @Test
  void idsDifferingInOneByteAtEveryPositionAndLengthAreDifferent() {
    // Lengths around the 8-byte words the hash reads, and a byte changed at each position: the overlapping
    // last word and the short-id path must see every byte.
    IdSet ids = new IdSet(4);
    Set<String> reference = new HashSet<>();
    for (int len = 0; len <= 25; len++) {
      String base = "abcdefghijklmnopqrstuvwxyz".substring(0, len);
      assertThat(add(ids, 0, base)).isEqualTo(reference.add(base));
      for (int p = 0; p < len; p++) {
        String changed = base.substring(0, p) + 'Z' + base.substring(p + 1);
        assertThat(add(ids, 0, changed)).as(changed).isEqualTo(reference.add(changed));
      }
    }
    assertThat(ids.size()).isEqualTo(reference.size());
    assertThat(add(ids, 0, "")).isFalse();
    assertThat(add(ids, 0, "abcdefghi")).isFalse();
  }

  @Test
  void idsAreComparedAsBytesFromAnyOffset() {
    IdSet ids = new IdSet();
    byte[] row = "x,caf\u00e9-1,y".getBytes(UTF_8);
    assertThat(ids.add(0, row, 2, 7)).isTrue();
    byte[] alone = "caf\u00e9-1".getBytes(UTF_8);
    assertThat(ids.add(0, alone, 0, alone.length)).isFalse();
    assertThat(add(ids, 0, "cafe-1")).isTrue();
  }

  @Test
  void idsLongerThanAPageAndManyPagesAreKept() {
    IdSet ids = new IdSet();
    String longId = "L".repeat(3 << 20); // longer than a 256 KiB page: a page of its own
    assertThat(add(ids, 0, longId)).isTrue();
    for (int i = 0; i < 150_000; i++) { // about 3 MiB of short ids after it, over several pages
      assertThat(add(ids, 0, "id-" + i + "-0123456789")).isTrue();
    }
    assertThat(add(ids, 0, longId)).isFalse();
    assertThat(add(ids, 0, longId.substring(1))).isTrue();
    assertThat(add(ids, 0, "id-0-0123456789")).isFalse();
    assertThat(add(ids, 0, "id-149999-0123456789")).isFalse();
    assertThat(ids.size()).isEqualTo(150_002);
  }

  @Test
  void expectSizesTheTableOnceAndKeepsWhatItHolds() {
    IdSet ids = new IdSet(4);
    assertThat(add(ids, 0, "a")).isTrue();
    assertThat(add(ids, 0, "b")).isTrue();

    ids.expect(1000); // 1000 keys at most half full: 2048 slots
    assertThat(ids.capacity()).isEqualTo(2048);
    assertThat(add(ids, 0, "a")).isFalse();
    for (int i = 0; i < 998; i++) {
      assertThat(add(ids, 0, "k" + i)).isTrue();
    }
    assertThat(ids.capacity()).isEqualTo(2048); // 1000 keys: no doubling on the way
    assertThat(add(ids, 0, "one more")).isTrue();
    assertThat(ids.capacity()).isEqualTo(2048);

    ids.expect(10); // never shrinks
    assertThat(ids.capacity()).isEqualTo(2048);
    assertThat(ids.size()).isEqualTo(1001);
  }

  @Test
  void hashSpreadsSequentialIdsOverTheLowBits() {
    // Call ids are often sequential (1795411251.1, .2, ...): the slots they take must not cluster.
    int slots = 1 << 12;
    boolean[] used = new boolean[slots];
    int distinct = 0;
    for (int i = 0; i < slots / 2; i++) {
      byte[] id = ("1795411251." + i).getBytes(UTF_8);
      int slot = Bytes.hash(0, id, 0, id.length) & (slots - 1);
      if (!used[slot]) {
        used[slot] = true;
        distinct++;
      }
    }
    // 2048 keys in 4096 slots at random would take 4096 × (1 − e^−0.5) ≈ 1612 distinct slots.
    assertThat(distinct).isBetween(1500, 1720);
  }

  @Test
  void rejectsANegativeGroupAndATableSizeNotAPowerOfTwo() {
    assertThatThrownBy(() -> add(new IdSet(), -1, "a")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("group -1 is negative");
    assertThatThrownBy(() -> new IdSet(12)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initialSlots 12 is not a power of two of 2 or more");
  }

  @Test
  void anIdWithTheSameHashCodeAsItsOwnPrefixIsDifferent() {
    // "\0" and "\0\0" both hash to 0: the stored id is a prefix of the new one, so only the lengths differ.
    IdSet ids = new IdSet();
    assertThat("\0".hashCode()).isEqualTo("\0\0".hashCode()).isZero();
    assertThat(add(ids, 0, "\0")).isTrue();
    assertThat(add(ids, 0, "\0\0")).isTrue();
    assertThat(add(ids, 0, "\0\0")).isFalse();
    assertThat(add(ids, 0, "\0")).isFalse();
    assertThat(ids.size()).isEqualTo(2);
  }

  @Test
  void anIdLongerThanAPageOfTheStoreIsKept() {
    // Ids are stored in pages of 256 KiB; one of 300,000 bytes must still be kept whole and compared whole.
    IdSet ids = new IdSet();
    assertThat(add(ids, 0, "x")).isTrue();
    assertThat(add(ids, 0, "y".repeat(300_000))).isTrue();
    assertThat(add(ids, 0, "y".repeat(300_000))).isFalse();
    assertThat(add(ids, 0, "y".repeat(299_999))).isTrue();
    assertThat(add(ids, 0, "y".repeat(299_999) + "z")).isTrue();
    assertThat(add(ids, 0, "x")).isFalse();
    assertThat(ids.size()).isEqualTo(4);
  }
}
