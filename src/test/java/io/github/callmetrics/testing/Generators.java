package io.github.callmetrics.testing;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.FlowOutTreatment;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.definition.ServiceLevelFormula;
import io.github.callmetrics.definition.ThresholdBoundary;
import io.github.callmetrics.definition.WaitResolution;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.report.Dimension;
import io.github.callmetrics.report.ReportSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The seeded generators of one property case: random calls of every outcome, flow-out reason and channel,
 * service-level definitions over every formula and option, interval grids and report specs, all drawn from a
 * {@link Scene} so they meet where bugs hide. The shapes are edge-heavy on purpose:
 * <ul>
 *   <li>days: daylight-saving days of the scene's zone (Europe/Amsterdam most often; also zones with 30-minute,
 *       2-hour and midnight changes, a skipped day and old offsets with seconds), leap days and year ends;
 *   <li>instants: on interval boundaries and a nanosecond or a second either side, and calls placed so that
 *       they wait across a boundary;
 *   <li>waits: 0 s, exactly a threshold {@code T} and {@code T ± 1}, fractions just under a second, realistic
 *       waits, hours, and the sizes where the counting code changes representation (4,096 s, 8,192 s and
 *       65,535 s) up to years;
 *   <li>ids and queue names: plain, or with commas, quotes, line breaks, surrounding spaces and non-Latin
 *       characters.
 * </ul>
 *
 * <p>Every choice comes from one {@link SplittableRandom} of the case's seed, so a seed reproduces the case.
 * Ids are unique within a case. Not thread-safe.
 */
public final class Generators {
  /** The zones scenes use: Europe/Amsterdam, and zones whose clocks change in unusual ways. */
  static final List<ZoneId> ZONES = List.of(
      ZoneId.of("Europe/Amsterdam"),
      ZoneId.of("UTC"),
      ZoneId.of("America/New_York"),
      ZoneId.of("Europe/London"),
      ZoneId.of("Australia/Lord_Howe"), // 30-minute daylight-saving change
      ZoneId.of("Asia/Kathmandu"), // +05:45
      ZoneId.of("America/St_Johns"), // -03:30 with daylight saving
      ZoneId.of("Pacific/Chatham"), // +12:45 / +13:45
      ZoneId.of("Antarctica/Troll"), // 2-hour change: days of 22 and 26 hours
      ZoneId.of("America/Havana"), // changes at midnight: some days start at 01:00
      ZoneId.of("America/Santiago"), // changes at midnight
      ZoneId.of("Africa/Casablanca"), // changes around Ramadan, several a year
      ZoneId.of("Pacific/Apia"), // skipped 2011-12-30 entirely
      ZoneId.of("Africa/Monrovia"), // -00:44:30 until 1972: an offset with seconds
      ZoneId.of("Asia/Tehran"));

  private static final int[] YEARS = {1937, 1972, 1996, 2011, 2024, 2026, 2026, 2026, 2026, 2027, 2028, 2037};
  private static final long[] THRESHOLDS = {0, 1, 5, 10, 15, 20, 20, 20, 30, 45, 60, 120, 300, 4_096, 8_192, 65_535};
  private static final long[] LONG_WAITS = {4_095, 4_096, 4_097, 8_191, 8_192, 8_193, 65_534, 65_535, 65_536, 86_400,
      864_000, 34_560_000};
  private static final String[] PLAIN_QUEUES = {"sales", "support", "billing", "vip", "q1", "q2"};
  private static final String[] AWKWARD_QUEUES = {
      "sales, EMEA", "\"vip\"", " spaced ", "支持", "line\nbreak", "q|1", "Ünïcödé", "tab\tq", "emoji 📞", "cr\rq"};
  private static final String[] AWKWARD_PIECES = {
      ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "é", "日本", "📞", "\t", "'", ";", "|", "#", "\\", "=", "\u00A0",
      "\u2028", "x", "1795411251.", "Call{", "}", "null"};

  private final SplittableRandom random;
  private final Map<String, Object> notes = new LinkedHashMap<>();
  private int ids;

