package io.github.callmetrics.internal;

import java.util.Arrays;

/**
 * An exact set of identifiers for duplicate checks over millions of records: the characters of every id
 * are kept in one growing {@code char[]} and found through an open-addressing table of offsets, so adding
 * an id allocates no object (a {@code HashSet<String>} costs a node and a string per id, and its garbage
 * collection dominated reading a large file). Comparison is exact, character by character. Not thread-safe.
 */
public final class IdSet {
  private char[] chars = new char[1 << 12];
  private int used;
  /** Per slot: the id's offset in {@code chars} plus one, or 0 for an empty slot. */
  private int[] offsets = new int[1 << 10];
  private int[] lengths = new int[1 << 10];
  private int[] hashes = new int[1 << 10];
  private int size;

  /**
   * Adds an id.
   *
   * @param id  the id, not null
   * @return true if the id was not in the set
   */
  public boolean add(String id) {
    if (size * 2 >= offsets.length) {
      rehash(offsets.length * 2);
    }
    int hash = spread(id.hashCode());
    int mask = offsets.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int offset = offsets[slot];
      if (offset == 0) {
        store(slot, id, hash);
        return true;
      }
      if (hashes[slot] == hash && equalsAt(offset - 1, lengths[slot], id)) {
        return false;
      }
    }
  }

  /** Returns how many ids the set holds. */
  public int size() {
    return size;
  }

  private void store(int slot, String id, int hash) {
    int length = id.length();
    if (used + length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
    }
    id.getChars(0, length, chars, used);
    offsets[slot] = used + 1;
    lengths[slot] = length;
    hashes[slot] = hash;
    used += length;
    size++;
  }

  private boolean equalsAt(int offset, int length, String id) {
    if (length != id.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (chars[offset + i] != id.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void rehash(int capacity) {
    int[] oldOffsets = offsets;
    int[] oldLengths = lengths;
    int[] oldHashes = hashes;
    offsets = new int[capacity];
    lengths = new int[capacity];
    hashes = new int[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < oldOffsets.length; i++) {
      if (oldOffsets[i] != 0) {
        int slot = oldHashes[i] & mask;
        while (offsets[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        offsets[slot] = oldOffsets[i];
        lengths[slot] = oldLengths[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }

  /** Mixes the high bits of a string hash into the low ones the table indexes by. */
  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
