package io.github.callmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ClassToInstanceMap;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.MutableClassToInstanceMap;
import com.google.common.testing.ArbitraryInstances;
import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import io.github.callmetrics.asterisk.AsteriskQueueStats;
import io.github.callmetrics.asterisk.QueueLogFeed;
import io.github.callmetrics.asterisk.QueueLogReader;
import io.github.callmetrics.asterisk.QueueLogReport;
import io.github.callmetrics.asterisk.QueuesConf;
import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.InvalidCallException;
import io.github.callmetrics.csv.CallCsvWriter;
import io.github.callmetrics.csv.CsvCallReader;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.definition.ServiceLevelFormula;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.live.CallEvent;
import io.github.callmetrics.live.LiveFigures;
import io.github.callmetrics.live.LiveMonitor;
import io.github.callmetrics.live.LiveSnapshot;
import io.github.callmetrics.live.ThresholdWatch;
import io.github.callmetrics.live.WaitingCall;
import io.github.callmetrics.live.micrometer.LiveMonitorMetrics;
import io.github.callmetrics.metrics.AverageDuration;
import io.github.callmetrics.metrics.MetricsSummary;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.metrics.ServiceLevelCounts;
import io.github.callmetrics.metrics.WaitPercentiles;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadReport;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportKey;
import io.github.callmetrics.report.ReportRow;
import io.github.callmetrics.report.QueueThresholds;
import io.github.callmetrics.report.ReportSpec;
import io.github.callmetrics.staffing.ErlangA;
import io.github.callmetrics.staffing.ErlangC;
import io.github.callmetrics.staffing.IntervalStaffing;
import io.github.callmetrics.staffing.IntervalWorkload;
import io.github.callmetrics.staffing.StaffingTarget;
import io.github.callmetrics.staffing.Workload;
import io.github.callmetrics.tally.CallTally;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.tally.WaitDistribution;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Reader;
import java.io.Serializable;
import java.io.StringReader;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.api.SingleTypeEqualsVerifierApi;
import nl.jqno.equalsverifier.Warning;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The API's hygiene, over every public type of every exported package as compiled ({@link Library}), so a new
 * type is checked without being added here (a type that needs a sample instance fails until it has one):
 * every public method and constructor rejects null with a {@code NullPointerException} that names the
 * parameter; every type that defines equality has lawful {@code equals} and {@code hashCode}; the public
 * constructors are the listed ones, each validating; and nothing is serializable unless documented.
 */
class ApiHygieneTest {
  private static final Instant T = Instant.parse("2026-03-16T08:00:00Z");
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final LocalDate DAY = LocalDate.of(2026, 3, 16);
  private static final IntervalGrid GRID = IntervalGrid.ofDay(DAY, UTC, IntervalLength.MINUTES_15);
  private static final ReportSpec SPEC = ReportSpec.builder(GRID).build();
  private static final QueueThresholds THRESHOLDS = QueueThresholds.of(Map.of("q", Duration.ofSeconds(30)));
  private static final Call CALL = Call.answered("c1", "q", T, T.plusSeconds(5));
  private static final Workload WORKLOAD = Workload.ofErlangs(10, Duration.ofMinutes(3));

