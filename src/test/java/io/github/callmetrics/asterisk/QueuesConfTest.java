package io.github.callmetrics.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueuesConfTest {
  @Test
  void readsQueuesTemplatesAndDefaults() throws IOException {
    QueuesConf conf = QueuesConf.read(new StringReader(String.join("\n",
        "[general]", "persistentmembers = no ; comment", "",
        "[base](!)", "servicelevel = 30", "strategy = roundrobin",
        "[sales](base)", "weight => 3", ";-- block", "servicelevel = 99 --;",
        "[plain]", "member => Local/401@agents/n,0,agent1")), "queues.conf");

    assertThat(conf.names()).containsExactly("sales", "plain");
    QueueConfig sales = conf.queue("sales").orElseThrow();
    assertThat(sales.serviceLevelSeconds()).isEqualTo(30);
    assertThat(sales.strategy()).isEqualTo("rrmemory");
    assertThat(sales.weight()).isEqualTo(3);
    QueueConfig plain = conf.queue("plain").orElseThrow();
    assertThat(plain.serviceLevelSeconds()).isZero();
    assertThat(plain.strategy()).isEqualTo("ringall");
  }

  /** Found by QueuesConfFuzzTest: a section without a name failed in QueueConfig, with no file or line. */
  @Test
  void sectionWithoutNameIsRejectedWithFileAndLine() {
    assertThatThrownBy(() -> QueuesConf.read(new StringReader("[q1]\nservicelevel = 20\n[ \t]\nweight = 1\n"),
        "queues.conf"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("queues.conf:3: \"[ \\x09]\" has no name (expected [queue name])"); // a tab, shown escaped
  }

  /** Found by QueuesConfFuzzTest: a byte that is not UTF-8 failed the read with "Input length = 1". */
  @Test
  void bytesThatAreNotUtf8ReadAsReplacementCharacters(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("queues.conf");
    byte[] latin1 = "[q1]\n; M\u00fcller's queue\nservicelevel = 20\n[caf\u00e9]\nservicelevel = 30\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(file, latin1);

    QueuesConf conf = QueuesConf.read(file);

    // The queue_log reader reads the same bytes of a queue name the same way, so the two still match.
    assertThat(conf.names()).containsExactly("q1", "caf\uFFFD");
    assertThat(conf.queue("q1").orElseThrow().serviceLevelSeconds()).isEqualTo(20);
    assertThat(conf.queue("caf\uFFFD").orElseThrow().serviceLevelSeconds()).isEqualTo(30);
  }

  @Test
  void badValueNamesFileLineSettingAndRule() {
    assertThatThrownBy(() -> QueuesConf.read(new StringReader("[q1]\nservicelevel = twenty\n"), "queues.conf"))
        .hasMessage("queues.conf:2: queue q1: servicelevel \"twenty\" is not a whole number (expected seconds or a count)");
  }
}
