package io.github.callmetrics.read.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The first pass of the run-wide duplicate check: the 64-bit hash of every call's key, 8 bytes a call in
 * primitive arrays, partitioned by the hash's top 6 bits. Past a budget held in memory, every partition is
 * appended to a temporary file of its own, so 30 million calls take 8 MiB of heap and 240 MB of disk, not 30
 * million objects. {@link #repeatedHashes()} then finds, one partition at a time, the hashes met more than
 * once: the candidates, which the second look checks exactly (a shared hash is not yet a duplicate).
 *
 * <p>{@link #append} is thread-safe (the threads of a read append batches); the rest is for one thread.
 */
final class KeyLog implements Closeable {
  static final int PARTITION_BITS = 6;
  static final int PARTITIONS = 1 << PARTITION_BITS;
  /** Hashes held in memory before they are spilled: 8 MiB. */
  static final int DEFAULT_BUDGET = 1 << 20;

  private final int budget;
  private final long[][] parts = new long[PARTITIONS][];
  private final int[] sizes = new int[PARTITIONS];
  private final long[] spilled = new long[PARTITIONS];
  private int held;
  private @Nullable Path directory;
  private final @Nullable FileChannel[] files = new FileChannel[PARTITIONS];

  KeyLog(int budget) {
    this.budget = budget;
    for (int p = 0; p < PARTITIONS; p++) {
      parts[p] = new long[16];
    }
  }

  /** Adds hashes; spills every partition to its file when the budget is reached. */
  synchronized void append(long[] hashes, int count) {
    for (int k = 0; k < count; k++) {
      long h = hashes[k];
      int p = (int) (h >>> (64 - PARTITION_BITS));
      long[] a = parts[p];
      if (sizes[p] == a.length) {
        a = Arrays.copyOf(a, a.length * 2);
        parts[p] = a;
      }
      a[sizes[p]++] = h;
    }
    held += count;
    if (held >= budget) {
      try {
        spill();
      } catch (IOException e) {
        throw new UncheckedIOException("the duplicate check could not write its temporary file", e);
      }
    }
  }

  /** Returns the number of hashes appended, in memory and in the files. */
  synchronized long size() {
    long n = held;
    for (long s : spilled) {
      n += s;
    }
    return n;
  }

  /** Checks if the hashes went to temporary files: for tests. */
  boolean spilledToDisk() {
    return directory != null;
  }

  private void spill() throws IOException {
    if (directory == null) {
      directory = Files.createTempDirectory("callmetrics-duplicates");
    }
    ByteBuffer buffer = ByteBuffer.allocate(0);
    for (int p = 0; p < PARTITIONS; p++) {
      int n = sizes[p];
      if (n == 0) {
        continue;
      }
      if (buffer.capacity() < n * 8) {
        buffer = ByteBuffer.allocate(n * 8);
      }
      buffer.clear();
      buffer.asLongBuffer().put(parts[p], 0, n);
      buffer.limit(n * 8);
      FileChannel file = files[p];
      if (file == null) {
        file = FileChannel.open(directory.resolve("part-" + p), StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ, StandardOpenOption.WRITE);
        files[p] = file;
      }
      while (buffer.hasRemaining()) {
        file.write(buffer);
      }
      spilled[p] += n;
      sizes[p] = 0;
      if (parts[p].length > 4 * n) {
        parts[p] = new long[Math.max(16, n)]; // a partition that grew on a skewed batch gives its room back
      }
    }
    held = 0;
  }

  /**
   * Returns every hash appended more than once, sorted, each once. Reads one partition at a time: the
   * partition's hashes and a table of twice as many slots.
   */
  synchronized long[] repeatedHashes() throws IOException {
    long[] found = new long[16];
    int count = 0;
    long[] all = new long[0];
    long[] table = new long[0];
    for (int p = 0; p < PARTITIONS; p++) {
      long fromFile = spilled[p];
      int n = (int) (fromFile + sizes[p]);
      if (n < 2) {
        continue;
      }
      if (all.length < n) {
        all = new long[n];
      }
      FileChannel file = files[p];
      if (file != null) {
        ByteBuffer buffer = ByteBuffer.allocate((int) fromFile * 8);
        long position = 0;
        while (buffer.hasRemaining()) {
          int read = file.read(buffer, position);
          if (read < 0) {
            throw new IOException("the duplicate check's temporary file " + p + " ended early");
          }
          position += read;
        }
        buffer.flip();
        buffer.asLongBuffer().get(all, 0, (int) fromFile);
      }
      System.arraycopy(parts[p], 0, all, (int) fromFile, sizes[p]);
      int slots = Integer.highestOneBit(n * 2 - 1) << 1;
      if (table.length < slots) {
        table = new long[slots];
      } else {
        Arrays.fill(table, 0, slots, 0);
      }
      int before = count;
      boolean zero = false;
      boolean zeroTwice = false;
      int mask = slots - 1;
      for (int k = 0; k < n; k++) {
        long h = all[k];
        if (h == 0) { // 0 marks an empty slot
          zeroTwice |= zero;
          zero = true;
          continue;
        }
        int i = (int) LongSet.spread(h) & mask;
        while (true) {
          long slot = table[i];
          if (slot == 0) {
            table[i] = h;
            break;
          }
          if (slot == h) {
            if (count == found.length) {
              found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = h; // once per repeat; made distinct below
            break;
          }
          i = (i + 1) & mask;
        }
      }
      if (zeroTwice) {
        if (count == found.length) {
          found = Arrays.copyOf(found, count + 1);
        }
        found[count++] = 0;
      }
      Arrays.sort(found, before, count);
    }
    long[] distinct = new long[count];
    int d = 0;
    for (int k = 0; k < count; k++) {
      if (d == 0 || distinct[d - 1] != found[k]) {
        distinct[d++] = found[k];
      }
    }
    long[] result = Arrays.copyOf(distinct, d);
    Arrays.sort(result);
    return result;
  }

  /** Deletes the temporary files. */
  @Override
  public synchronized void close() throws IOException {
    for (int p = 0; p < PARTITIONS; p++) {
      FileChannel file = files[p];
      if (file != null) {
        file.close();
        files[p] = null;
      }
    }
    Path dir = directory;
    if (dir != null) {
      directory = null;
      try (Stream<Path> list = Files.list(dir)) {
        for (Path f : (Iterable<Path>) list.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }
}
