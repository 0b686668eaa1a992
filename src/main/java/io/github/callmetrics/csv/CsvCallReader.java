package io.github.callmetrics.csv;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.call.InvalidCallException;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.call.internal.CallAccess;
import io.github.callmetrics.read.CollectedRead;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadReport;
import io.github.callmetrics.read.ReadResult;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.read.internal.ReadTracker;
import io.github.callmetrics.read.internal.RunCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collector;
import org.jspecify.annotations.Nullable;

/**
 * Reads calls in the CSV call format of
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/csv-format.md">docs/csv-format.md</a>: a header line (columns in any order,
 * names ignoring case), then one call per row. Every row is validated, through the
 * {@link Call} factories, so the model's rules and messages apply; a bad row is either the end of the
 * read ({@link ReadMode#STRICT}) or a {@link SkippedRecord} in the report ({@link ReadMode#LENIENT}).
 *
 * <pre>{@code
 * ReadResult all = CsvCallReader.of(ReadMode.LENIENT).read(Path.of("calls.csv"));
 * all.skipped().forEach(s -> System.err.println(s.message()));
 *
 * CallTally tally = new CallTally();                          // a file larger than the heap
 * ReadReport report = CsvCallReader.of(ReadMode.STRICT).read(Path.of("huge.csv"), tally::add);
 * }</pre>
 *
 * <p>The streaming form ({@link #read(Path, Consumer)}) holds one record and at most 256 calls waiting for
 * the duplicate-id check at a time. The one state that grows with the file is that check: the ids seen, per
 * queue (16 to 32 bytes per id plus the id's UTF-8 bytes and about 2; for a file, the table is sized at the
 * start for one id per row, estimated from the file's size). {@link #withoutDuplicateIdCheck()} turns it
 * off for files whose distinct ids do not fit in memory; the check is then the caller's.
 *
 * <p>Defects that stop a read in both modes, because no later row could be trusted: a missing or
 * unusable header (an empty file, a required column missing, a column twice), a quote never closed (it runs
 * to the end of the file, so no later row can be delimited) and a record longer than 16 MiB. Characters
 * after a closing quote ({@code "c3"x,}) leave the row's extent clear: the row is skipped like any bad row.
 * The {@link ReadException} then carries everything read before.
 *
 * <p>The file is read as bytes by a tokenizer of the project's own (RFC 4180, UTF-8), and each cell is
 * checked straight from the bytes: no string per cell but the id and, once per queue, the queue name.
 *
 * <p>Instances are immutable and thread-safe; each read uses its own state.
 */
public final class CsvCallReader {
  /** The smallest part of a file {@link #collect} reads on a thread of its own: below it, threads cost more. */
  static final long MIN_PART_BYTES = 16L << 20;

  private final ReadMode mode;
  private final boolean checkDuplicateIds;
  private final int parallelism;
  private final long minPartBytes;
  private final CsvLayout layout;

  private CsvCallReader(ReadMode mode, boolean checkDuplicateIds, int parallelism, long minPartBytes,
      CsvLayout layout) {
    this.mode = mode;
    this.checkDuplicateIds = checkDuplicateIds;
    this.parallelism = parallelism;
    this.minPartBytes = minPartBytes;
    this.layout = layout;
  }

  /**
   * Obtains a reader.
   *
   * @param mode  what to do with a bad row, not null
   * @return the reader, which checks for duplicate ids within a queue
   */
  public static CsvCallReader of(ReadMode mode) {
    return new CsvCallReader(requireNonNull(mode, "mode"), true, Runtime.getRuntime().availableProcessors(),
        MIN_PART_BYTES, CsvLayout.DEFAULT);
  }

  /**
   * Returns a reader like this one that does not check for duplicate ids, and so holds nothing that grows
   * with the file: for streaming files whose distinct ids do not fit in memory.
   *
   * @return the reader
   */
  public CsvCallReader withoutDuplicateIdCheck() {
    return new CsvCallReader(mode, false, parallelism, minPartBytes, layout);
  }

