package io.github.callmetrics.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.internal.ReadTracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FilePart}'s own rules: where parts start, and where a part stops. A wrong start or a part that
 * never stops still gives the right calls (the part before reads on), only on fewer threads, so
 * {@link CsvCollectTest} cannot see them; these tests do.
 */
class FilePartTest {
  @TempDir
  Path dir;

  @Test
  void partsStartJustAfterTheFirstLineFeedAtOrAfterEvenlySpacedPoints() throws IOException {
    // Lines of 10 bytes after a 4-byte header: line feeds at 13, 23, 33, ..., 103.
    Path file = dir.resolve("lines.csv");
    Files.writeString(file, "h,h\n" + "123456789\n".repeat(10), UTF_8);
    long size = Files.size(file);
    assertThat(size).isEqualTo(104);
    // Points 4 + 100/4 × k = 29, 54, 79: the line feeds at or after 28, 53, 78 are at 33, 53, 83.
    assertThat(FilePart.starts(file, 4, size, 4)).containsExactly(4, 34, 54, 84);
    // A point just after a line feed is a line start itself: 4 + 50 = 54.
    assertThat(FilePart.starts(file, 4, size, 2)).containsExactly(4, 54);
    // More parts than lines: each start is after the one before, and none at the end of the file.
    assertThat(FilePart.starts(file, 4, size, 100)).containsExactly(4, 14, 24, 34, 44, 54, 64, 74, 84, 94);
  }

  @Test
  void aFileWithoutLineFeedsAfterThePointIsOnePart() throws IOException {
    Path file = dir.resolve("cr.csv");
    Files.writeString(file, "h,h\r" + "123456789\r".repeat(10), UTF_8);
    assertThat(FilePart.starts(file, 4, Files.size(file), 4)).containsExactly(4);
    Path last = dir.resolve("one-line-feed.csv");
    Files.writeString(last, "h,h\n" + "123456789\r".repeat(9) + "123456789\n", UTF_8);
    assertThat(FilePart.starts(last, 4, Files.size(last), 4)).containsExactly(4);
  }

  @Test
  void aPartStopsExactlyAtALaterPartsStartAndReadsOverAStartItRanPast() {
    FilePart<Object> first = part(0, 4, 34, 54, 84);
    assertThat(first.start()).isEqualTo(4);
    assertThat(first.endsAt(14, 2)).isFalse();
    assertThat(first.endsAt(34, 4)).isTrue();
    FilePart<Object> second = part(1, 4, 34, 54, 84);
    assertThat(second.start()).isEqualTo(34);
    assertThat(second.endsAt(60, 3)).as("ran past 54").isFalse();
    assertThat(second.endsAt(84, 5)).as("then ends at 84").isTrue();
    FilePart<Object> last = part(3, 4, 34, 54, 84);
    assertThat(last.endsAt(1_000, 9)).as("the last part reads to the end").isFalse();
    FilePart<Object> past = part(0, 4, 34, 54, 84);
    assertThat(past.endsAt(90, 7)).as("one record over three starts").isFalse();
    assertThat(past.endsAt(100, 8)).isFalse();
  }

  @Test
  void anErrorInAnyPartReachesTheCallerAsItself() throws IOException {
    StringBuilder text = new StringBuilder("id,queue,arrived,outcome,ended\n");
    for (int i = 0; i < 300; i++) {
      text.append("c").append(i).append(",q1,2026-03-29T01:00:00Z,abandoned,2026-03-29T01:00:05Z\n");
    }
    Path file = dir.resolve("error.csv");
    Files.writeString(file, text, UTF_8);
    Collector<Call, long[], Long> failing = Collector.of(() -> new long[1], (count, call) -> {
      if (call.id().equals("c250")) {
        throw new StackOverflowError("deep in part 3");
      }
      count[0]++;
    }, (a, b) -> {
      a[0] += b[0];
      return a;
    }, count -> count[0]);
    CsvCallReader reader = CsvCallReader.of(ReadMode.LENIENT).withoutDuplicateIdCheck().withParallelism(3)
        .withPartsOfAtLeast(1);
    assertThatThrownBy(() -> reader.collect(file, failing))
        .isInstanceOf(StackOverflowError.class).hasMessage("deep in part 3");
  }

  private static FilePart<Object> part(int index, long... starts) {
    return new FilePart<>(index, starts, new Object(), ReadTracker.streaming(ReadMode.STRICT, call -> { }));
  }
}
