package io.github.callmetrics.read.internal;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadReport;
import io.github.callmetrics.read.ReadResult;
import io.github.callmetrics.read.SkippedRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The bookkeeping every reader shares: counts the calls it delivers, keeps every skipped record, applies
 * the {@link ReadMode}, and builds the {@link ReadReport} or the {@link ReadException}. Not thread-safe.
 */
public final class ReadTracker {
  private final ReadMode mode;
  private final @Nullable List<Call> kept;
  private final Consumer<? super Call> sink;
  private final List<String> sources = new ArrayList<>();
  private final List<SkippedRecord> skipped = new ArrayList<>();
  private final List<String> ignoredColumns = new ArrayList<>();
  /** The notices by the key under which each is said once. */
  private final Map<String, SkippedRecord> notices = new LinkedHashMap<>();
  private long callCount;
  /** The run-wide duplicate check, if the read is part of one. */
  private @Nullable Tap tap;
  private String source = "";
  private long line = 1;

  private ReadTracker(ReadMode mode, @Nullable List<Call> kept, Consumer<? super Call> sink) {
    this.mode = requireNonNull(mode, "mode");
    this.kept = kept;
    if (sink instanceof RunCheck.Delivery) {
      // A consumer from RunCheck.delivery: the read is part of a run, whose duplicate check sees every call.
      RunCheck.Delivery delivery = (RunCheck.Delivery) sink;
      this.tap = delivery.tap;
      this.sink = delivery.sink;
    } else {
      this.sink = sink;
    }
  }

  /** A tracker for a whole-file read: calls are kept in a list. */
  public static ReadTracker collecting(ReadMode mode) {
    List<Call> list = new ArrayList<>();
    return new ReadTracker(mode, list, list::add);
  }

  /** A tracker for a streaming read: calls go to the consumer and are not kept. */
  public static ReadTracker streaming(ReadMode mode, Consumer<? super Call> consumer) {
    return new ReadTracker(mode, null, requireNonNull(consumer, "consumer"));
  }

  /** A tracker for one part of a source in a run: every call goes through the run's duplicate check. */
  public static ReadTracker streaming(ReadMode mode, Consumer<? super Call> consumer, Tap tap, String source) {
    ReadTracker tracker = new ReadTracker(mode, null, requireNonNull(consumer, "consumer"));
    tracker.tap = requireNonNull(tap, "tap");
    tracker.source = requireNonNull(source, "source");
    return tracker;
  }

  /** Returns the run's duplicate check for this read, if it is part of a run. */
  public java.util.Optional<Tap> tap() {
    return java.util.Optional.ofNullable(tap);
  }

  /** Returns the mode. */
  public ReadMode mode() {
    return mode;
  }

  /** Notes the start of a source. */
  public void startSource(String name) {
    sources.add(requireNonNull(name, "name"));
    source = name;
    if (tap != null) {
      tap.startSource(name);
    }
  }

  /**
   * Notes the line the reader is at, which a duplicate's message names: a reader in a run calls it before it
   * delivers the calls the line completes.
   */
  public void at(long line) {
    this.line = line;
  }

  /** Notes a column that is ignored. */
  public void ignoreColumn(String name) {
    ignoredColumns.add(name);
  }

  /** Notes a notice about a record read, unless one with the same key was noted. */
  public void notice(String key, SkippedRecord record) {
    notices.putIfAbsent(key, record);
  }

  /** Returns the notices noted, by their keys, in the order met. */
  public Map<String, SkippedRecord> notices() {
    return Collections.unmodifiableMap(notices);
  }

  /** Delivers one call. */
  public void accept(Call call) {
    Tap t = tap;
    if (t != null) {
      int verdict = t.check(call, line, source);
      if (verdict != Tap.DELIVER) {
        if (verdict == Tap.SKIP) {
          skip(t.skipped());
        }
        return;
      }
    }
    callCount++;
    sink.accept(call);
  }

  /** Returns the number of calls delivered so far. */
  public long callCount() {
    return callCount;
  }

  /**
   * Handles one bad record: in STRICT mode throws the {@link ReadException}; in LENIENT mode keeps it.
   *
   * @throws ReadException in STRICT mode
   */
  public void skip(SkippedRecord record) {
    if (mode == ReadMode.STRICT) {
      throw fatal(record);
    }
    skipped.add(record);
  }

  /** Returns the exception for a defect that stops the read, with everything read before it. */
  public ReadException fatal(SkippedRecord record) {
    return new ReadException(record, kept == null ? List.of() : kept, report());
  }

  /** Returns the report so far. */
  public ReadReport report() {
    ReadReport report = ReadReport.of(sources, callCount, skipped, ignoredColumns);
    return notices.isEmpty() ? report : report.withNotices(List.copyOf(notices.values()));
  }

  /** Returns the whole-file result; only for a collecting tracker. */
  public ReadResult result() {
    if (kept == null) {
      throw new IllegalStateException("a streaming read keeps no calls");
    }
    return ReadResult.of(kept, report());
  }
}
