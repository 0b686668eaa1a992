package io.github.callmetrics.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

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

  @Test
  void badValueNamesFileLineSettingAndRule() {
    assertThatThrownBy(() -> QueuesConf.read(new StringReader("[q1]\nservicelevel = twenty\n"), "queues.conf"))
        .hasMessage("queues.conf:2: queue q1: servicelevel \"twenty\" is not a whole number (expected seconds or a count)");
  }
}