  /** A value for every parameter type the API takes that NullPointerTester cannot make itself. */
  private static ClassToInstanceMap<Object> defaults() {
    ClassToInstanceMap<Object> d = MutableClassToInstanceMap.create();
    d.putInstance(Instant.class, T);
    d.putInstance(Duration.class, Duration.ofSeconds(20));
    d.putInstance(String.class, "q");
    d.putInstance(LocalDate.class, DAY);
    d.putInstance(YearMonth.class, YearMonth.of(2026, 3));
    d.putInstance(ZoneId.class, UTC);
    // In a directory that does not exist: a method that touched the file before checking its other
    // arguments fails with an IOException instead of leaving a file behind.
    d.putInstance(Path.class, Path.of("target", "api-hygiene-no-such-directory", "calls.csv"));
    d.putInstance(Reader.class, new StringReader(""));
    d.putInstance(InputStream.class, new ByteArrayInputStream(new byte[0]));
    d.putInstance(Appendable.class, new StringBuilder());
    d.putInstance(BigDecimal.class, new BigDecimal("0.8"));
    d.putInstance(IntervalGrid.class, GRID);
    d.putInstance(MeasurementInterval.class, GRID.interval(0));
    d.putInstance(ServiceLevelDefinition.class, ServiceLevelDefinition.standard());
    d.putInstance(TallySnapshot.class, TallySnapshot.empty());
    d.putInstance(WaitDistribution.class, WaitDistribution.empty());
    d.putInstance(Call.class, CALL);
    d.putInstance(CallEvent.class, CallEvent.entered("q", "c1", Channel.VOICE, T));
    d.putInstance(Ratio.class, Ratio.of(1, 2));
    d.putInstance(ReportSpec.class, SPEC);
    d.putInstance(QueueThresholds.class, THRESHOLDS);
    d.putInstance(ReportKey.class, ReportKey.all());
    d.putInstance(Report.class, SPEC.report(List.of(CALL)));
    d.putInstance(ReportRow.class, SPEC.report(List.of(CALL)).rows().get(0));
    d.putInstance(Workload.class, WORKLOAD);
    d.putInstance(LiveMonitor.class, LiveMonitor.builder(SPEC).build());
    d.putInstance(MeterRegistry.class, new SimpleMeterRegistry());
    d.putInstance(ReadReport.class, ReadReport.of(List.of("s.csv"), 0, List.of(), List.of()));
    d.putInstance(SkippedRecord.class, SkippedRecord.of("s.csv", 2, "queue", "", "is empty"));
    d.putInstance(QueueLogReport.class, QueueLogReport.of(d.getInstance(ReadReport.class), List.of(), List.of(), Map.of()));
    d.putInstance(ServiceLevelCounts.class, new ServiceLevelCounts(1, 1, 1, 0, 0, 0, 0, 0, 0));
    d.putInstance(AverageDuration.class, AverageDuration.of(Duration.ofSeconds(30), 3));
    d.putInstance(WaitPercentiles.class, WaitPercentiles.of(WaitDistribution.of(1, 2, 3)));
    d.putInstance(MetricsSummary.class, MetricsSummary.of(TallySnapshot.of(List.of(CALL)), ServiceLevelDefinition.standard()));
    d.putInstance(StaffingTarget.class, StaffingTarget.serviceLevel(0.8, Duration.ofSeconds(20)));
    d.putInstance(IntervalWorkload.class, IntervalWorkload.of(T, Duration.ofMinutes(15), 100, Duration.ofMinutes(3)));
    d.putInstance(LiveFigures.class, LiveMonitor.builder(SPEC).build().snapshot("q", Channel.VOICE).window());
    return d;
  }

  private static final ClassToInstanceMap<Object> DEFAULTS = defaults();

  /**
   * One instance of every API type whose instance methods take references; every constant of every API enum
   * is added to these.
   */
  private static List<Object> samples() throws IOException {
    List<Object> s = new ArrayList<>(List.of(
        AsteriskQueueStats.of("q", TallySnapshot.empty(), 0, 0, 0, 0),
        QueueLogReader.of(ReadMode.STRICT),
        QueueLogFeed.of(LiveMonitor.builder(SPEC).build()),
        DEFAULTS.getInstance(QueueLogReport.class),
        QueuesConf.read(new StringReader("[q]\nservicelevel=20\n"), "queues.conf"),
        CALL,
        CallCsvWriter.inZone(UTC),
        CsvCallReader.of(ReadMode.STRICT),
        ReadReport.of(List.of("s.csv"), 1, List.of(), List.of()),
        ServiceLevelDefinition.standard(),
        ServiceLevelDefinition.builder(),
        GRID,
        GRID.interval(0),
        LiveMonitor.builder(SPEC).build(),
        LiveMonitor.builder(SPEC),
        LiveMonitorMetrics.of(LiveMonitor.builder(SPEC).build()),
        Ratio.of(1, 2),
        ServiceLevelCounts.of(TallySnapshot.of(List.of(CALL)), ServiceLevelDefinition.standard()),
        SPEC.report(List.of(CALL)),
        SPEC.newAccumulator(),
        ReportKey.all(),
        SPEC,
        ReportSpec.builder(GRID),
        THRESHOLDS,
        ErlangA.of(WORKLOAD, 12, Duration.ofMinutes(1)),
        ErlangC.of(WORKLOAD, 12),
        IntervalWorkload.of(T, Duration.ofMinutes(15), 100, Duration.ofMinutes(3)),
        new CallTally(),
        TallySnapshot.of(List.of(CALL)),
        WaitDistribution.of(1, 2, 3)));
    for (Class<?> type : Library.apiClasses()) {
      if (type.isEnum()) {
        s.addAll(Arrays.asList(type.getEnumConstants()));
      }
    }
    return s;
  }