  Generators(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * Obtains the generators of one seed, as a property case gets them; for a regression test that names the
   * seed of a case that once failed.
   *
   * @param seed  the case's seed
   * @return the generators
   */
  public static Generators of(long seed) {
    return new Generators(seed);
  }

  /**
   * Records an input of the case, shown if the case fails.
   *
   * @param name  what the value is
   * @param value  the value
   * @return {@code value}
   */
  public <T> T note(String name, T value) {
    notes.put(name, value);
    return value;
  }

  Map<String, Object> notes() {
    return notes;
  }

  // ---- primitives

  /** Returns a number from 0 (inclusive) to {@code bound} (exclusive). */
  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** Returns a number from {@code low} to {@code high}, both inclusive. */
  public int between(int low, int high) {
    return random.nextInt(low, high + 1);
  }

  /** Returns a number from 0 (inclusive) to {@code bound} (exclusive). */
  public long nextLong(long bound) {
    return random.nextLong(bound);
  }

  /** Returns a double from 0 (inclusive) to 1 (exclusive). */
  public double nextDouble() {
    return random.nextDouble();
  }

  /** Returns true with the given probability in percent. */
  public boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  /** Returns one of the values. */
  @SafeVarargs
  public final <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }

  /** Returns one of the values. */
  public <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Returns one of an enum's constants. */
  public <E extends Enum<E>> E pick(Class<E> type) {
    return pick(type.getEnumConstants());
  }

  /**
   * Returns a size from 0 to {@code max}, edge-heavy: 0 and 1 a tenth of the time each, small sizes often,
   * up to {@code max} otherwise.
   */
  public int size(int max) {
    int r = random.nextInt(10);
    if (r == 0 || max == 0) {
      return 0;
    }
    if (r == 1 || max == 1) {
      return 1;
    }
    if (r < 6) {
      return between(2, Math.min(10, max));
    }
    return between(2, max);
  }

  // ---- time

  /** Returns a scene: a zone, one to three local days worth testing in it, queues, channels and thresholds. */
  public Scene scene() {
    ZoneId zone = chance(35) ? ZONES.get(0) : pick(ZONES);
    int year = YEARS[random.nextInt(YEARS.length)];
    List<LocalDate> changeDays = new ArrayList<>();
    ZoneRules rules = zone.getRules();
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
    Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
    for (ZoneOffsetTransition t = rules.nextTransition(from.minusSeconds(1)); t != null && t.getInstant().isBefore(to);
        t = rules.nextTransition(t.getInstant())) {
      changeDays.add(t.getDateTimeBefore().toLocalDate());
      changeDays.add(t.getInstant().atZone(zone).toLocalDate());
    }
    LocalDate day;
    int kind = random.nextInt(100);
    if (kind < 45 && !changeDays.isEmpty()) {
      day = pick(changeDays);
    } else if (kind < 60) {
      int leapYear = Year.isLeap(year) ? year : pick(2024, 2028);
      day = LocalDate.of(leapYear, 2, 28).plusDays(random.nextInt(3)); // 28, 29 February or 1 March
    } else if (kind < 65) {
      day = LocalDate.of(year, 12, 31);
    } else {
      day = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
    }
    int days = between(1, 3);
    LocalDate first = day.minusDays(random.nextInt(days));
    List<Instant> transitions = new ArrayList<>();
    Instant start = first.atStartOfDay(zone).toInstant();
    Instant end = first.plusDays(days).atStartOfDay(zone).toInstant();
    for (ZoneOffsetTransition t = rules.nextTransition(start.minusSeconds(1)); t != null && t.getInstant().isBefore(end);
        t = rules.nextTransition(t.getInstant())) {
      transitions.add(t.getInstant());
    }
    List<String> queues = new ArrayList<>();
    int queueCount = between(1, 3);
    while (queues.size() < queueCount) {
      String q = chance(25) ? pick(AWKWARD_QUEUES) : pick(PLAIN_QUEUES);
      if (!queues.contains(q)) {
        queues.add(q);
      }
    }
    List<Channel> channels = new ArrayList<>(List.of(Channel.VOICE));
    int channelCount = random.nextInt(3);
    for (int i = 0; i < channelCount; i++) {
      Channel c = pick(Channel.class);
      if (!channels.contains(c)) {
        channels.add(c);
      }
    }
    List<Long> thresholds = new ArrayList<>();
    int thresholdCount = between(1, 3);
    for (int i = 0; i < thresholdCount; i++) {
      thresholds.add(chance(80) ? THRESHOLDS[random.nextInt(THRESHOLDS.length)] : nextLong(601));
    }
    return new Scene(zone, first, days, transitions, queues, channels, thresholds);
  }

