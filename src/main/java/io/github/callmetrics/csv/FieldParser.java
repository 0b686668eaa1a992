package io.github.callmetrics.csv;

import io.github.callmetrics.internal.Bytes;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Parses instants and durations of the CSV call format straight from the bytes of a field (UTF-8; every
 * valid value is ASCII, so a byte outside ASCII is simply not a digit or a separator), without building
 * strings. A parse leaves its result in {@link #seconds} and {@link #nanos}, or returns the rule broken.
 * Not thread-safe: one per reader.
 */
final class FieldParser {
  /**
   * 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in epoch seconds: the years an ISO instant of the format
   * can write, and every reader's range (an instant near Instant.MIN or MAX has no local date in some zones).
   */
  static final long MIN_SECOND = -62_167_219_200L;
  static final long MAX_SECOND = 253_402_300_799L;
  private static final String ISO_EXPECTED =
      "is not an ISO-8601 instant with offset (expected like 2026-03-29T01:59:58+01:00 or 2026-03-29T00:59:58Z)";
  /** A local date-time read without a zone: the instant it means cannot be known. */
  static final String NO_OFFSET = "has no offset (expected Z or an offset such as +01:00; for local times,"
      + " give their zone: --source-zone, or CsvCallReader.withSourceZone)";

  private static final long ZEROS = 0x3030_3030_3030_3030L;
  private static final long SIXES = 0x0606_0606_0606_0606L;
  private static final long HIGH_NIBBLES = 0xF0F0_F0F0_F0F0_F0F0L;
  /** "yyyy-MM-": digits in bytes 0-3 and 5-6, '-' in bytes 4 and 7. */
  private static final long DATE_DIGITS = 0x00FF_FF00_FFFF_FFFFL;
  private static final long DATE_SEPARATORS_MASK = 0xFF00_00FF_0000_0000L;
  private static final long DATE_SEPARATORS = ((long) '-' << 56) | ((long) '-' << 32);
  /** "ddT" of "ddTHH:mm": digits in bytes 0-1, 'T' in byte 2. */
  private static final long DAY_DIGITS = 0xFFFFL;
  private static final long T_MASK = 0xFF_0000L;
  private static final long T = (long) 'T' << 16;
  private static final long SPACE = (long) ' ' << 16;
  /** "HH:mm:ss": digits in bytes 0-1, 3-4 and 6-7, ':' in bytes 2 and 5. */
  private static final long TIME_DIGITS = 0xFFFF_00FF_FF00_FFFFL;
  private static final long TIME_SEPARATORS_MASK = 0x0000_FF00_00FF_0000L;
  private static final long TIME_SEPARATORS = ((long) ':' << 40) | ((long) ':' << 16);

  long seconds;
  int nanos;
  /** Whether a date-time without an offset parses, as a local one ({@link #local}): with a source zone only. */
  boolean localAllowed;
  /** Whether the last date-time parsed was local: {@link #seconds} then count from 1970-01-01T00:00 local. */
  boolean local;
  /** The digits of the last duration's fraction of a second, 0 to 9 (9 for an ISO-8601 duration). */
  int fractionDigits;
  /** The last date parsed and checked, as {@code year << 9 | month << 5 | day}, and its epoch day. */
  private int lastDate = -1;
  private long lastEpochDay;

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ss[.fffffffff](Z|±HH:MM|±HHMM|±HH|±HH:MM:SS)}, a space allowed for the
   * {@code T}; without the offset only if {@link #localAllowed}, as a local date-time.
   *
   * @return null on success, else the rule broken
   */
  @SuppressWarnings("ShortCircuitBoolean") // & on purpose: the three word checks without branches between them
  @Nullable String parseIsoInstant(byte[] b, int off, int len) {
    int end = off + len;
    // 19 characters are a local date-time: parsed, so that its missing offset is what the message names.
    if (len < 19) {
      return ISO_EXPECTED;
    }
    // The fixed part, yyyy-MM-ddTHH:mm:ss, read as three little-endian words (bytes 0-7, 8-15, 11-18).
    long date = Bytes.word(b, off);
    long dayT = Bytes.word(b, off + 8);
    long time = Bytes.word(b, off + 11);
    if (!(matches(date, DATE_DIGITS, DATE_SEPARATORS_MASK, DATE_SEPARATORS)
        & (matches(dayT, DAY_DIGITS, T_MASK, T) | matches(dayT, DAY_DIGITS, T_MASK, SPACE))
        & matches(time, TIME_DIGITS, TIME_SEPARATORS_MASK, TIME_SEPARATORS))) {
      return ISO_EXPECTED;
    }
    // Each digit byte now holds its value (the separators masked off first, or they would borrow).
    date = (date & DATE_DIGITS) - (ZEROS & DATE_DIGITS);
    dayT = (dayT & DAY_DIGITS) - (ZEROS & DAY_DIGITS);
    time = (time & TIME_DIGITS) - (ZEROS & TIME_DIGITS);
    int century = digit(date, 0) * 10 + digit(date, 1);
    int yearOfCentury = digit(date, 2) * 10 + digit(date, 3);
    int month = digit(date, 5) * 10 + digit(date, 6);
    int day = digit(dayT, 0) * 10 + digit(dayT, 1);
    int hour = digit(time, 0) * 10 + digit(time, 1);
    int minute = digit(time, 3) * 10 + digit(time, 4);
    int second = digit(time, 6) * 10 + digit(time, 7);
    int year = century * 100 + yearOfCentury;
    long epochDay;
    int dateKey = (year << 9) | (month << 5) | day;
    if (dateKey == lastDate) { // rows of a file mostly share their date: its check and day number are done
      epochDay = lastEpochDay;
    } else {
      if (month < 1 || month > 12) {
        return "has month " + month + " (expected 01 to 12)";
      }
      int monthLength = monthLength(year, month);
      if (day < 1 || day > monthLength) {
        return "has day " + day + " (expected 01 to " + monthLength + " in that month)";
      }
      epochDay = epochDay(year, month, day);
      lastDate = dateKey;
      lastEpochDay = epochDay;
    }
    if (hour > 23) {
      return "has hour " + hour + " (expected 00 to 23)";
    }
    if (minute > 59) {
      return "has minute " + minute + " (expected 00 to 59)";
    }
    if (second > 59) {
      return "has second " + second + " (expected 00 to 59)";
    }
    int p = off + 19;
    int nano = 0;
    if (p < end && b[p] == '.') {
      p++;
      int start = p;
      while (p < end && b[p] >= '0' && b[p] <= '9') {
        if (p - start < 9) {
          nano = nano * 10 + (b[p] - '0');
        }
        p++;
      }
      int count = p - start;
      if (count == 0 || count > 9) {
        return "has a fraction of " + count + " digits (expected 1 to 9)";
      }
      for (int i = count; i < 9; i++) {
        nano *= 10;
      }
    }
    if (p >= end) {
      if (!localAllowed) {
        return NO_OFFSET;
      }
      local = true;
      seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second;
      nanos = nano;
      return null;
    }
    int offsetSeconds;
    byte sign = b[p];
    if (sign == 'Z' && p + 1 == end) {
      offsetSeconds = 0;
    } else if (sign == '+' || sign == '-') {
      int rest = end - p - 1;
      int oh;
      int om = 0;
      int os = 0;
      if (rest == 2) {
        oh = twoDigits(b, p + 1);
      } else if (rest == 4) {
        oh = twoDigits(b, p + 1);
        om = twoDigits(b, p + 3);
      } else if (rest == 5 && b[p + 3] == ':') {
        oh = twoDigits(b, p + 1);
        om = twoDigits(b, p + 4);
      } else if (rest == 8 && b[p + 3] == ':' && b[p + 6] == ':') {
        // Seconds in an offset: old local mean times (Africa/Monrovia -00:44:30 until 1972), as java.time writes them.
        oh = twoDigits(b, p + 1);
        om = twoDigits(b, p + 4);
        os = twoDigits(b, p + 7);
      } else {
        return ISO_EXPECTED;
      }
      if (oh < 0 || om < 0 || os < 0) {
        return ISO_EXPECTED;
      }
      if (oh > 18 || om > 59 || os > 59 || (oh == 18 && om + os > 0)) {
        return "has offset out of range (expected -18:00 to +18:00)";
      }
      offsetSeconds = (oh * 3600 + om * 60 + os) * (sign == '-' ? -1 : 1);
    } else {
      return ISO_EXPECTED;
    }
    local = false;
    seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    nanos = nano;
    return null;
  }

  /**
   * Parses a whole number of epoch seconds or milliseconds.
   *
   * @return null on success, else the rule broken
   */
  @Nullable String parseEpoch(byte[] b, int off, int len, boolean millis) {
    String unit = millis ? "epoch milliseconds" : "epoch seconds";
    int p = off;
    int end = off + len;
    boolean negative = p < end && b[p] == '-';
    if (negative) {
      p++;
    }
    if (p == end || end - p > 18) {
      return "is not a whole number of " + unit + " (expected 1 to 18 digits)";
    }
    long v = 0;
    for (; p < end; p++) {
      byte c = b[p];
      if (c < '0' || c > '9') {
        return "is not a whole number of " + unit + " (expected digits only)";
      }
      v = v * 10 + (c - '0');
    }
    if (negative) {
      v = -v;
    }
    if (millis) {
      seconds = Math.floorDiv(v, 1000L);
      nanos = (int) Math.floorMod(v, 1000L) * 1_000_000;
    } else {
      seconds = v;
      nanos = 0;
    }
    if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
      return "is outside the years 0000 to 9999 (expected " + (millis ? MIN_SECOND * 1000 : MIN_SECOND) + " to "
          + (millis ? MAX_SECOND * 1000 + 999 : MAX_SECOND) + " " + unit + ")";
    }
    return null;
  }

  /**
   * Parses a duration: seconds ({@code 185}, {@code 185.5}), {@code h:mm:ss} ({@code 0:03:05}, a fraction
   * allowed) or ISO-8601 ({@code PT3M5S}); a negative duration parses (the caller rejects it with the model's
   * rule).
   *
   * @return null on success, else the rule broken
   */
  @Nullable String parseDuration(byte[] b, int off, int len) {
    int end = off + len;
    int p = off;
    boolean negative = p < end && b[p] == '-';
    if (negative) {
      p++;
    }
    if (p < end && (b[p] == 'P' || b[p] == 'p')) {
      try {
        Duration d = Duration.parse(new String(b, off, len, StandardCharsets.ISO_8859_1));
        seconds = d.getSeconds();
        nanos = d.getNano();
        fractionDigits = 9;
        return null;
      } catch (DateTimeParseException e) {
        return "is not an ISO-8601 duration (expected like PT3M5S) or a number of seconds";
      }
    }
    long whole = 0;
    int start = p;
    while (p < end && b[p] >= '0' && b[p] <= '9') {
      int digit = b[p] - '0';
      if (whole > (Long.MAX_VALUE - digit) / 10) {
        return "is too large a number of seconds (expected at most " + Long.MAX_VALUE + ", the largest duration)";
      }
      whole = whole * 10 + digit;
      p++;
    }
    int wholeDigits = p - start;
    if (p < end && b[p] == ':' && wholeDigits > 0) {
      // h:mm:ss: the whole number read so far is the hours.
      if (end - p < 6 || b[p + 3] != ':') {
        return "is not a duration h:mm:ss (expected like 0:03:05, or seconds like 185)";
      }
      int mm = twoDigits(b, p + 1);
      int ss = twoDigits(b, p + 4);
      if (mm < 0 || ss < 0) {
        return "is not a duration h:mm:ss (expected like 0:03:05, or seconds like 185)";
      }
      if (mm > 59 || ss > 59) {
        return "has " + (mm > 59 ? "minutes " + mm : "seconds " + ss) + " (expected 00 to 59 in h:mm:ss)";
      }
      if (whole > (Long.MAX_VALUE - mm * 60L - ss) / 3600) {
        return "is too large a number of seconds (expected at most " + Long.MAX_VALUE + ", the largest duration)";
      }
      whole = whole * 3600 + mm * 60L + ss;
      p += 6;
    }
    int nano = 0;
    int fraction = 0;
    if (p < end && b[p] == '.') {
      p++;
      int fs = p;
      while (p < end && b[p] >= '0' && b[p] <= '9') {
        if (p - fs < 9) {
          nano = nano * 10 + (b[p] - '0');
        }
        p++;
      }
      int count = p - fs;
      if (count == 0 || count > 9) {
        return "has a fraction of " + count + " digits (expected 1 to 9)";
      }
      fraction = count;
      for (int i = count; i < 9; i++) {
        nano *= 10;
      }
    }
    if (p != end || wholeDigits == 0) {
      return "is not a number of seconds (like 185 or 185.5) or an ISO-8601 duration (like PT3M5S)";
    }
    try {
      Duration d = Duration.ofSeconds(whole, nano);
      d = negative ? d.negated() : d;
      seconds = d.getSeconds();
      nanos = d.getNano();
      fractionDigits = fraction;
    } catch (DateTimeException | ArithmeticException e) {
      return "is out of the range of a duration";
    }
    return null;
  }

  /**
   * Checks a word of 8 bytes: the bytes under {@code digits} are ASCII digits, the bytes under
   * {@code separatorsMask} equal those of {@code separators}, the rest is not looked at. A byte is a digit
   * when its high nibble is 3 and stays 3 after adding 6 ({@code '0'..'9'} are {@code 0x30..0x39}). Adding
   * 6 carries into the next byte only from a byte of {@code 0xFA} or more, which already fails.
   */
  @SuppressWarnings("ShortCircuitBoolean") // & on purpose: no branch per comparison
  private static boolean matches(long word, long digits, long separatorsMask, long separators) {
    long high = digits & HIGH_NIBBLES;
    return (word & high) == (ZEROS & high) & ((word + SIXES) & high) == (ZEROS & high)
        & (word & separatorsMask) == separators;
  }

  /** Returns byte {@code i} (0 = lowest) of a word whose digit bytes hold their values. */
  private static int digit(long word, int i) {
    return (int) (word >>> (i << 3)) & 0xFF;
  }

  /** Returns the value of two decimal digits, or -1 if either is not a digit. */
  private static int twoDigits(byte[] b, int p) {
    int tens = b[p] - '0';
    int ones = b[p + 1] - '0';
    // A digit d is 0 to 9 exactly when d and 9 - d are both non-negative: one sign test for both digits.
    return (tens | ones | (9 - tens) | (9 - ones)) < 0 ? -1 : tens * 10 + ones;
  }

  private static int monthLength(int year, int month) {
    switch (month) {
      case 2:
        return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
