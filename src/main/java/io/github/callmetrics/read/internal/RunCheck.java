package io.github.callmetrics.read.internal;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.internal.CallAccess;
import io.github.callmetrics.read.ReadException;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One duplicate check for a whole run of reads (every file of a command line, or of
 * {@code CsvCallReader.collect(List, ...)}), exact, on every thread, without an object per call:
 *
 * <ol>
 *   <li><b>Record.</b> The run reads its inputs once, delivering every call; each reader's {@link Tap} notes
 *       the 64-bit hash of the call's key ({@link KeyLog}: 8 bytes a call, spilled to disk past 8 MiB).
 *   <li>If no hash was met twice, nothing repeats: the first read's result stands. This is the common case,
 *       and the only cost is the hashing and the log.
 *   <li><b>Second look.</b> Otherwise the run reads its inputs again, delivering nothing, and keeps the calls
 *       whose hash is a candidate, with their place (source, part of the file, line, order within it). Equal
 *       keys are compared exactly: the first in the run's order is the call, every later one a repeat. If
 *       every candidate was a mere hash collision, the first read's result stands.
 *   <li><b>Exclude.</b> Otherwise the run reads a last time, and each repeat, at its place, is a skipped
 *       record (LENIENT) or the read's end (STRICT) whose message names both places.
 * </ol>
 *
 * The reads must meet the same calls in the same order every time (the files must not change meanwhile): a
 * call's place is its source's number in the run, its part of the file and its ordinal among the calls the
 * part's tap met. Not thread-safe but for the taps' appends and captures.
 */
public final class RunCheck implements Closeable {
  /** Key kinds: a CSV call is its (queue, id); a queue_log call its (queue, callid, arrival second). */
  public static final int CSV = 0;
  public static final int QUEUE_LOG = 1;

  private static final CallAccess CALLS = CallAccess.Holder.get();

  /** The hash of a call's key: a seam, so that tests can make every key collide. */
  interface Hasher {
    long hash(int kind, Call call);
  }

  enum Phase { RECORD, CAPTURE, EXCLUDE, CLEAN }

  /** One read of every input of the run. */
  public interface Pass<R> {
    R read() throws IOException;
  }

  private final Hasher hasher;
  private final KeyLog log;
  Phase phase = Phase.RECORD;
  private final List<Tap> taps = new ArrayList<>();
  private final List<String> sources = new ArrayList<>();
  private final List<Long> sizes = new ArrayList<>();
  private final List<Long> firstSizes = new ArrayList<>();
  private final Map<Integer, long[]> lineBases = new HashMap<>();
  private final List<Captured> captured = new ArrayList<>();
  LongSet candidates = LongSet.of(new long[0]);
  private LongSet repeatHashes = LongSet.of(new long[0]);
  /** The repeats' places ({@link #place}), sorted; beside each, the first's source and file line. */
  private long[] repeats = new long[0];
  private String[] firstSources = new String[0];
  private long[] firstLines = new long[0];

  private RunCheck(Hasher hasher, int budget) {
    this.hasher = hasher;
    this.log = new KeyLog(budget);
  }

  /** Starts a run. Close it to delete its temporary files. */
  public static RunCheck create() {
    return new RunCheck(RunCheck::keyHash, KeyLog.DEFAULT_BUDGET);
  }

  /** For tests: another hash and a budget before the log spills. */
  static RunCheck create(Hasher hasher, int budget) {
    return new RunCheck(hasher, budget);
  }

