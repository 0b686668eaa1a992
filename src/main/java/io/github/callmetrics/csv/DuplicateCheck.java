package io.github.callmetrics.csv;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.internal.IdSet;
import io.github.callmetrics.read.internal.ReadTracker;
import io.github.callmetrics.read.SkippedRecord;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The duplicate-id check of one read: calls that passed every other check wait here, up to {@link #BATCH}
 * of them, and are then checked together against the ids read before ({@link IdSet#addAll}, whose table
 * lookups overlap in memory instead of waiting one after the other) and handed on in file order, each
 * duplicate reported in its place. The reader {@linkplain #flush flushes} before it reports any other
 * defect and at the end, so the report and the calls keep the file's order. Memory besides the id set:
 * one batch. Not thread-safe.
 */
final class DuplicateCheck {
  /**
   * Calls checked together. The lookups of a batch overlap in memory; measured on 3 million rows
   * ({@code CsvReadBenchmark}), batches of 256 read about 15 % faster than batches of 64, and 1,024 no
   * faster than 256.
   */
  static final int BATCH = 256;

  private final IdSet ids = new IdSet();
  private final @Nullable Call[] calls = new Call[BATCH];
  private final long[] lines = new long[BATCH];
  private final int[] groups = new int[BATCH];
  private final int[] offsets = new int[BATCH];
  private final int[] lengths = new int[BATCH];
  private final long[] firstLines = new long[BATCH];
  private byte[] idBytes = new byte[BATCH * 32];
  private int count;
  private int used;

  /** Makes room in the id set for a number of ids at once (see {@link IdSet#expect}). */
  void expect(long ids) {
    this.ids.expect(ids);
  }

  /**
   * Queues a call with its line, queue number and id bytes (copied: the tokenizer's buffer moves on).
   *
   * @return true if the batch is full and must be flushed
   */
  boolean add(Call call, long line, int queueNumber, byte[] b, int off, int len) {
    if (used + len > idBytes.length) {
      idBytes = Arrays.copyOf(idBytes, Math.max(idBytes.length * 2, used + len));
    }
    System.arraycopy(b, off, idBytes, used, len);
    calls[count] = call;
    lines[count] = line;
    groups[count] = queueNumber;
    offsets[count] = used;
    lengths[count] = len;
    used += len;
    count++;
    return count == BATCH;
  }

  /**
   * Checks the queued calls and hands each to the tracker, in order, or reports it as a duplicate.
   *
   * @param idColumn  the id column's name as the header wrote it
   * @throws io.github.callmetrics.read.ReadException at a duplicate in STRICT mode
   */
  void flush(ReadTracker tracker, String source, String idColumn) {
    int n = count;
    if (n == 0) {
      return;
    }
    count = 0;
    used = 0;
    ids.addAll(n, groups, idBytes, offsets, lengths, lines, firstLines);
    for (int k = 0; k < n; k++) {
      Call call = requireNonNull(calls[k]);
      calls[k] = null;
      if (firstLines[k] < 0) {
        tracker.accept(call);
      } else {
        tracker.skip(SkippedRecord.of(source, lines[k], "column " + idColumn, call.id(),
            "is a duplicate: the id was already read in queue " + call.queue() + " at " + source + ":" + firstLines[k]
                + " (expected unique within a queue)"));
      }
    }
  }
}