  /**
   * Returns a reader like this one whose {@link #collect} reads a file on at most {@code threads} threads.
   * The default is the number of processors available to the JVM when the reader was obtained.
   *
   * @param threads  one or more; 1 reads on the calling thread only
   * @return the reader
   * @throws IllegalArgumentException if {@code threads} is less than 1
   */
  public CsvCallReader withParallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + " is less than 1 (expected one or more)");
    }
    return new CsvCallReader(mode, checkDuplicateIds, threads, minPartBytes, layout);
  }

  /** For tests: parts of a few bytes, so that small files are read in many parts. */
  CsvCallReader withPartsOfAtLeast(long bytes) {
    return new CsvCallReader(mode, checkDuplicateIds, parallelism, bytes, layout);
  }

  /**
   * Returns a reader like this one that reads files with a given delimiter, instead of the one their header
   * line shows (by default the one of comma, semicolon and tab that the header holds outside quotes; see
   * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/csv-format.md">docs/csv-format.md</a>). Quoted cells may hold the delimiter, as they may a comma.
   *
   * @param delimiter  {@code ','}, {@code ';'} or {@code '\t'}
   * @return the reader
   * @throws IllegalArgumentException if {@code delimiter} is another character
   */
  public CsvCallReader withDelimiter(char delimiter) {
    return new CsvCallReader(mode, checkDuplicateIds, parallelism, minPartBytes, layout.withDelimiter(delimiter));
  }

  /**
   * Returns a reader like this one that reads the header's column {@code theirs} as the format's column {@code
   * ours}: for exports of other tools ({@code withColumn("id", "call_id")}). Names are compared ignoring case
   * and surrounding spaces; a column named {@code ours} in the header is then ignored. Mappings add up.
   *
   * @param ours  a column of the format (
   * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/csv-format.md">docs/csv-format.md</a>): id, queue, channel, arrived (or
   *     arrived_epoch_seconds, arrived_epoch_millis), outcome, ended (or ended_epoch_seconds, ended_epoch_millis),
   *     handle_time, wait_seconds or talk_seconds; not null
   * @param theirs  the header's name for it, not blank
   * @return the reader
   * @throws IllegalArgumentException if {@code ours} is not a column of the format, {@code theirs} is blank, or
   *     either is already mapped to another
   */
  public CsvCallReader withColumn(String ours, String theirs) {
    return new CsvCallReader(mode, checkDuplicateIds, parallelism, minPartBytes,
        layout.withColumn(requireNonNull(ours, "ours"), requireNonNull(theirs, "theirs")));
  }

  /**
   * Returns a reader like this one that reads date-times written without an offset ({@code 2026-03-29
   * 02:30:00}, a space or {@code T}) in a zone. A time the zone's clocks skipped is a defect of its row; one they
   * showed twice is read at the earlier offset (the outcome's instant at the later one if the earlier would put
   * it before the arrival) and said once per change and offset in {@link ReadReport#notices()}. Date-times with
   * an offset are read as written. Without a zone, a date-time without an offset is a defect.
   *
   * @param zone  the zone of the file's local times, not null
   * @return the reader
   */
  public CsvCallReader withSourceZone(ZoneId zone) {
    return new CsvCallReader(mode, checkDuplicateIds, parallelism, minPartBytes,
        layout.withZone(requireNonNull(zone, "zone")));
  }

  /** {@return the most threads {@link #collect} reads a file on} */
  public int parallelism() {
    return parallelism;
  }

  /** {@return the reader's mode} */
  public ReadMode mode() {
    return mode;
  }

  /** {@return whether the reader rejects a second row with an id already read in the same queue} */
  public boolean checksDuplicateIds() {
    return checkDuplicateIds;
  }

  /**
   * Reads a whole file (UTF-8, a byte-order mark is skipped) into memory.
   *
   * @param file  the file, not null
   * @return the calls in file order and the report
   * @throws ReadException at the first bad row in STRICT mode, or at a defect that stops any read
   * @throws IOException if the file cannot be read
   */
  public ReadResult read(Path file) throws IOException {
    ReadTracker tracker = ReadTracker.collecting(mode);
    readFile(file, tracker);
    return tracker.result();
  }

  /**
   * Reads a file row by row, handing the calls to a consumer in file order as they are read: with the
   * duplicate-id check on, up to 256 at a time, as soon as their ids are checked, and the rest before this
   * method returns or throws. Holds a record and those calls at a time (plus the ids seen, unless
   * {@linkplain #withoutDuplicateIdCheck() turned off}).
   *
   * @param file  the file, not null
   * @param consumer  receives each call, in file order, not null
   * @return the report: calls delivered, every row skipped, columns ignored
   * @throws ReadException at the first bad row in STRICT mode, or at a defect that stops any read; the calls
   *     before it were already delivered
   * @throws IOException if the file cannot be read
   */
  public ReadReport read(Path file, Consumer<? super Call> consumer) throws IOException {
    ReadTracker tracker = ReadTracker.streaming(mode, consumer);
    readFile(file, tracker);
    return tracker.report();
  }

  /**
   * Reads a file and collects its calls, on several threads when the file is large: a report, a tally or
   * anything a {@link Collector} makes, equal to what reading the file in order and collecting every call
   * on one thread gives. Equivalent to {@code collect(List.of(file), collector)}: see there.
   *
   * <pre>{@code
   * CollectedRead<Report> year = CsvCallReader.of(ReadMode.STRICT).collect(Path.of("calls-2026.csv"), spec.collector());
   * }</pre>
   *
   * @param <R> the type of the collected value
   * @param file  the file, not null
   * @param collector  makes the value from the calls, not null
   * @return the collected value and the read's report
   * @throws ReadException at the first bad row in STRICT mode, or at a defect that stops any read
   * @throws IOException if the file cannot be read
   */
  public <R> CollectedRead<R> collect(Path file, Collector<? super Call, ?, R> collector) throws IOException {
    return collect(List.of(requireNonNull(file, "file")), collector);
  }

  /**
   * Reads files, in the order given, and collects their calls into one value, each file on several threads
   * when it is large; equal to what reading the files one after the other and collecting every call on one
   * thread gives. A file of at least 32 MiB is cut into up to {@link #parallelism()} parts of at least 16 MiB
   * at line ends; each part is read on a thread of its own into its own container ({@link
   * Collector#supplier()}), and the containers are combined in the files' order ({@link
   * Collector#combiner()}), so an ordered collector (a list) keeps it. A line end inside a quoted field is
   * found out when the part before reaches it (its last record ends past it): that part then reads on over
   * the next part's bytes, whose work is dropped.
   *
   * <p>The duplicate-id check (on unless {@linkplain #withoutDuplicateIdCheck() turned off}) spans all the
   * files: a row whose queue and id were read before, in this file or an earlier one (the same file named
   * twice included), is a duplicate, and its message names the first place, for example {@code b.csv:7:
   * column id: "c1" is a duplicate: the id was already read in queue sales at a.csv:2 (expected unique within
   * a queue)}. It holds no object per row: the first read notes a 64-bit hash of each key (8 bytes a row,
   * in temporary files past 8 MiB); only if two hashes agree are the files read again, to compare those keys
   * exactly, and once more, if a key does repeat, to skip each repeat in its place. So the files must not
   * change during the call (a changed size is an {@link IOException}). See
   * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/reading.md">docs/reading.md</a>.
   *
   * <p>The report (sources, calls, every skipped record, line numbers included) and, in STRICT mode, the
   * first defect are those of reading the files in order with {@link #read(Path, Consumer)}. A {@link
   * ReadException} carries the report before the defect, but not the value collected so far. Memory: each
   * thread holds a record, a 128 KiB buffer and its container.
   *
   * @param <R> the type of the collected value
   * @param files  the files, in order, not null (a file may be named twice)
   * @param collector  makes the value from the calls, not null; its supplier is called once per part on the
   *     calling thread, its accumulator on the parts' threads (each container by one thread only), its
   *     combiner and finisher on the calling thread
   * @return the collected value and the report of all the files
   * @throws ReadException at the first bad row in STRICT mode, or at a defect that stops any read
   * @throws IOException if a file cannot be read
   */
  public <R> CollectedRead<R> collect(List<Path> files, Collector<? super Call, ?, R> collector) throws IOException {
    List<Path> all = List.copyOf(requireNonNull(files, "files"));
    return collectAll(all, requireNonNull(collector, "collector"));
  }

  private <A, R> CollectedRead<R> collectAll(List<Path> files, Collector<? super Call, A, R> collector)
      throws IOException {
    if (!checkDuplicateIds) {
      FilePart.Combined<A> read = readAll(files, collector, null);
      return CollectedRead.of(finish(collector, read.container()), read.report());
    }
    try (RunCheck run = RunCheck.create()) {
      FilePart.Combined<A> read = run.run(() -> readAll(files, collector, run));
      return CollectedRead.of(finish(collector, read.container()), read.report());
    }
  }

  /** One read of every file, into one container; the reports merged, the first defect carrying them all. */
  private <A> FilePart.Combined<A> readAll(List<Path> files, Collector<? super Call, A, ?> collector,
      @Nullable RunCheck run) throws IOException {
    @Nullable A container = null;
    List<ReadReport> reports = new ArrayList<>();
    for (Path file : files) {
      FilePart.Combined<A> one;
      try {
        one = new CsvParts(mode, layout, parallelism, minPartBytes).collectFile(requireNonNull(file, "file"),
            sourceName(file), collector, run);
      } catch (ReadException e) {
        if (reports.isEmpty()) {
          throw e;
        }
        reports.add(e.report());
        throw new ReadException(e.defect(), List.of(), merged(reports));
      }
      container = container == null ? one.container() : collector.combiner().apply(container, one.container());
      reports.add(one.report());
    }
    if (container == null) {
      container = collector.supplier().get();
    }
    return new FilePart.Combined<>(container, reports.size() == 1 ? reports.get(0) : merged(reports));
  }

  private static ReadReport merged(List<ReadReport> reports) {
    List<String> sources = new ArrayList<>();
    long calls = 0;
    List<SkippedRecord> skipped = new ArrayList<>();
    Set<String> ignored = new LinkedHashSet<>();
    List<SkippedRecord> notices = new ArrayList<>();
    for (ReadReport r : reports) {
      sources.addAll(r.sources());
      calls += r.callCount();
      skipped.addAll(r.skipped());
      ignored.addAll(r.ignoredColumns());
      notices.addAll(r.notices());
    }
    return ReadReport.of(sources, calls, skipped, List.copyOf(ignored)).withNotices(notices);
  }

  /**
   * Reads a whole character stream into memory. The reader is not closed.
   *
   * @param reader  the text, not null
   * @param sourceName  the name to use in messages (a file name), not null
   * @return the calls in order and the report
   * @throws ReadException at the first bad row in STRICT mode, or at a defect that stops any read
   * @throws IOException if the stream cannot be read
   */
  public ReadResult read(Reader reader, String sourceName) throws IOException {
    ReadTracker tracker = ReadTracker.collecting(mode);
    readStream(reader, sourceName, tracker);
    return tracker.result();
  }

  /**
   * Reads a character stream row by row, handing each call to a consumer. The reader is not closed.
   *
   * @param reader  the text, not null
   * @param sourceName  the name to use in messages (a file name), not null
   * @param consumer  receives each call, in order, not null
   * @return the report
   * @throws ReadException at the first bad row in STRICT mode, or at a defect that stops any read
   * @throws IOException if the stream cannot be read
   */
  public ReadReport read(Reader reader, String sourceName, Consumer<? super Call> consumer) throws IOException {
    ReadTracker tracker = ReadTracker.streaming(mode, consumer);
    readStream(reader, sourceName, tracker);
    return tracker.report();
  }

  private static String sourceName(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  private static <A, R> R finish(Collector<? super Call, A, R> collector, A container) {
    return collector.finisher().apply(container);
  }

  private void readFile(Path file, ReadTracker tracker) throws IOException {
    requireNonNull(file, "file");
    String source = sourceName(file);
    tracker.startSource(source);
    try (InputStream in = Files.newInputStream(file)) {
      new CsvSession(new CsvTokenizer(in), source, tracker, Files.size(file), checkDuplicateIds, layout).read();
    }
  }

  private void readStream(Reader reader, String sourceName, ReadTracker tracker) throws IOException {
    requireNonNull(reader, "reader");
    requireNonNull(sourceName, "sourceName");
    tracker.startSource(sourceName);
    new CsvSession(new CsvTokenizer(Utf8.encoding(reader)), sourceName, tracker, -1, checkDuplicateIds, layout)
        .read();
  }

}
