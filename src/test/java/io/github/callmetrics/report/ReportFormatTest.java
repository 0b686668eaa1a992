package io.github.callmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final String NASTY = "sales, \"east\"\nline two";

  private static Report report(ServiceLevelDefinition... definitions) {
    Instant t = Instant.parse("2026-10-25T00:40:00Z"); // 02:40+02:00, in the repeated hour
    List<Call> calls = List.of(
        Call.answered("1", NASTY, t, t.plusSeconds(12)).withHandleTime(Duration.ofSeconds(100)),
        Call.answered("2", NASTY, t, t.plusSeconds(30)).withHandleTime(Duration.ofSeconds(201)),
        Call.abandoned("3", NASTY, t, t.plusSeconds(4)),
        Call.answered("4", "support", t.plusSeconds(3600), t.plusSeconds(3605)).withChannel(Channel.CHAT));
    IntervalGrid grid = IntervalGrid.ofDay(LocalDate.of(2026, 10, 25), AMSTERDAM, IntervalLength.MINUTES_60);
    return ReportSpec.builder(grid).definitions(definitions).build().report(calls);
  }

  @Test
  void csvRoundTripsThroughAnRfc4180Parser() {
    Report report = report(ServiceLevelDefinition.standard());
    String csv = ReportFormat.CSV.format(report);
    List<List<String>> records = parseCsv(csv);
    assertThat(records).hasSize(1 + 2 * 25);
    List<String> header = records.get(0);
    assertThat(header.subList(0, 6)).containsExactly("queue", "channel", "interval_start", "interval_end", "arrivals", "answered");
    // The repeated 02:00 hour: first at +02:00 (index 2), then at +01:00 (index 3).
    List<String> busy = records.get(1 + 2);
    assertThat(busy.get(0)).isEqualTo(NASTY);
    assertThat(busy.get(1)).isEqualTo("voice");
    assertThat(busy.get(2)).isEqualTo("2026-10-25T02:00:00+02:00");
    assertThat(busy.get(3)).isEqualTo("2026-10-25T02:00:00+01:00");
    assertThat(cell(header, busy, "arrivals")).isEqualTo("3");
    assertThat(cell(header, busy, "answered")).isEqualTo("2");
    assertThat(cell(header, busy, "abandoned")).isEqualTo("1");
    assertThat(cell(header, busy, "asa_seconds")).isEqualTo("21");
    assertThat(cell(header, busy, "aht_seconds")).isEqualTo("150.5");
    assertThat(cell(header, busy, "service_level")).isEqualTo("0.333333");
    assertThat(cell(header, busy, "service_level_numerator")).isEqualTo("1");
    assertThat(cell(header, busy, "service_level_denominator")).isEqualTo("3");
    assertThat(cell(header, busy, "target_met")).isEqualTo("false");
    assertThat(cell(header, busy, "abandonment_rate")).isEqualTo("0.333333");
    assertThat(cell(header, busy, "answered_wait_p50_seconds")).isEqualTo("12");
    assertThat(cell(header, busy, "longest_wait_seconds")).isEqualTo("30");
    List<String> empty = records.get(1);
    assertThat(cell(header, empty, "service_level")).isEmpty();
    assertThat(cell(header, empty, "service_level_denominator")).isEqualTo("0");
    assertThat(cell(header, empty, "asa_seconds")).isEmpty();
    assertThat(cell(header, empty, "target_met")).isEmpty();
    assertThat(records).allSatisfy(r -> assertThat(r).hasSameSizeAs(header));
    assertThat(csv).contains("\r\n").doesNotContain("NaN");
  }

  @Test
  void csvPrefixesEachDefinitionsColumnsWhenThereAreSeveral() {
    Report report = report(ServiceLevelDefinition.standard(), Preset.ASTERISK_SL2.definition());
    List<List<String>> records = parseCsv(ReportFormat.CSV.format(report));
    List<String> header = records.get(0);
    assertThat(header).contains("default.service_level", "asterisk-sl2.service_level");
    List<String> busy = records.get(3);
    assertThat(cell(header, busy, "default.service_level_numerator")).isEqualTo("1");
    // SL2: (A_T + B_T) / O = (1 + 1) / 3.
    assertThat(cell(header, busy, "asterisk-sl2.service_level_numerator")).isEqualTo("2");
  }

  @Test
  void jsonEscapesAndUsesNullForUndefined() {
    String json = ReportFormat.JSON.format(report(ServiceLevelDefinition.standard()));
    assertThat(json).startsWith("{\"zone\":\"Europe/Amsterdam\",\"startDay\":\"2026-10-25\"");
    assertThat(json).contains("\"queue\":\"sales, \\\"east\\\"\\nline two\"");
    assertThat(json).contains("\"serviceLevel\":{\"value\":null,\"numerator\":0,\"denominator\":0}");
    assertThat(json).contains("\"serviceLevel\":{\"value\":0.3333333333333333,\"numerator\":1,\"denominator\":3}");
    assertThat(json).contains("\"intervalStart\":\"2026-10-25T02:00:00+01:00\"");
    assertThat(json).doesNotContain("NaN");
  }

  @Test
  void textTableForPeople() {
    String text = ReportFormat.TEXT.format(report(ServiceLevelDefinition.standard()).rollUp(IntervalLength.DAY));
    assertThat(text.lines().findFirst().orElseThrow())
        .isEqualTo("queue                      channel  interval    calls  answered  abandoned  flow-outs  SL 20s  abandon     ASA  p90 answer  longest wait");
    assertThat(text).contains("sales, \"east\"\\x0aline two ", "support                    chat     2026-10-25      1         1          0          0  100.0%     0.0%   5.0 s         5 s           5 s");
    assertThat(text).contains("# Default: A_T / O, wait <= 20 s");
  }

  @Test
  void parseAcceptsEveryFormatName() {
    assertThat(ReportFormat.parse("CSV")).isEqualTo(ReportFormat.CSV);
    assertThat(ReportFormat.parse("json")).isEqualTo(ReportFormat.JSON);
    assertThat(ReportFormat.parse(" text ")).isEqualTo(ReportFormat.TEXT);
  }

  private static String cell(List<String> header, List<String> record, String column) {
    int i = header.indexOf(column);
    assertThat(i).as("column %s", column).isNotNegative();
    return record.get(i);
  }

  /** A strict RFC 4180 parser, independent of the writer: quoted fields, doubled quotes, CRLF records. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' && field.length() == 0) {
        i++;
        while (true) {
          char q = text.charAt(i++);
          if (q == '"') {
            if (i < text.length() && text.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(q);
          }
        }
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        i++;
      } else if (c == '\r' && text.charAt(i + 1) == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i += 2;
      } else {
        field.append(c);
        i++;
      }
    }
    assertThat(record).as("text ends with CRLF").isEmpty();
    return records;
  }

  @Test
  void csvTextCellsThatASpreadsheetWouldRunAreWrittenAsText() {
    Instant t = Instant.parse("2026-03-16T08:00:00Z");
    List<Call> calls = new ArrayList<>();
    String[] queues = {"=cmd|' /C calc'!A0", "+1+1", "-2", "@SUM(A1)", "\tq", "\rq", "plain", "a=b"};
    for (int i = 0; i < queues.length; i++) {
      calls.add(Call.abandoned("c" + i, queues[i], t, t.plusSeconds(5)));
    }
    // AHT of 540.001 s and 305.999999999 s: 423.0004999995 s, rounded once to 423.000, not 423.001
    calls.add(Call.answered("h1", "plain", t, t.plusSeconds(2)).withHandleTime(Duration.parse("PT540.001S")));
    calls.add(Call.answered("h2", "plain", t, t.plusSeconds(2)).withHandleTime(Duration.parse("PT305.999999999S")));
    IntervalGrid grid = IntervalGrid.ofDay(LocalDate.of(2026, 3, 16), ZoneId.of("UTC"), IntervalLength.WHOLE_PERIOD);
    Report report = ReportSpec.builder(grid).groupBy(Dimension.QUEUE).build().report(calls);
    // Records end with CRLF; the lone CR of "\rq" stays inside its quoted cell.
    List<String> lines = List.of(ReportFormat.CSV.format(report).split("\r\n"));
    assertThat(lines).hasSize(1 + queues.length);
    // Rows are in queue order; each starts with the queue cell and the interval bounds, then the counts.
    assertThat(lines).contains(
        "\"'\tq\",2026-03-16T00:00:00Z,2026-03-17T00:00:00Z,1,0,1,0,0,0,0,0,0,0,0,5,0,0,,,,5,5,,,,,,1,0,1,1,0,0,0,"
            + "0.000000,0,1,false,1.000000,1.000000,0.000000,5",
        "\"'+1+1\",2026-03-16T00:00:00Z,2026-03-17T00:00:00Z,1,0,1,0,0,0,0,0,0,0,0,5,0,0,,,,5,5,,,,,,1,0,1,1,0,0,0,"
            + "0.000000,0,1,false,1.000000,1.000000,0.000000,5");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("\"'=cmd|' /C calc'!A0\",2026-03-16T00:00:00Z,"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("\"'-2\",2026-03-16T00:00:00Z,"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("\"'@SUM(A1)\",2026-03-16T00:00:00Z,"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("\"'\rq\",2026-03-16T00:00:00Z,"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("a=b,2026-03-16T00:00:00Z,"));
    // handle time total 846.001 (shown to 3 decimals), count 2, ASA 2, AHT 423
    assertThat(lines).anySatisfy(l -> assertThat(l)
        .startsWith("plain,2026-03-16T00:00:00Z,2026-03-17T00:00:00Z,3,2,1,0,0,0,0,0,0,0,4,5,846.001,2,2,423,"));
    // Text and JSON show the names as they are.
    assertThat(ReportFormat.TEXT.format(report)).contains("=cmd|' /C calc'!A0", "\n+1+1 ", "\n-2 ", "\n@SUM(A1) ");
    assertThat(ReportFormat.JSON.format(report)).contains("\"queue\":\"=cmd|' /C calc'!A0\"", "\"queue\":\"-2\"");
  }
}
