package io.github.callmetrics.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.live.LiveMonitor;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.report.ReportSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotated logs in any order, logs named twice or repeated, and the live feed's own bookkeeping. */
class QueueLogOrderTest {
  // A call that spans the rotation: it enters in queue_log.1 and ends in queue_log.
  private static final String OLDER = "1795411200|a|q1|NONE|ENTERQUEUE||1|1\n"
      + "1795411205|a|q1|agent1|CONNECT|5|x|1\n"
      + "1795411210|b|q1|NONE|ENTERQUEUE||2|1\n";
  private static final String NEWER = "1795411300|a|q1|agent1|COMPLETEAGENT|5|95|1\n"
      + "1795411330|b|q1|NONE|ABANDON|1|1|120\n";

  private static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void rotatedFilesNamedNewestFirstAreReadOldestFirst(@TempDir Path dir) throws IOException {
    Path older = write(dir, "queue_log.1", OLDER);
    Path newer = write(dir, "queue_log", NEWER);
    Instant t = Instant.ofEpochSecond(1795411200);
    List<Call> expected = List.of(
        Call.answered("a", "q1", t, t.plusSeconds(5)).withHandleTime(Duration.ofSeconds(95)),
        Call.abandoned("b", "q1", t.plusSeconds(10), t.plusSeconds(130)));
    // `ls queue_log*` order: newest first
    QueueLogResult result = QueueLogReader.of(ReadMode.STRICT).read(List.of(newer, older));
    assertThat(result.calls()).containsExactlyElementsOf(expected);
    assertThat(result.report().startedBeforeLog()).isEmpty();
    assertThat(result.report().read().sources()).containsExactly("queue_log.1", "queue_log");
    assertThat(QueueLogReader.of(ReadMode.STRICT).read(List.of(older, newer)).calls())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void aFileNamedTwiceIsAnErrorNotTwiceTheCalls(@TempDir Path dir) throws IOException {
    Path log = write(dir, "queue_log", OLDER + NEWER);
    assertThatThrownBy(() -> QueueLogReader.of(ReadMode.STRICT).read(List.of(log, log)))
        .isInstanceOf(ReadException.class)
        .hasMessage("queue_log:1: file: \"" + log + "\" is named twice (as argument 1 and 2): its calls would"
            + " count twice");
  }

  @Test
  void aLogAppendedToItselfRunsBackwards(@TempDir Path dir) throws IOException {
    Path log = write(dir, "queue_log", OLDER + NEWER + OLDER + NEWER);
    assertThatThrownBy(() -> QueueLogReader.of(ReadMode.STRICT).read(log))
        .isInstanceOf(ReadException.class)
        .hasMessage("queue_log:6: epoch: \"1795411200\" is 130 s before epoch 1795411330 at queue_log:5 (the log's"
            + " time runs backwards: a log repeated, or rotated files that overlap)");
    QueueLogResult lenient = QueueLogReader.of(ReadMode.LENIENT).read(log);
    // Lenient: the lines are read, and the reversal is noted once for the run (lines 6 to 8).
    assertThat(lenient.report().timeReversals()).extracting(SkippedRecord::line).containsExactly(6L);
    assertThat(lenient.report().read().skippedCount()).isZero();
    assertThat(lenient.calls()).hasSize(4); // the repeats are the run's duplicate check's to name
  }

  @Test
  void overlappingFilesAreNotRotationsOfOneLog(@TempDir Path dir) throws IOException {
    Path one = write(dir, "queue_log.1", OLDER + NEWER);
    Path copy = write(dir, "queue_log.copy", OLDER + NEWER);
    assertThatThrownBy(() -> QueueLogReader.of(ReadMode.STRICT).read(List.of(one, copy)))
        .isInstanceOf(ReadException.class)
        .hasMessage("queue_log.copy:1: epoch: \"1795411200\" starts before queue_log.1 ends (epoch 1795411330):"
            + " the files overlap, so they are not rotations of one log (a log repeated, or appended to another?)");
    QueueLogReport lenient = QueueLogReader.of(ReadMode.LENIENT).read(List.of(one, copy), call -> { });
    assertThat(lenient.timeReversals()).extracting(SkippedRecord::source, SkippedRecord::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("queue_log.copy", 1L),
            org.assertj.core.groups.Tuple.tuple("queue_log.copy", 1L)); // the file, then its first line
  }

  @Test
  void theFeedKeepsTheLatestSkippedLinesAndNamesTheFileAfterARotation() {
    ReportSpec spec = ReportSpec.builder(IntervalGrid.ofDay(LocalDate.of(2026, 11, 24), ZoneOffset.UTC,
        IntervalLength.MINUTES_15)).definitions(Preset.ASTERISK_SL.withThreshold(Duration.ofSeconds(20))).build();
    LiveMonitor monitor = LiveMonitor.builder(spec).build();
    QueueLogFeed feed = QueueLogFeed.of(monitor);
    for (int i = 0; i < QueueLogFeed.RETAINED + 5; i++) {
      feed.accept("garbage " + i);
    }
    assertThat(feed.skippedLineCount()).isEqualTo(QueueLogFeed.RETAINED + 5);
    assertThat(feed.skippedLines()).hasSize(QueueLogFeed.RETAINED);
    assertThat(feed.skippedLines().get(0).message())
        .isEqualTo("queue_log:6: line: \"garbage 5\" has 1 fields (expected at least 5: epoch|callid|queue|agent|event)");
    feed.accept("1795411200|a|q1|NONE|ENTERQUEUE||1|1");
    feed.startSource("queue_log (rotated)");
    feed.accept("1795411208|a|q1|NONE|ABANDON|1|1|8");
    feed.accept("17954112o9|a|q1|NONE|ABANDON|1|1|9");
    assertThat(feed.skippedLines().get(QueueLogFeed.RETAINED - 1).message())
        .isEqualTo("queue_log (rotated):2: epoch: \"17954112o9\" is not a whole number of epoch seconds");
    assertThat(monitor.snapshot("q1", Channel.VOICE).waitingNow()).isZero();
    assertThat(feed.queueStats().get("q1").abandoned()).isEqualTo(1);
  }
}
