package io.github.callmetrics.csv;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.internal.CsvFields;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Writes calls in the CSV call format of
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/csv-format.md">docs/csv-format.md</a>, so that {@link CsvCallReader} reads
 * back exactly the same calls: header {@code id,queue,channel,arrived,outcome,ended,handle_time}; instants in
 * ISO-8601 with {@code Z} ({@link #utc()}) or with the offset of a zone ({@link #inZone(ZoneId)}), with the
 * fraction of a second when there is one; {@code handle_time} in seconds ({@code 185}, {@code 185.5}); cells
 * quoted only when they hold a comma, a quote, a line break or leading or trailing spaces. The format holds the
 * years 0000 to 9999: a call with an instant outside them is rejected, not written in a form no reader reads.
 *
 * <pre>{@code
 * CallCsvWriter.inZone(ZoneId.of("Europe/Amsterdam")).write(calls, Path.of("calls.csv"));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CallCsvWriter {
  /** The header line the writer writes, without its line break. */
  public static final String HEADER = "id,queue,channel,arrived,outcome,ended,handle_time";

  /** The local date-times the format holds, 0000-01-01T00:00:00 to 9999-12-31T23:59:59, as epoch seconds. */
  private static final long FIRST_SECOND = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
  private static final long LAST_SECOND = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

  private final ZoneId zone;

  private CallCsvWriter(ZoneId zone) {
    this.zone = zone;
  }

  /** {@return a writer that writes instants in UTC, like {@code 2026-03-29T00:59:58Z}} */
  public static CallCsvWriter utc() {
    return new CallCsvWriter(ZoneOffset.UTC);
  }

  /**
   * Obtains a writer that writes instants with the offset a zone has at that instant, like
   * {@code 2026-03-29T01:59:58+01:00}.
   *
   * @param zone  the zone, not null
   * @return the writer
   */
  public static CallCsvWriter inZone(ZoneId zone) {
    return new CallCsvWriter(requireNonNull(zone, "zone"));
  }

  /**
   * Writes a header and every call to a file (UTF-8, {@code \n} line ends), replacing the file.
   *
   * @param calls  the calls, not null
   * @param file  the file, not null
   * @throws IOException if the file cannot be written
   * @throws IllegalArgumentException if an instant is outside the years 0000 to 9999 (in the writer's zone)
   */
  public void write(Iterable<Call> calls, Path file) throws IOException {
    requireNonNull(calls, "calls"); // before the file is replaced
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(calls, out);
    }
  }

  /**
   * Writes a header and every call.
   *
   * @param calls  the calls, not null
   * @param out  where to write, not null; not closed
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if an instant is outside the years 0000 to 9999; the rows before it are written
   */
  public void write(Iterable<Call> calls, Appendable out) throws IOException {
    requireNonNull(calls, "calls");
    writeHeader(out);
    for (Call call : calls) {
      writeRow(call, out);
    }
  }

  /**
   * Writes the header line.
   *
   * @param out  where to write, not null
   * @throws IOException if writing fails
   */
  public void writeHeader(Appendable out) throws IOException {
    out.append(HEADER).append('\n');
  }

  /**
   * Writes one call as one row; for streaming writes after {@link #writeHeader}.
   *
   * @param call  the call, not null
   * @param out  where to write, not null
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if an instant is outside the years 0000 to 9999 (in the writer's zone),
   *     which the format does not hold; nothing of the row is written then
   */
  public void writeRow(Call call, Appendable out) throws IOException {
    String arrived = instant(call, "arrived", call.arrived());
    Optional<Instant> at = call.outcomeAt();
    String ended = at.isPresent() ? instant(call, call.outcome().label(), at.get()) : "";
    cell(out, call.id()).append(',');
    cell(out, call.queue()).append(',');
    out.append(call.channel().label()).append(',');
    out.append(arrived).append(',');
    out.append(outcome(call)).append(',');
    out.append(ended).append(',');
    Optional<Duration> handle = call.handleTime();
    if (handle.isPresent()) {
      out.append(seconds(handle.get()));
    }
    out.append('\n');
  }

  /**
   * Returns the calls as CSV text, header included.
   *
   * @param calls  the calls, not null
   * @return the text
   * @throws IllegalArgumentException if an instant is outside the years 0000 to 9999 (in the writer's zone)
   */
  public String toCsv(Iterable<Call> calls) {
    StringBuilder s = new StringBuilder();
    try {
      write(calls, s);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return s.toString();
  }

  private String instant(Call call, String field, Instant instant) {
    long local = instant.getEpochSecond() + zone.getRules().getOffset(instant).getTotalSeconds();
    if (local < FIRST_SECOND || local > LAST_SECOND) {
      // Instant.toString would write +10000-01-01T00:00:00Z, which the format (and its reader) does not hold.
      throw new IllegalArgumentException("call " + call.id() + ": " + field + " " + instant
          + " is outside the years the CSV call format holds (expected 0000 to 9999)");
    }
    if (zone.equals(ZoneOffset.UTC)) {
      return instant.toString();
    }
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
  }

  private static String outcome(Call call) {
    switch (call.outcome()) {
      case ANSWERED:
        return "answered";
      case ABANDONED:
        return "abandoned";
      case WAITING:
        return "waiting";
      default:
        assert call.outcome() == Outcome.LEFT_UNANSWERED;
        return call.flowOutReason().orElseThrow().label();
    }
  }

  private static String seconds(Duration d) {
    return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).stripTrailingZeros()
        .toPlainString();
  }

  private static Appendable cell(Appendable out, String value) throws IOException {
    return CsvFields.append(out, value);
  }
}
