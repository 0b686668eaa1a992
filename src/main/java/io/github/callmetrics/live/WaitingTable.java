package io.github.callmetrics.live;

import io.github.callmetrics.call.Channel;
import org.jspecify.annotations.Nullable;

/**
 * The calls waiting in one queue, by id: an open-addressing hash table with linear probing, so entering and
 * leaving the queue allocate nothing, unlike a {@code HashMap} entry and a value object per call.
 *
 * <p>A slot holds the id (the caller's string) and two longs side by side: the arrival's epoch second, and
 * the id's mixed hash (31 bits), the arrival's nanosecond and the channel's ordinal packed together. A
 * lookup compares the hash bits before it touches an id string. Removal shifts the following entries of the
 * probe run back (no tombstones), so lookups stay short however many calls come and go; the table doubles
 * when it is more than half full and never shrinks (a queue's waiting calls peak at a few hundred). A slot
 * is an index from 0 to {@link #capacity()}, occupied when {@link #id(int)} is not null. Not thread-safe:
 * guarded by the queue's lock.
 */
final class WaitingTable {
  private static final Channel[] CHANNELS = Channel.values();

  private @Nullable String[] ids;
  /** Per slot {@code 2·slot}: arrival epoch second; {@code 2·slot + 1}: {@code hash31 << 33 | nano << 3 | channel}. */
  private long[] data;
  private int mask;
  /** {@code 32 − log2(capacity)}: a mixed hash's top bits pick the home slot. */
  private int shift;
  private int size;

  WaitingTable() {
    this(16);
  }

  /**
   * Creates a table of a capacity.
   *
   * @param capacity  a power of two from 2 to 2^30
   */
  WaitingTable(int capacity) {
    if (capacity < 2 || capacity > 1 << 30 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity " + capacity + " is not a power of two from 2 to 2^30");
    }
    ids = new String[capacity];
    data = new long[2 * capacity];
    mask = capacity - 1;
    shift = 32 - Integer.numberOfTrailingZeros(capacity);
  }

  /** Returns how many calls wait. */
  int size() {
    return size;
  }

  /** Returns the number of slots. */
  int capacity() {
    return ids.length;
  }

  /** Returns the slot of a waiting call, or -1 if the call does not wait here. */
  @SuppressWarnings("ReferenceEquality") // identity first: a feed usually hands the same id string back
  int find(String id) {
    int hash = hash(id);
    for (int slot = home(hash); ; slot = (slot + 1) & mask) {
      String here = ids[slot];
      if (here == null) {
        return -1;
      }
      if (hashBits(slot) == hash && (here == id || here.equals(id))) {
        return slot;
      }
    }
  }

  /**
   * Adds a call that does not wait here yet.
   *
   * @param id  the call's id, not waiting here (check with {@link #find} first)
   * @param arrivedSecond  the epoch second of its arrival
   * @param arrivedNano  the nanosecond of its arrival, from 0 to 999,999,999
   * @param channel  its channel
   */
  void add(String id, long arrivedSecond, int arrivedNano, Channel channel) {
    if (size + 1 > (ids.length >>> 1)) {
      rehash(ids.length * 2);
    }
    int hash = hash(id);
    int slot = home(hash);
    while (ids[slot] != null) {
      slot = (slot + 1) & mask;
    }
    ids[slot] = id;
    data[2 * slot] = arrivedSecond;
    data[2 * slot + 1] = (long) hash << 33 | (long) arrivedNano << 3 | channel.ordinal();
    size++;
  }

  /** Removes the call in a slot, moving back the entries its removal would cut off from their home slots. */
  void remove(int slot) {
    int gap = slot;
    for (int next = (gap + 1) & mask; ; next = (next + 1) & mask) {
      String id = ids[next];
      if (id == null) {
        break;
      }
      int home = home(hashBits(next));
      // The entry at next may fill the gap if its home is not cyclically within (gap, next].
      if (((next - home) & mask) >= ((next - gap) & mask)) {
        ids[gap] = id;
        data[2 * gap] = data[2 * next];
        data[2 * gap + 1] = data[2 * next + 1];
        gap = next;
      }
    }
    ids[gap] = null;
    size--;
  }

  /** Returns the id in a slot, or null if the slot is free. */
  @Nullable String id(int slot) {
    return ids[slot];
  }

  long arrivedSecond(int slot) {
    return data[2 * slot];
  }

  int arrivedNano(int slot) {
    return (int) (data[2 * slot + 1] >>> 3) & 0x3FFF_FFFF;
  }

  Channel channel(int slot) {
    return CHANNELS[(int) data[2 * slot + 1] & 7];
  }

  private int hashBits(int slot) {
    return (int) (data[2 * slot + 1] >>> 33);
  }

  private void rehash(int capacity) {
    @Nullable String[] oldIds = ids;
    long[] oldData = data;
    ids = new String[capacity];
    data = new long[2 * capacity];
    mask = capacity - 1;
    shift = 32 - Integer.numberOfTrailingZeros(capacity);
    for (int i = 0; i < oldIds.length; i++) {
      String id = oldIds[i];
      if (id != null) {
        int slot = home((int) (oldData[2 * i + 1] >>> 33));
        while (ids[slot] != null) {
          slot = (slot + 1) & mask;
        }
        ids[slot] = id;
        data[2 * slot] = oldData[2 * i];
        data[2 * slot + 1] = oldData[2 * i + 1];
      }
    }
  }

  /**
   * An id's hash times 2^32/φ (Fibonacci hashing), top 31 bits: ids that differ only in their last characters,
   * whose {@code String} hashes differ only in the low bits, get different top bits.
   */
  private static int hash(String id) {
    return (id.hashCode() * 0x9E3779B9) >>> 1;
  }

  /** The slot a hash belongs in: its top bits. */
  private int home(int hash) {
    return (hash << 1) >>> shift;
  }

  @Override
  public String toString() {
    return "WaitingTable{" + size + " of " + ids.length + " slots}";
  }
}
