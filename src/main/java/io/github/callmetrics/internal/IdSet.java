package io.github.callmetrics.internal;

import java.util.Arrays;

/**
 * An exact set of (group, id) keys for duplicate checks over millions of records, where an id is a run of
 * bytes (the UTF-8 of a call id) and a group a small number (a queue): the same id in two groups is two
 * keys. Adding a key allocates no object, and a new key costs one random memory access:
 *
 * <ul>
 *   <li>the table is one {@code long[]}, open addressing with linear probing, at most half full; a slot
 *       packs the key's 32-bit hash (high half) with where its bytes are (low half), so a probe compares
 *       hashes in the slot and reads the bytes only when the hashes agree, which for a new key almost never
 *       happens (one chance in 2<sup>32</sup> per occupied slot probed);
 *   <li>the keys' bytes are appended to pages of up to 256 KiB ({@code [group varint][length varint][bytes][line varint]}),
 *       so they are never copied again when the set grows; the table doubles, rehashed from the hashes it
 *       holds without reading the keys.
 * </ul>
 *
 * <p>Memory: 8 bytes per slot at a load between 1/4 and 1/2, so 16 to 32 bytes per key, plus the key's
 * bytes, about 2 bytes of header (a group below 128 and an id shorter than 128 bytes) and the line kept with
 * it (a varint: 4 bytes up to line 268 million). At most
 * 2<sup>29</sup> keys and 4 GiB of key bytes. Comparison is exact, byte by byte. Not thread-safe.
 */
public final class IdSet {
  /** Pages of 256 KiB: below half of G1's smallest region (1 MiB), so never a "humongous" object. */
  private static final int PAGE_BITS = 18;
  private static final int PAGE_BYTES = 1 << PAGE_BITS;
  private static final int MAX_PAGES = 1 << (32 - PAGE_BITS);
  private static final int MAX_TABLE = 1 << 30;
  private static final int FIRST_PAGE_BYTES = 1 << 12;

  private long[] table;
  private int size;
  private byte[][] pages = new byte[16][];
  private int pageCount;
  private byte[] page;
  private int used;
  private int[] hashes = new int[0];
  @SuppressWarnings("unused") // written so that the loads of addAll's first pass are kept
  private long touched;

  /** Creates an empty set. */
  public IdSet() {
    this(1 << 10);
  }

  /** For tests: a small table exercises the doubling. */
  IdSet(int initialSlots) {
    if (Integer.bitCount(initialSlots) != 1 || initialSlots < 2) {
      throw new IllegalArgumentException("initialSlots " + initialSlots + " is not a power of two of 2 or more");
    }
    table = new long[initialSlots];
    page = new byte[FIRST_PAGE_BYTES];
    pages[0] = page;
    pageCount = 1;
    used = 1; // no key at reference 0, so that no occupied slot is 0
  }

  /**
   * Adds a key.
   *
   * @param group  the group (a queue's number), zero or more
   * @param bytes  holds the id
   * @param off  where the id starts in {@code bytes}
   * @param len  the id's length in bytes
   * @return true if the key was not in the set
   * @throws IllegalStateException if the set is full (2<sup>29</sup> keys or 4 GiB of bytes)
   */
  public boolean add(int group, byte[] bytes, int off, int len) {
    checkGroup(group);
    return add(Bytes.hash(group, bytes, off, len), group, bytes, off, len, 0) < 0;
  }

  /**
   * Adds keys in order, as if by {@link #add(int, byte[], int, int)} one after the other (so a key twice in
   * the batch is new the first time only), but faster for many keys: the table slots of all the keys are
   * read first, in a loop whose loads do not wait for each other, so their cache misses overlap; the adds
   * then find their slots in the cache.
   *
   * @param count  the number of keys
   * @param groups  each key's group, zero or more
   * @param bytes  holds the ids
   * @param offsets  where each id starts in {@code bytes}
   * @param lengths  each id's length in bytes
   * @param added  receives, for each key, true if it was not in the set
   * @throws IllegalStateException if the set is full
   */
  public void addAll(int count, int[] groups, byte[] bytes, int[] offsets, int[] lengths, boolean[] added) {
    long[] lines = new long[count];
    addAll(count, groups, bytes, offsets, lengths, lines, lines);
    for (int k = 0; k < count; k++) {
      added[k] = lines[k] < 0;
    }
  }

  /**
   * Adds keys in order as {@link #addAll(int, int[], byte[], int[], int[], boolean[])} does, each with the
   * line it was read on, which the set keeps with a new key (a varint after its bytes).
   *
   * @param lines  each key's line, zero or more
   * @param firstLines  receives, for each key, -1 if it was not in the set, else the line kept with it (may
   *     be {@code lines} itself)
   * @throws IllegalStateException if the set is full
   */
  public void addAll(int count, int[] groups, byte[] bytes, int[] offsets, int[] lengths, long[] lines,
      long[] firstLines) {
    if (hashes.length < count) {
      hashes = new int[count];
    }
    int[] h = hashes;
    for (int k = 0; k < count; k++) {
      checkGroup(groups[k]);
      h[k] = Bytes.hash(groups[k], bytes, offsets[k], lengths[k]);
    }
    long[] t = table;
    int mask = t.length - 1;
    long touched = 0;
    for (int k = 0; k < count; k++) {
      touched += t[h[k] & mask]; // a load only: brings the slot's cache line in, alongside the others
    }
    this.touched = touched; // kept, so the loads are not optimised away
    for (int k = 0; k < count; k++) {
      firstLines[k] = add(h[k], groups[k], bytes, offsets[k], lengths[k], lines[k]);
    }
  }

