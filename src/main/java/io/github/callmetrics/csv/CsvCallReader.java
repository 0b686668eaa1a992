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
 * Reads calls in the CSV call format of {@code docs/csv-format.md}: a header line (columns in any order,
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
  private static final CallAccess CALLS = CallAccess.Holder.get();
  /** The smallest part of a file {@link #collect} reads on a thread of its own: below it, threads cost more. */
  static final long MIN_PART_BYTES = 16L << 20;
  /** The most parts of a file: the run-wide duplicate check numbers a call's part in 12 bits. */
  private static final int MAX_PARTS = 1 << 12;

  private final ReadMode mode;
  private final boolean checkDuplicateIds;
  private final int parallelism;
  private final long minPartBytes;

  private CsvCallReader(ReadMode mode, boolean checkDuplicateIds, int parallelism, long minPartBytes) {
    this.mode = mode;
    this.checkDuplicateIds = checkDuplicateIds;
    this.parallelism = parallelism;
    this.minPartBytes = minPartBytes;
  }

  /**
   * Obtains a reader.
   *
   * @param mode  what to do with a bad row, not null
   * @return the reader, which checks for duplicate ids within a queue
   */
  public static CsvCallReader of(ReadMode mode) {
    return new CsvCallReader(requireNonNull(mode, "mode"), true, Runtime.getRuntime().availableProcessors(),
        MIN_PART_BYTES);
  }

  /**
   * Returns a reader like this one that does not check for duplicate ids, and so holds nothing that grows
   * with the file: for streaming files whose distinct ids do not fit in memory.
   *
   * @return the reader
   */
  public CsvCallReader withoutDuplicateIdCheck() {
    return new CsvCallReader(mode, false, parallelism, minPartBytes);
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
    return new CsvCallReader(mode, checkDuplicateIds, threads, minPartBytes);
  }

  /** For tests: parts of a few bytes, so that small files are read in many parts. */
  CsvCallReader withPartsOfAtLeast(long bytes) {
    return new CsvCallReader(mode, checkDuplicateIds, parallelism, bytes);
  }

  /** Returns the most threads {@link #collect} reads a file on. */
  public int parallelism() {
    return parallelism;
  }

  /** Returns the reader's mode. */
  public ReadMode mode() {
    return mode;
  }

  /** Checks if the reader rejects a second row with an id already read in the same queue. */
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
   * change during the call (a changed size is an {@link IOException}). See {@code docs/reading.md}.
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
        one = collectFile(file, collector, run);
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
    for (ReadReport r : reports) {
      sources.addAll(r.sources());
      calls += r.callCount();
      skipped.addAll(r.skipped());
      ignored.addAll(r.ignoredColumns());
    }
    return ReadReport.of(sources, calls, skipped, List.copyOf(ignored));
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

  private <A> FilePart.Combined<A> collectFile(Path file, Collector<? super Call, A, ?> collector,
      @Nullable RunCheck run) throws IOException {
    requireNonNull(file, "file");
    String source = sourceName(file);
    long size = Files.size(file);
    int sourceIndex = run == null ? 0 : run.newSource(source, size);
    BiConsumer<A, ? super Call> add = collector.accumulator();
    long parts = Math.min(Math.min(parallelism, MAX_PARTS), size / minPartBytes);
    if (parts < 2) {
      A container = collector.supplier().get();
      Consumer<Call> sink = call -> add.accept(container, call);
      ReadTracker tracker = run == null ? ReadTracker.streaming(mode, sink)
          : ReadTracker.streaming(mode, sink, run.tap(RunCheck.CSV, sourceIndex, 0), source);
      tracker.startSource(source);
      try (InputStream in = Files.newInputStream(file)) {
        new Session(new CsvTokenizer(in), source, tracker, size, false).read();
      }
      return new FilePart.Combined<>(container, tracker.report());
    }
    // The header, read once here; its defects stop the read as on one thread.
    ReadTracker headerTracker = ReadTracker.streaming(mode, call -> { });
    headerTracker.startSource(source);
    Session head;
    long bodyStart;
    try (InputStream in = Files.newInputStream(file)) {
      head = new Session(new CsvTokenizer(in), source, headerTracker, size, false);
      head.readHeader();
      bodyStart = head.t.position();
    }
    long[] starts = FilePart.starts(file, bodyStart, size, (int) parts);
    List<FilePart<A>> all = new ArrayList<>(starts.length);
    String idField = "column " + head.row.roleName(RowParser.ID);
    for (int k = 0; k < starts.length; k++) {
      A container = collector.supplier().get();
      Consumer<Call> sink = call -> add.accept(container, call);
      ReadTracker tracker;
      if (run == null) {
        tracker = ReadTracker.streaming(mode, sink);
      } else {
        tracker = ReadTracker.streaming(mode, sink, run.tap(RunCheck.CSV, sourceIndex, k), source);
        tracker.tap().ifPresent(tap -> tap.field(idField));
      }
      all.add(new FilePart<>(k, starts, container, tracker));
    }
    List<Thread> threads = new ArrayList<>();
    for (FilePart<A> part : all.subList(1, all.size())) {
      Thread thread = new Thread(() -> readPart(file, source, head.row, part), "callmetrics-csv-part-" + part.index);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    readPart(file, source, head.row, all.get(0));
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      threads.forEach(Thread::interrupt);
      throw new InterruptedIOException("interrupted while the parts of " + source + " were read");
    }
    return FilePart.combine(all, collector, head.t.nextLine(), source, headerTracker.report().ignoredColumns(),
        run, sourceIndex);
  }

  private static <A, R> R finish(Collector<? super Call, A, R> collector, A container) {
    return collector.finisher().apply(container);
  }

  /** Reads one part of a file on the current thread; what stops it is kept in the part. */
  private void readPart(Path file, String source, RowParser header, FilePart<?> part) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long start = part.start();
      channel.position(start);
      Session session = new Session(CsvTokenizer.continuing(Channels.newInputStream(channel), start), source,
          part.tracker, -1, false);
      session.row.columnsOf(header);
      session.part = part;
      session.body();
    } catch (ReadException e) {
      part.stopped = e;
    } catch (IOException | RuntimeException | Error e) {
      part.failure = e;
    }
  }

  private void readFile(Path file, ReadTracker tracker) throws IOException {
    requireNonNull(file, "file");
    String source = sourceName(file);
    tracker.startSource(source);
    try (InputStream in = Files.newInputStream(file)) {
      new Session(new CsvTokenizer(in), source, tracker, Files.size(file), checkDuplicateIds).read();
    }
  }

  private void readStream(Reader reader, String sourceName, ReadTracker tracker) throws IOException {
    requireNonNull(reader, "reader");
    requireNonNull(sourceName, "sourceName");
    tracker.startSource(sourceName);
    new Session(new CsvTokenizer(Utf8.encoding(reader)), sourceName, tracker, -1, checkDuplicateIds).read();
  }

  private static String requiredName(int role) {
    switch (role) {
      case RowParser.ID:
        return "id";
      case RowParser.QUEUE:
        return "queue";
      case RowParser.ARRIVED_ISO:
        return "arrived (or arrived_epoch_seconds, arrived_epoch_millis)";
      case RowParser.OUTCOME:
        return "outcome";
      default:
        return "ended (or ended_epoch_seconds, ended_epoch_millis)";
    }
  }

  /** The role that stands for every format of the same column (arrived, ended). */
  private static int group(int role) {
    switch (role) {
      case RowParser.ARRIVED_SECONDS:
      case RowParser.ARRIVED_MILLIS:
        return RowParser.ARRIVED_ISO;
      case RowParser.ENDED_SECONDS:
      case RowParser.ENDED_MILLIS:
        return RowParser.ENDED_ISO;
      default:
        return role;
    }
  }

  private static int role(String name) {
    switch (name) {
      case "id":
        return RowParser.ID;
      case "queue":
        return RowParser.QUEUE;
      case "channel":
        return RowParser.CHANNEL;
      case "arrived":
        return RowParser.ARRIVED_ISO;
      case "arrived_epoch_seconds":
        return RowParser.ARRIVED_SECONDS;
      case "arrived_epoch_millis":
        return RowParser.ARRIVED_MILLIS;
      case "outcome":
        return RowParser.OUTCOME;
      case "ended":
        return RowParser.ENDED_ISO;
      case "ended_epoch_seconds":
        return RowParser.ENDED_SECONDS;
      case "ended_epoch_millis":
        return RowParser.ENDED_MILLIS;
      case "handle_time":
        return RowParser.HANDLE_TIME;
      default:
        return RowParser.IGNORED;
    }
  }

  /** The state of one read. */
  private static final class Session {
    final CsvTokenizer t;
    final String source;
    final ReadTracker tracker;
    final RowParser row = new RowParser();
    /** The in-order check of one file ({@link #read}); a run's check ({@link #collect}) is the tracker's. */
    final @Nullable DuplicateCheck duplicates;
    /** The file's size in bytes, or -1 for a stream. */
    final long size;
    long records;
    boolean sized;
    /** The part of the file this session reads, or null for all of it. */
    @Nullable FilePart<?> part;

    Session(CsvTokenizer t, String source, ReadTracker tracker, long size, boolean checkIds) {
      this.duplicates = checkIds ? new DuplicateCheck() : null;
      this.t = t;
      this.source = source;
      this.tracker = tracker;
      this.size = size;
    }

    void read() throws IOException {
      readHeader();
      body();
    }

    /** Reads the header record; a defect there stops the read. */
    void readHeader() throws IOException {
      try {
        if (!t.next()) {
          throw tracker.fatal(SkippedRecord.of(source, 1, "header", "",
              "is missing: the file is empty (expected a header line naming the columns)"));
        }
      } catch (CsvTokenizer.CsvSyntaxException e) {
        throw tracker.fatal(SkippedRecord.of(source, e.line, e.field, e.value, e.rule));
      }
      header();
      records = 1;
    }

    /** Reads the records after the header: to the end, or for a part to where a later part starts. */
    void body() throws IOException {
      try {
        while (t.next()) {
          if (record()) {
            break;
          }
        }
        flush();
      } catch (CsvTokenizer.CsvSyntaxException e) {
        // A quote never closed, or a record too long: no later record can be delimited.
        flush();
        throw tracker.fatal(SkippedRecord.of(source, e.line, e.field, e.value, e.rule));
      }
    }

    /**
     * Handles the record the tokenizer holds. A method of its own, called once per record, so that the JIT
     * compiles it as a whole method, with the profile of many calls, rather than only inside the one long
     * loop of {@link #body} (on-stack replacement), whose code varied from run to run.
     *
     * @return true if this part of the file ends after the record
     */
    private boolean record() {
      records++;
      Call call = call();
      if (call != null) {
        if (duplicates == null) {
          tracker.at(t.line());
          tracker.accept(call);
        } else {
          int idColumn = row.column(RowParser.ID);
          if (duplicates.add(call, t.line(), row.queueNumber, t.bytes(), t.start(idColumn), t.length(idColumn))) {
            if (!sized && size > 0) {
              // The rows so far tell the bytes per row: size the id set for the whole file at once.
              sized = true;
              duplicates.expect(size * records / t.position());
            }
            flush();
          }
        }
      }
      return part != null && part.endsAt(t.position(), t.nextLine());
    }

    /** Hands on the calls waiting for the duplicate check; before any report, so the file's order holds. */
    private void flush() {
      if (duplicates != null) {
        duplicates.flush(tracker, source, row.roleName(RowParser.ID));
      }
    }

    /** Reports a bad record, after the calls before it. */
    private void skip(SkippedRecord record) {
      flush();
      tracker.skip(record);
    }

    private void header() {
      int count = t.fieldCount();
      List<String> cells = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        cells.add(t.text(i));
      }
      if (count == 0 || (count == 1 && cells.get(0).isBlank())) {
        throw tracker.fatal(SkippedRecord.of(source, t.line(), "header", "",
            "is an empty line (expected a header line naming the columns)"));
      }
      if (t.strayField() >= 0) {
        throw tracker.fatal(SkippedRecord.of(source, t.line(), "quoting", t.strayText(),
            "follows the closing quote of header cell " + (t.strayField() + 1) + " (expected a comma or a line end after"
                + " a closing quote, as in RFC 4180; without a header no row can be read)"));
      }
      int[] roles = new int[count];
      String[] names = new String[count];
      @Nullable String[] byRole = new String[RowParser.HANDLE_TIME + 1];
      for (int i = 0; i < count; i++) {
        String raw = cells.get(i);
        String name = raw.strip().toLowerCase(Locale.ROOT);
        names[i] = raw.strip();
        int role = role(name);
        roles[i] = role;
        if (role == RowParser.IGNORED) {
          tracker.ignoreColumn(raw);
          continue;
        }
        int group = group(role);
        String earlier = byRole[group];
        if (earlier != null) {
          throw tracker.fatal(SkippedRecord.of(source, t.line(), "header", raw,
              "repeats column " + earlier + " (expected each column once; arrived and ended take one format each)"));
        }
        byRole[group] = raw.strip();
        byRole[role] = raw.strip();
      }
      for (int required : new int[] {RowParser.ID, RowParser.QUEUE, RowParser.ARRIVED_ISO, RowParser.OUTCOME,
          RowParser.ENDED_ISO}) {
        if (byRole[required] == null) {
          throw tracker.fatal(SkippedRecord.of(source, t.line(), "header", String.join(",", cells),
              "has no column " + requiredName(required)
                  + " (expected every required column: id, queue, arrived, outcome, ended; see docs/csv-format.md)"));
        }
      }
      row.columns(roles, names, byRole);
      tracker.tap().ifPresent(tap -> tap.field("column " + row.roleName(RowParser.ID)));
    }

    private SkippedRecord strayQuote() {
      int field = t.strayField();
      String cell = field < row.columnCount() ? "column " + row.name(field) + "'s cell" : "cell " + (field + 1);
      return SkippedRecord.of(source, t.line(), "quoting", t.strayText(),
          "follows the closing quote of " + cell + " (expected a comma or a line end after a closing quote, as in"
              + " RFC 4180; the row is skipped, and reading goes on after it)");
    }

    /** Parses a record into a call, or reports the record and returns null. */
    private @Nullable Call call() {
      int fields = t.fieldCount();
      if (t.strayField() >= 0) {
        skip(strayQuote());
        return null;
      }
      if (fields == 0) {
        skip(SkippedRecord.of(source, t.line(), "row", "",
            "is an empty line (expected " + row.columnCount() + " columns as in the header)"));
        return null;
      }
      if (fields != row.columnCount()) {
        skip(SkippedRecord.of(source, t.line(), "column count", Integer.toString(fields),
            "differs from the header's " + row.columnCount() + " columns (expected every row to have as many)"));
        return null;
      }
      row.parse(t);
      if (row.defectRule != null) {
        skip(SkippedRecord.of(source, t.line(), "column " + row.name(row.defectColumn),
            requireNonNull(row.defectValue), row.defectRule));
        return null;
      }
      if (!row.hasArrived) {
        skip(SkippedRecord.of(source, t.line(), "column " + row.roleName(RowParser.ARRIVED_ISO), "",
            "is empty (expected the instant the call arrived)"));
        return null;
      }
      boolean waiting = row.outcome == RowParser.WAITING;
      int endedColumn = row.column(RowParser.ENDED_ISO);
      if (waiting && t.length(endedColumn) > 0) {
        skip(SkippedRecord.of(source, t.line(), "column " + row.roleName(RowParser.ENDED_ISO),
            t.text(endedColumn), "is given for a waiting call (expected empty when outcome is waiting)"));
        return null;
      }
      if (!waiting && !row.hasEnded) {
        skip(SkippedRecord.of(source, t.line(), "column " + row.roleName(RowParser.ENDED_ISO), "",
            "is empty (expected the instant of the outcome when outcome is " + RowParser.OUTCOMES[row.outcome] + ")"));
        return null;
      }
      String id = requireNonNull(row.id);
      String queue = requireNonNull(row.queue);
      try {
        // One object, straight from the parsed primitives, with the factories' checks and messages.
        return CALLS.create(id, queue, row.channel, OUTCOMES[row.outcome], reason(row.outcome), row.arrivedSeconds,
            row.arrivedNanos, row.endedSeconds, row.endedNanos, row.hasHandle, row.handleSeconds, row.handleNanos);
      } catch (InvalidCallException e) {
        // The model's rule broken; the message names the column and shows the cell as the file wrote it.
        int role;
        switch (e.field()) {
          case "id":
            role = RowParser.ID;
            break;
          case "queue":
            role = RowParser.QUEUE;
            break;
          case "handle time":
            role = RowParser.HANDLE_TIME;
            break;
          default:
            role = RowParser.ENDED_ISO;
            break;
        }
        String value = role == RowParser.ID ? id : role == RowParser.QUEUE ? queue : t.text(row.column(role));
        String rule = role == RowParser.ENDED_ISO
            ? arrivedAsWritten(e.rule(), t.text(row.column(RowParser.ARRIVED_ISO)))
            : e.rule();
        skip(SkippedRecord.of(source, t.line(), "column " + row.roleName(role), value, rule));
        return null;
      }
    }
  }

  /** The call's outcome for each of the file's ({@link RowParser#OUTCOMES}). */
  private static final Outcome[] OUTCOMES = {Outcome.ANSWERED, Outcome.ABANDONED, Outcome.LEFT_UNANSWERED,
      Outcome.LEFT_UNANSWERED, Outcome.LEFT_UNANSWERED, Outcome.LEFT_UNANSWERED, Outcome.LEFT_UNANSWERED,
      Outcome.WAITING};

  private static @Nullable FlowOutReason reason(int outcome) {
    switch (outcome) {
      case RowParser.ANSWERED:
      case RowParser.ABANDONED:
      case RowParser.WAITING:
        return null;
      case RowParser.TIMEOUT:
        return FlowOutReason.TIMEOUT;
      case RowParser.QUEUE_EMPTY:
        return FlowOutReason.QUEUE_EMPTY;
      case RowParser.KEY_PRESS:
        return FlowOutReason.KEY_PRESS;
      case RowParser.WITHDRAWN:
        return FlowOutReason.WITHDRAWN;
      default:
        return FlowOutReason.OVERFLOW;
    }
  }

  /** Shows the arrival as the file wrote it, with the instant it means when the two read differently. */
  private static String arrivedAsWritten(String rule, String arrivedText) {
    String prefix = "is before arrived ";
    if (!rule.startsWith(prefix)) {
      return rule;
    }
    String instant = rule.substring(prefix.length());
    return instant.equals(arrivedText) ? rule : prefix + arrivedText + " (" + instant + ")";
  }
}