  /** Public instance methods of the library's own that take a reference (NullPointerTester's subjects). */
  private static boolean hasInstanceMethodTakingReferences(Class<?> type) {
    for (Method m : type.getMethods()) {
      if (!Modifier.isStatic(m.getModifiers()) && isOwn(m) && !isEquals(m)
          && Arrays.stream(m.getParameterTypes()).anyMatch(p -> !p.isPrimitive())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOwn(Method m) {
    return m.getDeclaringClass().getName().startsWith(Library.ROOT) && !m.isBridge() && !m.isSynthetic();
  }

  private static boolean isEquals(Method m) {
    return m.getName().equals("equals") && Arrays.equals(m.getParameterTypes(), new Class<?>[] {Object.class});
  }

  @Test
  void everyTypeWithInstanceMethodsTakingReferencesHasASample() throws IOException {
    Set<Class<?>> sampled = new HashSet<>();
    for (Object o : samples()) {
      sampled.add(o.getClass().isAnonymousClass() ? o.getClass().getSuperclass() : o.getClass());
      if (o instanceof Enum<?> e) {
        sampled.add(e.getDeclaringClass());
      }
    }
    List<String> missing = new ArrayList<>();
    for (Class<?> type : Library.apiClasses()) {
      if (!type.isInterface() && hasInstanceMethodTakingReferences(type) && !sampled.contains(type)) {
        missing.add(type.getName());
      }
    }
    assertThat(missing).as("API types without a sample in ApiHygieneTest.samples()").isEmpty();
  }

  private static NullPointerTester tester() {
    NullPointerTester tester = new NullPointerTester();
    for (Class<?> type : DEFAULTS.keySet()) {
      setDefault(tester, type);
    }
    return tester;
  }

  private static <T> void setDefault(NullPointerTester tester, Class<T> type) {
    tester.setDefault(type, type.cast(DEFAULTS.getInstance(type)));
  }

  @Test
  void everyPublicMethodAndConstructorRejectsNull() throws IOException {
    NullPointerTester tester = tester();
    for (Class<?> type : Library.apiClasses()) {
      tester.testAllPublicStaticMethods(type);
      tester.testAllPublicConstructors(type);
    }
    for (Object sample : samples()) {
      tester.testAllPublicInstanceMethods(sample);
    }
  }

  /**
   * The same calls as {@link #everyPublicMethodAndConstructorRejectsNull()}, one null at a time, each with
   * the other arguments valid: the exception must name the parameter (its own {@code requireNonNull} message
   * or the JDK's helpful message), so a caller knows which argument was null.
   */
  @Test
  void nullIsRejectedNamingTheParameter() throws IOException, ReflectiveOperationException {
    List<String> failures = new ArrayList<>();
    for (Class<?> type : Library.apiClasses()) {
      for (Method m : type.getDeclaredMethods()) {
        if (Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()) && !isGeneratedEnumMethod(m)
            && !m.isSynthetic()) {
          checkNamesParameters(m, null, failures);
        }
      }
      for (Constructor<?> c : type.getConstructors()) {
        checkNamesParameters(c, null, failures);
      }
    }
    for (Object sample : samples()) {
      for (Method m : sample.getClass().getMethods()) {
        if (!Modifier.isStatic(m.getModifiers()) && isOwn(m) && !isEquals(m)) {
          checkNamesParameters(m, sample, failures);
        }
      }
    }
    assertThat(failures).as("calls with one null argument").isEmpty();
  }

  private static boolean isGeneratedEnumMethod(Method m) {
    return m.getDeclaringClass().isEnum() && (m.getName().equals("values") || m.getName().equals("valueOf"));
  }

  private static void checkNamesParameters(Executable code, @Nullable Object receiver, List<String> failures)
      throws ReflectiveOperationException {
    Parameter[] params = code.getParameters();
    for (int i = 0; i < params.length; i++) {
      Parameter p = params[i];
      if (p.getType().isPrimitive() || p.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
        continue;
      }
      String where = code.getDeclaringClass().getSimpleName() + "." + code.getName()
          + Arrays.stream(code.getParameterTypes()).map(Class::getSimpleName).toList() + " with " + p.getName()
          + " null";
      if (!p.isNamePresent()) {
        failures.add(where + ": no parameter names (compile with -parameters)");
        continue;
      }
      Object[] args = new Object[params.length];
      for (int j = 0; j < params.length; j++) {
        args[j] = j == i ? null : valueFor(params[j].getType());
      }
      Throwable thrown = invoke(code, receiver, args);
      Pattern named = Pattern.compile("(^|\\W)" + Pattern.quote(p.getName()) + "(\\W|$)");
      if (!(thrown instanceof NullPointerException) || thrown.getMessage() == null
          || !named.matcher(thrown.getMessage()).find()) {
        failures.add(where + ": " + thrown);
      }
    }
  }

  private static @Nullable Throwable invoke(Executable code, @Nullable Object receiver, @Nullable Object[] args)
      throws ReflectiveOperationException {
    try {
      if (code instanceof Method m) {
        m.invoke(receiver, args);
      } else {
        ((Constructor<?>) code).newInstance(args);
      }
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
  }

  private static Object valueFor(Class<?> type) {
    Object value = DEFAULTS.getInstance(type);
    if (value == null) {
      value = ArbitraryInstances.get(type);
    }
    if (value == null && type.isEnum()) {
      value = type.getEnumConstants()[0];
    }
    if (value == null && type.isInterface()) {
      // A do-nothing implementation: returns null from every method (only consumers and listeners get here).
      value = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, a) -> null);
    }
    if (value == null && type.isArray()) {
      value = Array.newInstance(type.getComponentType(), 0);
    }
    assertThat(value).as("a value for parameters of type %s (add one to ApiHygieneTest.defaults())", type).isNotNull();
    return value;
  }

  /**
   * Every API type that defines equality (a class overriding {@code equals}, or a record) is checked by
   * EqualsVerifier. The exceptions below say why a rule of EqualsVerifier does not apply.
   */
  @Test
  void everyTypeThatDefinesEqualityIsLawful() {
    List<String> checked = new ArrayList<>();
    for (Class<?> type : Library.apiClasses()) {
      if ((type.isRecord() || declaresEquals(type)) && !BY_HAND.contains(type)) {
        verifyEquals(type);
        checked.add(type.getSimpleName());
      }
    }
    assertThat(checked).contains("Call", "Ratio", "MeasurementInterval", "ReportKey", "LiveSnapshot", "LiveFigures");
  }

  /**
   * Records whose constructors reject what EqualsVerifier makes (it changes one component at a time and
   * tries zero values): their compiler-generated, component-wise equality is checked on hand-made groups,
   * one group per component changed.
   */
  private static final Set<Class<?>> BY_HAND = Set.of(ServiceLevelCounts.class, StaffingTarget.MaxAbandonment.class,
      StaffingTarget.MaxOccupancy.class, StaffingTarget.ServiceLevel.class);

  @Test
  void recordsWithStrictComponentsHaveLawfulEquality() {
    assertThat(BY_HAND).allSatisfy(type -> assertThat(type.isRecord()).isTrue());
    // O = A + B + F, A_T <= A, B_T <= B, B_S <= B, F_T <= F.
    new EqualsTester()
        .addEqualityGroup(new ServiceLevelCounts(3, 1, 1, 1, 1, 0, 1, 0, 0), new ServiceLevelCounts(3, 1, 1, 1, 1, 0, 1, 0, 0))
        .addEqualityGroup(new ServiceLevelCounts(3, 1, 0, 1, 1, 0, 1, 0, 0))
        .addEqualityGroup(new ServiceLevelCounts(3, 1, 1, 1, 0, 0, 1, 0, 0))
        .addEqualityGroup(new ServiceLevelCounts(3, 1, 1, 1, 1, 1, 1, 0, 0))
        .addEqualityGroup(new ServiceLevelCounts(3, 1, 1, 1, 1, 0, 1, 1, 0))
        .addEqualityGroup(new ServiceLevelCounts(3, 1, 1, 1, 1, 0, 1, 0, 2))
        .addEqualityGroup(new ServiceLevelCounts(4, 2, 1, 1, 1, 0, 1, 0, 0))
        .addEqualityGroup(new ServiceLevelCounts(4, 1, 1, 2, 1, 0, 1, 0, 0))
        .addEqualityGroup(new ServiceLevelCounts(4, 1, 1, 1, 1, 0, 2, 0, 0))
        .testEquals();
    new EqualsTester()
        .addEqualityGroup(new StaffingTarget.MaxAbandonment(0.1), StaffingTarget.maxAbandonment(0.1))
        .addEqualityGroup(new StaffingTarget.MaxAbandonment(0.2))
        .testEquals();
    new EqualsTester()
        .addEqualityGroup(new StaffingTarget.MaxOccupancy(0.85), StaffingTarget.maxOccupancy(0.85))
        .addEqualityGroup(new StaffingTarget.MaxOccupancy(1))
        .testEquals();
    Duration t20 = Duration.ofSeconds(20);
    ServiceLevelFormula against = ServiceLevelFormula.ABANDONS_COUNT_AGAINST;
    new EqualsTester()
        .addEqualityGroup(new StaffingTarget.ServiceLevel(0.8, t20, against, Duration.ZERO),
            StaffingTarget.serviceLevel(0.8, t20))
        .addEqualityGroup(new StaffingTarget.ServiceLevel(0.9, t20, against, Duration.ZERO))
        .addEqualityGroup(new StaffingTarget.ServiceLevel(0.8, Duration.ofSeconds(30), against, Duration.ZERO))
        .addEqualityGroup(new StaffingTarget.ServiceLevel(0.8, t20, ServiceLevelFormula.ANSWERED_ONLY, Duration.ZERO))
        .addEqualityGroup(new StaffingTarget.ServiceLevel(0.8, t20, against, Duration.ofSeconds(5)))
        .testEquals();
  }

  /** What EqualsVerifier should not ask of a type, and why. */
  private static final Map<Class<?>, Warning[]> EQUALS_EXCEPTIONS = Map.of(
      // The grid keeps its intervals' instants, derived from the fields equals compares.
      IntervalGrid.class, new Warning[] {Warning.ALL_FIELDS_SHOULD_BE_USED},
      // A record compares its target as BigDecimal does, scale included (0.8 and 0.80 differ): the target is
      // the definition's, kept as given. (ServiceLevelDefinition itself compares targets by value.)
      IntervalStaffing.class, new Warning[] {Warning.BIGDECIMAL_EQUALITY});

  /** Two valid, different values of a type, for EqualsVerifier. */
  private record Prefab<P>(Class<P> type, P red, P blue) {
    <T> SingleTypeEqualsVerifierApi<T> addTo(SingleTypeEqualsVerifierApi<T> verifier) {
      return verifier.withPrefabValues(type, red, blue);
    }
  }

  private static final List<Prefab<?>> PREFABS = List.of(
      new Prefab<>(Duration.class, Duration.ofSeconds(1), Duration.ofSeconds(2)),
      new Prefab<>(ImmutableSet.class, ImmutableSet.of("a"), ImmutableSet.of("b")),
      new Prefab<>(ImmutableList.class, ImmutableList.of("a"), ImmutableList.of("b")),
      new Prefab<>(ImmutableMap.class, ImmutableMap.of("a", Duration.ofSeconds(1)), ImmutableMap.of("b", Duration.ofSeconds(3))),
      new Prefab<>(ServiceLevelCounts.class, new ServiceLevelCounts(1, 1, 1, 0, 0, 0, 0, 0, 0),
          new ServiceLevelCounts(2, 1, 0, 1, 1, 0, 0, 0, 0)),
      new Prefab<>(ReportSpec.class, SPEC, ReportSpec.builder(IntervalGrid.ofDay(DAY, UTC, IntervalLength.MINUTES_30)).build()),
      new Prefab<>(IntervalWorkload.class, IntervalWorkload.of(T, Duration.ofMinutes(15), 100, Duration.ofMinutes(3)),
          IntervalWorkload.of(T, Duration.ofMinutes(30), 100, Duration.ofMinutes(3))));

  /** Fields that equals leaves out because they are caches of what the compared fields determine. */
  private static final Map<Class<?>, String[]> CACHE_FIELDS = Map.of(
      LiveFigures.class, new String[] {"counts", "figures"},
      // The definitions under each queue's threshold, resolved once from the definitions and thresholds compared.
      ReportSpec.class, new String[] {"byThreshold"});

  private static boolean declaresEquals(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods()).anyMatch(ApiHygieneTest::isEquals);
  }

