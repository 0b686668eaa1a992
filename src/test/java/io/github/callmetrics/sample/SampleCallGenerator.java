package io.github.callmetrics.sample;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Generates the sample call records shipped in {@code src/sample/calls.csv}: six weeks of calls to three
 * queues on two channels of a fictitious contact center in Europe/Amsterdam, in two windows of three weeks
 * that each hold one of the 2026 daylight-saving days. {@code docs/sample-data.md} describes the data.
 *
 * <p>Regenerate the file (the result is byte for byte the same on every machine) with
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.callmetrics.sample.SampleCallGenerator -Dexec.args=src/sample/calls.csv
 * </pre>
 *
 * <p>The model, per queue and channel (a <em>line</em>):
 * <ul>
 *   <li><b>Arrivals</b>: a non-homogeneous Poisson process, piecewise constant per local half hour: a daily
 *       volume (by day of week, Monday heaviest, times a random day factor of about ±8%) spread over the
 *       opening hours by an intraday profile with a morning peak around 10:45 and an early-afternoon peak
 *       around 14:15 ({@link Line#weight(int)}); the 24/7 line keeps a low night level. Two unplanned
 *       {@linkplain #SURGES surges} raise one morning's volume of one queue.
 *   <li><b>Staffing</b>: agents per local half hour, planned with Erlang C for 80% in 20 s on the forecast,
 *       then cut to a headcount of 60% of the week's highest need and by staggered lunch breaks, so the
 *       schedule is short at the peaks and comfortable at quiet times. Chat agents take two chats at a time
 *       (two seats each). The support night agent takes a break from 03:00 to 03:30 with nobody logged in.
 *   <li><b>Queueing</b>: a first-come-first-served multi-server simulation in whole seconds; an agent who
 *       goes off shift finishes the call in hand; the answer comes a few seconds after an agent is free
 *       (ringing, accepting a chat); a call still waiting when no agent is logged in any more (closing time,
 *       the night break) exits with {@code queue-empty}, and so does a call that arrives then.
 *   <li><b>Callers</b>: a patience per caller: a few give up within 5 s, the others listen to the 8-second
 *       greeting and then give up at an exponential time, a quarter of them four times as patient. A wait
 *       limit: {@code timeout} after 5 minutes in {@code support} voice, {@code overflow} to another site
 *       after 5 minutes in {@code sales} voice. In {@code support} and {@code billing} voice a callback offer
 *       every 60 s that some accept ({@code key-press}). Whatever comes first ends the wait.
 *   <li><b>Handle times</b>: lognormal, per line (talk, hold and after-call work); chats are longer.
 * </ul>
 *
 * <p>Deterministic: one {@link SplittableRandom} with the fixed {@link #SEED}, split once per line in a fixed
 * order; {@link StrictMath} for every function of a random number; no dependence on the clock, the default
 * locale or the default time zone.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class SampleCallGenerator {
  /** The seed of the sample. */
  public static final long SEED = 20260329L;

  /** The contact center's time zone. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  /** The CSV header. */
  public static final String HEADER = "id,queue,channel,arrived,outcome,ended,handle_time";

  /** The windows, local dates inclusive: each holds one daylight-saving day of 2026. */
  static final List<Window> WINDOWS = List.of(
      new Window(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 4, 5)),
      new Window(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 11, 1)));

  private static final int SLOT_SECONDS = 1800;
  private static final int SLOTS_PER_DAY = 48;
  private static final long NEVER = Long.MAX_VALUE;
  private static final DateTimeFormatter ID_DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);

  /**
   * The lines, in the fixed order in which they draw from the random generator. The columns: queue,
   * channel, opening hours, calls on a Tuesday, evening bump, mean handle time (s), handle-time spread,
   * seats per agent, mean patience (s), share of callers who give up within 5 s, wait limit (s, 0 for
   * none), what the limit does, chance to accept each callback offer, headcount as a share of the peak need.
   */
  static final List<Line> LINES = List.of(
      new Line("sales", Channel.VOICE, Hours.SALES, 530, 0.0, 240, 0.55, 1, 180, 0.03,
          300, FlowOutReason.OVERFLOW, 0.0, 0.60),
      new Line("sales", Channel.CHAT, Hours.SALES, 210, 0.35, 420, 0.50, 2, 300, 0.02,
          0, null, 0.0, 0.60),
      new Line("support", Channel.VOICE, Hours.ALWAYS, 500, 0.0, 390, 0.60, 1, 240, 0.03,
          300, FlowOutReason.TIMEOUT, 0.10, 0.60),
      new Line("support", Channel.CHAT, Hours.SUPPORT_CHAT, 180, 0.0, 600, 0.50, 2, 360, 0.02,
          0, null, 0.0, 0.60),
      new Line("billing", Channel.VOICE, Hours.BILLING, 300, 0.0, 300, 0.55, 1, 200, 0.03,
          0, null, 0.12, 0.60));

  /**
   * Unplanned surges the schedule does not know about: a service incident on the Monday after the spring
   * clock change, and a sales mailing that lands on an October Monday morning. These make the long waits
   * that end in {@code timeout} and {@code overflow}.
   */
  static final List<Surge> SURGES = List.of(
      new Surge("support", LocalDate.of(2026, 3, 30), LocalTime.of(8, 30), LocalTime.of(12, 30), 2.2),
      new Surge("sales", LocalDate.of(2026, 10, 19), LocalTime.of(10, 0), LocalTime.of(13, 0), 1.8));

  private SampleCallGenerator() {}

  /**
   * Writes the sample to a file.
   *
   * @param args  the output path; {@code src/sample/calls.csv} if none is given
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "src/sample/calls.csv");
    List<Call> calls = calls();
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, csv(calls), UTF_8);
    System.out.println("wrote " + calls.size() + " calls to " + out);
  }

  /**
   * Generates the sample's calls with the fixed {@link #SEED}: the same list on every run.
   *
   * @return the calls, sorted by arrival and then id
   */
  public static List<Call> calls() {
    SplittableRandom root = new SplittableRandom(SEED);
    List<Simulated> all = new ArrayList<>();
    for (int line = 0; line < LINES.size(); line++) {
      SplittableRandom random = root.split();
      for (Window window : WINDOWS) {
        simulate(line, LINES.get(line), window, random, all);
      }
    }
    all.sort(Comparator.comparingLong(Simulated::arrived)
        .thenComparingInt(Simulated::line)
        .thenComparingInt(Simulated::sequence));
    List<Call> calls = new ArrayList<>(all.size());
    LocalDate day = null;
    int number = 0;
    for (Simulated s : all) {
      LocalDate arrivalDay = LocalDate.ofInstant(Instant.ofEpochSecond(s.arrived()), ZONE);
      if (!arrivalDay.equals(day)) {
        day = arrivalDay;
        number = 0;
      }
      number++;
      String digits = Integer.toString(number);
      String id = "S-" + ID_DATE.format(arrivalDay) + "-" + "000000".substring(digits.length()) + digits;
      calls.add(s.toCall(id, LINES.get(s.line())));
    }
    return List.copyOf(calls);
  }

  /**
   * Formats calls as the sample's CSV: the {@link #HEADER}, then one row per call, every line ending with
   * {@code \n}; instants with the Europe/Amsterdam offset in whole seconds, handle times in whole seconds.
   *
   * @param calls  answered, abandoned or left-unanswered calls with whole-second instants, not null
   * @return the CSV text
   */
  public static String csv(List<Call> calls) {
    StringBuilder out = new StringBuilder(calls.size() * 100);
    out.append(HEADER).append('\n');
    for (Call call : calls) {
      Instant ended = call.outcomeAt().orElseThrow();
      row(out,
          call.id(),
          call.queue(),
          call.channel().label(),
          local(call.arrived()),
          outcomeLabel(call),
          local(ended),
          call.handleTime().map(d -> Long.toString(d.getSeconds())).orElse(""));
    }
    return out.toString();
  }

  /**
   * Formats an instant in Europe/Amsterdam with its offset, in whole seconds: {@code 2026-03-29T03:00:12+02:00}.
   * Equivalent to the pattern {@code uuuu-MM-dd'T'HH:mm:ssXXX}, written out by hand because it formats
   * every instant of the sample (a {@code DateTimeFormatter} takes most of the generator's time).
   */
  static String local(Instant instant) {
    ZoneOffset offset = ZONE.getRules().getOffset(instant);
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, offset);
    int offsetMinutes = offset.getTotalSeconds() / 60;
    StringBuilder s = new StringBuilder(25);
    s.append(t.getYear()).append('-');
    twoDigits(s, t.getMonthValue()).append('-');
    twoDigits(s, t.getDayOfMonth()).append('T');
    twoDigits(s, t.getHour()).append(':');
    twoDigits(s, t.getMinute()).append(':');
    twoDigits(s, t.getSecond()).append(offsetMinutes < 0 ? '-' : '+');
    twoDigits(s, Math.abs(offsetMinutes) / 60).append(':');
    return twoDigits(s, Math.abs(offsetMinutes) % 60).toString();
  }

  private static StringBuilder twoDigits(StringBuilder s, int value) {
    return s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  /** Returns the outcome as written in the CSV: {@code answered}, {@code abandoned} or a flow-out's label. */
  static String outcomeLabel(Call call) {
    switch (call.outcome()) {
      case ANSWERED:
        return "answered";
      case ABANDONED:
        return "abandoned";
      case LEFT_UNANSWERED:
        return call.flowOutReason().orElseThrow().label();
      default:
        throw new IllegalArgumentException("call " + call.id() + " has no outcome yet");
    }
  }

  /** Appends one RFC 4180 row: fields separated by commas, quoted only when they need it. */
  private static void row(StringBuilder out, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      String field = fields[i];
      if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
          || field.indexOf('\r') >= 0) {
        out.append('"').append(field.replace("\"", "\"\"")).append('"');
      } else {
        out.append(field);
      }
    }
    out.append('\n');
  }

  /** Simulates one line over one window, appending its calls. */
  private static void simulate(int lineIndex, Line line, Window window, SplittableRandom random,
      List<Simulated> out) {
    long start = window.first().atStartOfDay(ZONE).toEpochSecond();
    long end = window.last().plusDays(1).atStartOfDay(ZONE).toEpochSecond();
    int slots = (int) ((end - start) / SLOT_SECONDS);
    int[] seats = new int[slots];
    double[] expected = new double[slots];
    int[][] plan = staffingPlan(line);
    double[] weights = new double[SLOTS_PER_DAY];
    for (int h = 0; h < SLOTS_PER_DAY; h++) {
      weights[h] = line.weight(h);
    }
    double[] dailyWeights = new double[7];
    for (DayOfWeek dow : DayOfWeek.values()) {
      dailyWeights[dow.ordinal()] = line.dailyWeight(dow);
    }
    LocalDate day = null;
    double dayVolume = 0;
    for (int slot = 0; slot < slots; slot++) {
      ZonedDateTime local = Instant.ofEpochSecond(start + (long) slot * SLOT_SECONDS).atZone(ZONE);
      if (!local.toLocalDate().equals(day)) {
        day = local.toLocalDate();
        // Day-to-day variation: a lognormal factor with a spread of about 8%.
        dayVolume = line.weekdayVolume() * dayFactor(line, day.getDayOfWeek())
            * StrictMath.exp(0.08 * gaussian(random) - 0.0032);
      }
      int halfHour = halfHourOfDay(local.toLocalTime());
      DayOfWeek dow = local.getDayOfWeek();
      seats[slot] = plan[dow.ordinal()][halfHour];
      expected[slot] = line.hours().isOpen(dow, halfHour)
          ? dayVolume * weights[halfHour] / dailyWeights[dow.ordinal()] * surge(line, local)
          : 0;
    }
    int maxSeats = Arrays.stream(seats).max().orElse(0);
    int[][] nextOnShift = nextOnShift(seats, maxSeats);
    long[] freeAt = new long[maxSeats];
    Arrays.fill(freeAt, start);
    int sequence = 0;
    for (int slot = 0; slot < slots; slot++) {
      if (expected[slot] <= 0) {
        continue;
      }
      long slotStart = start + (long) slot * SLOT_SECONDS;
      double meanGap = SLOT_SECONDS / expected[slot];
      double t = exponential(random, meanGap);
      while (t < SLOT_SECONDS) {
        long arrived = slotStart + (long) t;
        out.add(serve(lineIndex, sequence++, line, arrived, random, start, seats, nextOnShift, freeAt));
        t += exponential(random, meanGap);
      }
    }
  }

  /** Decides one call's fate: which agent takes it and when, or why it leaves first. */
  private static Simulated serve(int lineIndex, int sequence, Line line, long arrived, SplittableRandom random,
      long start, int[] seats, int[][] nextOnShift, long[] freeAt) {
    long patience = line.patience(random);
    long pickup = line.channel() == Channel.CHAT ? 3 + random.nextInt(10) : 2 + random.nextInt(5);
    long handle = line.handleTime(random);
    long keyPressAt = line.callbackAcceptance() > 0 ? arrived + callbackAccepted(line, random) : NEVER;

    int bestSeat = -1;
    long best = NEVER;
    for (int seat = 0; seat < freeAt.length; seat++) {
      long t = onShiftFrom(seat, Math.max(freeAt[seat], arrived), start, seats, nextOnShift);
      if (t < best) {
        best = t;
        bestSeat = seat;
      }
    }
    long answeredAt = best == NEVER ? NEVER : best + pickup;

    // What ends the wait if no agent does: the caller hangs up, the wait limit, a key press, or the queue
    // emptying when the last agent of the day logs off.
    long leaveAt = arrived + patience;
    String leaveReason = "abandoned";
    if (line.maxWaitSeconds() > 0 && arrived + line.maxWaitSeconds() < leaveAt) {
      leaveAt = arrived + line.maxWaitSeconds();
      leaveReason = line.maxWaitReason().label();
    }
    if (keyPressAt < leaveAt) {
      leaveAt = keyPressAt;
      leaveReason = FlowOutReason.KEY_PRESS.label();
    }
    long emptyAt = emptyFrom(arrived, start, seats);
    if (emptyAt < leaveAt) {
      leaveAt = emptyAt;
      leaveReason = FlowOutReason.QUEUE_EMPTY.label();
    }

    if (answeredAt <= leaveAt && best < emptyAt) {
      freeAt[bestSeat] = answeredAt + handle;
      return new Simulated(lineIndex, sequence, arrived, answeredAt, "answered", handle);
    }
    return new Simulated(lineIndex, sequence, arrived, leaveAt, leaveReason, -1);
  }

  /** Returns the seconds until a caller accepts the callback offer made every 60 s, or {@link #NEVER}. */
  private static long callbackAccepted(Line line, SplittableRandom random) {
    // The offer number at which the caller accepts is geometric; a caller who accepts presses 2 to 6 s in.
    double u = 1 - random.nextDouble();
    long offer = 1 + (long) (StrictMath.log(u) / StrictMath.log(1 - line.callbackAcceptance()));
    long press = 2L + random.nextInt(5);
    return offer > 1_000 ? NEVER / 2 : offer * 60 + press;
  }

  /** Returns the first instant at or after {@code t} when the seat is on shift, or {@link #NEVER}. */
  private static long onShiftFrom(int seat, long t, long start, int[] seats, int[][] nextOnShift) {
    int slot = (int) ((t - start) / SLOT_SECONDS);
    if (slot >= seats.length) {
      return NEVER;
    }
    if (seats[slot] > seat) {
      return t;
    }
    int next = nextOnShift[seat][slot];
    return next < 0 ? NEVER : start + (long) next * SLOT_SECONDS;
  }

  /** Returns the first half-hour start after {@code arrived} with no agent on shift, or {@link #NEVER}. */
  private static long emptyFrom(long arrived, long start, int[] seats) {
    for (int slot = (int) ((arrived - start) / SLOT_SECONDS); slot < seats.length; slot++) {
      if (seats[slot] == 0) {
        return Math.max(arrived, start + (long) slot * SLOT_SECONDS);
      }
    }
    return NEVER;
  }

  /** For every seat and slot, the first slot at or after it in which the seat is on shift, or -1. */
  private static int[][] nextOnShift(int[] seats, int maxSeats) {
    int[][] next = new int[maxSeats][seats.length];
    for (int seat = 0; seat < maxSeats; seat++) {
      int following = -1;
      for (int slot = seats.length - 1; slot >= 0; slot--) {
        if (seats[slot] > seat) {
          following = slot;
        }
        next[seat][slot] = following;
      }
    }
    return next;
  }

  /**
   * Plans the seats per day of week and local half hour: Erlang C for 80% within 20 s on the forecast
   * load, capped at a share of the week's highest need (the headcount the center has), minus staggered
   * lunch breaks between 12:00 and 14:00. The result is a little short at the peaks, by design.
   */
  static int[][] staffingPlan(Line line) {
    int[][] plan = new int[7][SLOTS_PER_DAY];
    int highest = 0;
    for (DayOfWeek dow : DayOfWeek.values()) {
      for (int h = 0; h < SLOTS_PER_DAY; h++) {
        if (!line.hours().isOpen(dow, h)) {
          continue;
        }
        double calls = line.weekdayVolume() * dayFactor(line, dow) * line.weight(h) / line.dailyWeight(dow);
        double erlangs = calls * line.meanHandleSeconds() / SLOT_SECONDS;
        int agents = (requiredSeats(erlangs, line.meanHandleSeconds()) + line.seatsPerAgent() - 1)
            / line.seatsPerAgent();
        plan[dow.ordinal()][h] = Math.max(1, agents);
        highest = Math.max(highest, agents);
      }
    }
    int cap = Math.max(1, (int) StrictMath.ceil(line.headcountShare() * highest));
    for (int[] day : plan) {
      for (int h = 0; h < SLOTS_PER_DAY; h++) {
        int agents = Math.min(day[h], cap);
        if (h >= 24 && h < 28 && agents >= 5) {
          // Lunch breaks, staggered over 12:00 to 14:00.
          agents -= Math.max(1, agents / 8);
        }
        if (h == 6 && line.hours() == Hours.ALWAYS) {
          // The night agent's break, 03:00 to 03:30: nobody is logged in.
          agents = 0;
        }
        day[h] = agents * line.seatsPerAgent();
      }
    }
    return plan;
  }

  /** Returns the fewest seats that give 80% within 20 s by Erlang C, at least one. */
  static int requiredSeats(double erlangs, double handleSeconds) {
    int n = Math.max(1, (int) StrictMath.ceil(erlangs));
    while (erlangCServiceLevel(n, erlangs, handleSeconds, 20) < 0.80) {
      n++;
    }
    return n;
  }

  /** Erlang C: the share of calls answered within {@code t} seconds with {@code n} agents. */
  static double erlangCServiceLevel(int n, double erlangs, double handleSeconds, double t) {
    if (erlangs <= 0) {
      return 1;
    }
    if (n <= erlangs) {
      return 0;
    }
    double blocking = 1;
    for (int i = 1; i <= n; i++) {
      blocking = erlangs * blocking / (i + erlangs * blocking);
    }
    double waitProbability = n * blocking / (n - erlangs * (1 - blocking));
    return 1 - waitProbability * StrictMath.exp(-(n - erlangs) * t / handleSeconds);
  }

  /** Returns the factor by which unplanned surges raise a line's volume at a local time; 1 if none. */
  static double surge(Line line, ZonedDateTime local) {
    double factor = 1;
    for (Surge surge : SURGES) {
      if (surge.queue().equals(line.queue()) && surge.day().equals(local.toLocalDate())
          && !local.toLocalTime().isBefore(surge.from()) && local.toLocalTime().isBefore(surge.until())) {
        factor *= surge.factor();
      }
    }
    return factor;
  }

  /**
   * Returns a line's volume on a day of week relative to a Tuesday: Monday is the heaviest day; support
   * keeps more of its volume at the weekend than sales.
   */
  static double dayFactor(Line line, DayOfWeek dow) {
    boolean support = line.queue().equals("support");
    switch (dow) {
      case MONDAY:
        return 1.20;
      case TUESDAY:
        return 1.00;
      case WEDNESDAY:
        return 0.96;
      case THURSDAY:
        return 0.94;
      case FRIDAY:
        return 0.88;
      case SATURDAY:
        return support ? 0.60 : 0.42;
      default:
        return support ? 0.50 : 0.30;
    }
  }

  /** Returns the local half hour of the day, 0 (00:00) to 47 (23:30). */
  static int halfHourOfDay(LocalTime time) {
    return time.getHour() * 2 + time.getMinute() / 30;
  }

  private static double exponential(SplittableRandom random, double mean) {
    return -mean * StrictMath.log(1 - random.nextDouble());
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller with StrictMath, so that the sample is the same on every JVM.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
  }

  /** A window of local dates, both inclusive. */
  record Window(LocalDate first, LocalDate last) {}

  /** An unplanned rise of a queue's volume (both channels) on one local day, {@code [from, until)}. */
  record Surge(String queue, LocalDate day, LocalTime from, LocalTime until, double factor) {}

  /** Opening hours: which local half hours of which days a line takes calls. */
  enum Hours {
    /** Monday to Saturday, 08:00 to 20:00. */
    SALES,
    /** Every day, around the clock. */
    ALWAYS,
    /** Every day, 08:00 to 22:00. */
    SUPPORT_CHAT,
    /** Monday to Friday, 09:00 to 17:00. */
    BILLING;

    boolean isOpen(DayOfWeek dow, int halfHour) {
      switch (this) {
        case SALES:
          return dow != DayOfWeek.SUNDAY && halfHour >= 16 && halfHour < 40;
        case ALWAYS:
          return true;
        case SUPPORT_CHAT:
          return halfHour >= 16 && halfHour < 44;
        default:
          return dow.getValue() <= 5 && halfHour >= 18 && halfHour < 34;
      }
    }
  }

  /**
   * One queue on one channel and its model parameters.
   *
   * @param weekdayVolume  expected calls on a Tuesday
   * @param eveningShare  the height of an evening bump around 19:00 relative to the morning peak
   * @param meanHandleSeconds  the mean handle time
   * @param handleSigma  the lognormal shape of the handle time
   * @param seatsPerAgent  calls an agent handles at once (chat: 2)
   * @param meanPatienceSeconds  the mean patience of callers who do not give up at once
   * @param shortAbandonShare  the share of callers who give up within 5 s
   * @param maxWaitSeconds  the wait after which the queue sends a call away, 0 for none
   * @param maxWaitReason  why such a call leaves
   * @param callbackAcceptance  the chance that a waiting caller accepts each 60-second callback offer
   * @param headcountShare  the headcount as a share of the week's highest planned need
   */
  record Line(
      String queue,
      Channel channel,
      Hours hours,
      double weekdayVolume,
      double eveningShare,
      double meanHandleSeconds,
      double handleSigma,
      int seatsPerAgent,
      double meanPatienceSeconds,
      double shortAbandonShare,
      int maxWaitSeconds,
      @Nullable FlowOutReason maxWaitReason,
      double callbackAcceptance,
      double headcountShare) {

    /** The intraday profile: relative arrival rate in a local half hour (by its midpoint). */
    double weight(int halfHour) {
      double h = halfHour / 2.0 + 0.25;
      double day = 0.15
          + StrictMath.exp(-0.5 * square((h - 10.75) / 1.25))
          + 0.75 * StrictMath.exp(-0.5 * square((h - 14.25) / 1.4))
          + eveningShare * StrictMath.exp(-0.5 * square((h - 19.0) / 0.9));
      if (hours != Hours.ALWAYS) {
        return day;
      }
      // Around the clock: a low night level, ramping up from 06:30 and down after 20:30.
      double ramp = clamp((h - 6.5) / 1.5) * clamp((22.5 - h) / 2.0);
      return 0.10 + day * ramp;
    }

    /** The sum of the weights of the half hours a day of week is open, to spread a day's volume. */
    double dailyWeight(DayOfWeek dow) {
      double sum = 0;
      for (int h = 0; h < SLOTS_PER_DAY; h++) {
        if (hours.isOpen(dow, h)) {
          sum += weight(h);
        }
      }
      return sum;
    }

    long patience(SplittableRandom random) {
      if (random.nextDouble() < shortAbandonShare) {
        return random.nextInt(5);
      }
      // Everyone else listens to the greeting (8 s) first, then gives up at an exponential time; a
      // quarter of them are determined callers, four times as patient.
      double mean = random.nextDouble() < 0.25 ? 4 * meanPatienceSeconds : meanPatienceSeconds;
      return 8 + (long) exponential(random, mean);
    }

    long handleTime(SplittableRandom random) {
      double mu = StrictMath.log(meanHandleSeconds) - handleSigma * handleSigma / 2;
      long seconds = StrictMath.round(StrictMath.exp(mu + handleSigma * gaussian(random)));
      return Math.max(channel == Channel.CHAT ? 60 : 15, seconds);
    }

    private static double square(double x) {
      return x * x;
    }

    private static double clamp(double x) {
      return Math.max(0, Math.min(1, x));
    }
  }

  /** One simulated call before it gets its id; {@code handle} is -1 for calls not answered. */
  private record Simulated(int line, int sequence, long arrived, long ended, String outcome, long handle) {
    Call toCall(String id, Line l) {
      Instant from = Instant.ofEpochSecond(arrived);
      Instant to = Instant.ofEpochSecond(ended);
      Call call;
      switch (outcome) {
        case "answered":
          call = Call.answered(id, l.queue(), from, to).withHandleTime(Duration.ofSeconds(handle));
          break;
        case "abandoned":
          call = Call.abandoned(id, l.queue(), from, to);
          break;
        default:
          call = Call.leftUnanswered(id, l.queue(), from, to, FlowOutReason.parse(outcome));
          break;
      }
      return call.withChannel(l.channel());
    }
  }
}
