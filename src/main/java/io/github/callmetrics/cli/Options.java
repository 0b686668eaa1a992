package io.github.callmetrics.cli;

import io.github.callmetrics.asterisk.QueueLogReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;

/** Converters for option values, each with a message that says what was expected. */
final class Options {
  private Options() {}

  /** {@code --ignore-event NAME[,NAME...]}, repeatable: the queue_log events to ignore by name, and count. */
  static final class IgnoredEvents {
    @CommandLine.Option(names = "--ignore-event", split = ",", paramLabel = "NAME",
        description = "ignore queue_log events that are not app_queue's by name (e.g. OUTDIAL,OUTANSWER), counting them;"
            + " repeatable")
    List<String> names = new ArrayList<>();

    /** Returns a reader like the one given that ignores the events named; a name it cannot ignore is a usage error. */
    QueueLogReader apply(CommandLine cli, QueueLogReader reader) {
      try {
        return reader.withIgnoredEvents(Set.copyOf(names));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cli, "--ignore-event: " + e.getMessage());
      }
    }
  }

  /**
   * Reads a duration written as ISO-8601 ({@code PT20S}, {@code PT3M}) or as seconds ({@code 20},
   * {@code 20s}).
   */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return parseDuration(value);
    }
  }

  /**
   * Checks a file named on the command line can be read: a usage error (exit code 2) if it is missing or not a
   * readable file.
   *
   * @param cli  the command line, for the usage error
   * @param file  the file
   * @param what  the option or parameter that named it ({@code --queues-conf}, {@code QUEUE_LOG})
   */
  static void requireReadable(CommandLine cli, Path file, String what) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new CommandLine.ParameterException(cli,
          what + ": cannot read " + file + (Files.exists(file) ? " (not a readable file)" : " (no such file)"));
    }
  }

  /**
   * Reads a local date written as ISO-8601 ({@code 2026-03-16}), in the years 0000 to 9999: the years the
   * readers accept in a record (docs/bad-input.md), so a period never reaches the ends of the calendar.
   */
  static final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      LocalDate date;
      try {
        date = LocalDate.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a date (expected a day such as 2026-03-16)");
      }
      if (date.getYear() < 0 || date.getYear() > 9999) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is outside the years 0000 to 9999 (expected a day such as 2026-03-16)");
      }
      return date;
    }
  }

  /** Reads a CSV delimiter: {@code ,} {@code ;} or a tab ({@code tab}, {@code \t} or the character itself). */
  static final class DelimiterConverter implements CommandLine.ITypeConverter<Character> {
    @Override
    public Character convert(String value) {
      switch (value.equals("\t") ? "\t" : value.strip().toLowerCase(Locale.ROOT)) {
        case ",":
          return ',';
        case ";":
          return ';';
        case "\t":
        case "\\t":
        case "tab":
          return '\t';
        default:
          throw new CommandLine.TypeConversionException(
              "'" + value + "' is not a delimiter the CSV reader takes (expected ',', ';' or tab)");
      }
    }
  }

  /** Reads a decimal number ({@code 0.80}, {@code 0.3}), with a message that says what was expected. */
  static final class DecimalConverter implements CommandLine.ITypeConverter<BigDecimal> {
    @Override
    public BigDecimal convert(String value) {
      try {
        return new BigDecimal(value.strip());
      } catch (NumberFormatException e) { // also an exponent too large for a BigDecimal's scale
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a decimal number (expected a fraction such as 0.80)");
      }
    }
  }

  static Duration parseDuration(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(v);
      }
      String digits = v.endsWith("s") ? v.substring(0, v.length() - 1) : v;
      return Duration.ofSeconds(Long.parseLong(digits));
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a duration (expected seconds such as 20 or 20s, or ISO-8601 such as PT20S)");
    }
  }
}
