package io.github.callmetrics.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The open-addressing table of waiting calls against a HashMap, under removal in every position and rehash. */
class WaitingTableTest {
  private record Arrival(long second, int nano, Channel channel) {}

  /** Ids whose String hashes are all equal ("Aa" and "BB" hash alike), so every one probes the same run. */
  private static List<String> colliding(int pairs) {
    List<String> ids = new ArrayList<>();
    for (int mask = 0; mask < 1 << pairs; mask++) {
      StringBuilder id = new StringBuilder();
      for (int i = 0; i < pairs; i++) {
        id.append((mask >> i & 1) == 0 ? "Aa" : "BB");
      }
      ids.add(id.toString());
    }
    return ids;
  }

  private static void assertSame(WaitingTable table, Map<String, Arrival> model) {
    assertThat(table.size()).isEqualTo(model.size());
    int occupied = 0;
    for (int slot = 0; slot < table.capacity(); slot++) {
      String id = table.id(slot);
      if (id != null) {
        occupied++;
        assertThat(table.find(id)).isEqualTo(slot);
        assertThat(new Arrival(table.arrivedSecond(slot), table.arrivedNano(slot), table.channel(slot)))
            .as(id).isEqualTo(model.get(id));
      }
    }
    assertThat(occupied).isEqualTo(model.size());
    for (String id : model.keySet()) {
      assertThat(table.find(id)).as(id).isNotNegative();
    }
  }

  @Test
  void findsWhatWasAddedWithItsArrivalAndChannel() {
    WaitingTable table = new WaitingTable();
    table.add("1795411251.1", -1_000_000_000L, 999_999_999, Channel.CALLBACK);
    table.add("1795411251.2", 1_795_411_251L, 0, Channel.VOICE);
    int slot = table.find("1795411251.1");
    assertThat(table.arrivedSecond(slot)).isEqualTo(-1_000_000_000L);
    assertThat(table.arrivedNano(slot)).isEqualTo(999_999_999);
    assertThat(table.channel(slot)).isEqualTo(Channel.CALLBACK);
    assertThat(table.find(new String("1795411251.2"))).isNotNegative(); // equal, not the same object
    assertThat(table.find("1795411251.3")).isEqualTo(-1);
    table.remove(slot);
    assertThat(table.find("1795411251.1")).isEqualTo(-1);
    assertThat(table.size()).isEqualTo(1);
  }

  @Test
  void removalInTheMiddleOfACollidingRunKeepsEveryOtherCallFindable() {
    List<String> ids = colliding(3); // 8 ids, one hash: one probe run
    for (int removed = 0; removed < ids.size(); removed++) {
      WaitingTable table = new WaitingTable(32);
      Map<String, Arrival> model = new HashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        Arrival a = new Arrival(i, i * 7, Channel.values()[i % Channel.values().length]);
        table.add(ids.get(i), a.second(), a.nano(), a.channel());
        model.put(ids.get(i), a);
      }
      table.remove(table.find(ids.get(removed)));
      model.remove(ids.get(removed));
      assertSame(table, model);
    }
  }

  @Test
  void aFullSmallTableOfCollidingRunsAgreesWithAHashMapWhereverTheRunsStartAndWrap() {
    // Capacity 8 holds 4 calls without a rehash. Groups of 4 ids that collide with each other (a prefix before
    // "Aa"/"BB" pairs) have homes all over the table, so runs start at every slot and wrap past the last.
    SplittableRandom random = new SplittableRandom(8);
    List<String> pool = new ArrayList<>();
    for (int prefix = 0; prefix < 40; prefix++) {
      for (String tail : colliding(2)) {
        pool.add("p" + prefix + tail);
      }
    }
    WaitingTable table = new WaitingTable(8);
    Map<String, Arrival> model = new HashMap<>();
    for (int step = 0; step < 20_000; step++) {
      String id = pool.get(random.nextInt(pool.size()));
      int slot = table.find(id);
      if (slot >= 0) {
        table.remove(slot);
        model.remove(id);
      } else if (model.size() < 4) {
        table.add(id, step, step % 1000, Channel.CHAT);
        model.put(id, new Arrival(step, step % 1000, Channel.CHAT));
      }
      assertSame(table, model);
    }
    assertThat(table.capacity()).isEqualTo(8);
  }

  @Test
  void agreesWithAHashMapUnderRandomAddsAndRemovesThroughRehashes() {
    SplittableRandom random = new SplittableRandom(6);
    WaitingTable table = new WaitingTable(2);
    Map<String, Arrival> model = new HashMap<>();
    List<String> pool = colliding(6); // 64 colliding ids
    for (int i = 0; i < 2000; i++) {
      pool.add("c" + i);
    }
    for (int step = 0; step < 20_000; step++) {
      String id = pool.get(random.nextInt(pool.size()));
      int slot = table.find(id);
      assertThat(slot >= 0).as("%s at step %d", id, step).isEqualTo(model.containsKey(id));
      if (slot >= 0) {
        table.remove(slot);
        model.remove(id);
      } else {
        Arrival a = new Arrival(random.nextLong(-5_000_000_000L, 5_000_000_000L), random.nextInt(1_000_000_000),
            Channel.values()[random.nextInt(Channel.values().length)]);
        table.add(id, a.second(), a.nano(), a.channel());
        model.put(id, a);
      }
      if (step % 997 == 0) {
        assertSame(table, model);
      }
    }
    assertSame(table, model);
    assertThat(table.capacity()).isGreaterThanOrEqualTo(2 * model.size());
  }

  @Test
  void aCapacityThatIsNotAPowerOfTwoIsRejected() {
    assertThatThrownBy(() -> new WaitingTable(12))
        .hasMessage("capacity 12 is not a power of two from 2 to 2^30");
  }
}
