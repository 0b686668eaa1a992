package io.github.callmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveCommandTest {
  private static Path resource(String name) throws URISyntaxException {
    return Path.of(LiveCommandTest.class.getResource("/live/" + name).toURI());
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as("exit code, stderr: %s", err).isZero();
    return out.toString().split("\n");
  }

  private static String line(String[] lines, String queue) {
    for (String l : lines) {
      if (l.startsWith(queue + " ")) {
        return l;
      }
    }
    throw new AssertionError("no line for " + queue + " in " + String.join("\n", lines));
  }

  @Test
  void onceShowsAsterisksOwnServiceLevelsForTheWholeRun() throws Exception {
    // queue show: q1 C:35 A:10 SL:65.7% SL2:64.4% within 20s; 10 abandons of 45 offered
    String[] lines = run("asterisk-live", "--once", "--zone", "UTC", "--interval", "day",
        "--queues-conf", resource("s1_single_q_sl20.queues.conf").toString(),
        resource("s1_single_q_sl20.queue_log").toString());
    assertThat(line(lines, "q1").split("\\s+"))
        .containsExactly("q1", "voice", "20s", "65.7%", "64.4%", "65.7%", "22.2%", "0", "-");
    assertThat(lines).anyMatch(l -> l.startsWith("  q1: 0 calls waiting, ") && l.contains(", C:35, A:10, SL:65.7%, SL2:64.4%"));
    assertThat(lines[lines.length - 1]).isEqualTo("late events 0, rejected events 0, skipped lines 0, rotations 0, repeated lines 0, ignored lines 0, notices 0");
  }

  /**
   * Found by CommandLineFuzzTest's contract on edge values: a window of 2562047788015215 hours failed with
   * "callmetrics: -1808".
   */
  @Test
  void aWindowLongerThanADayIsAUsageError() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "asterisk-live", "--once", "--window",
        "PT2562047788015215H", resource("s1_single_q_sl20.queue_log").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("callmetrics: --window: window PT2562047788015215H is not valid (expected a"
        + " positive whole number of seconds up to PT24H, for example PT30M)");
  }

  /** Found by CommandLineFuzzTest: a Latin-1 byte failed the wallboard with "callmetrics: Input length = 1". */
  @Test
  void queuesConfBytesThatAreNotUtf8DoNotStopTheWallboard(@TempDir Path dir) throws IOException {
    Path conf = dir.resolve("queues.conf");
    Files.write(conf, "[q1]\n; M\u00fcller's queue\nservicelevel = 20\n[caf\u00e9]\nservicelevel => 30\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    assertThat(LiveCommand.readServicelevels(conf)).containsExactly(
        Map.entry("caf\uFFFD", 30L), Map.entry("q1", 20L));
  }

  @Test
  void queuesConfIsReadAsAsteriskShowReadsIt(@TempDir Path dir) throws IOException {
    // A template's servicelevel is inherited; a queue without one has Asterisk's default, 0 s; templates and
    // [general] are not queues.
    Path conf = dir.resolve("queues.conf");
    Files.writeString(conf, "[general]\npersistentmembers = yes\n[base](!)\nservicelevel = 15\n"
        + "[sales](base)\nstrategy = rrmemory\n[support](base)\nservicelevel = 45\n[billing]\n");
    assertThat(LiveCommand.readServicelevels(conf)).containsExactly(
        Map.entry("billing", 0L), Map.entry("sales", 15L), Map.entry("support", 45L));
  }

  @Test
  void aBadQueuesConfStopsTheWallboardWithAsteriskShowsMessage(@TempDir Path dir) throws Exception {
    Path conf = dir.resolve("live.conf");
    Files.writeString(conf, "[q1]\nservicelevel = twenty\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "asterisk-live", "--once", "--queues-conf",
        conf.toString(), resource("s1_single_q_sl20.queue_log").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("callmetrics: live.conf:2: queue q1: servicelevel \"twenty\" is not a whole"
        + " number (expected seconds or a count)" + System.lineSeparator());
  }

  @Test
  void eachQueueUsesItsOwnServicelevel() throws Exception {
    // q_sales SL:78.6% SL2:78.1% within 10s; q_support SL:90.0% SL2:92.9% within 30s
    String[] lines = run("asterisk-live", "--once", "--zone", "UTC", "--interval", "PT60M",
        "--queues-conf", resource("s2_two_queues_sl10_sl30.queues.conf").toString(),
        resource("s2_two_queues_sl10_sl30.queue_log").toString());
    assertThat(line(lines, "q_sales")).contains(" 10s ", " 78.6% ", " 78.1% ");
    assertThat(line(lines, "q_support")).contains(" 30s ", " 90.0% ", " 92.9% ");
  }

  @Test
  void aCallerStillWaitingShowsInTheWallboard() throws Exception {
    Path log = Files.createTempFile("queue_log", "");
    Files.writeString(log, "1795411251|c1|q1|NONE|ENTERQUEUE||1|1\n1795411252|c2|q1|NONE|ENTERQUEUE||2|1\n"
        + "1795411262|c1|q1|agent1|CONNECT|11|x|1\n1795411280|c3|q1|NONE|ENTERQUEUE||1|1\n");
    String[] lines = run("asterisk-live", "--once", "--zone", "UTC", "--threshold", "20", log.toString());
    // at 1795411280: c2 has waited 28 s (> 20 s: a miss), c3 0 s; c1 answered within 11 s
    assertThat(line(lines, "q1").split("\\s+"))
        .containsExactly("q1", "voice", "20s", "50.0%", "50.0%", "50.0%", "0.0%", "2", "28s");
    Files.delete(log);
  }

  @Test
  void theFollowerHandsOverAppendedBytesAndFollowsARotation(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("queue_log");
    Files.writeString(log, "a\nb");
    try (QueueLogFollower follower = new QueueLogFollower(log)) {
      assertThat(poll(follower)).isEqualTo("a\nb");
      Files.writeString(log, "\nc\n", StandardOpenOption.APPEND);
      assertThat(poll(follower)).isEqualTo("\nc\n");
      assertThat(poll(follower)).isEmpty();
      Files.writeString(log, "d\n", StandardOpenOption.APPEND);
      Files.move(log, dir.resolve("queue_log.1"));
      assertThat(poll(follower)).isEmpty(); // rotated away, new file not there yet
      Files.writeString(log, "e\nee\n");
      assertThat(poll(follower)).isEqualTo("d\n[rotated]e\nee\n");
      assertThat(follower.rotations()).isEqualTo(1);
      Files.writeString(log, "f\n", StandardCharsets.UTF_8); // truncated (copytruncate) and rewritten, shorter
      assertThat(poll(follower)).isEqualTo("[rotated]f\n");
      assertThat(follower.rotations()).isEqualTo(2);
    }
  }

  /** Polls once: the bytes handed over as text, a rotation as {@code [rotated]}. */
  private static String poll(QueueLogFollower follower) throws IOException {
    StringBuilder s = new StringBuilder();
    follower.poll(new QueueLogFollower.Sink() {
      @Override
      public void bytes(byte[] b, int off, int len) {
        s.append(new String(b, off, len, StandardCharsets.UTF_8));
      }

      @Override
      public void rotated() {
        s.append("[rotated]");
      }
    });
    return s.toString();
  }

  /**
   * Issue 19's three answers to one log: a caller withdrawn after 30 s and an answered call, servicelevel 20.
   * Asterisk counts the WITHDRAW in A: SL 1/1 = 100.0%, SL2 1/2 = 50.0%, abandoned 1/2; nobody is waiting.
   */
  @Test
  void aWithdrawnCallerLeavesTheQueueAndCountsAsAsteriskCountsIt(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("queue_log");
    Files.writeString(log, String.join("\n",
        "1795411200|c1|q1|NONE|ENTERQUEUE||100|1",
        "1795411205|c2|q1|NONE|ENTERQUEUE||101|2",
        "1795411210|c2|q1|agent1|CONNECT|5|c2b|3",
        "1795411230|c1|q1|NONE|WITHDRAW|1|1|30|callback",
        "1795411270|c2|q1|agent1|COMPLETECALLER|5|60|2", ""));
    Path conf = dir.resolve("queues.conf");
    Files.writeString(conf, "[q1]\nservicelevel=20\n");
    String[] lines = run("asterisk-live", "--once", "--zone", "UTC", "--interval", "day",
        "--queues-conf", conf.toString(), log.toString());
    assertThat(line(lines, "q1").split("\\s+"))
        .containsExactly("q1", "voice", "20s", "100.0%", "50.0%", "100.0%", "50.0%", "0", "-");
    assertThat(lines).contains("  q1: 0 calls waiting, 1s holdtime, 15s talktime, C:1, A:1, SL:100.0%, SL2:50.0%"
        + " within 20s");
  }
}
