package io.github.callmetrics.csv;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Parses instants and durations of the CSV call format straight from a character buffer, without building
 * strings. A parse leaves its result in {@link #seconds} and {@link #nanos}, or returns the rule broken.
 * Not thread-safe: one per reader.
 */
final class FieldParser {
  /** Instant.MIN / MAX epoch seconds. */
  private static final long MIN_SECOND = Instant.MIN.getEpochSecond();
  private static final long MAX_SECOND = Instant.MAX.getEpochSecond();
  private static final String ISO_EXPECTED =
      "is not an ISO-8601 instant with offset (expected like 2026-03-29T01:59:58+01:00 or 2026-03-29T00:59:58Z)";

  long seconds;
  int nanos;

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ss[.fffffffff](Z|±HH:MM|±HHMM|±HH|±HH:MM:SS)}.
   *
   * @return null on success, else the rule broken
   */
  @Nullable String parseIsoInstant(char[] b, int off, int len) {
    int end = off + len;
    // 19 characters are a local date-time: parsed, so that its missing offset is what the message names.
    if (len < 19 || b[off + 4] != '-' || b[off + 7] != '-' || b[off + 10] != 'T' || b[off + 13] != ':'
        || b[off + 16] != ':') {
      return ISO_EXPECTED;
    }
    int year = digits(b, off, 4);
    int month = digits(b, off + 5, 2);
    int day = digits(b, off + 8, 2);
    int hour = digits(b, off + 11, 2);
    int minute = digits(b, off + 14, 2);
    int second = digits(b, off + 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return ISO_EXPECTED;
    }
    if (month < 1 || month > 12) {
      return "has month " + month + " (expected 01 to 12)";
    }
    int monthLength = monthLength(year, month);
    if (day < 1 || day > monthLength) {
      return "has day " + day + " (expected 01 to " + monthLength + " in that month)";
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
      return "has no offset (expected Z or an offset such as +01:00)";
    }
    int offsetSeconds;
    char sign = b[p];
    if (sign == 'Z' && p + 1 == end) {
      offsetSeconds = 0;
    } else if (sign == '+' || sign == '-') {
      int rest = end - p - 1;
      int oh;
      int om = 0;
      int os = 0;
      if (rest == 2) {
        oh = digits(b, p + 1, 2);
      } else if (rest == 4) {
        oh = digits(b, p + 1, 2);
        om = digits(b, p + 3, 2);
      } else if (rest == 5 && b[p + 3] == ':') {
        oh = digits(b, p + 1, 2);
        om = digits(b, p + 4, 2);
      } else if (rest == 8 && b[p + 3] == ':' && b[p + 6] == ':') {
        // Seconds in an offset: old local mean times (Africa/Monrovia -00:44:30 until 1972), as java.time writes them.
        oh = digits(b, p + 1, 2);
        om = digits(b, p + 4, 2);
        os = digits(b, p + 7, 2);
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
    seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    nanos = nano;
    return null;
  }

  /**
   * Parses a whole number of epoch seconds or milliseconds.
   *
   * @return null on success, else the rule broken
   */
  @Nullable String parseEpoch(char[] b, int off, int len, boolean millis) {
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
      char c = b[p];
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
      return "is out of the range of an instant (expected " + (millis ? MIN_SECOND * 1000 : MIN_SECOND) + " to "
          + (millis ? MAX_SECOND * 1000 + 999 : MAX_SECOND) + " " + unit + ")";
    }
    return null;
  }

  /**
   * Parses a duration: seconds ({@code 185}, {@code 185.5}) or ISO-8601 ({@code PT3M5S}); a negative
   * duration parses (the caller rejects it with the model's rule).
   *
   * @return null on success, else the rule broken
   */
  @Nullable String parseDuration(char[] b, int off, int len) {
    int end = off + len;
    int p = off;
    boolean negative = p < end && b[p] == '-';
    if (negative) {
      p++;
    }
    if (p < end && (b[p] == 'P' || b[p] == 'p')) {
      try {
        Duration d = Duration.parse(new String(b, off, len));
        seconds = d.getSeconds();
        nanos = d.getNano();
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
    int nano = 0;
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
    } catch (DateTimeException | ArithmeticException e) {
      return "is out of the range of a duration";
    }
    return null;
  }

  /** Returns the value of {@code n} decimal digits, or -1 if one is not a digit. */
  private static int digits(char[] b, int off, int n) {
    int v = 0;
    for (int i = off; i < off + n; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
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
