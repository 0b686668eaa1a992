package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.callmetrics.testing.ReadContract;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link QueuesConf} (docs/fuzzing.md), from a file and from text. Under any bytes: the queues, each
 * with a non-blank name and settings of zero or more, or the documented {@link IllegalArgumentException}
 * whose message starts with {@code source:line:} for a line of the text; never another exception. Fuzz it
 * for a fixed time: {@code mvn -B -Pfuzz test -Dtest=QueuesConfFuzzTest#anyBytes -Djazzer.max_duration=3m}.
 */
class QueuesConfFuzzTest {
  private static final Path FILE = tempFile();

  private static Path tempFile() {
    try {
      // A directory of its own: an #include (or a pattern) in the input finds nothing but the file itself.
      Path dir = Files.createTempDirectory("callmetrics-fuzz");
      dir.toFile().deleteOnExit();
      Path file = Files.createTempFile(dir, "callmetrics-fuzz", ".conf");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "3m")
  @DictionaryEntries({"[", "]", "(!)", "(", ")", ",", "=", "=>", ";", ";--", "--;", "\\;", "#include", "#tryinclude", "#exec", "(+)", "+=", "[general]",
      "servicelevel", "strategy", "maxlen", "weight", "roundrobin", "2147483648", "-1"})
  @Timeout(10)
  void anyBytes(byte[] input) throws IOException {
    Files.write(FILE, input);
    Optional<QueuesConf> fromFile = read(() -> QueuesConf.read(FILE), FILE.getFileName().toString(), input);
    Optional<QueuesConf> fromText = read(() -> QueuesConf.read(new StringReader(new String(input, UTF_8)), "text"),
        "text", input);
    // Text has no directory: an include in it fails where the file's include may be read (or be optional).
    if (!followsIncludes(input)) {
      assertThat(fromText.map(QueuesConfFuzzTest::settings)).isEqualTo(fromFile.map(QueuesConfFuzzTest::settings));
    }
    fromFile.ifPresent(QueuesConfFuzzTest::checkQueues);
  }

  /** Reads, and checks that a failure is the documented one, naming the source and a line of the input. */
  private static Optional<QueuesConf> read(Reading reading, String source, byte[] input) throws IOException {
    try {
      return Optional.of(reading.read());
    } catch (IllegalArgumentException e) {
      Matcher m = Pattern.compile(Pattern.quote(source) + ":(\\d+): .+", Pattern.DOTALL)
          .matcher(String.valueOf(e.getMessage()));
      assertThat(m.matches()).as("message names the source and line: %s", e.getMessage()).isTrue();
      assertThat(Long.parseLong(m.group(1))).isBetween(1L, ReadContract.lineBound(input));
      return Optional.empty();
    }
  }

  private static boolean followsIncludes(byte[] input) {
    try {
      QueuesConf.read(new StringReader(new String(input, UTF_8)), "text");
      return false;
    } catch (IllegalArgumentException e) {
      return String.valueOf(e.getMessage()).contains("cannot be followed: the text is not read from a file");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One way to read the input. */
  private interface Reading {
    QueuesConf read() throws IOException;
  }

  /** Every queue's settings as text, in order (QueueConfig has no equals of its own). */
  private static List<String> settings(QueuesConf conf) {
    return conf.queues().values().stream().map(q -> q.name() + " servicelevel=" + q.serviceLevelSeconds()
        + " strategy=" + q.strategy() + " maxlen=" + q.maxlen() + " weight=" + q.weight()).collect(Collectors.toList());
  }

  private static void checkQueues(QueuesConf conf) {
    assertThat(conf.names()).containsExactlyElementsOf(conf.queues().keySet());
    for (QueueConfig queue : conf.queues().values()) {
      assertThat(queue.name()).isNotBlank().isNotEqualToIgnoringCase("general");
      assertThat(conf.queue(queue.name())).contains(queue);
      assertThat(queue.serviceLevelSeconds()).isNotNegative();
      assertThat(queue.maxlen()).isNotNegative();
      assertThat(queue.weight()).isNotNegative();
    }
  }
}
