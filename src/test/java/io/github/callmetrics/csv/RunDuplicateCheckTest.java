package io.github.callmetrics.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.read.CollectedRead;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportAccumulator;
import io.github.callmetrics.report.ReportSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CsvCallReader#collect(List, java.util.stream.Collector)}: one duplicate check across files, on every core. */
class RunDuplicateCheckTest {
  private static final String HEADER = "id,queue,arrived,outcome,ended\n";

  private static String row(String id, String queue, int minute) {
    return id + "," + queue + ",2026-03-16T08:" + String.format("%02d", minute) + ":00Z,answered,2026-03-16T08:"
        + String.format("%02d", minute) + ":10Z\n";
  }

  @Test
  void theSameCallInTwoFilesIsADuplicateNamingBothPlaces(@TempDir Path dir) throws IOException {
    Path a = Files.writeString(dir.resolve("a.csv"), HEADER + row("c1", "sales", 0) + row("c2", "sales", 1));
    Path b = Files.writeString(dir.resolve("b.csv"), HEADER + row("c3", "sales", 2) + row("c2", "sales", 3)
        + row("c2", "support", 4));
    assertThatThrownBy(() -> CsvCallReader.of(ReadMode.STRICT).collect(List.of(a, b), Collectors.toList()))
        .isInstanceOf(ReadException.class)
        .hasMessage("b.csv:3: column id: \"c2\" is a duplicate: the id was already read in queue sales at a.csv:3"
            + " (expected unique within a queue)")
        .satisfies(e -> assertThat(((ReadException) e).report().callCount()).isEqualTo(3)); // c1, c2, c3 before it

    CollectedRead<List<Call>> lenient = CsvCallReader.of(ReadMode.LENIENT).collect(List.of(a, b), Collectors.toList());
    assertThat(lenient.value()).extracting(Call::id).containsExactly("c1", "c2", "c3", "c2"); // c2 of support is its own
    assertThat(lenient.report().sources()).containsExactly("a.csv", "b.csv");
    assertThat(lenient.report().callCount()).isEqualTo(4);
    assertThat(lenient.report().skipped()).containsExactly(SkippedRecord.of("b.csv", 3, "column id", "c2",
        "is a duplicate: the id was already read in queue sales at a.csv:3 (expected unique within a queue)"));
  }

  @Test
  void aFileNamedTwiceRepeatsEveryCall(@TempDir Path dir) throws IOException {
    Path a = Files.writeString(dir.resolve("a.csv"), HEADER + row("c1", "sales", 0) + row("c2", "sales", 1));
    CollectedRead<List<Call>> read = CsvCallReader.of(ReadMode.LENIENT).collect(List.of(a, a), Collectors.toList());
    assertThat(read.value()).extracting(Call::id).containsExactly("c1", "c2");
    assertThat(read.report().skipped()).extracting(SkippedRecord::message).containsExactly(
        "a.csv:2: column id: \"c1\" is a duplicate: the id was already read in queue sales at a.csv:2 (expected unique"
            + " within a queue)",
        "a.csv:3: column id: \"c2\" is a duplicate: the id was already read in queue sales at a.csv:3 (expected unique"
            + " within a queue)");
  }

  @Test
  void aDuplicateBeforeAnotherDefectStopsAStrictReadFirst(@TempDir Path dir) throws IOException {
    Path a = Files.writeString(dir.resolve("a.csv"), HEADER + row("c1", "sales", 0) + row("c1", "sales", 1)
        + "c9,sales,2026-02-30T08:00:00Z,answered,2026-03-16T08:00:10Z\n");
    assertThatThrownBy(() -> CsvCallReader.of(ReadMode.STRICT).collect(List.of(a), Collectors.toList()))
        .hasMessageStartingWith("a.csv:3: column id: \"c1\" is a duplicate");
  }

  /** Many parts of a few bytes, the check on: the same calls and records as reading the files one by one. */
  @Test
  void onEveryCoreTheCheckEqualsReadingInOrder(@TempDir Path dir) throws IOException {
    StringBuilder x = new StringBuilder(HEADER);
    StringBuilder y = new StringBuilder(HEADER);
    for (int i = 0; i < 400; i++) {
      x.append(row("id" + (i * 7 % 300), "q" + (i % 3), i % 60));
      y.append(row("id" + (i * 11 % 500), "q" + (i % 3), i % 60));
    }
    Path a = Files.writeString(dir.resolve("x.csv"), x);
    Path b = Files.writeString(dir.resolve("y.csv"), y);
    CsvCallReader reader = CsvCallReader.of(ReadMode.LENIENT).withParallelism(7).withPartsOfAtLeast(64);
    CollectedRead<List<Call>> parallel = reader.collect(List.of(a, b), Collectors.toList());

    // The same with one read per file in order and an exact set of the keys read so far.
    List<Call> expected = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    java.util.Map<String, String> firsts = new java.util.HashMap<>();
    for (Path file : List.of(a, b)) {
      List<String> lines = Files.readAllLines(file);
      for (int line = 2; line <= lines.size(); line++) {
        List<String> cells = com.google.common.base.Splitter.on(',').splitToList(lines.get(line - 1));
        String key = cells.get(1) + "/" + cells.get(0);
        String place = file.getFileName() + ":" + line;
        String first = firsts.putIfAbsent(key, place);
        if (first == null) {
          expected.add(CsvCallReader.of(ReadMode.STRICT).read(new java.io.StringReader(HEADER + lines.get(line - 1)),
              "one").calls().get(0));
        } else {
          messages.add(place + ": column id: \"" + cells.get(0) + "\" is a duplicate: the id was already read in queue "
              + cells.get(1) + " at " + first + " (expected unique within a queue)");
        }
      }
    }
    assertThat(parallel.value()).isEqualTo(expected);
    assertThat(parallel.report().skipped()).extracting(SkippedRecord::message).containsExactlyElementsOf(messages);
    assertThat(messages).hasSizeGreaterThan(100);
  }

  /** The list path and the streaming path give the same report: reading into a list, then counting it. */
  @Test
  void theStreamedReportEqualsTheReportOfTheList(@TempDir Path dir) throws IOException {
    StringBuilder x = new StringBuilder(HEADER);
    for (int i = 0; i < 500; i++) {
      x.append(row("id" + i, "q" + (i % 4), i % 60));
    }
    Path a = Files.writeString(dir.resolve("x.csv"), x);
    ReportSpec spec = ReportSpec.builder(IntervalGrid.ofDay(LocalDate.of(2026, 3, 16), ZoneOffset.UTC,
        IntervalLength.MINUTES_15)).build();
    Report streamed = CsvCallReader.of(ReadMode.STRICT).withParallelism(4).withPartsOfAtLeast(100)
        .collect(List.of(a), spec.collector()).value();
    ReportAccumulator fromList = spec.newAccumulator();
    fromList.addAll(CsvCallReader.of(ReadMode.STRICT).read(a).calls());
    assertThat(streamed.rows()).isEqualTo(fromList.report().rows());
    assertThat(streamed.rows()).isNotEmpty();
  }
}
