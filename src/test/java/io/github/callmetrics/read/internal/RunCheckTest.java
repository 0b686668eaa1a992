package io.github.callmetrics.read.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.asterisk.QueueLogReader;
import io.github.callmetrics.asterisk.QueueLogReport;
import io.github.callmetrics.call.Call;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.SkippedRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run-wide check on queue_logs, with a hash that makes every key collide and a budget that spills at once. */
class RunCheckTest {
  /** Three calls; c2 enters a second queue (not a repeat), c1 is read again after them. */
  private static final String LOG = ""
      + "1773648000|c1|q1|NONE|ENTERQUEUE||1|1\n"
      + "1773648005|c1|q1|a1|CONNECT|5|c1.1|2\n"
      + "1773648010|c2|q1|NONE|ENTERQUEUE||1|1\n"
      + "1773648020|c2|q1|NONE|EXITWITHTIMEOUT|1|1|10\n"
      + "1773648021|c2|q2|NONE|ENTERQUEUE||1|1\n"
      + "1773648030|c2|q2|NONE|ABANDON|1|1|9\n"
      + "1773648040|c1|q1|a1|COMPLETECALLER|5|35|1\n";

  private record Read(List<Call> calls, QueueLogReport report) {}

  private static Read read(RunCheck run, String log, ReadMode mode) throws IOException {
    return run.run(() -> {
      List<Call> calls = new ArrayList<>();
      QueueLogReport report = QueueLogReader.of(mode).read(new ByteArrayInputStream(log.getBytes(UTF_8)),
          "queue_log", run.delivery(RunCheck.QUEUE_LOG, calls::add));
      return new Read(calls, report);
    });
  }

  @Test
  void hashCollisionsInventNoDuplicate() throws IOException {
    try (RunCheck run = RunCheck.create((kind, call) -> 42L, 1)) {
      Read read = read(run, LOG, ReadMode.STRICT);
      assertThat(run.candidates.size()).isEqualTo(1); // every key has hash 42, so the second look ran
      assertThat(run.phase).isEqualTo(RunCheck.Phase.CLEAN); // and found no repeat
      assertThat(read.calls()).extracting(c -> c.id() + "@" + c.queue()).containsExactly("c2@q1", "c2@q2", "c1@q1");
      assertThat(read.report().read().skippedCount()).isZero();
    }
  }

  @Test
  void aLogAppendedToItselfRepeatsEveryCallNamingBothLines() throws IOException {
    for (RunCheck.Hasher hasher : List.<RunCheck.Hasher>of(RunCheck::keyHash, (kind, call) -> 7L)) {
      try (RunCheck run = RunCheck.create(hasher, 2)) {
        Read read = read(run, LOG + LOG, ReadMode.LENIENT);
        assertThat(read.calls()).extracting(c -> c.id() + "@" + c.queue()).containsExactly("c2@q1", "c2@q2", "c1@q1");
        assertThat(read.report().read().skipped()).extracting(SkippedRecord::message).containsExactly(
            "queue_log:11: callid: \"c2\" is a duplicate: the call that entered queue q1 at 2026-03-16T08:00:10Z was"
                + " already read at queue_log:4 (expected each call once: is a log named twice, or appended to itself?)",
            "queue_log:13: callid: \"c2\" is a duplicate: the call that entered queue q2 at 2026-03-16T08:00:21Z was"
                + " already read at queue_log:6 (expected each call once: is a log named twice, or appended to itself?)",
            "queue_log:14: callid: \"c1\" is a duplicate: the call that entered queue q1 at 2026-03-16T08:00:00Z was"
                + " already read at queue_log:7 (expected each call once: is a log named twice, or appended to itself?)");
      }
    }
  }

  @Test
  void thirtyThousandKeysSpillToDiskAndStayDistinct() throws IOException {
    try (RunCheck run = RunCheck.create(RunCheck::keyHash, 1000)) {
      KeyLog log = new KeyLog(1000);
      long[] hashes = new long[30_000];
      for (int i = 0; i < hashes.length; i++) {
        hashes[i] = RunCheck.keyHash(RunCheck.CSV, Call.waiting("id" + i, "q", java.time.Instant.EPOCH));
      }
      log.append(hashes, hashes.length);
      log.append(new long[] {hashes[17], hashes[29_999], 0, 0}, 4);
      assertThat(log.spilledToDisk()).isTrue();
      assertThat(log.size()).isEqualTo(30_004);
      long[] expected = {0, hashes[17], hashes[29_999]};
      java.util.Arrays.sort(expected);
      assertThat(log.repeatedHashes()).containsExactly(expected);
      log.close();
      assertThat(run.candidates.isEmpty()).isTrue();
    }
  }
}