  /** Adds a key with its line; returns -1 if it is new, else the line kept with it. */
  private long add(int hash, int group, byte[] bytes, int off, int len, long line) {
    long[] t = table;
    int mask = t.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      long slot = t[i];
      if (slot == 0) {
        if (size >= t.length >>> 1) {
          grow();
          return add(hash, group, bytes, off, len, line); // rare: the table doubled, find the key's new slot
        }
        t[i] = ((long) hash << 32) | (store(group, bytes, off, len, line) & 0xFFFF_FFFFL);
        size++;
        return -1;
      }
      if ((int) (slot >>> 32) == hash) {
        long first = lineAt((int) slot, group, bytes, off, len);
        if (first >= 0) {
          return first;
        }
      }
    }
  }

  private static void checkGroup(int group) {
    if (group < 0) {
      throw new IllegalArgumentException("group " + group + " is negative");
    }
  }

  /**
   * Makes room for a number of keys at once, so that the table need not double on the way there (each
   * doubling moves every slot). Does nothing if the table is large enough.
   *
   * @param keys  the number of keys expected in all
   */
  public void expect(long keys) {
    long slots = Math.min(MAX_TABLE, Long.highestOneBit(Math.max(keys, 1) * 2 - 1) << 1);
    if (table.length < slots) {
      resize((int) slots);
    }
  }

  /** Returns how many keys the set holds. */
  public int size() {
    return size;
  }

  /** Returns the table's length in slots: for tests of the doubling. */
  int capacity() {
    return table.length;
  }

  /** Appends a key's bytes to the pages; returns its reference (page number, then offset in the page). */
  private int store(int group, byte[] bytes, int off, int len, long line) {
    int need = varintLength(group) + varintLength(len) + len + 10;
    if (used + need > page.length) {
      newPage(need);
    }
    int ref = ((pageCount - 1) << PAGE_BITS) | used;
    int p = putVarint(page, used, group);
    p = putVarint(page, p, len);
    System.arraycopy(bytes, off, page, p, len);
    p += len;
    for (long v = line; ; v >>>= 7) { // the line, as a varint
      if ((v & ~0x7FL) == 0) {
        page[p++] = (byte) v;
        break;
      }
      page[p++] = (byte) ((v & 0x7F) | 0x80);
    }
    used = p;
    return ref;
  }

  private void newPage(int need) {
    if (page.length < PAGE_BYTES && need <= PAGE_BYTES - used && used <= PAGE_BYTES / 2) {
      // The first page grows in place while small, so a small read holds a small set.
      page = Arrays.copyOf(page, Math.max(page.length * 2, used + need));
      pages[pageCount - 1] = page;
      return;
    }
    if (pageCount == MAX_PAGES) {
      throw new IllegalStateException("the duplicate-id set is full: it holds " + size + " ids in 4 GiB (read the"
          + " file without the duplicate-id check, and check the ids by other means)");
    }
    if (pageCount == pages.length) {
      pages = Arrays.copyOf(pages, pageCount * 2);
    }
    // An id longer than a page gets a page of its own; its offset, 0, still fits the reference.
    page = new byte[Math.max(PAGE_BYTES, need)];
    pages[pageCount++] = page;
    used = 0;
  }

  /** Returns the line kept with the key at {@code ref} if it is the given key, else -1. */
  private long lineAt(int ref, int group, byte[] bytes, int off, int len) {
    byte[] pg = pages[ref >>> PAGE_BITS];
    int p = ref & (PAGE_BYTES - 1);
    int g = 0;
    int shift = 0;
    byte v;
    do {
      v = pg[p++];
      g |= (v & 0x7F) << shift;
      shift += 7;
    } while (v < 0);
    if (g != group) {
      return -1;
    }
    int l = 0;
    shift = 0;
    do {
      v = pg[p++];
      l |= (v & 0x7F) << shift;
      shift += 7;
    } while (v < 0);
    if (l != len || !Arrays.equals(pg, p, p + len, bytes, off, off + len)) {
      return -1;
    }
    p += len;
    long line = 0;
    shift = 0;
    do {
      v = pg[p++];
      line |= (long) (v & 0x7F) << shift;
      shift += 7;
    } while (v < 0);
    return line;
  }

  private void grow() {
    if (table.length == MAX_TABLE) {
      throw new IllegalStateException("the duplicate-id set is full: it holds " + size + " ids (read the file"
          + " without the duplicate-id check, and check the ids by other means)");
    }
    resize(table.length * 2);
  }

  /** Moves every slot to a table of {@code length} slots, by the hash each slot holds. */
  private void resize(int length) {
    long[] t = new long[length];
    int mask = length - 1;
    for (long slot : table) {
      if (slot != 0) {
        int i = (int) (slot >>> 32) & mask;
        while (t[i] != 0) {
          i = (i + 1) & mask;
        }
        t[i] = slot;
      }
    }
    table = t;
  }

  private static int varintLength(int v) {
    return v < 1 << 7 ? 1 : v < 1 << 14 ? 2 : v < 1 << 21 ? 3 : v < 1 << 28 ? 4 : 5;
  }

  private static int putVarint(byte[] b, int p, int v) {
    while ((v & ~0x7F) != 0) {
      b[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    b[p++] = (byte) v;
    return p;
  }
}
