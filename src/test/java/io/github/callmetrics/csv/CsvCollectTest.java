package io.github.callmetrics.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.read.CollectedRead;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadReport;
import io.github.callmetrics.read.ReadResult;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CsvCallReader#collect}: a file read in parts on several threads gives what one thread reading it in
 * order gives, to the call, the skipped record and its line, the first defect and the report before it;
 * also when a part starts at a line end inside a quoted field.
 */
class CsvCollectTest {
  @TempDir
  Path dir;

  private static final Instant T0 = Instant.parse("2026-03-28T22:00:00Z");

  /**
   * Random rows: quoted ids and notes with commas, doubled quotes and line ends (LF, CRLF) inside, now and
   * then a note of many lines; CRLF or LF row ends; with {@code defects}, one row in about 15 bad (a bad
   * instant, an unknown outcome, a wrong column count, characters after a closing quote, an outcome before
   * the arrival).
   */
  private static String randomFile(long seed, int rows, boolean defects) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder out = new StringBuilder("id,queue,channel,arrived,outcome,ended,handle_time,note\n");
    String[] outcomes = {"answered", "answered", "abandoned", "timeout", "waiting"};
    for (int i = 0; i < rows; i++) {
      String eol = random.nextInt(4) == 0 ? "\r\n" : "\n";
      Instant arrived = T0.plusSeconds(random.nextInt(3 * 86_400));
      String outcome = outcomes[random.nextInt(outcomes.length)];
      String ended = outcome.equals("waiting") ? "" : arrived.plusSeconds(random.nextInt(900)).toString();
      String id = random.nextInt(10) == 0 ? "\"c" + i + ",\n\"\"x\"\"\"" : "c" + i;
      String note;
      int shape = random.nextInt(20);
      if (shape == 0) {
        StringBuilder lines = new StringBuilder("\"");
        for (int l = random.nextInt(200); l >= 0; l--) {
          lines.append("line ").append(l).append(random.nextBoolean() ? "\n" : "\r\n");
        }
        note = lines.append('"').toString();
      } else if (shape < 4) {
        note = "\"a, \"\"b\"\"" + eol + "c\"";
      } else {
        note = "n" + i;
      }
      String row = id + ",q" + random.nextInt(5) + "," + (random.nextBoolean() ? "chat" : "") + "," + arrived + ","
          + outcome + "," + ended + "," + (outcome.equals("answered") ? Integer.toString(random.nextInt(600)) : "")
          + "," + note;
      if (defects && random.nextInt(15) == 0) {
        switch (random.nextInt(5)) {
          case 0:
            row = row.replace(arrived.toString(), "2026-02-30T01:00:00Z");
            break;
          case 1:
            row = row.replace("," + outcome + ",", ",hungup,");
            break;
          case 2:
            row = row + ",extra";
            break;
          case 3:
            row = "\"c" + i + "\"x" + row.substring(row.indexOf(','));
            break;
          default:
            row = row.replace("," + outcome + ",", ",abandoned,").replace("," + ended + ",",
                "," + arrived.minusSeconds(5) + ",");
            break;
        }
      }
      out.append(row).append(eol);
    }
    return out.toString();
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, UTF_8);
    return file;
  }

  private static CsvCallReader parts(ReadMode mode, int threads) {
    return CsvCallReader.of(mode).withoutDuplicateIdCheck().withParallelism(threads).withPartsOfAtLeast(1);
  }

  @Test
  void lenientPartsGiveTheCallsAndSkippedRecordsOfOneThread() throws IOException {
    for (long seed = 1; seed <= 12; seed++) {
      Path file = write("calls-" + seed + ".csv", randomFile(seed, 400, true));
      ReadResult one = CsvCallReader.of(ReadMode.LENIENT).withoutDuplicateIdCheck().read(file);
      assertThat(one.skipped()).isNotEmpty();
      for (int threads : new int[] {2, 3, 5, 16}) {
        CollectedRead<List<Call>> collected = parts(ReadMode.LENIENT, threads).collect(file, Collectors.toList());
        assertThat(collected.value()).as("seed %d, %d threads", seed, threads).isEqualTo(one.calls());
        assertSameReport(collected.report(), one.report());
      }
    }
  }

  @Test
  void strictPartsStopAtTheFileFirstDefectWithTheReportBeforeIt() throws IOException {
    int stopped = 0;
    for (long seed = 1; seed <= 12; seed++) {
      Path file = write("calls-" + seed + ".csv", randomFile(seed, 400, seed % 3 != 0));
      ReadException expected = null;
      ReadResult one = null;
      try {
        one = CsvCallReader.of(ReadMode.STRICT).withoutDuplicateIdCheck().read(file);
      } catch (ReadException e) {
        expected = e;
      }
      for (int threads : new int[] {2, 4, 7}) {
        CsvCallReader reader = parts(ReadMode.STRICT, threads);
        if (expected == null) {
          assertThat(reader.collect(file, Collectors.toList()).value()).isEqualTo(one.calls());
          continue;
        }
        stopped++;
        ReadException wanted = expected;
        assertThatThrownBy(() -> reader.collect(file, Collectors.toList()))
            .isInstanceOfSatisfying(ReadException.class, e -> {
              assertThat(e.defect()).isEqualTo(wanted.defect());
              assertThat(e).hasMessage(wanted.getMessage());
              assertSameReport(e.report(), wanted.report());
            });
      }
    }
    assertThat(stopped).isGreaterThan(10);
  }

  @Test
  void aPartStartingInsideAQuotedFieldIsReadByThePartBefore() throws IOException {
    // The note of row 3 holds most of the file's line ends: every part start in it is inside a quoted field.
    StringBuilder note = new StringBuilder("\"");
    for (int l = 0; l < 3_000; l++) {
      note.append("c").append(l).append(",answered\n");
    }
    note.append('"');
    String text = "id,queue,arrived,outcome,ended,note\n"
        + "c1,q1,2026-03-29T00:59:58Z,answered,2026-03-29T01:00:10Z,short\n"
        + "c2,q1,2026-03-29T01:00:00Z,abandoned,2026-03-29T01:00:05Z,\"two\nlines\"\n"
        + "c3,q1,2026-03-29T01:00:00Z,timeout,2026-03-29T01:03:00Z," + note + "\n"
        + "c4,q1,2026-03-29T01:00:00Z,bad,2026-03-29T01:03:00Z,after\n"
        + "c5,q2,2026-03-29T01:00:01Z,answered,2026-03-29T01:00:02Z,last";
    Path file = write("long-note.csv", text);
    ReadResult one = CsvCallReader.of(ReadMode.LENIENT).read(file);
    assertThat(one.calls()).extracting(Call::id).containsExactly("c1", "c2", "c3", "c5");
    assertThat(one.skipped()).singleElement().satisfies(s -> assertThat(s.line()).isEqualTo(3_006));
    for (int threads = 2; threads <= 9; threads++) {
      CollectedRead<List<Call>> collected = parts(ReadMode.LENIENT, threads).collect(file, Collectors.toList());
      assertThat(collected.value()).isEqualTo(one.calls());
      assertSameReport(collected.report(), one.report());
    }
  }

  @Test
  void aQuoteNeverClosedInALaterPartStopsTheReadAsOnOneThread() throws IOException {
    String text = randomFile(5, 300, false) + "c-open,q1,,2026-03-29T01:00:00Z,answered,2026-03-29T01:00:05Z,,\"never\n"
        + "c-after,q1,,2026-03-29T01:00:00Z,answered,2026-03-29T01:00:05Z,,closed\n".repeat(200);
    Path file = write("open-quote.csv", text);
    ReadException expected = null;
    try {
      CsvCallReader.of(ReadMode.LENIENT).withoutDuplicateIdCheck().read(file, call -> { });
    } catch (ReadException e) {
      expected = e;
    }
    assertThat(expected).isNotNull();
    assertThat(expected.defect().field()).isEqualTo("quoting");
    ReadException wanted = expected;
    for (int threads : new int[] {2, 3, 8}) {
      assertThatThrownBy(() -> parts(ReadMode.LENIENT, threads).collect(file, Collectors.toList()))
          .isInstanceOfSatisfying(ReadException.class, e -> {
            assertThat(e.defect()).isEqualTo(wanted.defect());
            assertSameReport(e.report(), wanted.report());
          });
    }
  }

  @Test
  void aReportCollectedInPartsEqualsTheReportOfTheCalls() throws IOException {
    Path file = write("report.csv", randomFile(42, 3_000, true));
    IntervalGrid grid = IntervalGrid.of(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 4, 1),
        ZoneId.of("Europe/Amsterdam"), IntervalLength.MINUTES_15);
    ReportSpec spec = ReportSpec.builder(grid).queues("q0", "q1", "q2", "q3", "q4")
        .channels(Channel.VOICE, Channel.CHAT).build();
    ReadResult one = CsvCallReader.of(ReadMode.LENIENT).withoutDuplicateIdCheck().read(file);
    Report expected = spec.report(one.calls());
    CollectedRead<Report> collected = parts(ReadMode.LENIENT, 4).collect(file, spec.collector());
    assertThat(collected.value().rows()).isEqualTo(expected.rows());
    assertThat(collected.value().total()).isEqualTo(expected.total());
    assertThat(collected.report().callCount()).isEqualTo(one.calls().size());
  }

  @Test
  void withTheDuplicateCheckOnTheFileIsReadInOrderOnOneThread() throws IOException {
    String text = "id,queue,arrived,outcome,ended\n"
        + "c1,q1,2026-03-29T00:59:58Z,answered,2026-03-29T01:00:10Z\n".repeat(1)
        + "c2,q1,2026-03-29T01:00:00Z,abandoned,2026-03-29T01:00:05Z\n"
        + "c1,q1,2026-03-29T01:00:00Z,abandoned,2026-03-29T01:00:05Z\n"
        + "c1,q2,2026-03-29T01:00:00Z,abandoned,2026-03-29T01:00:05Z\n";
    Path file = write("duplicates.csv", text);
    CsvCallReader reader = CsvCallReader.of(ReadMode.LENIENT).withParallelism(4).withPartsOfAtLeast(1);
    assertThat(reader.checksDuplicateIds()).isTrue();
    CollectedRead<List<Call>> collected = reader.collect(file, Collectors.toList());
    assertThat(collected.value()).extracting(Call::id, Call::queue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", "q1"), org.assertj.core.groups.Tuple.tuple("c2", "q1"),
            org.assertj.core.groups.Tuple.tuple("c1", "q2"));
    assertThat(collected.report().skipped()).singleElement()
        .satisfies(s -> {
          assertThat(s.line()).isEqualTo(4);
          assertThat(s.rule()).startsWith("is a duplicate");
        });
  }

  @Test
  void filesWithoutRowsOrLineFeedsAreReadWhole() throws IOException {
    Path headerOnly = write("header.csv", "id,queue,arrived,outcome,ended\n");
    assertThat(parts(ReadMode.STRICT, 4).collect(headerOnly, Collectors.counting()).value()).isZero();
    String crOnly = "id,queue,arrived,outcome,ended\r"
        + "c1,q1,2026-03-29T00:59:58Z,answered,2026-03-29T01:00:10Z\r".repeat(1)
        + "c2,q1,2026-03-29T01:00:00Z,abandoned,2026-03-29T01:00:05Z";
    Path cr = write("cr.csv", crOnly);
    CollectedRead<Long> counted = parts(ReadMode.STRICT, 4).collect(cr, Collectors.counting());
    assertThat(counted.value()).isEqualTo(2);
    assertThat(counted.report().sources()).containsExactly("cr.csv");
    Path empty = write("empty.csv", "");
    assertThatThrownBy(() -> parts(ReadMode.LENIENT, 4).collect(empty, Collectors.counting()))
        .isInstanceOf(ReadException.class).hasMessageContaining("the file is empty");
  }

  @Test
  void parallelismIsOneOrMore() {
    CsvCallReader reader = CsvCallReader.of(ReadMode.STRICT);
    assertThat(reader.parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(reader.withParallelism(3).parallelism()).isEqualTo(3);
    assertThat(reader.withParallelism(3).withoutDuplicateIdCheck().parallelism()).isEqualTo(3);
    assertThatThrownBy(() -> reader.withParallelism(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads 0 is less than 1 (expected one or more)");
  }

  private static void assertSameReport(ReadReport actual, ReadReport expected) {
    assertThat(actual.sources()).isEqualTo(expected.sources());
    assertThat(actual.callCount()).isEqualTo(expected.callCount());
    assertThat(actual.skipped()).isEqualTo(expected.skipped());
    assertThat(actual.ignoredColumns()).isEqualTo(expected.ignoredColumns());
  }

  @Test
  void theCollectorsExceptionReachesTheCaller() throws IOException {
    Path file = write("boom.csv", randomFile(3, 200, false));
    List<String> seen = new ArrayList<>();
    assertThatThrownBy(() -> parts(ReadMode.STRICT, 3).collect(file, Collectors.<Call, List<Call>>toCollection(() -> {
      seen.add("part");
      return new ArrayList<>() {
        @Override
        public boolean add(Call call) {
          throw new IllegalStateException("full");
        }
      };
    }))).isInstanceOf(IllegalStateException.class).hasMessage("full");
    assertThat(seen).hasSize(3);
  }
}
