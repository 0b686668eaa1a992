package io.github.callmetrics.read;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The call-record formats Callmetrics reads, and a sniffer that tells them apart by their first line.
 */
public enum SourceFormat {
  /** The CSV call format of {@code docs/csv-format.md}: a header line, then one call per row. */
  CSV,
  /** Asterisk's {@code queue_log}: {@code epoch|callid|queue|agent|EVENT|data...}, one event per line. */
  ASTERISK_QUEUE_LOG;

  private static final int SNIFF_BYTES = 8192;

  /**
   * Detects the format of a file from its first non-empty line (after a byte-order mark, if any): a line
   * that starts with digits followed by {@code |} is a {@code queue_log}; a line with a comma is CSV.
   *
   * @param file  the file, not null
   * @return the format, or empty if the file is empty or its first line fits neither format
   * @throws IOException if the file cannot be read
   */
  public static Optional<SourceFormat> detect(Path file) throws IOException {
    requireNonNull(file, "file");
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
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
    for (String line : s.split("\r?\n", -1)) {
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
      return line.indexOf(',') >= 0 ? Optional.of(CSV) : Optional.empty();
    }
    return Optional.empty();
  }
}
