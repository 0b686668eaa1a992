package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OpenCallsTest {
  private static OpenCall call(String id) {
    byte[] key = id.getBytes(UTF_8);
    return new OpenCall(key, OpenCalls.hash(key, 0, key.length), id, "q1", 100, "queue_log", 1);
  }

  /** Looks an id up from inside a larger array, as the reader does from its line buffer. */
  private static OpenCall get(OpenCalls calls, String id) {
    byte[] line = ("100|" + id + "|q1").getBytes(UTF_8);
    int len = id.getBytes(UTF_8).length;
    return calls.get(OpenCalls.hash(line, 4, len), line, 4, len);
  }

  /**
   * Adds calls to a table, the {@code k}-th with an id whose home slot is {@code homes[k]} (ids that share a
   * home are different ids).
   */
  private static OpenCall[] addAt(OpenCalls calls, int... homes) {
    OpenCall[] added = new OpenCall[homes.length];
    int next = 0;
    for (int k = 0; k < homes.length; k++) {
      for (int i = next; ; i++) {
        byte[] b = ("1795411251." + i).getBytes(UTF_8);
        if ((OpenCalls.hash(b, 0, b.length) & (calls.capacity() - 1)) == homes[k]) {
          added[k] = call("1795411251." + i);
          calls.add(added[k]);
          next = i + 1;
          break;
        }
      }
    }
    return added;
  }

  private static List<String> ids(List<OpenCall> calls) {
    List<String> ids = new ArrayList<>();
    calls.forEach(c -> ids.add(c.id));
    return ids;
  }

  @Test
  void findsAddedCallsByTheBytesOfTheirIdAndRemovesThem() {
    OpenCalls calls = new OpenCalls();
    OpenCall a = call("1795411251.1");
    OpenCall b = call("1795411251.2");
    calls.add(a);
    calls.add(b);

    assertThat(get(calls, "1795411251.1")).isSameAs(a);
    assertThat(get(calls, "1795411251.2")).isSameAs(b);
    assertThat(get(calls, "1795411251.3")).isNull();
    assertThat(get(calls, "1795411251.")).isNull(); // a prefix is another id
    assertThat(calls.size()).isEqualTo(2);

    calls.remove(a);
    assertThat(get(calls, "1795411251.1")).isNull();
    assertThat(get(calls, "1795411251.2")).isSameAs(b);
    assertThat(calls.size()).isEqualTo(1);
    calls.remove(a); // no longer open: nothing changes
    assertThat(calls.size()).isEqualTo(1);
  }

  @Test
  void removalShiftsTheFollowingCallsBackAcrossTheEndOfTheTable() {
    // 8 slots. Two ids at home 7: the first sits in 7, the second wraps to 0; an id at home 0 is pushed to 1;
    // an id at home 6 sits there.
    OpenCalls calls = new OpenCalls(8);
    OpenCall[] c = addAt(calls, 7, 7, 0, 6);
    assertThat(calls.capacity()).isEqualTo(8);

    // Removing the call in slot 7 must move the wrapped call back to 7 and the pushed one back to 0: without
    // the shift, a lookup of either would stop at the empty slot 7 or 0 and miss it.
    calls.remove(c[0]);
    assertThat(get(calls, c[0].id)).isNull();
    assertThat(Arrays.asList(get(calls, c[1].id), get(calls, c[2].id), get(calls, c[3].id)))
        .containsExactly(c[1], c[2], c[3]);

    // Removing the wrapped call, now in 7, leaves the pushed one in 0, its home slot.
    calls.remove(c[1]);
    assertThat(get(calls, c[2].id)).isSameAs(c[2]);
    calls.remove(c[3]);
    assertThat(get(calls, c[2].id)).isSameAs(c[2]);
    assertThat(calls.size()).isEqualTo(1);
    assertThat(calls.capacity()).isEqualTo(8);
  }

  @Test
  void aCallAtItsHomeSlotIsNotMovedBeforeIt() {
    // 8 slots: ids at homes 2, 2, 3, 4 sit in 2, 3, 4, 5. Removing the one in 3 moves the next two back to
    // their homes 3 and 4; removing the one in 2 then moves neither: a call never moves before its home.
    OpenCalls calls = new OpenCalls(8);
    OpenCall[] c = addAt(calls, 2, 2, 3, 4);
    calls.remove(c[1]);
    assertThat(Arrays.asList(get(calls, c[0].id), get(calls, c[2].id), get(calls, c[3].id)))
        .containsExactly(c[0], c[2], c[3]);
    calls.remove(c[0]);
    assertThat(Arrays.asList(get(calls, c[2].id), get(calls, c[3].id))).containsExactly(c[2], c[3]);
    assertThat(ids(calls.removeAll())).containsExactly(c[2].id, c[3].id);
  }

  @Test
  void theTableDoublesToStayAtMostHalfFull() {
    OpenCalls calls = new OpenCalls(2);
    List<OpenCall> added = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      OpenCall c = call("1795411251." + i);
      calls.add(c);
      added.add(c);
      assertThat(calls.capacity()).isGreaterThanOrEqualTo(2 * calls.size());
    }
    assertThat(calls.size()).isEqualTo(1000);
    assertThat(calls.capacity()).isEqualTo(2048);
    for (OpenCall c : added) {
      assertThat(get(calls, c.id)).isSameAs(c);
    }
  }

  @Test
  void removeAllListsTheCallsInTheOrderAddedAndEmptiesTheTable() {
    OpenCalls calls = new OpenCalls(4);
    for (String id : List.of("c", "a", "b", "d")) {
      calls.add(call(id));
    }
    calls.remove(get(calls, "a"));
    calls.add(call("a")); // back again: now the last
    calls.add(call("e"));

    assertThat(ids(calls.removeAll())).containsExactly("c", "b", "d", "a", "e");
    assertThat(calls.size()).isZero();
    assertThat(get(calls, "c")).isNull();
    assertThat(calls.removeAll()).isEmpty();
    calls.add(call("f"));
    assertThat(ids(calls.removeAll())).containsExactly("f");
  }

  @Test
  void agreesWithALinkedHashMapUnderRandomAddsAndRemoves() {
    SplittableRandom random = new SplittableRandom(11);
    OpenCalls calls = new OpenCalls(2);
    Map<String, OpenCall> reference = new LinkedHashMap<>();
    for (int step = 0; step < 100_000; step++) {
      String id = Integer.toString(random.nextInt(300), 36);
      OpenCall found = get(calls, id);
      assertThat(found).as("step %d, id %s", step, id).isSameAs(reference.get(id));
      if (found == null) {
        OpenCall c = call(id);
        calls.add(c);
        reference.put(id, c);
      } else {
        calls.remove(found);
        reference.remove(id);
      }
      assertThat(calls.size()).isEqualTo(reference.size());
      if (step % 20_000 == 19_999) {
        assertThat(calls.removeAll()).containsExactlyElementsOf(reference.values());
        reference.clear();
      }
    }
    assertThat(calls.capacity()).isLessThanOrEqualTo(1024);
  }

  @Test
  void theInitialSizeIsAPowerOfTwo() {
    assertThatIllegalArgumentException().isThrownBy(() -> new OpenCalls(6)).withMessageContaining("6");
    assertThatIllegalArgumentException().isThrownBy(() -> new OpenCalls(1));
  }
}