  /**
   * Returns an interval boundary of the scene: a local time on a five-minute mark of one of its days (so a
   * boundary of every clock-aligned length, and of days), or one of the zone's offset changes. A local time
   * that happens twice gives either instant; one the clock skips gives the instant after the gap.
   */
  public Instant boundary(Scene s) {
    if (!s.transitions().isEmpty() && chance(15)) {
      return pick(s.transitions());
    }
    LocalDate day = s.firstDay().plusDays(random.nextInt(s.days() + 1)); // the end of the last day too
    int minutes = chance(20) ? 0 : 5 * random.nextInt(288);
    ZonedDateTime local = LocalDateTime.of(day, LocalTime.MIDNIGHT).plusMinutes(minutes).atZone(s.zone());
    if (minutes == 0) {
      local = day.atStartOfDay(s.zone());
    } else if (chance(50)) {
      local = local.withLaterOffsetAtOverlap();
    }
    return local.toInstant();
  }

  /**
   * Returns an instant of the scene: a boundary or a nanosecond or a second either side of it, or any instant
   * from an hour before the first day to an hour after the last, a third of them with a fraction of a second.
   */
  public Instant instant(Scene s) {
    if (chance(60)) {
      Instant b = boundary(s);
      switch (random.nextInt(5)) {
        case 0:
          return b.minusNanos(1);
        case 1:
          return b.plusNanos(1);
        case 2:
          return b.minusSeconds(1);
        case 3:
          return b.plusSeconds(1);
        default:
          return b;
      }
    }
    long from = s.start().getEpochSecond() - 3_600;
    long span = s.end().getEpochSecond() + 3_600 - from;
    Instant i = Instant.ofEpochSecond(from + nextLong(span));
    return chance(33) ? i.plusNanos(random.nextInt(1_000_000_000)) : i;
  }

  /** Returns a wait in nanoseconds: 0, a threshold of the scene or one second either side, realistic, long or huge. */
  public long waitNanos(Scene s) {
    long seconds;
    int shape = random.nextInt(100);
    if (shape < 12) {
      seconds = 0;
    } else if (shape < 35) {
      seconds = Math.max(0, pick(s.thresholds()) + between(-1, 1));
    } else if (shape < 70) {
      seconds = (long) (-25 * Math.log(1 - nextDouble())); // exponential, mean 25 s
    } else if (shape < 87) {
      seconds = nextLong(7_200);
    } else if (shape < 97) {
      seconds = LONG_WAITS[random.nextInt(LONG_WAITS.length)] + between(-1, 1);
    } else {
      seconds = nextLong(1_000_000_000L); // up to 31 years
    }
    int nanos = pick(0, 0, 999_999_999, 1, random.nextInt(1_000_000_000));
    return Math.multiplyExact(seconds, 1_000_000_000L) + nanos;
  }

  /** Returns a handle time: none, zero, whole seconds, with nanoseconds, or up to 31 years. */
  public Duration handleTime() {
    int shape = random.nextInt(100);
    if (shape < 6) {
      return Duration.ZERO;
    }
    if (shape < 45) {
      return Duration.ofSeconds(nextLong(1_800));
    }
    if (shape < 92) {
      return Duration.ofSeconds(nextLong(1_800), random.nextInt(1_000_000_000));
    }
    return Duration.ofSeconds(nextLong(1_000_000_000L), chance(50) ? 0 : random.nextInt(1_000_000_000));
  }

  // ---- calls

  /** Returns a call id unique within the case: plain most of the time, or with awkward characters. */
  public String id() {
    int n = ++ids;
    if (chance(65)) {
      return chance(50) ? "c" + n : "1795411251." + n;
    }
    StringBuilder s = new StringBuilder();
    if (chance(20)) {
      s.append(' ');
    }
    int pieces = between(1, 4);
    for (int i = 0; i < pieces; i++) {
      s.append(pick(AWKWARD_PIECES));
    }
    s.append(n); // unique, and never blank
    if (chance(20)) {
      s.append(pick(" ", "\n", "\""));
    }
    return s.toString();
  }

