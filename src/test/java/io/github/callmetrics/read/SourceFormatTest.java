package io.github.callmetrics.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceFormatTest {
  @Test
  void tellsQueueLogFromCsv() {
    assertThat(SourceFormat.detect("1795411240|NONE|NONE|NONE|QUEUESTART|\n")).contains(SourceFormat.ASTERISK_QUEUE_LOG);
    assertThat(SourceFormat.detect("\uFEFF\n\nid,queue,arrived,outcome,ended\n")).contains(SourceFormat.CSV);
    assertThat(SourceFormat.detect("")).isEqualTo(Optional.empty());
    assertThat(SourceFormat.detect("hello world")).isEmpty();
  }
}
