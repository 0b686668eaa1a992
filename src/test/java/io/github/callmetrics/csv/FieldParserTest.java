package io.github.callmetrics.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CSV reader's own parser of instants, epoch numbers and durations, at each limit of each field: the last
 * value accepted and the first refused, with its message (docs/csv-format.md).
 */
class FieldParserTest {
  private static final String ISO_EXPECTED =
      "is not an ISO-8601 instant with offset (expected like 2026-03-29T01:59:58+01:00 or 2026-03-29T00:59:58Z)";

  private final FieldParser parser = new FieldParser();

  private static byte[] padded(String text) {
    // The field sits inside a longer buffer, as in a read line: the parser must stop at its own end.
    return ("#," + text + ",9999").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private String iso(String text) {
    String error = parser.parseIsoInstant(padded(text), 2, text.length());
    return error != null ? error : Instant.ofEpochSecond(parser.seconds, parser.nanos).toString();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2026-03-29T01:59:58+01:00| 2026-03-29T00:59:58Z",
      "2026-12-31T23:59:59Z| 2026-12-31T23:59:59Z",
      "2026-01-01T00:00:00Z| 2026-01-01T00:00:00Z",
      "2024-02-29T00:00:00Z| 2024-02-29T00:00:00Z",
      "2000-02-29T12:00:00Z| 2000-02-29T12:00:00Z",
      "2026-04-30T10:00:00Z| 2026-04-30T10:00:00Z",
      "2026-01-31T10:00:00Z| 2026-01-31T10:00:00Z",
      "2026-11-30T10:00:00-05:00| 2026-11-30T15:00:00Z",
      "2026-03-16T09:00:00.123456789Z| 2026-03-16T09:00:00.123456789Z",
      "2026-03-16T09:00:00.5+05:30| 2026-03-16T03:30:00.500Z",
      "2026-03-16T09:00:00.000000001Z| 2026-03-16T09:00:00.000000001Z",
      "2026-03-16T09:00:00+18:00| 2026-03-15T15:00:00Z",
      "2026-03-16T09:00:00-18:00| 2026-03-17T03:00:00Z",
      "2026-03-16T09:00:00+0530| 2026-03-16T03:30:00Z",
      "2026-03-16T09:00:00+05| 2026-03-16T04:00:00Z",
      "2026-03-16T09:00:00-0959| 2026-03-16T18:59:00Z",
      "1970-01-01T00:00:00-00:44:30| 1970-01-01T00:44:30Z",
      "2026-03-16T09:00:00+17:59:59| 2026-03-15T15:00:01Z",
      "1969-12-31T23:59:59.999Z| 1969-12-31T23:59:59.999Z",
      "0001-01-01T00:00:00Z| 0001-01-01T00:00:00Z",
      "2026-03-29 01:59:58+01:00| 2026-03-29T00:59:58Z",
      "2026-03-29 00:59:58.25Z| 2026-03-29T00:59:58.250Z"})
  void instantsAtTheLimitsOfEachField(String text, String expected) {
    assertThat(iso(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2026-13-01T00:00:00Z| has month 13 (expected 01 to 12)",
      "2026-00-01T00:00:00Z| has month 0 (expected 01 to 12)",
      "2026-02-29T00:00:00Z| has day 29 (expected 01 to 28 in that month)",
      "1900-02-29T00:00:00Z| has day 29 (expected 01 to 28 in that month)",
      "2024-02-30T00:00:00Z| has day 30 (expected 01 to 29 in that month)",
      "2026-04-31T00:00:00Z| has day 31 (expected 01 to 30 in that month)",
      "2026-09-31T00:00:00Z| has day 31 (expected 01 to 30 in that month)",
      "2026-12-32T00:00:00Z| has day 32 (expected 01 to 31 in that month)",
      "2026-01-00T00:00:00Z| has day 0 (expected 01 to 31 in that month)",
      "2026-01-01T24:00:00Z| has hour 24 (expected 00 to 23)",
      "2026-01-01T23:60:00Z| has minute 60 (expected 00 to 59)",
      "2026-01-01T23:59:60Z| has second 60 (expected 00 to 59)",
      "2026-01-01T00:00:00.Z| has a fraction of 0 digits (expected 1 to 9)",
      "2026-01-01T00:00:00.1234567890Z| has a fraction of 10 digits (expected 1 to 9)",
      "2026-01-01T00:00:00| has no offset (expected Z or an offset such as +01:00; for local times, give their zone: --source-zone, or CsvCallReader.withSourceZone)",
      "2026-01-01 00:00:00.5| has no offset (expected Z or an offset such as +01:00; for local times, give their zone: --source-zone, or CsvCallReader.withSourceZone)",
      "2026-01-01T00:00:00+18:01| has offset out of range (expected -18:00 to +18:00)",
      "2026-01-01T00:00:00-18:00:01| has offset out of range (expected -18:00 to +18:00)",
      "2026-01-01T00:00:00+19| has offset out of range (expected -18:00 to +18:00)",
      "2026-01-01T00:00:00+05:60| has offset out of range (expected -18:00 to +18:00)",
      "2026-01-01T00:00:00+05:30:60| has offset out of range (expected -18:00 to +18:00)"})
  void eachFieldIsRefusedJustPastItsLimit(String text, String message) {
    assertThat(iso(text)).isEqualTo(message.strip());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2026-01-01T00:00:0Z", "2026/01/01T00:00:00Z", "2026-01/01T00:00:00Z", "2026-01-01_00:00:00Z",
      "2026-01-01T00-00:00Z", "2026-01-01T00:00-00Z", "2026-0a-01T00:00:00Z", "2026-01-01T00:00:00Zx",
      "2026-01-01T00:00:00+5:30", "2026-01-01T00:00:00+053", "2026-01-01T00:00:00+05-30",
      "2026-01-01T00:00:00+05:30-00", "2026-01-01T00:00:00+05:30:0", "2026-01-01T00:00:00+a5",
      "2026-01-01T00:00:00+05:3a", "2026-01-01T00:00:00+05:30:a0", "2026-01-01T00:00:00X"})
  void malformedInstantsNameTheExpectedForm(String text) {
    assertThat(iso(text)).isEqualTo(ISO_EXPECTED);
  }

