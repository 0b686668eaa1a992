package io.github.callmetrics.read.internal;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.read.SkippedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The run-wide duplicate check as one reader's tracker sees it ({@link RunCheck}): told of every call the
 * reader is about to deliver, it records the call's hash, keeps it for the second look, or says that it is
 * a repeat. One per reader of one part of a source; not thread-safe.
 */
public final class Tap {
  static final int DELIVER = 0;
  static final int DROP = 1;
  static final int SKIP = 2;
  private static final int BATCH = 1024;

  private final RunCheck run;
  private final int kind;
  private final boolean numbersSources;
  private int source;
  private final int part;
  private long ordinal;
  private String field;
  private final long[] hashes = new long[BATCH];
  private int count;
  private @Nullable SkippedRecord skipped;

  Tap(RunCheck run, int kind, int source, int part) {
    this.run = run;
    this.kind = kind;
    this.numbersSources = source < 0;
    this.source = Math.max(source, 0);
    this.part = part;
    this.field = kind == RunCheck.CSV ? "column id" : "callid";
  }

  /** Sets the field a repeat's message names, for example {@code column ID} as the header wrote it. */
  public void field(String name) {
    field = name;
  }

  /** The reader started a source; a tap of a streaming reader numbers it in the run. */
  void startSource(String name) {
    if (numbersSources) {
      try {
        source = run.newSource(name, -1);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // not thrown: no size given
      }
      ordinal = 0;
    }
  }

  /**
   * Checks a call before it is delivered.
   *
   * @param line  the line the reader is at (of its part of the file)
   * @return {@link #DELIVER}, {@link #DROP} (the second look: nothing is delivered) or {@link #SKIP} (a
   *     repeat: {@link #skipped()} says where)
   */
  int check(Call call, long line, String sourceName) {
    switch (run.phase) {
      case RECORD:
        hashes[count++] = run.hash(kind, call);
        if (count == BATCH) {
          flush();
        }
        return DELIVER;
      case CAPTURE: {
        long h = run.hash(kind, call);
        if (run.candidates.contains(h)) {
          run.capture(new RunCheck.Captured(h, kind, RunCheck.place(source, part, ordinal), line, call));
        }
        ordinal++;
        return DROP;
      }
      case EXCLUDE: {
        long place = RunCheck.place(source, part, ordinal++);
        if (run.mayRepeat(run.hash(kind, call))) {
          int repeat = run.repeatAt(place);
          if (repeat >= 0) {
            skipped = SkippedRecord.of(sourceName, line, field, call.id(), rule(call, repeat));
            return SKIP;
          }
        }
        return DELIVER;
      }
      default:
        return DELIVER;
    }
  }

  private String rule(Call call, int repeat) {
    String first = run.firstSource(repeat) + ":" + run.firstLine(repeat);
    if (kind == RunCheck.CSV) {
      return "is a duplicate: the id was already read in queue " + call.queue() + " at " + first
          + " (expected unique within a queue)";
    }
    return "is a duplicate: the call that entered queue " + call.queue() + " at " + call.arrived()
        + " was already read at " + first + " (expected each call once: is a log named twice, or appended to itself?)";
  }

  /** Returns the repeat {@link #check} found. */
  SkippedRecord skipped() {
    SkippedRecord s = skipped;
    if (s == null) {
      throw new IllegalStateException("no repeat found");
    }
    return s;
  }

  /** Hands the hashes not yet recorded to the run. */
  void flush() {
    if (count > 0) {
      run.append(hashes, count);
      count = 0;
    }
  }
}
