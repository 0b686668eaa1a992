package io.github.callmetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.callmetrics.asterisk.QueueConfig;
import io.github.callmetrics.asterisk.QueueLogReader;
import io.github.callmetrics.asterisk.QueuesConf;
import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.cli.Main;
import io.github.callmetrics.csv.CallCsvWriter;
import io.github.callmetrics.csv.CsvCallReader;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.definition.ServiceLevelFormula;
import io.github.callmetrics.definition.ThresholdBoundary;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.live.CallEvent;
import io.github.callmetrics.live.LiveMonitor;
import io.github.callmetrics.live.RejectedEvent;
import io.github.callmetrics.live.ThresholdWatch;
import io.github.callmetrics.live.micrometer.LiveMonitorMetrics;
import io.github.callmetrics.metrics.AverageDuration;
import io.github.callmetrics.metrics.Metrics;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.metrics.ServiceLevelCounts;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadReport;
import io.github.callmetrics.read.ReadResult;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.read.SourceFormat;
import io.github.callmetrics.report.Dimension;
import io.github.callmetrics.report.ReportAccumulator;
import io.github.callmetrics.report.ReportFormat;
import io.github.callmetrics.report.ReportLimits;
import io.github.callmetrics.report.ReportSpec;
import io.github.callmetrics.staffing.ErlangA;
import io.github.callmetrics.staffing.ErlangB;
import io.github.callmetrics.staffing.ErlangC;
import io.github.callmetrics.staffing.IntervalWorkload;
import io.github.callmetrics.staffing.Staffing;
import io.github.callmetrics.staffing.StaffingTarget;
import io.github.callmetrics.staffing.Workload;
import io.github.callmetrics.tally.CallTally;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.tally.WaitDistribution;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks the bad-input catalogue, {@code docs/bad-input.md}: every entry of its tables has a trigger here (keyed
 * by the entry's id) that makes the library reject something, and the rejection has the entry's exception type
 * (or reader outcome, live rejection reason, or exit code) and exactly the entry's example message, which matches
 * the entry's message format. An entry without a trigger, or a trigger without an entry, fails the test, so the
 * catalogue and the code cannot drift apart.
 */
class BadInputCatalogueTest {
  private static final Path CATALOGUE = Path.of("docs/bad-input.md");
  /** Where the command-line triggers write their files, relative to the project root (messages show the path). */
  private static final Path FILES = Path.of("target/bad-input");
  private static final Instant T = Instant.parse("2026-03-16T08:00:00Z");
  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 16);
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final String CSV_HEADER = "id,queue,channel,arrived,outcome,ended,handle_time\n";
  private static final String LENIENT_AND_STRICT = "SkippedRecord (LENIENT), ReadException (STRICT)";

  /** One row of the catalogue. */
  record Entry(String id, String where, String condition, String exception, String format, String example, int line) {}

  /** What a trigger produced: the exception's simple name (or reader outcome, rejection, exit code) and the message. */
  record Outcome(String kind, String message) {}

  @FunctionalInterface
  interface Trigger {
    Outcome run() throws Exception;
  }

  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  // ---- the catalogue

  /** Reads every table row of the catalogue whose first cell is an id (a table with the columns below). */
  static List<Entry> entries() throws IOException {
    List<String> lines = Files.readAllLines(CATALOGUE, StandardCharsets.UTF_8);
    List<Entry> entries = new ArrayList<>();
    boolean inTable = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("|")) {
        inTable = false;
        continue;
      }
      List<String> cells = cells(line);
      if (cells.size() >= 1 && cells.get(0).equals("id")) {
        assertThat(cells).as("columns of the table at line %d", i + 1)
            .containsExactly("id", "where", "condition", "exception", "message format", "example");
        inTable = true;
        continue;
      }
      if (!inTable || cells.get(0).matches("-+")) {
        continue;
      }
      assertThat(cells).as("cells of line %d: %s", i + 1, line).hasSize(6);
      entries.add(new Entry(cells.get(0), cells.get(1), cells.get(2), cells.get(3), code(cells.get(4)),
          code(cells.get(5)), i + 1));
    }
    return entries;
  }

  /** Splits a Markdown table row at its unescaped pipes, unescaping {@code \|}. */
  static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    return cells;
  }

  /** The text of a cell that is one code span. */
  private static String code(String cell) {
    assertThat(cell).as("a message cell is one code span").startsWith("`").endsWith("`");
    return cell.substring(1, cell.length() - 1);
  }

  /** The format as a pattern: {@code <name>} stands for any text (empty too), everything else is literal. */
  static Pattern pattern(String format) {
    Matcher m = Pattern.compile("<[a-z][a-z0-9 -]*>").matcher(format);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(format.substring(last, m.start()))).append(".*?");
      last = m.end();
    }
    regex.append(Pattern.quote(format.substring(last)));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  // ---- the tests

  @TestFactory
  Stream<DynamicTest> everyEntryIsTriggeredWithItsExceptionAndMessage() throws IOException {
    Map<String, Trigger> triggers = triggers();
    return entries().stream().map(e -> DynamicTest.dynamicTest(e.id(), () -> {
      Trigger trigger = triggers.get(e.id());
      assertThat(trigger).as("a trigger for %s (docs/bad-input.md line %d)", e.id(), e.line()).isNotNull();
      assertThat(pattern(e.format()).matcher(e.example()).matches())
          .as("the example of %s matches its format\n  format:  %s\n  example: %s", e.id(), e.format(), e.example())
          .isTrue();
      Outcome outcome = trigger.run();
      assertThat(outcome.kind()).as("exception of %s", e.id()).isEqualTo(e.exception());
      assertThat(outcome.message()).as("message of %s", e.id()).isEqualTo(e.example());
    }));
  }

  @Test
  void everyTriggerHasAnEntryAndIdsAreUnique() throws Exception {
    Set<String> ids = new LinkedHashSet<>();
    for (Entry e : entries()) {
      assertThat(ids.add(e.id())).as("id %s is listed once (line %d)", e.id(), e.line()).isTrue();
    }
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Trigger> t : triggers().entrySet()) {
      if (!ids.contains(t.getKey())) {
        Outcome o = t.getValue().run();
        missing.add("| " + t.getKey() + " | | | " + o.kind() + " | | `" + o.message() + "` |");
      }
    }
    if (!missing.isEmpty()) {
      fail("triggers without an entry in " + CATALOGUE + ":\n" + String.join("\n", missing));
    }
  }

  // ---- how triggers observe a rejection

  private static Outcome thrown(Action action) {
    try {
      action.run();
    } catch (Throwable t) {
      return new Outcome(t.getClass().getSimpleName(), String.valueOf(t.getMessage()));
    }
    throw new AssertionError("nothing was rejected");
  }

  /** Reads CSV text in both modes: a defect that stops any read, or a skipped record that stops a strict read. */
  private static Outcome csv(String text) throws IOException {
    return read(mode -> CsvCallReader.of(mode).read(new StringReader(text), "calls.csv").report());
  }

  private static Outcome queueLog(String text) throws IOException {
    return read(mode -> QueueLogReader.of(mode)
        .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "queue_log").report().read());
  }

  /** Reads a queue_log table export in both modes, its local times in Europe/Amsterdam. */
  private static Outcome table(String text) throws IOException {
    return read(mode -> QueueLogReader.of(mode).withZone(AMSTERDAM)
        .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "queue_log.csv").report().read());
  }

  /** Writes a queues.conf into a directory of its own under {@link #FILES}, for the triggers that include. */
  private static Path conf(String dir, String text) throws IOException {
    Path file = FILES.resolve("conf-" + dir).resolve("queues.conf");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @FunctionalInterface
  interface Read {
    ReadReport read(ReadMode mode) throws IOException;
  }

  private static Outcome read(Read read) throws IOException {
    String strict;
    try {
      read.read(ReadMode.STRICT);
      throw new AssertionError("a strict read did not stop");
    } catch (ReadException e) {
      strict = e.getMessage();
      assertThat(e.defect().message()).isEqualTo(strict);
    }
    ReadReport lenient;
    try {
      lenient = read.read(ReadMode.LENIENT);
    } catch (ReadException e) {
      assertThat(e.getMessage()).as("the defect stops a lenient read the same way").isEqualTo(strict);
      return new Outcome("ReadException", strict);
    }
    assertThat(lenient.skipped()).hasSize(1);
    assertThat(lenient.skipped().get(0).message()).as("lenient and strict name the same defect").isEqualTo(strict);
    return new Outcome(LENIENT_AND_STRICT, strict);
  }

  /** Runs the command-line tool; the outcome is its exit code and the first line it printed on standard error. */
  private static Outcome cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Outcome("exit " + code, err.toString().lines().findFirst().orElse(""));
  }

  /** Runs the command-line tool; the outcome is the first notice on standard error that contains a word. */
  private static Outcome cliNotice(String word, String... args) {
    StringWriter err = new StringWriter();
    Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    return new Outcome("notice", err.toString().lines().filter(l -> l.startsWith("callmetrics: notice:")
        && l.contains(word)).findFirst().orElse(err.toString()));
  }

  private static byte[] gzip(String text) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  /** Feeds events to a monitor; the outcome is the last event's rejection. */
  private static Outcome rejected(LiveMonitor monitor, CallEvent... events) {
    for (CallEvent e : events) {
      monitor.accept(e);
    }
    List<RejectedEvent> all = new ArrayList<>(monitor.lateEvents());
    all.addAll(monitor.rejectedEvents());
    assertThat(all).hasSize(1);
    return new Outcome("RejectedEvent " + all.get(0).reason(), all.get(0).message());
  }

  private static ReportSpec daySpec() {
    return ReportSpec.builder(IntervalGrid.ofDay(MONDAY, AMSTERDAM, IntervalLength.MINUTES_15)).build();
  }

  private static LiveMonitor monitor() {
    return LiveMonitor.builder(daySpec()).build();
  }

  private static Workload tenErlangs() {
    return Workload.of(100, Duration.ofMinutes(30), Duration.ofMinutes(3));
  }

  private static Path file(String name, String content) throws IOException {
    Path file = FILES.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @BeforeAll
  static void files() throws IOException {
    Files.createDirectories(FILES);
    file("notes.txt", "just some notes\n");
    file("bad.csv", CSV_HEADER + "c1,sales,voice,2026-02-30T08:00:00Z,answered,2026-03-16T08:00:05Z,\n");
    file("empty.csv", CSV_HEADER);
    file("allbad.csv", CSV_HEADER + "c1,sales,voice,x,answered,2026-03-16T08:00:05Z,\n"
        + "c2,sales,voice,y,answered,2026-03-16T08:00:05Z,\n");
    file("stray.csv", CSV_HEADER + "c1,q1,voice,2026-03-16T09:00:00Z,answered,2026-03-16T09:00:10Z,\n"
        + "c2,q1,voice,0001-03-16T09:00:00Z,answered,0001-03-16T09:00:10Z,\n");
    file("queues.conf", "[q1]\nservicelevel = 20\n");
    file("twoqueues.log", "1773648000|c1|q2|NONE|ENTERQUEUE||1|1\n1773648005|c1|q2|Agent/1|ABANDON|1|1|5\n");
    file("live.conf", "[q1]\nservicelevel = twenty\n");
    Files.deleteIfExists(FILES.resolve("missing.csv"));
  }

  // ---- the triggers, one per id of docs/bad-input.md

  static Map<String, Trigger> triggers() {
    Map<String, Trigger> t = new LinkedHashMap<>();
    Call answered = Call.answered("c1", "sales", T, T.plusSeconds(5));

    // The call model
    t.put("CALL-ID-BLANK", () -> thrown(() -> Call.answered("  ", "sales", T, T.plusSeconds(5))));
    t.put("CALL-QUEUE-BLANK", () -> thrown(() -> Call.answered("c1", " ", T, T.plusSeconds(5))));
    t.put("CALL-OUTCOME-BEFORE-ARRIVAL", () -> thrown(() -> Call.abandoned("c1", "sales", T, T.minusSeconds(5))));
    t.put("CALL-HANDLE-TIME-NEGATIVE", () -> thrown(() -> answered.withHandleTime(Duration.ofSeconds(-1))));
    t.put("CALL-HANDLE-TIME-TOO-LONG", () -> thrown(() -> answered.withHandleTime(Duration.ofSeconds(4_294_967_296L))));
    t.put("CALL-STILL-WAITING", () -> thrown(() -> Call.waiting("c1", "sales", T).waitSeconds()));
    t.put("NULL-ARGUMENT", () -> thrown(() -> Call.answered(null, "sales", T, T)));

    // Names people type
    t.put("NAME-CHANNEL", () -> thrown(() -> Channel.parse("fax")));
    t.put("NAME-FLOW-OUT-REASON", () -> thrown(() -> FlowOutReason.parse("hangup")));
    t.put("NAME-FORMULA", () -> thrown(() -> ServiceLevelFormula.parse("abandons-only")));
    t.put("NAME-BOUNDARY", () -> thrown(() -> ThresholdBoundary.parse("loose")));
    t.put("NAME-ATTRIBUTION", () -> thrown(() -> Attribution.parse("answer")));
    t.put("NAME-PRESET", () -> thrown(() -> Preset.parse("avaya")));
    t.put("NAME-REPORT-FORMAT", () -> thrown(() -> ReportFormat.parse("xml")));
    t.put("NAME-INTERVAL-LENGTH", () -> thrown(() -> IntervalLength.parse("PT7M")));
    t.put("NAME-DIMENSION", () -> thrown(() -> Dimension.parseSet("queue,agent")));

    // Definitions
    t.put("DEF-NAME-BLANK", () -> thrown(() -> ServiceLevelDefinition.builder().name(" ")));
    t.put("DEF-THRESHOLD", () -> thrown(() -> ServiceLevelDefinition.builder().threshold(Duration.ofMillis(20_500))));
    t.put("DEF-TARGET", () -> thrown(() -> ServiceLevelDefinition.builder().target(new BigDecimal("1.2"))));
    t.put("DEF-SHORT-ABANDON-NOT-BELOW-T", () -> thrown(() -> ServiceLevelDefinition.builder()
        .threshold(Duration.ofSeconds(20)).shortAbandonThreshold(Duration.ofSeconds(20)).build()));

    // Figures, counts and tallies
    t.put("RATIO", () -> thrown(() -> Ratio.of(3, 2)));
    t.put("AVERAGE", () -> thrown(() -> AverageDuration.of(Duration.ofSeconds(5), 0)));
    t.put("COUNTS", () -> thrown(() -> new ServiceLevelCounts(10, 5, 6, 5, 0, 0, 0, 0, 0)));
    t.put("PERCENTILE", () -> thrown(() -> WaitDistribution.of(12).percentile(0)));
    t.put("WAIT-NEGATIVE", () -> thrown(() -> WaitDistribution.of(-1)));
    t.put("LOST-OPPORTUNITY-VALUE", () -> thrown(() -> Metrics.lostOpportunity(TallySnapshot.empty(),
        ServiceLevelDefinition.standard(), new BigDecimal("-1"))));
    t.put("LOST-OPPORTUNITY-CONVERSION", () -> thrown(() -> Metrics.lostOpportunity(TallySnapshot.empty(),
        ServiceLevelDefinition.standard(), new BigDecimal("250"), new BigDecimal("1.5"))));
    t.put("TALLY-REMOVE", () -> thrown(() -> {
      CallTally tally = new CallTally();
      tally.add(answered);
      tally.remove(Call.answered("c2", "sales", T, T.plusSeconds(4)));
    }));
    t.put("TALLY-OVERFLOW", () -> thrown(() -> {
      CallTally tally = new CallTally();
      tally.add(answered);
      for (int i = 0; i < 64; i++) {
        tally.addAll(tally); // doubles every count: 2^63 calls overflow
      }
    }));

    // Intervals and grids
    t.put("INTERVAL-END-BEFORE-START", () -> thrown(() -> MeasurementInterval.of(T, T.minusSeconds(1))));
    t.put("INTERVAL-DURATION-NEGATIVE", () -> thrown(() -> MeasurementInterval.of(T, Duration.ofMinutes(-15))));
    t.put("INTERVAL-TEXT", () -> thrown(() -> MeasurementInterval.parse("2026-03-29T00:00:00/2026-03-29T00:15:00Z")));
    t.put("GRID-DAYS", () -> thrown(() -> IntervalGrid.of(MONDAY, MONDAY, AMSTERDAM, IntervalLength.MINUTES_15)));
    t.put("GRID-TOO-MANY-DAYS", () -> thrown(() -> IntervalGrid.of(LocalDate.MIN, LocalDate.MAX, ZoneOffset.UTC,
        IntervalLength.WHOLE_PERIOD)));
    t.put("GRID-TOO-MANY-INTERVALS", () -> thrown(() -> IntervalGrid.of(MONDAY, MONDAY.plusYears(30), AMSTERDAM,
        IntervalLength.MINUTES_1)));
    t.put("GRID-DAY-OUTSIDE", () -> thrown(() -> IntervalGrid.ofDay(MONDAY, AMSTERDAM, IntervalLength.MINUTES_15)
        .intervalsOn(MONDAY.plusDays(1))));
    t.put("INDEX-OUT-OF-RANGE", () -> thrown(() -> IntervalGrid.ofDay(MONDAY, AMSTERDAM, IntervalLength.MINUTES_15)
        .interval(96)));

    // Reports
    t.put("REPORT-NO-DEFINITION", () -> thrown(() -> daySpec().toBuilder().definitions(List.of())));
    t.put("QUEUE-BLANK", () -> thrown(() -> daySpec().toBuilder().queues("sales", " ")));
    t.put("REPORT-GROUP-BY", () -> thrown(() -> daySpec().toBuilder().groupBy(Dimension.QUEUE, Dimension.INTERVAL)
        .build().report(List.of(answered)).groupedBy(Dimension.CHANNEL)));
    t.put("REPORT-ROLL-UP", () -> thrown(() -> daySpec().report(List.of(answered)).rollUp(IntervalLength.MINUTES_10)));
    t.put("REPORT-MERGE", () -> thrown(() -> {
      ReportAccumulator quarters = daySpec().newAccumulator();
      quarters.addAll(ReportSpec.builder(IntervalGrid.ofDay(MONDAY, AMSTERDAM, IntervalLength.MINUTES_60)).build()
          .newAccumulator());
    }));
    t.put("REPORT-CALLS-IN-AN-INTERVAL", () -> thrown(() -> {
      throw ReportLimits.oneCallTooManyInAnInterval();
    }));
    t.put("REPORT-CALLS", () -> thrown(ReportLimits::tooManyCalls));
    t.put("REPORT-GROUPS", () -> thrown(() -> {
      throw ReportLimits.tooManyGroups();
    }));

    // Staffing
    t.put("STAFF-AGENTS-NOT-POSITIVE", () -> thrown(() -> ErlangC.of(tenErlangs(), 0)));
    t.put("STAFF-AGENTS-ABOVE-LIMIT", () -> thrown(() -> ErlangB.of(10, 10_000_001)));
    t.put("STAFF-AGENTS-NEGATIVE", () -> thrown(() -> Staffing.withShrinkage(-1, 0.3)));
    t.put("STAFF-CALLS-NEGATIVE", () -> thrown(() -> Workload.of(-1, Duration.ofMinutes(30), Duration.ofMinutes(3))));
    t.put("STAFF-TRAFFIC", () -> thrown(() -> Workload.ofErlangs(Double.NaN, Duration.ofMinutes(3))));
    t.put("STAFF-DURATION-NOT-POSITIVE", () -> thrown(() -> Workload.of(100, Duration.ZERO, Duration.ofMinutes(3))));
    t.put("STAFF-DURATION-NEGATIVE", () -> thrown(() -> ErlangC.of(tenErlangs(), 14)
        .serviceLevel(Duration.ofSeconds(-20))));
    t.put("STAFF-FRACTION", () -> thrown(() -> StaffingTarget.serviceLevel(1.0, Duration.ofSeconds(20))));
    t.put("STAFF-SHRINKAGE", () -> thrown(() -> Staffing.withShrinkage(14, new BigDecimal("1"))));
    t.put("STAFF-NEEDS-ERLANG-A", () -> thrown(() -> Staffing.agentsFor(tenErlangs(),
        StaffingTarget.maxAbandonment(0.05))));
    t.put("STAFF-UNREACHABLE", () -> thrown(() -> Staffing.agentsFor(Workload.ofErlangs(2e7, Duration.ofMinutes(3)),
        StaffingTarget.serviceLevel(0.8, Duration.ofSeconds(20)))));
    t.put("STAFF-LINES-UNREACHABLE", () -> thrown(() -> ErlangB.linesFor(2e7, 0.01)));
    t.put("STAFF-ERLANG-A-TAIL", () -> thrown(() -> ErlangA.of(Workload.ofErlangs(1_000, Duration.ofSeconds(1)), 10,
        Duration.ofSeconds(1_000_000))));
    t.put("STAFF-INTERVAL-OFFERED", () -> thrown(() -> IntervalWorkload.of(T, Duration.ofMinutes(15), -1,
        Duration.ofMinutes(3))));
    t.put("STAFF-INTERVAL-AGENTS", () -> thrown(() -> IntervalWorkload.of(T, Duration.ofMinutes(15), 10,
        Duration.ofMinutes(3)).withActualAgents(-1)));
    t.put("STAFF-INTERVAL-NO-CALLS", () -> thrown(() -> IntervalWorkload.of(T, Duration.ofMinutes(15), 0,
        Duration.ZERO).workload()));
    t.put("STAFF-INTERVAL-ROW", () -> thrown(() -> IntervalWorkload.of(daySpec().toBuilder().groupBy(Dimension.QUEUE)
        .build().report(List.of(answered)).rows().get(0), 0, Duration.ofMinutes(3))));

    // The live monitor
    t.put("LIVE-LATE-TOLERANCE", () -> thrown(() -> LiveMonitor.builder(daySpec()).lateTolerance(Duration.ofSeconds(-1))));
    t.put("LIVE-WINDOW", () -> thrown(() -> LiveMonitor.builder(daySpec()).window(Duration.ofMillis(1_500))));
    t.put("LIVE-BREACH-HORIZON", () -> thrown(() -> LiveMonitor.builder(daySpec()).breachHorizon(Duration.ofSeconds(-30))));
    t.put("LIVE-RETAINED", () -> thrown(() -> LiveMonitor.builder(daySpec()).retainedRejections(-1)));
    t.put("LIVE-CALL-ID-BLANK", () -> thrown(() -> CallEvent.entered("sales", " ", Channel.VOICE, T)));
    t.put("LIVE-LATE", () -> rejected(monitor(),
        CallEvent.entered("sales", "c1", Channel.VOICE, T.plusSeconds(60)),
        CallEvent.entered("sales", "c2", Channel.VOICE, T)));
    t.put("LIVE-FROM-THE-FUTURE", () -> rejected(
        LiveMonitor.builder(daySpec()).clock(Clock.fixed(T, ZoneOffset.UTC)).build(),
        CallEvent.entered("sales", "c1", Channel.VOICE, T.plusSeconds(10))));
    t.put("LIVE-UNKNOWN-CALL", () -> rejected(monitor(), CallEvent.answered("sales", "c1", T)));
    t.put("LIVE-DUPLICATE-CALL", () -> rejected(monitor(),
        CallEvent.entered("sales", "c1", Channel.VOICE, T),
        CallEvent.entered("sales", "c1", Channel.VOICE, T.plusSeconds(2))));
    t.put("LIVE-BEFORE-ARRIVAL", () -> rejected(monitor(),
        CallEvent.entered("sales", "c1", Channel.VOICE, T.plusSeconds(3)),
        CallEvent.answered("sales", "c1", T)));
    t.put("LIVE-THRESHOLD-WATCH", () -> thrown(() -> new ThresholdWatch(ServiceLevelDefinition.standard(), -1, 0)));
    t.put("LIVE-METRICS-MAX-AGE", () -> thrown(() -> LiveMonitorMetrics.of(monitor(), Duration.ofSeconds(-1))));

    // Reading: the report types
    t.put("READ-LINE", () -> thrown(() -> SkippedRecord.of("calls.csv", 0, "row", "", "is empty")));
    t.put("READ-CALL-COUNT", () -> thrown(() -> ReadReport.of(List.of("calls.csv"), -1, List.of(), List.of())));
    t.put("READ-RESULT", () -> thrown(() -> ReadResult.of(List.of(),
        ReadReport.of(List.of("calls.csv"), 1, List.of(), List.of()))));

    // The CSV call reader
    String row = "c1,sales,voice,2026-03-16T08:00:00Z,answered,2026-03-16T08:00:05Z,";
    t.put("CSV-WRITE-YEAR", () -> thrown(() -> CallCsvWriter.utc().toCsv(List.of(
        Call.waiting("c1", "sales", Instant.parse("+10000-01-01T00:00:00Z"))))));
    t.put("CSV-EMPTY-FILE", () -> csv(""));
    t.put("CSV-HEADER-EMPTY", () -> csv("\n" + row + "\n"));
    t.put("CSV-HEADER-MISSING-COLUMN", () -> csv("id,queue,arrived,ended\n"));
    t.put("CSV-HEADER-REPEATED", () -> csv("id,queue,arrived,arrived_epoch_seconds,outcome,ended\n"));
    t.put("CSV-HEADER-QUOTE-STRAY", () -> csv("\"id\"x,queue,arrived,outcome,ended\n"));
    t.put("CSV-QUOTE-UNCLOSED", () -> csv(CSV_HEADER + "c1,\"sales,voice,2026-03-16T08:00:00Z,answered,"
        + "2026-03-16T08:00:05Z,\n"));
    t.put("CSV-RECORD-TOO-LONG", () -> csv(CSV_HEADER + "c".repeat(16 << 20) + "\n"));
    t.put("CSV-QUOTE-STRAY", () -> csv(CSV_HEADER + "c1,\"sales\"x,voice,2026-03-16T08:00:00Z,answered,"
        + "2026-03-16T08:00:05Z,\n"));
    t.put("CSV-ROW-EMPTY", () -> csv(CSV_HEADER + "\n"));
    t.put("CSV-COLUMN-COUNT", () -> csv(CSV_HEADER + "c1,sales,voice,2026-03-16T08:00:00Z,answered\n"));
    t.put("CSV-CHANNEL", () -> csv(CSV_HEADER + row.replace(",voice,", ",fax,") + "\n"));
    t.put("CSV-OUTCOME-EMPTY", () -> csv(CSV_HEADER + row.replace(",answered,", ",,") + "\n"));
    t.put("CSV-OUTCOME", () -> csv(CSV_HEADER + row.replace(",answered,", ",hung-up,") + "\n"));
    t.put("CSV-INSTANT", () -> csv(CSV_HEADER + row.replace("2026-03-16T08:00:00Z", "16/03/2026 08:00") + "\n"));
    t.put("CSV-INSTANT-FIELD", () -> csv(CSV_HEADER + row.replace("2026-03-16T08:00:00Z", "2026-02-30T08:00:00Z")
        + "\n"));
    t.put("CSV-INSTANT-NO-OFFSET", () -> csv(CSV_HEADER + row.replace("2026-03-16T08:00:00Z", "2026-03-16T08:00:00")
        + "\n"));
    t.put("CSV-INSTANT-OFFSET-RANGE", () -> csv(CSV_HEADER + row.replace("2026-03-16T08:00:00Z",
        "2026-03-16T08:00:00+19:00") + "\n"));
    t.put("CSV-FRACTION", () -> csv(CSV_HEADER + row.replace("2026-03-16T08:00:00Z", "2026-03-16T08:00:00.1234567890Z")
        + "\n"));
    t.put("CSV-EPOCH-DIGITS", () -> csv("id,queue,arrived_epoch_seconds,outcome,ended\n"
        + "c1,sales,1773648000000000000,waiting,\n"));
    t.put("CSV-EPOCH", () -> csv("id,queue,arrived_epoch_seconds,outcome,ended\nc1,sales,1773648000.5,waiting,\n"));
    t.put("CSV-EPOCH-RANGE", () -> csv("id,queue,arrived_epoch_seconds,outcome,ended\n"
        + "c1,sales,31556889864403199,waiting,\n"));
    t.put("CSV-DURATION", () -> csv(CSV_HEADER + row + "3 minutes\n"));
    t.put("CSV-DURATION-ISO", () -> csv(CSV_HEADER + row + "PT3X\n"));
    t.put("CSV-DURATION-TOO-LARGE", () -> csv(CSV_HEADER + row + "9223372036854775808\n"));
    t.put("CSV-ARRIVED-EMPTY", () -> csv(CSV_HEADER + row.replace("2026-03-16T08:00:00Z,answered", ",answered")
        + "\n"));
    t.put("CSV-ENDED-FOR-WAITING", () -> csv(CSV_HEADER + row.replace(",answered,", ",waiting,") + "\n"));
    t.put("CSV-ENDED-EMPTY", () -> csv(CSV_HEADER + row.replace("2026-03-16T08:00:05Z", "") + "\n"));
    t.put("CSV-ID-UTF8", () -> csv(CSV_HEADER + row.replace("c1,", "c\uD800,") + "\n"));
    t.put("CSV-QUEUE-UTF8", () -> csv(CSV_HEADER + row.replace(",sales,", ",sa\uDC00les,") + "\n"));
    t.put("CSV-ID-BLANK", () -> csv(CSV_HEADER + row.replace("c1,", " ,") + "\n"));
    t.put("CSV-QUEUE-BLANK", () -> csv(CSV_HEADER + row.replace(",sales,", ",,") + "\n"));
    t.put("CSV-BEFORE-ARRIVAL", () -> csv(CSV_HEADER + row.replace("2026-03-16T08:00:05Z", "2026-03-16T07:59:55Z")
        + "\n"));
    t.put("CSV-HANDLE-TIME-NEGATIVE", () -> csv(CSV_HEADER + row + "-3\n"));
    t.put("CSV-HANDLE-TIME-TOO-LONG", () -> csv(CSV_HEADER + row + "9223372036854775807\n"));
    t.put("CSV-DUPLICATE-ID", () -> csv(CSV_HEADER + row + "\n" + row + "\n"));

    // The CSV call reader on other tools' exports
    CsvCallReader amsterdam = CsvCallReader.of(ReadMode.STRICT).withSourceZone(AMSTERDAM);
    t.put("CSV-HEADER-DELIMITER", () -> csv("id;queue;arrived,outcome;ended\n"));
    t.put("CSV-DELIMITER-OPTION", () -> thrown(() -> CsvCallReader.of(ReadMode.STRICT).withDelimiter('|')));
    t.put("CSV-COLUMN-UNKNOWN", () -> thrown(() -> CsvCallReader.of(ReadMode.STRICT).withColumn("start", "begin")));
    t.put("CSV-COLUMN-BLANK", () -> thrown(() -> CsvCallReader.of(ReadMode.STRICT).withColumn("id", " ")));
    t.put("CSV-COLUMN-MAPPED-TWICE", () -> thrown(() -> CsvCallReader.of(ReadMode.STRICT).withColumn("id", "a")
        .withColumn("id", "b")));
    t.put("CSV-COLUMN-NAME-TWICE", () -> thrown(() -> CsvCallReader.of(ReadMode.STRICT).withColumn("id", "a")
        .withColumn("queue", "a")));
    t.put("CSV-INSTANT-GAP", () -> read(mode -> CsvCallReader.of(mode).withSourceZone(AMSTERDAM).read(
        new StringReader(CSV_HEADER + row.replace("2026-03-16T08:00:00Z", "2026-03-29 02:30:00")
            .replace("2026-03-16T08:00:05Z", "2026-03-29T03:00:05+02:00") + "\n"), "calls.csv").report()));
    t.put("CSV-INSTANT-AMBIGUOUS", () -> new Outcome("notice", amsterdam.read(new StringReader(CSV_HEADER
        + row.replace("2026-03-16T08:00:00Z", "2026-10-25 02:30:00").replace("2026-03-16T08:00:05Z",
        "2026-10-25 02:30:05") + "\n"), "calls.csv").report().notices().get(0).message()));
    String waits = "id,queue,arrived,outcome,ended,wait_seconds,handle_time,talk_seconds\n";
    String waitRow = "c1,sales,2026-03-16T08:00:00Z,answered,2026-03-16T08:00:05Z,5,185,185\n";
    t.put("CSV-WAIT-NEGATIVE", () -> csv(waits + waitRow.replace("05Z,5,", "05Z,-5,")));
    t.put("CSV-WAIT-RANGE", () -> csv(waits + waitRow.replace("2026-03-16T08:00:00Z", "9999-12-31T23:59:58Z")
        .replace("2026-03-16T08:00:05Z,5,", ",5,")));
    t.put("CSV-WAIT-DISAGREES", () -> csv(waits + waitRow.replace("05Z,5,", "05Z,6,")));
    t.put("CSV-TALK-DISAGREES", () -> csv(waits + waitRow.replace(",185\n", ",186\n")));
    t.put("CSV-DURATION-HMS", () -> csv(waits + waitRow.replace("05Z,5,", "05Z,0:0:05,")));
    t.put("CSV-DURATION-HMS-FIELD", () -> csv(waits + waitRow.replace("05Z,5,", "05Z,0:00:65,")));

    // The Asterisk queue_log reader
    String enter = "1773648000|c1|q1|NONE|ENTERQUEUE||1795411251|1\n";
    t.put("QLOG-LINE-TOO-LONG", () -> queueLog("1773648000|c1|q1|NONE|ENTERQUEUE||" + "x".repeat(1 << 20) + "\n"));
    t.put("QLOG-LINE-EMPTY", () -> queueLog(enter + "\n"));
    t.put("QLOG-FIELDS", () -> queueLog("1773648000|c1|q1\n"));
    t.put("QLOG-EPOCH", () -> queueLog("2026-03-16|c1|q1|NONE|ENTERQUEUE||1795411251|1\n"));
    t.put("QLOG-EVENT", () -> queueLog("1773648000|c1|q1|NONE|HANGUP|\n"));
    t.put("QLOG-CALLID-BLANK", () -> queueLog("1773648000| |q1|NONE|ENTERQUEUE||1795411251|1\n"));
    t.put("QLOG-QUEUE-BLANK", () -> queueLog("1773648000|c1||NONE|ENTERQUEUE||1795411251|1\n"));
    t.put("QLOG-QUEUE-DIFFERS", () -> queueLog(enter + "1773648005|c1|q2|NONE|ABANDON|1|1|5\n"));
    // A second ENTERQUEUE that differs from the first (an exact repeat is ignored: QLOG-REPEATED-LINES).
    t.put("QLOG-ENTERQUEUE-REPEATS", () -> queueLog(enter + enter.replace("1773648000", "1773648001")));
    t.put("QLOG-MS", () -> queueLog(enter + "1773648010|c1|q1|Agent/1|RINGNOANSWER|15s\n"));
    t.put("QLOG-CONNECT-REPEATS", () -> queueLog(enter + "1773648010|c1|q1|Agent/1|CONNECT|10|c1.2|3\n"
        + "1773648011|c1|q1|Agent/1|CONNECT|11|c1.2|3\n"));
    t.put("QLOG-HOLDTIME-AFTER-EPOCH", () -> queueLog(enter + "1773648010|c1|q1|Agent/1|CONNECT|30|c1.2|3\n"));
    t.put("QLOG-WAITTIME-OFF-EPOCH", () -> queueLog(enter + "1773648010|c1|q1|NONE|ABANDON|1|1|100000000\n"));
    t.put("QLOG-TALKTIME-OFF-EPOCH", () -> queueLog(enter + "1773648010|c1|q1|Agent/1|CONNECT|10|c1.2|3\n"
        + "1773648030|c1|q1|Agent/1|COMPLETEAGENT|10|999999|1\n"));
    t.put("QLOG-DATA-FIELDS", () -> queueLog(enter + "1773648010|c1|q1|Agent/1|CONNECT|10|c1.2|3\n"
        + "1773648100|c1|q1|Agent/1|TRANSFER|90\n"));
    t.put("QLOG-NEVER-CONNECTED", () -> queueLog(enter + "1773648100|c1|q1|Agent/1|COMPLETECALLER|10|90|1\n"));
    t.put("QLOG-ALREADY-CONNECTED", () -> queueLog(enter + "1773648010|c1|q1|Agent/1|CONNECT|10|c1.2|3\n"
        + "1773648020|c1|q1|NONE|ABANDON|1|1|20\n"));
    t.put("QLOG-SYSCOMPAT", () -> queueLog("1773648010|c1|q1|Agent/1|SYSCOMPAT||\n"));
    t.put("QLOG-DATA-MISSING", () -> queueLog(enter + "1773648010|c1|q1|NONE|ABANDON|1|1\n"));
    t.put("QLOG-DATA-NUMBER", () -> queueLog(enter + "1773648010|c1|q1|NONE|ABANDON|1|1|ten\n"));

    t.put("QLOG-TALKTIME-TOO-LONG", () -> queueLog(enter + "1773648010|c1|q1|Agent/1|CONNECT|10|c1.2|3\n"
        + "9773648030|c1|q1|Agent/1|COMPLETEAGENT|10|8000000020|1\n"));

    // The queue_log table
    String head = "id,time,callid,queuename,agent,event,data1,data2,data3\n";
    String enterRow = "1,2026-03-16 09:00:00,c1,q1,NONE,ENTERQUEUE,,0612345678,1\n";
    t.put("QTABLE-HEADER-COLUMN", () -> read(mode -> QueueLogReader.of(mode).withFormat(SourceFormat.ASTERISK_QUEUE_LOG_TABLE)
        .read(new ByteArrayInputStream("time,callid,queue,agent,event,data\n".getBytes(StandardCharsets.UTF_8)),
            "queue_log.csv").report().read()));
    t.put("QTABLE-HEADER-TWICE", () -> table("time,callid,queuename,agent,event,data1,Data1\n"));
    t.put("QTABLE-UNCLOSED-QUOTE", () -> table(head + "1,\"2026-03-16 09:00:00,c1,q1,NONE,ENTERQUEUE,,06,1\n"));
    t.put("QTABLE-NO-ZONE", () -> read(mode -> QueueLogReader.of(mode).read(new ByteArrayInputStream(
        (head + enterRow).getBytes(StandardCharsets.UTF_8)), "queue_log.csv").report().read()));
    t.put("QTABLE-CELLS", () -> table(head + "1,2026-03-16 09:00:00,c1,q1,NONE,ENTERQUEUE,,0612345678\n"));
    t.put("QTABLE-QUOTING", () -> table(head + "1,\"2026-03-16 09:00:00\"Z,c1,q1,NONE,ENTERQUEUE,,06,1\n"));
    t.put("QTABLE-TIME", () -> table(head + enterRow.replace("2026-03-16 09:00:00", "16/03/2026 09:00")));
    t.put("QTABLE-TIME-RANGE", () -> table(head + enterRow.replace("2026-03-16 09:00:00", "1773648000000000")));
    t.put("QTABLE-TIME-GAP", () -> table(head + enterRow.replace("2026-03-16 09:00:00", "2026-03-29 02:30:00")));
    t.put("QTABLE-FIELD-SEPARATOR", () -> table(head + enterRow.replace(",c1,", ",c|1,")));
    t.put("QTABLE-TIME-AMBIGUOUS", () -> new Outcome("notice", QueueLogReader.of(ReadMode.STRICT).withZone(AMSTERDAM)
        .read(new ByteArrayInputStream((head + enterRow.replace("2026-03-16 09:00:00", "2026-10-25 02:30:00"))
            .getBytes(StandardCharsets.UTF_8)), "queue_log.csv").report().ambiguousTimes().get(0).message()));
    t.put("QLOG-ENDED-AGAIN", () -> queueLog(enter + "1773648005|c1|q1|NONE|ABANDON|1|1|5\n"
        + "1773648006|c1|q1|NONE|ABANDON|1|1|6\n"));
    t.put("QLOG-NUL-RESIDUE", () -> new Outcome("notice", QueueLogReader.of(ReadMode.STRICT)
        .read(new ByteArrayInputStream(("\0\0\0" + enter).getBytes(StandardCharsets.UTF_8)), "queue_log")
        .report().notices().get(0).message()));
    t.put("QLOG-REPEATED-LINES", () -> cliNotice("repeat", "report", "--zone", "UTC", file("repeats.log", enter
        + "1773648010|c1|q1|Agent/1|CONNECT|10|c1.2|3\n1773648010|c1|q1|Agent/1|CONNECT|10|c1.2|3\n"
        + "1773648030|c1|q1|Agent/1|COMPLETECALLER|10|20|1\n1773648030|c1|q1|Agent/1|COMPLETECALLER|10|20|1\n").toString()));
    t.put("QLOG-IGNORED-EVENTS", () -> cliNotice("ignored", "report", "--zone", "UTC", "--ignore-event", "outdial",
        "--ignore-event", "OUTANSWER,OUTCANCEL", file("dialer.log", enter
            + "1773648001|d1|q1|NONE|OUTDIAL|555\n1773648002|d1|q1|NONE|OUTANSWER|555\n"
            + "1773648003|d2|q1|NONE|OUTDIAL|556\n1773648005|c1|q1|NONE|ABANDON|1|1|5\n").toString()));
    t.put("QLOG-GZIP-CORRUPT", () -> {
      byte[] gz = gzip(enter + "1773648005|c1|q1|NONE|ABANDON|1|1|5\n");
      Path cut = FILES.resolve("queue_log.1.gz");
      Files.write(cut, java.util.Arrays.copyOf(gz, gz.length - 4)); // without the length the trailer ends with
      return read(mode -> QueueLogReader.of(mode).read(List.of(cut)).report().read());
    });
    t.put("QLOG-IGNORE-KNOWN", () -> thrown(() -> QueueLogReader.of(ReadMode.STRICT).withIgnoredEvents(Set.of("CONNECT"))));
    t.put("QLOG-IGNORE-BLANK", () -> thrown(() -> QueueLogReader.of(ReadMode.STRICT).withIgnoredEvents(Set.of(" "))));
    t.put("QLOG-QUEUE-NAME-BLANK", () -> thrown(() -> QueueLogReader.of(ReadMode.STRICT).withQueueNames(List.of(" "))));
    t.put("QLOG-FORMAT-CSV", () -> thrown(() -> QueueLogReader.of(ReadMode.STRICT).withFormat(SourceFormat.CSV)));

    // queues.conf
    t.put("QCONF-EXEC", () -> thrown(() -> QueuesConf.read(new StringReader("#exec /usr/local/bin/queues.sh\n"),
        "queues.conf")));
    t.put("QCONF-DIRECTIVE", () -> thrown(() -> QueuesConf.read(new StringReader("#import extra.conf\n"),
        "queues.conf")));
    t.put("QCONF-INCLUDE-ARGUMENT", () -> thrown(() -> QueuesConf.read(new StringReader("#include \"\"\n"),
        "queues.conf")));
    t.put("QCONF-INCLUDE-TEXT", () -> thrown(() -> QueuesConf.read(new StringReader("#include \"extra.conf\"\n"),
        "queues.conf")));
    t.put("QCONF-INCLUDE-MISSING", () -> thrown(() -> QueuesConf.read(conf("missing", "[q1]\n#include extra.conf\n"))));
    t.put("QCONF-INCLUDE-LOOP", () -> thrown(() -> QueuesConf.read(conf("loop", "[q1]\n#include queues.conf\n"))));
    t.put("QCONF-INCLUDE-DEPTH", () -> {
      Path first = conf("depth", "#include 1.conf\n");
      for (int n = 1; n <= 10; n++) {
        Files.writeString(first.resolveSibling(n + ".conf"), "#include " + (n + 1) + ".conf\n");
      }
      return thrown(() -> QueuesConf.read(first));
    });
    t.put("QCONF-INCLUDE-PATTERN", () -> thrown(() -> QueuesConf.read(conf("pattern", "#include \"[a.conf\"\n"))));
    t.put("QCONF-INCLUDE-PATH", () -> thrown(() -> QueuesConf.read(conf("path", "#include \"a\u0000.conf\"\n"))));
    t.put("QCONF-OPTIONS-PAREN", () -> thrown(() -> QueuesConf.read(new StringReader("[q1](base\n"), "queues.conf")));
    t.put("QCONF-OPTIONS-TEXT", () -> thrown(() -> QueuesConf.read(new StringReader("[q1](!) sales\n"),
        "queues.conf")));
    t.put("QCONF-APPEND-MISSING", () -> thrown(() -> QueuesConf.read(new StringReader("[q1](+)\n"), "queues.conf")));
    t.put("QCONF-APPEND-FILTER", () -> thrown(() -> QueuesConf.read(new StringReader("[q1]\n[q1](+type=queue)\n"),
        "queues.conf")));
    t.put("QCONF-REPEATED-QUEUE", () -> new Outcome("notice", QueuesConf.read(new StringReader(
        "[q1]\nservicelevel = 20\n[Q1]\nservicelevel = 30\n"), "queues.conf").notices().get(0)));
    t.put("QCONF-SECTION-BRACKET", () -> thrown(() -> QueuesConf.read(new StringReader("[q1\n"), "queues.conf")));
    t.put("QCONF-SECTION-BLANK", () -> thrown(() -> QueuesConf.read(new StringReader("[ ]\n"), "queues.conf")));
    t.put("QCONF-SECTION-TEXT", () -> thrown(() -> QueuesConf.read(new StringReader("[q1] sales\n"), "queues.conf")));
    t.put("QCONF-TEMPLATE", () -> thrown(() -> QueuesConf.read(new StringReader("[q1](base)\n"), "queues.conf")));
    t.put("QCONF-NOT-A-SETTING", () -> thrown(() -> QueuesConf.read(new StringReader("[q1]\nservicelevel\n"),
        "queues.conf")));
    t.put("QCONF-OUTSIDE-SECTION", () -> thrown(() -> QueuesConf.read(new StringReader("servicelevel = 20\n"),
        "queues.conf")));
    t.put("QCONF-NUMBER", () -> thrown(() -> QueuesConf.read(new StringReader("[q1]\nservicelevel = twenty\n"),
        "queues.conf")));
    t.put("QCONF-NEGATIVE", () -> thrown(() -> QueuesConf.read(new StringReader("[q1]\nmaxlen = -1\n"), "queues.conf")));
    t.put("QCONF-QUEUE-NAME", () -> thrown(() -> QueueConfig.of(" ", 20, "ringall", 0, 0)));
    t.put("QCONF-QUEUE-NUMBERS", () -> thrown(() -> QueueConfig.of("q1", -20, "ringall", 0, 0)));

    // The command-line tool
    t.put("CLI-NO-COMMAND", () -> cli());
    t.put("CLI-UNKNOWN-OPTION", () -> cli("report", "--colour", "src/sample/calls.csv"));
    t.put("CLI-MISSING-ARGUMENT", () -> cli("report"));
    t.put("CLI-BAD-OPTION-VALUE", () -> cli("report", "--threshold", "twenty", "src/sample/calls.csv"));
    t.put("CLI-OPTION-TYPE", () -> cli("erlang", "c", "--calls", "many", "--aht", "PT3M", "--target", "0.8"));
    t.put("CLI-REPORT-DATE", () -> cli("report", "--from", "2026-13-01", "src/sample/calls.csv"));
    t.put("CLI-REPORT-DATE-RANGE", () -> cli("report", "--to", "+10000-01-01", "src/sample/calls.csv"));
    t.put("CLI-REPORT-DELIMITER", () -> cli("report", "--delimiter", "|", "src/sample/calls.csv"));
    t.put("CLI-REPORT-COLUMN-FORM", () -> cli("report", "--column", "call_id", "src/sample/calls.csv"));
    t.put("CLI-REPORT-COLUMN", () -> cli("report", "--column", "start=begin", "src/sample/calls.csv"));
    t.put("CLI-REPORT-SOURCE-ZONE", () -> cli("report", "--source-zone", "Mars/Olympus", "src/sample/calls.csv"));
    t.put("CLI-DECIMAL", () -> cli("report", "--target", "eighty", "src/sample/calls.csv"));
    t.put("CLI-REPORT-ALL-SKIPPED", () -> {
      StringWriter err = new StringWriter();
      int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "report", "--lenient",
          FILES.resolve("allbad.csv").toString());
      List<String> lines = err.toString().lines().toList();
      return new Outcome("exit " + code, lines.isEmpty() ? "" : lines.get(lines.size() - 1));
    });
    t.put("CLI-LIVE-INTERVAL", () -> cli("asterisk-live", "--once", "--interval", "PT7M",
        FILES.resolve("twoqueues.log").toString()));
    t.put("CLI-LIBRARY-REJECTS-OPTION", () -> cli("report", "--preset", "avaya", "src/sample/calls.csv"));
    t.put("CLI-REPORT-ZONE", () -> cli("report", "--zone", "Mars/Olympus", "src/sample/calls.csv"));
    t.put("CLI-REPORT-DATES", () -> cli("report", "--from", "2026-03-20", "--to", "2026-03-16", "src/sample/calls.csv"));
    t.put("CLI-REPORT-FILE-MISSING", () -> cli("report", FILES.resolve("missing.csv").toString()));
    t.put("CLI-REPORT-FILE-FORMAT", () -> cli("report", FILES.resolve("notes.txt").toString()));
    t.put("CLI-GZIP-CSV", () -> {
      Path gz = FILES.resolve("calls.csv.gz");
      Files.write(gz, gzip(CSV_HEADER + "c1,sales,voice,2026-03-16T08:00:00Z,answered,2026-03-16T08:00:05Z,\n"));
      return cli("report", gz.toString());
    });
    t.put("CLI-IGNORE-EVENT", () -> cli("asterisk-show", "--ignore-event", "ENTERQUEUE", "--queues-conf",
        FILES.resolve("queues.conf").toString(), FILES.resolve("twoqueues.log").toString()));
    t.put("CLI-REPORT-NO-CALLS", () -> cli("report", FILES.resolve("empty.csv").toString()));
    t.put("CLI-REPORT-DAYS-FROM-CALLS", () -> cli("report", "--zone", "UTC", FILES.resolve("stray.csv").toString()));
    t.put("CLI-BAD-DATA", () -> cli("report", FILES.resolve("bad.csv").toString()));
    t.put("CLI-ERLANG-NO-MODEL", () -> cli("erlang"));
    t.put("CLI-ERLANG-DURATION", () -> cli("erlang", "c", "--calls", "100", "--aht", "180", "--target", "0.8"));
    t.put("CLI-ERLANG-AHT", () -> cli("erlang", "c", "--calls", "100", "--target", "0.8"));
    t.put("CLI-ERLANG-CALLS-AND-ERLANGS", () -> cli("erlang", "c", "--calls", "100", "--erlangs", "10",
        "--aht", "PT3M", "--target", "0.8"));
    t.put("CLI-ERLANG-NO-WORKLOAD", () -> cli("erlang", "c", "--aht", "PT3M", "--target", "0.8"));
    t.put("CLI-ERLANG-AGENTS-OR-TARGET", () -> cli("erlang", "c", "--calls", "100", "--aht", "PT3M"));
    t.put("CLI-ERLANG-B-AGENTS-OR-TARGET", () -> cli("erlang", "b", "--erlangs", "10"));
    t.put("CLI-ERLANG-AGENTS", () -> cli("erlang", "c", "--calls", "100", "--aht", "PT3M", "--agents", "0"));
    t.put("CLI-SHOW-FILE", () -> cli("asterisk-show", "--queues-conf", FILES.resolve("missing.conf").toString(),
        FILES.resolve("twoqueues.log").toString()));
    t.put("CLI-SHOW-QUEUE-NOT-CONFIGURED", () -> cli("asterisk-show", "--queues-conf",
        FILES.resolve("queues.conf").toString(), FILES.resolve("twoqueues.log").toString()));
    t.put("CLI-SHOW-CONF", () -> cli("asterisk-show", "--queues-conf", FILES.resolve("live.conf").toString(),
        FILES.resolve("twoqueues.log").toString()));
    t.put("CLI-LIVE-FILE", () -> cli("asterisk-live", "--once", FILES.resolve("missing.log").toString()));
    t.put("CLI-OUTPUT-FAILED", () -> {
      OutputStream full = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          throw new IOException("No space left on device");
        }
      };
      StringWriter err = new StringWriter();
      int code = Main.run(new PrintWriter(new OutputStreamWriter(full, StandardCharsets.UTF_8)), new PrintWriter(err),
          "--version");
      return new Outcome("exit " + code, err.toString().lines().findFirst().orElse(""));
    });
    return t;
  }
}
