package io.github.callmetrics.csv;

import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.read.internal.ReadTracker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The header of a call file: finds the delimiter (unless the layout gives it), maps each column to its role
 * in the format, through the layout's names, and checks that every required column is there, each once. A
 * defect here stops the read: without a header no row can be read.
 */
final class CsvHeader {
  private static final String MAPPING_HINT = "a column of another name is mapped with --column ours=theirs or"
      + " CsvCallReader.withColumn; see docs/csv-format.md";

  private CsvHeader() {}

  /**
   * Sets the tokenizer's delimiter: the layout's, or the one the header uses.
   *
   * @throws io.github.callmetrics.read.ReadException if the header uses more than one
   */
  static void delimiter(CsvTokenizer t, ReadTracker tracker, String source, CsvLayout layout) throws IOException {
    if (layout.delimiter != 0) {
      t.delimiter(layout.delimiter);
      return;
    }
    int found = t.detectDelimiter();
    if (found >= 0) {
      t.delimiter((byte) found);
      return;
    }
    int[] counts = t.delimiterCounts();
    List<String> seen = new ArrayList<>();
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] > 0) {
        seen.add(shown(CsvTokenizer.DELIMITERS[k]) + (counts[k] == 1 ? " once" : " " + counts[k] + " times"));
      }
    }
    throw tracker.fatal(SkippedRecord.of(source, 1, "header", t.detectedText(),
        "holds " + String.join(" and ", seen) + " outside quotes, so its delimiter cannot be told (expected one of"
            + " ',', ';' or a tab between the column names; give it with --delimiter ';' (or ',', tab) or"
            + " CsvCallReader.withDelimiter)"));
  }

  /** Returns a delimiter's name for messages: "a comma", "a semicolon" or "a tab". */
  static String named(byte delimiter) {
    return delimiter == ',' ? "a comma" : delimiter == ';' ? "a semicolon" : "a tab";
  }

  private static String shown(byte delimiter) {
    return delimiter == '\t' ? "tab" : "'" + (char) delimiter + "'";
  }

  /** Reads the header record the tokenizer holds into the row parser's columns. */
  static void read(CsvTokenizer t, ReadTracker tracker, String source, CsvLayout layout, RowParser row) {
    int count = t.fieldCount();
    List<String> cells = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      cells.add(t.text(i));
    }
    if (count == 0 || (count == 1 && cells.get(0).isBlank())) {
      throw tracker.fatal(SkippedRecord.of(source, t.line(), "header", "",
          "is an empty line (expected a header line naming the columns)"));
    }
    if (t.strayField() >= 0) {
      throw tracker.fatal(SkippedRecord.of(source, t.line(), "quoting", t.strayText(),
          "follows the closing quote of header cell " + (t.strayField() + 1) + " (expected " + named(t.delimiter())
              + " or a line end after a closing quote, as in RFC 4180; without a header no row can be read)"));
    }
    int[] roles = new int[count];
    String[] names = new String[count];
    @Nullable String[] byRole = new String[RowParser.ROLES];
    for (int i = 0; i < count; i++) {
      String raw = cells.get(i);
      Optional<String> ours = layout.ours(raw.strip().toLowerCase(Locale.ROOT));
      names[i] = raw.strip();
      int role = ours.isPresent() ? role(ours.get()) : RowParser.IGNORED;
      roles[i] = role;
      if (role == RowParser.IGNORED) {
        tracker.ignoreColumn(raw);
        continue;
      }
      int group = group(role);
      String earlier = byRole[group];
      if (earlier != null) {
        throw tracker.fatal(SkippedRecord.of(source, t.line(), "header", raw,
            "repeats column " + earlier + " (expected each column once; arrived and ended take one format each)"));
      }
      byRole[group] = raw.strip();
      byRole[role] = raw.strip();
    }
    for (int required : new int[] {RowParser.ID, RowParser.QUEUE, RowParser.ARRIVED_ISO, RowParser.OUTCOME,
        RowParser.ENDED_ISO}) {
      if (byRole[required] == null && !(required == RowParser.ENDED_ISO && byRole[RowParser.WAIT_SECONDS] != null)) {
        String mapping = layout.mappingText();
        throw tracker.fatal(SkippedRecord.of(source, t.line(), "header",
            String.join(String.valueOf((char) t.delimiter()), cells),
            "has no column " + requiredName(required) + (mapping.isEmpty() ? "" : " (mapped: " + mapping + ")")
                + " (expected every required column: id, queue, arrived, outcome, ended or wait_seconds; "
                + MAPPING_HINT + ")"));
      }
    }
    row.columns(roles, names, byRole);
    tracker.tap().ifPresent(tap -> tap.field("column " + row.roleName(RowParser.ID)));
  }

  private static String requiredName(int role) {
    switch (role) {
      case RowParser.ID:
        return "id";
      case RowParser.QUEUE:
        return "queue";
      case RowParser.ARRIVED_ISO:
        return "arrived (or arrived_epoch_seconds, arrived_epoch_millis)";
      case RowParser.OUTCOME:
        return "outcome";
      default:
        return "ended (or ended_epoch_seconds, ended_epoch_millis, wait_seconds)";
    }
  }

  /** The role that stands for every format of the same column (arrived, ended). */
  private static int group(int role) {
    switch (role) {
      case RowParser.ARRIVED_SECONDS:
      case RowParser.ARRIVED_MILLIS:
        return RowParser.ARRIVED_ISO;
      case RowParser.ENDED_SECONDS:
      case RowParser.ENDED_MILLIS:
        return RowParser.ENDED_ISO;
      default:
        return role;
    }
  }

  /** The role of a format's column name, by its place in {@link CsvLayout#COLUMNS}; IGNORED for another. */
  private static int role(String name) {
    return CsvLayout.COLUMNS.indexOf(name) + 1;
  }
}