  /**
   * Runs the passes the check needs and returns the result of the one that counts: the first read when no
   * call repeats, else the last. A defect that stops a read stops it in every pass, so the check runs on the
   * calls before it, and the defect (or an earlier repeat, in STRICT mode) is thrown at the end.
   *
   * @throws ReadException at the first defect, repeats included, that stops the read
   */
  public <R> R run(Pass<R> pass) throws IOException {
    start(Phase.RECORD);
    @Nullable R first = null;
    @Nullable ReadException stop = null;
    try {
      first = pass.read();
    } catch (ReadException e) {
      stop = e;
    }
    if (findCandidates()) {
      start(Phase.CAPTURE);
      try {
        pass.read();
      } catch (ReadException e) {
        // The same defect as in the first read: the calls before it are the ones to check.
      }
      if (findRepeats()) {
        start(Phase.EXCLUDE);
        return pass.read();
      }
    }
    phase = Phase.CLEAN;
    if (stop != null) {
      throw stop;
    }
    return requireNonNull(first);
  }

  private void start(Phase next) {
    phase = next;
    taps.clear();
    if (sources.isEmpty() || firstSizes.isEmpty()) {
      firstSizes.clear();
      firstSizes.addAll(sizes);
    }
    sources.clear();
    sizes.clear();
    lineBases.clear();
    captured.clear();
  }

  /**
   * Notes the start of a source, in the run's order, and returns its number.
   *
   * @param size  the file's size in bytes, or -1 if not known: a file whose size changed between the
   *     passes is an error, since the passes must meet the same calls
   * @throws IOException if the file changed since the first pass
   */
  public int newSource(String name, long size) throws IOException {
    int index = sources.size();
    if (index < firstSizes.size() && size >= 0 && firstSizes.get(index) >= 0 && firstSizes.get(index) != size) {
      throw new IOException("file " + name + " changed while it was read (" + firstSizes.get(index) + " bytes, then "
          + size + "): the duplicate check reads a file more than once when calls repeat");
    }
    sources.add(name);
    sizes.add(size);
    return index;
  }

  /**
   * Notes where the parts of a source read on several threads start in the file: part {@code k}'s line
   * {@code n} is the file's line {@code n + lineBases[k]}; -1 for a part whose work was dropped.
   */
  public void parts(int source, long[] lineBases) {
    this.lineBases.put(source, lineBases.clone());
  }

  /** Returns a tap for a reader of one part of one source (CSV). */
  public Tap tap(int kind, int source, int part) {
    Tap tap = new Tap(this, kind, source, part);
    synchronized (taps) {
      taps.add(tap);
    }
    return tap;
  }

  /**
   * Returns a consumer to hand a streaming reader: {@link ReadTracker#streaming} takes the tap from it, and
   * numbers each source the reader starts ({@link ReadTracker#startSource}).
   */
  public Consumer<Call> delivery(int kind, Consumer<? super Call> sink) {
    return new Delivery(tap(kind, -1, 0), sink);
  }

  /** A consumer that carries a tap for the tracker of the reader it is given to. */
  static final class Delivery implements Consumer<Call> {
    final Tap tap;
    final Consumer<? super Call> sink;

    Delivery(Tap tap, Consumer<? super Call> sink) {
      this.tap = tap;
      this.sink = requireNonNull(sink, "sink");
    }

    @Override
    public void accept(Call call) {
      sink.accept(call);
    }
  }

  long hash(int kind, Call call) {
    return hasher.hash(kind, call);
  }

  void append(long[] hashes, int count) {
    log.append(hashes, count);
  }

  synchronized void capture(Captured c) {
    captured.add(c);
  }

  /** A call of a candidate hash met in the second look, at its place. */
  static final class Captured {
    final long hash;
    final int kind;
    final long place;
    final long line;
    final Call call;
    long fileLine;

    Captured(long hash, int kind, long place, long line, Call call) {
      this.hash = hash;
      this.kind = kind;
      this.place = place;
      this.line = line;
      this.call = call;
    }
  }

  /** A call's place: its source (16 bits), its part of the file (12 bits), its ordinal in the part (36 bits). */
  static long place(int source, int part, long ordinal) {
    return ((long) source << 48) | ((long) part << 36) | ordinal;
  }

  private boolean findCandidates() throws IOException {
    for (Tap tap : taps) {
      tap.flush();
    }
    long[] repeated = log.repeatedHashes();
    log.close();
    candidates = LongSet.of(repeated);
    return !candidates.isEmpty();
  }

