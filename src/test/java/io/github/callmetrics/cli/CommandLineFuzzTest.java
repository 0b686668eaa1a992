package io.github.callmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.testing.ReadContract;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * Fuzzes the command line (docs/fuzzing.md): argument lists built from every command's options, each
 * with realistic, edge and fuzzed values, over small real files, run in-process. The contract: exit code 0,
 * 1 (bad data: a {@link ReadException}, an {@link IllegalArgumentException} or an I/O error, or the Erlang A
 * model's documented {@link ArithmeticException}, said in one line) or 2 (usage: one line and where to find
 * help); never a stack trace, never another exception. The live wallboard always runs {@code --once}
 * (following a file never ends, by design). Fuzz it for a fixed time:
 * {@code mvn -B -Pfuzz test -Dtest=CommandLineFuzzTest#arguments -Djazzer.max_duration=8m}.
 */
class CommandLineFuzzTest {
  private static final Path DIR = directory();
  private static final String CALLS = file("calls.csv", String.join("\n",
      "id,queue,channel,arrived,outcome,ended,handle_time",
      "1795411251.1,sales,voice,2026-03-29T01:59:58+01:00,answered,2026-03-29T02:00:10+01:00,185",
      "1795411253.5,sales,chat,2026-03-29T00:59:58Z,abandoned,2026-03-29T01:00:40Z,",
      "1795411258.9,support,,2026-03-29T00:59:58Z,timeout,2026-03-29T01:00:58Z,",
      "1795411260.2,support,,2026-03-29T01:02:00Z,waiting,,", ""));
  private static final String BAD_CALLS = file("bad.csv", String.join("\n",
      "id,queue,arrived,outcome,ended",
      "a,sales,2026-02-30T01:00:00Z,answered,2026-03-01T01:00:00Z",
      "b,sales,2026-03-29T01:00:00Z,answered,2026-03-29T01:00:20Z", ""));
  private static final String HEADER_ONLY = file("empty.csv", "id,queue,arrived,outcome,ended\n");
  private static final String QUEUE_LOG = file("queue_log", String.join("\n",
      "1795411240|NONE|NONE|NONE|QUEUESTART|",
      "1795411251|1795411251.1|q1|NONE|ENTERQUEUE||1|1",
      "1795411252|1795411251.1|q1|agent1|CONNECT|1|1795411251.2|1",
      "1795411253|1795411253.5|q1|NONE|ENTERQUEUE||2|1",
      "1795411260|1795411251.1|q1|agent1|COMPLETEAGENT|1|8|1",
      "1795411290|1795411253.5|q1|NONE|ABANDON|1|1|37",
      "1795411291|1795411291.1|q2|NONE|ENTERQUEUE||1|1", ""));
  private static final String BAD_QUEUE_LOG = file("bad_queue_log",
      "1795411251|a|q1|NONE|ENTERQUEUE||1|1\n1795411252|a|q1|agent1|CONNECT|x|a.2|1\n");
  private static final String QUEUES_CONF = file("queues.conf",
      "[general]\nautofill = yes\n[q1]\nservicelevel = 20\nstrategy = roundrobin\n[q2]\nservicelevel = 30\n");
  private static final String BAD_QUEUES_CONF = file("bad-queues.conf", "[q1]\nservicelevel = twenty\n");
  private static final String TEXT = file("notes.txt", "neither format\n");
  private static final String MISSING = DIR.resolve("missing.csv").toString();

  private static final String[] FILES = {CALLS, BAD_CALLS, HEADER_ONLY, QUEUE_LOG, BAD_QUEUE_LOG, QUEUES_CONF,
      BAD_QUEUES_CONF, TEXT, MISSING, DIR.toString()};
  private static final String[] ZONES = {"UTC", "Europe/Amsterdam", "America/St_Johns", "+05:45", "Z", "Mars/Base", ""};
  private static final String[] LENGTHS = {"PT15M", "PT1M", "PT60M", "day", "period", "15", "5m", "PT7M", "PT-15M", ""};
  private static final String[] DATES = {"2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31", "2026-02-30",
      "29/03/2026"};
  private static final String[] DURATIONS = {"20", "20s", "PT20S", "PT3M", "PT0S", "0", "-5", "PT-20S", "P1D",
      "PT0.5S", "PT2562047788015215H", "9223372036854775807", "twenty", ""};
  private static final String[] COUNTS = {"1", "10", "100", "0", "-1", "2147483647", "2147483648",
      "9223372036854775807", "1e3", ""};
  private static final String[] FRACTIONS = {"0.8", "0.01", "0", "1", "1.5", "-0.1", "NaN", "Infinity", "1e-300",
      "0.999999999999999999", "0.9999999999999999999999", "1e999999999", "1e-999999999", "0e-999999999", ""};
  private static final String[] PRESETS = {"default", "asterisk-sl", "asterisk-sl2", "cisco-ucce-abandons-ignored",
      "cisco-uccx-only-handled", "genesys-cloud", "amazon-connect", "avaya-bcms", "freeswitch"};
  private static final String[] FORMULAS = {"answered-only", "abandons-count-against", "abandons-within-t-ignored",
      "short-abandons-ignored", "abandons-ignored", "none"};

  private static Path directory() {
    try {
      Path dir = Files.createTempDirectory("callmetrics-fuzz");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String file(String name, String content) {
    try {
      Path file = Files.writeString(DIR.resolve(name), content);
      file.toFile().deleteOnExit();
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "8m")
  @Timeout(20)
  void arguments(FuzzedDataProvider data) {
    List<String> args = new ArrayList<>();
    switch (data.consumeInt(0, 6)) {
      case 0:
        args.add("report");
        options(data, args, Map.ofEntries(
            Map.entry("--zone", ZONES), Map.entry("--interval", LENGTHS), Map.entry("--from", DATES),
            Map.entry("--to", DATES), Map.entry("--preset", PRESETS), Map.entry("--threshold", DURATIONS),
            Map.entry("--formula", FORMULAS),
            Map.entry("--boundary", new String[] {"inclusive", "strict", "STRICT", "<"}),
            Map.entry("--short-abandon", DURATIONS), Map.entry("--target", FRACTIONS),
            Map.entry("--attribution", new String[] {"arrival", "exit", "per-event", "PER_EVENT", "first"}),
            Map.entry("--group-by",
                new String[] {"queue,channel,interval", "none", "", "queue", "interval,queue", "queue,,"}),
            Map.entry("--format", new String[] {"text", "csv", "json", "JSON", "xml"}),
            Map.entry("--lenient", new String[0])));
        files(data, args);
        break;
      case 1:
        args.add("erlang");
        args.add(data.pickValue(new String[] {"b", "c", "a", "d"}));
        options(data, args, Map.ofEntries(
            Map.entry("--calls", COUNTS), Map.entry("--interval", DURATIONS), Map.entry("--erlangs", FRACTIONS),
            Map.entry("--aht", DURATIONS), Map.entry("--agents", COUNTS),
            Map.entry("--format", new String[] {"text", "json", "csv"}),
            Map.entry("--threshold", DURATIONS), Map.entry("--target", FRACTIONS), Map.entry("--max-asa", DURATIONS),
            Map.entry("--max-occupancy", FRACTIONS), Map.entry("--shrinkage", FRACTIONS),
            Map.entry("--patience", DURATIONS), Map.entry("--max-abandon", FRACTIONS)));
        break;
      case 2:
        args.add("asterisk-show");
        options(data, args, Map.of("--queues-conf", FILES, "--lenient", new String[0]));
        files(data, args);
        break;
      case 3:
        args.add("asterisk-live");
        args.add("--once");
        options(data, args, Map.of("--queues-conf", FILES, "--zone", ZONES, "--interval", LENGTHS,
            "--window", DURATIONS, "--threshold", DURATIONS));
        if (data.consumeBoolean()) {
          args.add(data.pickValue(FILES));
        }
        break;
      case 4:
        args.add(data.pickValue(new String[] {"help", "--help", "--version", "-h", "-V", "reports"}));
        break;
      default:
        break; // no command, or only fuzzed words
    }
    int words = data.consumeInt(0, 2);
    for (int i = 0; i < words; i++) {
      args.add(data.consumeInt(0, args.size()), data.consumeString(30));
    }
    checkRun(args.toArray(new String[0]));
  }

  /** Adds some of the options, in a fuzzed order, each with a value from its list or a fuzzed one. */
  private static void options(FuzzedDataProvider data, List<String> args, Map<String, String[]> options) {
    List<String> names = new ArrayList<>(options.keySet());
    names.sort(null); // Map.of has no fixed order; a sorted list keeps each input's meaning across runs
    int count = data.consumeInt(0, 6);
    for (int i = 0; i < count; i++) {
      String name = data.pickValue(names);
      String[] values = options.get(name);
      args.add(name);
      if (values.length > 0) {
        args.add(data.consumeInt(0, 3) == 0 ? data.consumeString(25) : data.pickValue(values));
      }
    }
  }

  private static void files(FuzzedDataProvider data, List<String> args) {
    int count = data.consumeInt(0, 3);
    for (int i = 0; i < count; i++) {
      args.add(data.pickValue(FILES));
    }
  }

  /** Runs the arguments in-process, as {@link Main#run} does, and checks the outcome. */
  static void checkRun(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    AtomicReference<Exception> failure = new AtomicReference<>();
    Main.FailureHandler handler = new Main.FailureHandler();
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      failure.set(e);
      return handler.handleExecutionException(e, commandLine, parseResult);
    });
    int code = cli.execute(args);
    String errText = err.toString();
    String run = String.join(" ", args) + " -> " + code + "\n" + errText;

    assertThat(code).as(run).isBetween(0, 2);
    assertThat(errText).as(run).doesNotContain("\tat ").doesNotContain("callmetrics: null");
    Exception e = failure.get();
    if (e != null) {
      assertThat(code).as(run).isEqualTo(1);
      // ErlangA documents its ArithmeticException: a queue tail too long to sum, said as such.
      boolean documented = e instanceof ReadException || e.getClass() == IllegalArgumentException.class
          || e instanceof IOException || e instanceof UncheckedIOException
          || (e instanceof ArithmeticException && String.valueOf(e.getMessage()).startsWith("Erlang A queue tail"));
      assertThat(documented).as("an undocumented %s: %s", e.getClass().getName(), run).isTrue();
      assertThat(e.getMessage()).as(run).isNotBlank();
      assertThat(errText).as(run).contains("callmetrics: " + e.getMessage());
    }
    if (code == 2) {
      assertThat(errText).as(run).startsWith("callmetrics: ").contains("--help' for the options.");
    }
  }

  private static final Pattern LINE = Pattern.compile(".*?live-queues\\.conf:(\\d+): .+", Pattern.DOTALL);

  /**
   * The wallboard's own reading of {@code queues.conf} ({@link LiveCommand#readServicelevels}): each queue's
   * servicelevel, or an {@link IOException} naming the file and the line.
   */
  @FuzzTest(maxDuration = "2m")
  @Timeout(10)
  void liveQueuesConf(byte[] input) throws IOException {
    Path conf = DIR.resolve("live-queues.conf");
    Files.write(conf, input);
    try {
      Map<String, Long> levels = LiveCommand.readServicelevels(conf);
      assertThat(levels.keySet()).allSatisfy(name -> assertThat(name).isNotEqualTo("general"));
    } catch (IOException e) {
      Matcher m = LINE.matcher(String.valueOf(e.getMessage()));
      assertThat(m.matches()).as("message names the line: %s", e.getMessage()).isTrue();
      assertThat(Long.parseLong(m.group(1))).isBetween(1L, ReadContract.lineBound(input));
      assertThat(e.getMessage()).startsWith(conf.toString());
    }
  }
}
