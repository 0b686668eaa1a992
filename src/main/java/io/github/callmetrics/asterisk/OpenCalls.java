package io.github.callmetrics.asterisk;

import io.github.callmetrics.internal.Bytes;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The open calls of a {@code queue_log} read, found by the bytes of their id, so that a line for a call
 * already open needs no string: open addressing with linear probing, at most half full, the calls' hashes
 * kept beside them so that a probe reads a call only when the hashes agree; removal shifts the calls after
 * the removed one back (no tombstones), so lookups stay short however many calls come and go. The calls
 * are listed in the order they were added, as a {@code LinkedHashMap} would. Not thread-safe.
 */
final class OpenCalls {
  private static final Comparator<OpenCall> ADDED = Comparator.comparingLong(c -> c.sequence);

  private @Nullable OpenCall[] calls;
  private int[] hashes;
  private int size;
  private long added;

  /** Creates an empty table. */
  OpenCalls() {
    this(64);
  }

  /** For tests: a small table exercises the doubling and the wrap-around at its end. */
  OpenCalls(int initialSlots) {
    if (Integer.bitCount(initialSlots) != 1 || initialSlots < 2) {
      throw new IllegalArgumentException("initialSlots " + initialSlots + " is not a power of two of 2 or more");
    }
    calls = new OpenCall[initialSlots];
    hashes = new int[initialSlots];
  }

  /** Returns the hash of a call id's bytes, as the table uses it. */
  static int hash(byte[] b, int off, int len) {
    return Bytes.hash(0, b, off, len);
  }

  /**
   * Returns the open call whose id has the given bytes.
   *
   * @param hash  the bytes' {@link #hash}
   * @return the call, or null if none is open with that id
   */
  @Nullable OpenCall get(int hash, byte[] b, int off, int len) {
    int mask = calls.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      OpenCall call = calls[i];
      if (call == null) {
        return null;
      }
      if (hashes[i] == hash && Arrays.equals(call.key, 0, call.key.length, b, off, off + len)) {
        return call;
      }
    }
  }

  /** Adds a call whose id is not open, after the others. */
  void add(OpenCall call) {
    if ((size + 1) * 2 > calls.length) {
      resize(calls.length * 2);
    }
    call.sequence = added++;
    place(calls, hashes, call);
    size++;
  }

  /** Removes a call, if open. */
  void remove(OpenCall call) {
    @Nullable OpenCall[] c = calls;
    int mask = c.length - 1;
    int i = call.hash & mask;
    while (c[i] != call) {
      if (c[i] == null) {
        return;
      }
      i = (i + 1) & mask;
    }
    // Backward shift: each call after the gap, up to the next empty slot, moves into the gap if the gap lies
    // between its home slot and where it is, so that every call stays reachable from its home slot.
    for (int j = (i + 1) & mask; c[j] != null; j = (j + 1) & mask) {
      int home = hashes[j] & mask;
      if (((j - home) & mask) >= ((j - i) & mask)) {
        c[i] = c[j];
        hashes[i] = hashes[j];
        i = j;
      }
    }
    c[i] = null;
    size--;
  }

  /** Returns how many calls are open. */
  int size() {
    return size;
  }

  /** Returns the table's length in slots: for tests of the doubling. */
  int capacity() {
    return calls.length;
  }

  /**
   * Removes every call.
   *
   * @return the calls that were open, in the order they were added
   */
  List<OpenCall> removeAll() {
    OpenCall[] open = new OpenCall[size];
    int n = 0;
    for (OpenCall call : calls) {
      if (call != null) {
        open[n++] = call;
      }
    }
    Arrays.sort(open, ADDED); // rare (a restart, the end of the log): sorting here keeps the lookups lean
    Arrays.fill(calls, null);
    size = 0;
    return Arrays.asList(open);
  }

  private void resize(int length) {
    @Nullable OpenCall[] c = new OpenCall[length];
    int[] h = new int[length];
    for (OpenCall call : calls) {
      if (call != null) {
        place(c, h, call);
      }
    }
    calls = c;
    hashes = h;
  }

  private static void place(@Nullable OpenCall[] c, int[] h, OpenCall call) {
    int mask = c.length - 1;
    int i = call.hash & mask;
    while (c[i] != null) {
      i = (i + 1) & mask;
    }
    c[i] = call;
    h[i] = call.hash;
  }
}