  private String epoch(String text, boolean millis) {
    String error = parser.parseEpoch(padded(text), 2, text.length(), millis);
    return error != null ? error : parser.seconds + "s+" + parser.nanos;
  }

  @ParameterizedTest
  @CsvSource({
      "0, false, 0s+0",
      "-1, false, -1s+0",
      "1774746000, false, 1774746000s+0",
      "253402300799, false, 253402300799s+0",    // 9999-12-31T23:59:59Z
      "-62167219200, false, -62167219200s+0",    // 0000-01-01T00:00:00Z
      "-1, true, -1s+999000000",
      "1774746000123, true, 1774746000s+123000000",
      "253402300799999, true, 253402300799s+999000000"})
  void epochNumbersInTheYears0000To9999(String text, boolean millis, String expected) {
    assertThat(epoch(text, millis)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "253402300800| false| is outside the years 0000 to 9999 (expected -62167219200 to 253402300799 epoch seconds)",
      "-62167219201| false| is outside the years 0000 to 9999 (expected -62167219200 to 253402300799 epoch seconds)",
      "31556889864403199| false| is outside the years 0000 to 9999 (expected -62167219200 to 253402300799 epoch seconds)",
      "253402300800000| true| is outside the years 0000 to 9999 (expected -62167219200000 to 253402300799999 epoch milliseconds)",
      "1234567890123456789| false| is not a whole number of epoch seconds (expected 1 to 18 digits)",
      "-| true| is not a whole number of epoch milliseconds (expected 1 to 18 digits)",
      "12a| false| is not a whole number of epoch seconds (expected digits only)",
      "1/| true| is not a whole number of epoch milliseconds (expected digits only)"})
  void epochNumbersOutsideTheRangeAreRefused(String text, boolean millis, String message) {
    assertThat(epoch(text, millis)).isEqualTo(message.strip());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anEmptyEpochIsRefused(boolean millis) {
    assertThat(parser.parseEpoch(padded(""), 2, 0, millis))
        .isEqualTo("is not a whole number of epoch " + (millis ? "milliseconds" : "seconds")
            + " (expected 1 to 18 digits)");
  }

  private String duration(String text) {
    String error = parser.parseDuration(padded(text), 2, text.length());
    return error != null ? error : parser.seconds + "s+" + parser.nanos;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "185| 185s+0",
      "185.5| 185s+500000000",
      "0.000000001| 0s+1",
      "-5| -5s+0",
      "-0.5| -1s+500000000",
      "PT3M5S| 185s+0",
      "pt3m5s| 185s+0",
      "-PT1S| -1s+0",
      "9223372036854775807| 9223372036854775807s+0",
      "9223372036854775808| is too large a number of seconds (expected at most 9223372036854775807, the largest duration)",
      "1.| has a fraction of 0 digits (expected 1 to 9)",
      "1.1234567890| has a fraction of 10 digits (expected 1 to 9)",
      ".5| is not a number of seconds (like 185 or 185.5) or an ISO-8601 duration (like PT3M5S)",
      "5s| is not a number of seconds (like 185 or 185.5) or an ISO-8601 duration (like PT3M5S)",
      "-| is not a number of seconds (like 185 or 185.5) or an ISO-8601 duration (like PT3M5S)",
      "P1X| is not an ISO-8601 duration (expected like PT3M5S) or a number of seconds",
      "0:03:05| 185s+0",
      "1:00:00.25| 3600s+250000000",
      "100:59:59| 363599s+0",
      "-0:00:01| -1s+0",
      "0:60:00| has minutes 60 (expected 00 to 59 in h:mm:ss)",
      "0:00:60| has seconds 60 (expected 00 to 59 in h:mm:ss)",
      "0:3:05| is not a duration h:mm:ss (expected like 0:03:05, or seconds like 185)",
      "0:03| is not a duration h:mm:ss (expected like 0:03:05, or seconds like 185)",
      "0:03:0x| is not a duration h:mm:ss (expected like 0:03:05, or seconds like 185)",
      "2562047788015215:30:07| 9223372036854775807s+0",
      "2562047788015216:00:00| is too large a number of seconds (expected at most 9223372036854775807, the largest duration)"})
  void durations(String text, String expected) {
    assertThat(duration(text)).isEqualTo(expected.strip());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"185| 0", "185.5| 1", "20.900| 3", "0:00:20.9| 1", "PT20.9S| 9"})
  void aDurationTellsHowManyDecimalsItWasWrittenWith(String text, int digits) {
    assertThat(parser.parseDuration(padded(text), 2, text.length())).isNull();
    assertThat(parser.fractionDigits).isEqualTo(digits);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2026-03-29 02:30:00| 2026-03-29T02:30:00Z",
      "2026-03-29T02:30:00.125| 2026-03-29T02:30:00.125Z"})
  void aLocalDateTimeParsesAsLocalSecondsWhenAZoneIsGiven(String text, String localAsUtc) {
    parser.localAllowed = true;
    assertThat(iso(text)).isEqualTo(localAsUtc);
    assertThat(parser.local).isTrue();
    assertThat(iso("2026-03-29T02:30:00+02:00")).isEqualTo("2026-03-29T00:30:00Z");
    assertThat(parser.local).isFalse();
  }
}
