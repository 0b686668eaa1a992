package io.github.callmetrics.csv;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a file from another tool lays out the call format: its delimiter (or detected from the header), the
 * names it gives the format's columns, and the zone of its local date-times. Immutable: {@link CsvCallReader}'s
 * builders make a new one.
 */
final class CsvLayout {
  /** The format's column names, as {@code docs/csv-format.md} lists them: the names a mapping may target. */
  static final List<String> COLUMNS = List.of("id", "queue", "channel", "arrived", "arrived_epoch_seconds",
      "arrived_epoch_millis", "outcome", "ended", "ended_epoch_seconds", "ended_epoch_millis", "handle_time",
      "wait_seconds", "talk_seconds");

  static final CsvLayout DEFAULT = new CsvLayout((byte) 0, Map.of(), null);

  /** The delimiter, or 0 to detect it from the header. */
  final byte delimiter;
  /** Their column name (stripped, lower case) to ours. */
  private final Map<String, String> theirs;
  private final @Nullable ZoneId zone;

  private CsvLayout(byte delimiter, Map<String, String> theirs, @Nullable ZoneId zone) {
    this.delimiter = delimiter;
    this.theirs = theirs;
    this.zone = zone;
  }

  CsvLayout withDelimiter(char delimiter) {
    if (delimiter != ',' && delimiter != ';' && delimiter != '\t') {
      throw new IllegalArgumentException("delimiter '" + delimiter + "' is not one the reader takes (expected ',', ';'"
          + " or a tab)");
    }
    return new CsvLayout((byte) delimiter, theirs, zone);
  }

  CsvLayout withColumn(String ours, String theirName) {
    String o = ours.strip().toLowerCase(Locale.ROOT);
    String t = theirName.strip().toLowerCase(Locale.ROOT);
    if (!COLUMNS.contains(o)) {
      throw new IllegalArgumentException("column '" + ours + "' is not a column of the call format (expected one of "
          + String.join(", ", COLUMNS) + ")");
    }
    if (t.isEmpty()) {
      throw new IllegalArgumentException("the name for column " + o + " is blank (expected the header's name)");
    }
    if (theirs.containsKey(t) && !theirs.get(t).equals(o)) {
      throw new IllegalArgumentException("column '" + theirName + "' is mapped to both " + theirs.get(t) + " and " + o
          + " (expected one column of the format per name)");
    }
    if (theirs.containsValue(o) && !o.equals(theirs.get(t))) {
      throw new IllegalArgumentException("column " + o + " is mapped twice (expected one name per column)");
    }
    Map<String, String> m = new LinkedHashMap<>(theirs);
    m.put(t, o);
    return new CsvLayout(delimiter, Collections.unmodifiableMap(m), zone);
  }

  CsvLayout withZone(ZoneId zone) {
    return new CsvLayout(delimiter, theirs, zone);
  }

  Optional<ZoneId> zone() {
    return Optional.ofNullable(zone);
  }

  /**
   * Returns the format's name of a header cell (stripped, lower case): the mapped one, or the cell itself;
   * empty for a format name that a mapping gives to another column (that column is then ignored).
   */
  Optional<String> ours(String cell) {
    String mapped = theirs.get(cell);
    if (mapped != null) {
      return Optional.of(mapped);
    }
    return theirs.containsValue(cell) ? Optional.empty() : Optional.of(cell);
  }

  /** Returns the mapping for messages, such as {@code "id=call_id"}, or empty. */
  String mappingText() {
    StringBuilder s = new StringBuilder();
    theirs.forEach((t, o) -> s.append(s.length() == 0 ? "" : ", ").append(o).append('=').append(t));
    return s.toString();
  }
}