  /** Returns one call of the scene, of any outcome, placed across a boundary half the time. */
  public Call call(Scene s) {
    long wait = waitNanos(s);
    Instant arrived;
    if (chance(50)) {
      long before = wait == 0 ? 0 : random.nextLong(wait + 1);
      arrived = boundary(s).minusNanos(before); // waits across (or up to) the boundary
    } else {
      arrived = instant(s);
    }
    Instant left = arrived.plusNanos(wait);
    String id = id();
    String queue = pick(s.queues());
    int kind = random.nextInt(100);
    Call call;
    if (kind < 42) {
      call = Call.answered(id, queue, arrived, left);
    } else if (kind < 64) {
      call = Call.abandoned(id, queue, arrived, left);
    } else if (kind < 88) {
      call = Call.leftUnanswered(id, queue, arrived, left, pick(FlowOutReason.class));
    } else {
      call = Call.waiting(id, queue, arrived);
    }
    Channel channel = pick(s.channels());
    if (channel != Channel.VOICE) {
      call = call.withChannel(channel);
    }
    if (chance(55)) {
      call = call.withHandleTime(handleTime());
    }
    return call;
  }

  /** Returns {@code n} calls of the scene. */
  public List<Call> calls(Scene s, int n) {
    List<Call> calls = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      calls.add(call(s));
    }
    return calls;
  }

  // ---- definitions, grids, specs

  /**
   * Returns a definition: any formula, boundary and wait resolution, a threshold of the scene (or any up to 600 s), a
   * short-abandon threshold below it or none, any treatment per flow-out reason, either flow-out credit and
   * short-abandon removal, any target from 0 to 1.
   */
  public ServiceLevelDefinition definition(Scene s) {
    long t = chance(85) ? pick(s.thresholds()) : nextLong(601);
    ServiceLevelDefinition.Builder b = ServiceLevelDefinition.builder()
        .threshold(Duration.ofSeconds(t))
        .boundary(pick(ThresholdBoundary.class))
        .waitResolution(pick(WaitResolution.class))
        .formula(pick(ServiceLevelFormula.class))
        .creditFlowOutsWithinThreshold(chance(25))
        .removeShortAbandonsFromAllCounts(chance(25))
        .target(chance(20) ? pick(BigDecimal.ZERO, BigDecimal.ONE) : BigDecimal.valueOf(random.nextInt(101), 2));
    if (chance(20)) {
      b.name(pick("Asterisk SL2", "mine, 80/20", "\"quoted\"", "支持 SL"));
    }
    if (t >= 2 && chance(55)) {
      b.shortAbandonThreshold(Duration.ofSeconds(chance(25) ? t - 1 : between(1, (int) Math.min(t - 1, 60))));
    }
    for (FlowOutReason reason : FlowOutReason.values()) {
      b.flowOut(reason, pick(FlowOutTreatment.class));
    }
    return b.build();
  }

  /** Returns an interval length; one-minute grids are rarer, as they are the costliest to check. */
  public IntervalLength intervalLength() {
    return chance(8) ? IntervalLength.MINUTES_1 : pick(IntervalLength.class);
  }

  /** Returns the grid of the scene's days in its zone, of any length. */
  public IntervalGrid grid(Scene s) {
    return IntervalGrid.of(s.firstDay(), s.endDay(), s.zone(), intervalLength());
  }

  /** Returns an attribution. */
  public Attribution attribution() {
    return pick(Attribution.class);
  }

  /**
   * Returns a report spec over the scene: a grid of any length over the scene's days, any attribution, any
   * dimensions (none too), one to three definitions, and sometimes queues and channels that must appear even
   * without calls.
   */
  public ReportSpec spec(Scene s) {
    IntervalGrid grid = grid(s);
    if (s.days() > 1 && grid.length().duration().filter(d -> d.toMinutes() <= 15).isPresent() && chance(80)) {
      // Rows are computed for every interval: one day of short intervals keeps a case cheap.
      LocalDate day = s.firstDay().plusDays(random.nextInt(s.days()));
      grid = IntervalGrid.ofDay(day, s.zone(), grid.length());
    }
    EnumSet<Dimension> dims = EnumSet.noneOf(Dimension.class);
    for (Dimension d : Dimension.values()) {
      if (chance(70)) {
        dims.add(d);
      }
    }
    List<ServiceLevelDefinition> definitions = new ArrayList<>();
    int n = between(1, 3);
    for (int i = 0; i < n; i++) {
      definitions.add(definition(s));
    }
    ReportSpec.Builder b = ReportSpec.builder(grid).attribution(attribution()).groupBy(dims).definitions(definitions);
    if (chance(20)) {
      b.queues(chance(50) ? pick(s.queues()) : "named only");
    }
    if (chance(20)) {
      b.channels(pick(Channel.class));
    }
    return b.build();
  }
}
