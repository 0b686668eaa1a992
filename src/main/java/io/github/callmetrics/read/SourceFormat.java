package io.github.callmetrics.read;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.github.callmetrics.internal.Gzip;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipException;

/**
 * The call-record formats Callmetrics reads, and a sniffer that tells them apart by their first line.
 */
public enum SourceFormat {
  /** The CSV call format of <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/csv-format.md">docs/csv-format.md</a>: a header line, then one call per row. */
  CSV,
  /** Asterisk's {@code queue_log}: {@code epoch|callid|queue|agent|EVENT|data...}, one event per line. */
  ASTERISK_QUEUE_LOG,
  /**
   * The same events as a table, exported as CSV from a database that Asterisk's realtime {@code queue_log}
   * writes to (QueueMetrics, Issabel, FreePBX): a header with the columns {@code time}, {@code callid},
   * {@code queuename}, {@code agent}, {@code event} and {@code data1}..{@code data5} (or one {@code data}
   * column), then one event per row (
   * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/asterisk-queue-log.md">docs/asterisk-queue-log.md</a>).
   */
  ASTERISK_QUEUE_LOG_TABLE;

  /** The columns whose presence in a CSV header makes it a {@code queue_log} table. */
  private static final List<String> TABLE_COLUMNS = List.of("time", "callid", "queuename", "event");

  private static final int SNIFF_BYTES = 8192;

  /**
   * Detects the format of a file from its first non-empty line (after a byte-order mark, if any; of its
   * decompressed bytes if it is gzip-compressed, told by its first bytes): a line
   * that starts with digits followed by {@code |} is a {@code queue_log}; a comma-separated header with the
   * columns {@code time}, {@code callid}, {@code queuename} and {@code event} (in any order and case, quoted
   * or not) is a {@code queue_log} table; another line with a comma, a semicolon or a tab is CSV.
   *
   * @param file  the file, not null
   * @return the format, or empty if the file is empty or its first line fits neither format
   * @throws IOException if the file cannot be read
   */
  public static Optional<SourceFormat> detect(Path file) throws IOException {
    requireNonNull(file, "file");
    byte[] head;
    try (InputStream in = Gzip.decompressed(Files.newInputStream(file))) {
      head = in.readNBytes(SNIFF_BYTES);
    } catch (ZipException | EOFException e) { // a corrupt .gz: the reader names it, when it reads the file
      return Optional.of(ASTERISK_QUEUE_LOG);
    }
    return detect(new String(head, UTF_8));
  }

  /**
   * Detects the format from the beginning of a source's text, as {@link #detect(Path)} does.
   *
   * @param text  the first characters of the source (a few kilobytes are enough), not null
   * @return the format, or empty if neither fits
   */
  public static Optional<SourceFormat> detect(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    for (String raw : s.split("\r\n|\r|\n", -1)) {
      String line = raw.replaceFirst("^\\x00+", ""); // NUL residue of a crash, as the reader drops it
      if (line.isBlank()) {
        continue;
      }
      int i = 0;
      while (i < line.length() && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
        i++;
      }
      if (i > 0 && i < line.length() && line.charAt(i) == '|') {
        return Optional.of(ASTERISK_QUEUE_LOG);
      }
      if (line.indexOf(',') < 0) {
        // A header of another delimiter (Excel in nl-NL and de-DE writes ';'): the CSV reader finds which.
        return line.indexOf(';') >= 0 || line.indexOf('\t') >= 0 ? Optional.of(CSV) : Optional.empty();
      }
      Set<String> cells = new HashSet<>();
      for (String cell : line.split(",", -1)) {
        cells.add(cell.strip().replace("\"", "").toLowerCase(Locale.ROOT));
      }
      return Optional.of(cells.containsAll(TABLE_COLUMNS) ? ASTERISK_QUEUE_LOG_TABLE : CSV);
    }
    return Optional.empty();
  }
}
