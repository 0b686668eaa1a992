package io.github.callmetrics.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for reading a local date-time (written without an offset) in a zone the user named, for every
 * reader that takes one (the CSV call format, the {@code queue_log} table): a time the zone's clocks showed once
 * is that instant; a time they skipped (spring forward) does not exist and is a defect of its record, with
 * {@link #gapRule}; a time they showed twice (fall back) is ambiguous, and the reader chooses one of the two
 * offsets by its own documented policy and says so with {@link #ambiguousRule}, once per change and offset
 * ({@link #noticeKey}).
 *
 * <p>Resolution works on a local date-time as seconds from 1970-01-01T00:00 (as if it were UTC). It keeps the
 * stretch of local time around the last one resolved in which the zone has one offset, so that the rows of a
 * file, which mostly fall between two changes, are resolved with two comparisons and no object. Not
 * thread-safe: one per read.
 */
public final class LocalTimes {
  /** {@link #resolve} found one instant: {@link #epochSecond()}. */
  public static final int UNIQUE = 0;
  /** {@link #resolve} found a time the clocks skipped: {@link #change()} is the gap. */
  public static final int GAP = 1;
  /** {@link #resolve} found a time the clocks showed twice: {@link #earlier(long)} and {@link #later(long)}. */
  public static final int OVERLAP = 2;

  private final ZoneId zone;
  private final ZoneRules rules;
  /** Local seconds [from, to) in which the zone has the one offset {@link #offset}. */
  private long from = Long.MAX_VALUE;
  private long to = Long.MIN_VALUE;
  private int offset;
  private long epochSecond;
  private @Nullable ZoneOffsetTransition change;

  /**
   * Obtains a resolver for a zone.
   *
   * @param zone  the zone of the local times, not null
   */
  public LocalTimes(ZoneId zone) {
    this.zone = zone;
    this.rules = zone.getRules();
    if (rules.isFixedOffset()) {
      from = Long.MIN_VALUE;
      to = Long.MAX_VALUE;
      offset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
    }
  }

  /** Returns the zone. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Resolves a local date-time.
   *
   * @param localSecond  the local date-time as seconds from 1970-01-01T00:00, as if it were UTC
   * @return {@link #UNIQUE}, {@link #GAP} or {@link #OVERLAP}
   */
  public int resolve(long localSecond) {
    if (localSecond >= from && localSecond < to) {
      epochSecond = localSecond - offset;
      return UNIQUE;
    }
    LocalDateTime local = LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC);
    ZoneOffsetTransition t = rules.getTransition(local);
    if (t != null) {
      change = t;
      return t.isGap() ? GAP : OVERLAP;
    }
    int here = rules.getOffset(local).getTotalSeconds();
    epochSecond = localSecond - here;
    // The stretch around it with this offset only: from past the last change to before the next one.
    Instant instant = Instant.ofEpochSecond(epochSecond);
    ZoneOffsetTransition previous = rules.previousTransition(instant);
    ZoneOffsetTransition next = rules.nextTransition(instant);
    long start = previous == null ? Long.MIN_VALUE : previous.toEpochSecond()
        + Math.max(previous.getOffsetBefore().getTotalSeconds(), previous.getOffsetAfter().getTotalSeconds());
    long end = next == null ? Long.MAX_VALUE : next.toEpochSecond()
        + Math.min(next.getOffsetBefore().getTotalSeconds(), next.getOffsetAfter().getTotalSeconds());
    if (localSecond >= start && localSecond < end) {
      from = start;
      to = end;
      offset = here;
    }
    return UNIQUE;
  }

  /** Returns the instant of the last {@link #UNIQUE} resolution, in epoch seconds. */
  public long epochSecond() {
    return epochSecond;
  }

  /** Returns the change of the last {@link #GAP} or {@link #OVERLAP} resolution. */
  public ZoneOffsetTransition change() {
    ZoneOffsetTransition c = change;
    if (c == null) {
      throw new IllegalStateException("no gap or overlap was resolved");
    }
    return c;
  }

  /** Returns the offset before the last change met, in seconds: for an overlap, the earlier reading. */
  public int earlierOffset() {
    return change().getOffsetBefore().getTotalSeconds();
  }

  /** Returns the offset after the last change met, in seconds: for an overlap, the later reading. */
  public int laterOffset() {
    return change().getOffsetAfter().getTotalSeconds();
  }

  /** Returns the earlier instant of an ambiguous local time, in epoch seconds. */
  public long earlier(long localSecond) {
    return localSecond - earlierOffset();
  }

  /** Returns the later instant of an ambiguous local time, in epoch seconds. */
  public long later(long localSecond) {
    return localSecond - laterOffset();
  }

  /**
   * Returns the rule a skipped local time breaks, for its record's message.
   *
   * @param hint  what to do about it, for the message's parenthesis
   */
  public String gapRule(String hint) {
    ZoneOffsetTransition c = change();
    return "does not exist in " + zone + ": its clocks went from " + c.getDateTimeBefore().toLocalTime() + " to "
        + c.getDateTimeAfter().toLocalTime() + " that day (expected a time the zone's clocks showed; " + hint + ")";
  }

  /**
   * Returns the notice for an ambiguous local time read at one of its offsets.
   *
   * @param later  whether it was read at the later offset
   * @param epochSecond  the instant it was read as
   * @param why  the reader's policy, said after the choice ("the earlier offset, as ...")
   */
  public String ambiguousRule(boolean later, long epochSecond, String why) {
    ZoneOffsetTransition c = change();
    ZoneOffset chosen = later ? c.getOffsetAfter() : c.getOffsetBefore();
    return "is shown twice by " + zone + "'s clocks that day; read at " + chosen + " ("
        + Instant.ofEpochSecond(epochSecond) + "), " + why;
  }

  /** Returns the key under which a notice of the last change at one of its offsets is said once. */
  public String noticeKey(boolean later) {
    ZoneOffsetTransition c = change();
    return zone + "@" + c.toEpochSecond() + (later ? c.getOffsetAfter() : c.getOffsetBefore());
  }
}