  private static <T> void verifyEquals(Class<T> type) {
    // Fields are never null (constructors and factories reject null): EqualsVerifier's null fields cannot occur.
    SingleTypeEqualsVerifierApi<T> verifier = EqualsVerifier.forClass(type).suppress(Warning.NULL_FIELDS)
        .suppress(EQUALS_EXCEPTIONS.getOrDefault(type, new Warning[0]))
        .withIgnoredFields(CACHE_FIELDS.getOrDefault(type, new String[0]));
    // Components whose types reject EqualsVerifier's made-up values get two valid, different instances.
    for (Prefab<?> prefab : PREFABS) {
      if (prefab.type() != type) {
        verifier = prefab.addTo(verifier);
      }
    }
    verifier.verify();
  }

  /**
   * Every public constructor of the API, with why it is public. Types with invariants are built by static
   * factories; a public constructor is either a record's canonical constructor or an exception's, and each
   * checks its arguments.
   */
  private static final Map<String, String> PUBLIC_CONSTRUCTORS = new TreeMap<>(Map.ofEntries(
      Map.entry("call.InvalidCallException(String,String,String,String)",
          "an exception a caller may throw for its own records; rejects null"),
      Map.entry("read.ReadException(SkippedRecord,List,ReadReport)",
          "an exception a reader of another format may throw; rejects null, copies the calls"),
      Map.entry("tally.CallTally()", "an empty mutable tally: nothing to validate"),
      Map.entry("live.LiveSnapshot(String,Channel,Instant,Optional,Optional,LiveFigures,long,Optional,List,Duration,long,long)",
          "record: rejects null and negative counts, copies the list"),
      Map.entry("live.RejectedEvent(CallEvent,Reason,String)", "record: rejects null"),
      Map.entry("live.ThresholdWatch(ServiceLevelDefinition,long,long)", "record: rejects null and negative counts"),
      Map.entry("live.WaitingCall(String,Channel,Instant,Duration)",
          "record: rejects null and a wait that is negative or not whole seconds"),
      Map.entry("metrics.MetricsSummary(ServiceLevelDefinition,ServiceLevelCounts,Ratio,TargetStatus,Ratio,Ratio,Ratio,"
          + "AverageDuration,AverageDuration,AverageDuration,Optional,Optional,Optional,WaitPercentiles)",
          "record of figures, each a validated value type: rejects null"),
      Map.entry("metrics.ServiceLevelCounts(long,long,long,long,long,long,long,long,long)",
          "record: rejects negative and inconsistent counts (O = A + B + F, A_T <= A, ...)"),
      Map.entry("metrics.WaitPercentiles(Optional,Optional,Optional,Optional,Optional)", "record: rejects null"),
      Map.entry("report.ReportKey(Optional,Optional,Optional)", "record: rejects null"),
      Map.entry("report.ReportRow(ReportKey,TallySnapshot,List)", "record: rejects null, copies the list"),
      Map.entry("staffing.IntervalStaffing(IntervalWorkload,double,int,OptionalDouble,OptionalDouble,BigDecimal)",
          "record: rejects null, negative traffic and negative agents"),
      Map.entry("staffing.IntervalWorkload(Instant,Duration,long,Duration,Ratio,OptionalInt)",
          "record: rejects null, a non-positive length, negative calls, handle time and agents"),
      Map.entry("staffing.StaffingTarget$AverageSpeedOfAnswer(Duration)", "record: rejects a non-positive maximum"),
      Map.entry("staffing.StaffingTarget$MaxAbandonment(double)", "record: rejects a maximum outside (0, 1)"),
      Map.entry("staffing.StaffingTarget$MaxOccupancy(double)", "record: rejects a maximum outside (0, 1]"),
      Map.entry("staffing.StaffingTarget$ServiceLevel(double,Duration,ServiceLevelFormula,Duration)",
          "record: rejects a level outside (0, 1), negative durations, null")));