  private boolean findRepeats() {
    List<Captured> kept = new ArrayList<>();
    for (Captured c : captured) {
      int source = (int) (c.place >>> 48);
      int part = (int) (c.place >>> 36) & 0xFFF;
      long[] bases = lineBases.get(source);
      long base = bases == null ? 0 : part < bases.length ? bases[part] : -1;
      if (base >= 0) { // a dropped part's calls were read again by the part before
        c.fileLine = c.line + base;
        kept.add(c);
      }
    }
    captured.clear();
    kept.sort(Comparator.<Captured>comparingLong(c -> c.hash).thenComparingLong(c -> c.place));
    List<Captured[]> found = new ArrayList<>(); // {repeat, first}
    List<Captured> distinct = new ArrayList<>();
    for (int k = 0; k < kept.size(); ) {
      int end = k;
      while (end < kept.size() && kept.get(end).hash == kept.get(k).hash) {
        end++;
      }
      distinct.clear();
      for (int j = k; j < end; j++) {
        Captured c = kept.get(j);
        @Nullable Captured same = null;
        for (Captured d : distinct) {
          if (sameKey(d, c)) {
            same = d;
            break;
          }
        }
        if (same == null) {
          distinct.add(c); // a key first met here (the places are in the run's order)
        } else {
          found.add(new Captured[] {c, same});
        }
      }
      k = end;
    }
    if (found.isEmpty()) {
      return false;
    }
    found.sort(Comparator.comparingLong(r -> r[0].place));
    int n = found.size();
    repeats = new long[n];
    firstSources = new String[n];
    firstLines = new long[n];
    long[] hashes = new long[n];
    for (int i = 0; i < n; i++) {
      Captured[] r = found.get(i);
      repeats[i] = r[0].place;
      hashes[i] = r[0].hash;
      firstSources[i] = sources.get((int) (r[1].place >>> 48));
      firstLines[i] = r[1].fileLine;
    }
    repeatHashes = LongSet.of(hashes);
    return true;
  }

  private static boolean sameKey(Captured a, Captured b) {
    return a.kind == b.kind && a.call.id().equals(b.call.id()) && a.call.queue().equals(b.call.queue())
        && (a.kind == CSV || CALLS.arrivedSecond(a.call) == CALLS.arrivedSecond(b.call));
  }

  boolean mayRepeat(long hash) {
    return repeatHashes.contains(hash);
  }

  /** Returns the index of a repeat at a place, or -1. */
  int repeatAt(long place) {
    int i = Arrays.binarySearch(repeats, place);
    return i >= 0 ? i : -1;
  }

  String firstSource(int repeat) {
    return firstSources[repeat];
  }

  long firstLine(int repeat) {
    return firstLines[repeat];
  }

  /** Deletes the temporary files. */
  @Override
  public void close() throws IOException {
    log.close();
  }

  /**
   * The key's hash: queue and id (and for a queue_log the arrival second), 64 bits. Two lanes over the id's
   * characters, so that the multiplications do not wait for each other.
   */
  static long keyHash(int kind, Call call) {
    String id = call.id();
    long a = 0x9E3779B97F4A7C15L ^ ((long) call.queue().hashCode() << 32) ^ kind;
    long b = 0xC2B2AE3D27D4EB4FL ^ (kind == QUEUE_LOG ? CALLS.arrivedSecond(call) : id.length());
    int n = id.length();
    int i = 0;
    for (; i + 1 < n; i += 2) {
      a = (a ^ id.charAt(i)) * 0x100000001B3L;
      b = (b ^ id.charAt(i + 1)) * 0xFF51AFD7ED558CCDL;
    }
    if (i < n) {
      a = (a ^ id.charAt(i)) * 0x100000001B3L;
    }
    long h = a ^ Long.rotateLeft(b, 31) ^ n;
    h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
    h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return h ^ (h >>> 33);
  }
}