  @Test
  void thePublicConstructorsAreTheListedOnes() {
    Set<String> found = new TreeSet<>();
    for (Class<?> type : Library.apiClasses()) {
      for (Constructor<?> c : type.getConstructors()) {
        found.add(type.getName().substring(Library.ROOT.length() + 1)
            + Arrays.stream(c.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")")));
      }
    }
    assertThat(found).as("public constructors (list each in PUBLIC_CONSTRUCTORS with why)")
        .isEqualTo(PUBLIC_CONSTRUCTORS.keySet());
  }

  @Test
  void publicRecordConstructorsRejectImpossibleValues() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new WaitingCall("c1", Channel.VOICE, T, Duration.ofSeconds(-1)))
        .withMessage("call c1 waited PT-1S, which is not valid (expected zero or more whole seconds)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new WaitingCall("c1", Channel.VOICE, T, Duration.ofMillis(1500)))
        .withMessage("call c1 waited PT1.5S, which is not valid (expected zero or more whole seconds)");
    assertThat(new WaitingCall("c1", Channel.VOICE, T, Duration.ZERO).waited()).isZero();

    IntervalWorkload interval = IntervalWorkload.of(T, Duration.ofMinutes(15), 100, Duration.ofMinutes(3));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new IntervalStaffing(interval, -0.5, 10, OptionalDouble.empty(), OptionalDouble.empty(),
            BigDecimal.ONE))
        .withMessage("interval 2026-03-16T08:00:00Z traffic -0.5 Erlangs is not valid (expected zero or more)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new IntervalStaffing(interval, 20, -1, OptionalDouble.empty(), OptionalDouble.empty(),
            BigDecimal.ONE))
        .withMessage("interval 2026-03-16T08:00:00Z required agents -1 is negative (expected zero or more)");

    LiveSnapshot snapshot = LiveMonitor.builder(SPEC).build().snapshot("q", Channel.VOICE);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LiveSnapshot("q", Channel.VOICE, T, Optional.empty(), Optional.empty(), snapshot.window(),
            -1, Optional.empty(), List.of(), Duration.ZERO, 0, 0))
        .withMessage("snapshot of q/VOICE: waitingNow -1, lateEvents 0, rejectedEvents 0, breachHorizon PT0S are not"
            + " valid (expected zero or more)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ThresholdWatch(ServiceLevelDefinition.standard(), -1, 0))
        .withMessageContaining("expected zero or more");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ServiceLevelCounts(3, 1, 0, 1, 0, 0, 0, 0, 0))
        .withMessageContaining("O = A + B + F");
  }

  /**
   * No API type is serializable unless its documentation says so. Enums are serializable by name (the JDK's
   * rule), exceptions because every {@code Throwable} is: an exception either keeps everything through a
   * round trip or refuses to be serialized, never comes back with null accessors.
   */
  @Test
  void nothingIsSerializableUnlessDocumented() throws IOException, ClassNotFoundException {
    Set<String> documented = Set.of(); // none: the value types are not Serializable
    List<String> serializable = new ArrayList<>();
    for (Class<?> type : Library.apiClasses()) {
      if (Serializable.class.isAssignableFrom(type) && !type.isEnum() && !Throwable.class.isAssignableFrom(type)
          && !documented.contains(type.getName())) {
        serializable.add(type.getName());
      }
    }
    assertThat(serializable).as("serializable API types").isEmpty();

    InvalidCallException invalid = new InvalidCallException("c1", "queue", "", "must not be empty");
    InvalidCallException back = (InvalidCallException) roundTrip(invalid);
    assertThat(back.getMessage()).isEqualTo(invalid.getMessage());
    assertThat(List.of(back.callId(), back.field(), back.value(), back.rule()))
        .containsExactly("c1", "queue", "", "must not be empty");

    ReadException read = new ReadException(DEFAULTS.getInstance(SkippedRecord.class), List.of(CALL),
        DEFAULTS.getInstance(ReadReport.class));
    assertThatThrownBy(() -> roundTrip(read))
        .isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("io.github.callmetrics.read.ReadException");
  }

  private static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }
}
