package io.github.callmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalTimesTest {
  private static long local(String text) {
    return LocalDateTime.parse(text).toEpochSecond(ZoneOffset.UTC);
  }

  /** Every 5 minutes of two years, in order and then jumping about: the same as java.time's valid offsets. */
  @ParameterizedTest
  @ValueSource(strings = {"Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC",
      "Africa/Monrovia"})
  void agreesWithJavaTimeAtEveryStepAndAfterEveryJump(String id) {
    ZoneId zone = ZoneId.of(id);
    LocalTimes times = new LocalTimes(zone);
    long start = local("2025-01-01T00:00:00");
    long end = local("2027-01-01T00:00:00");
    long jump = 0;
    for (long s = start; s < end; s += 300) {
      check(zone, times, s);
      jump = (jump * 6364136223846793005L + 1442695040888963407L);
      check(zone, times, start + Math.floorMod(jump, end - start)); // and a time anywhere in the two years
    }
    check(zone, times, local("1960-06-01T12:00:00")); // Monrovia's -00:44:30
  }

  private static void check(ZoneId zone, LocalTimes times, long localSecond) {
    LocalDateTime ldt = LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC);
    List<ZoneOffset> valid = zone.getRules().getValidOffsets(ldt);
    int found = times.resolve(localSecond);
    switch (valid.size()) {
      case 0:
        assertThat(found).as("%s in %s", ldt, zone).isEqualTo(LocalTimes.GAP);
        break;
      case 1:
        assertThat(found).as("%s in %s", ldt, zone).isEqualTo(LocalTimes.UNIQUE);
        assertThat(times.epochSecond()).as("%s in %s", ldt, zone).isEqualTo(ldt.toEpochSecond(valid.get(0)));
        break;
      default:
        assertThat(found).as("%s in %s", ldt, zone).isEqualTo(LocalTimes.OVERLAP);
        assertThat(times.earlier(localSecond)).isEqualTo(ldt.toEpochSecond(valid.get(0)));
        assertThat(times.later(localSecond)).isEqualTo(ldt.toEpochSecond(valid.get(1)));
        break;
    }
  }

  @Test
  void theEdgesOfAGapAndAnOverlapAreTheZonesOwn() {
    LocalTimes times = new LocalTimes(ZoneId.of("Europe/Amsterdam"));
    assertThat(times.resolve(local("2026-03-29T01:59:59"))).isEqualTo(LocalTimes.UNIQUE);
    assertThat(times.epochSecond()).isEqualTo(local("2026-03-29T00:59:59"));
    assertThat(times.resolve(local("2026-03-29T02:00:00"))).isEqualTo(LocalTimes.GAP);
    assertThat(times.resolve(local("2026-03-29T02:59:59"))).isEqualTo(LocalTimes.GAP);
    assertThat(times.gapRule("hint")).isEqualTo("does not exist in Europe/Amsterdam: its clocks went from 02:00 to"
        + " 03:00 that day (expected a time the zone's clocks showed; hint)");
    assertThat(times.resolve(local("2026-03-29T03:00:00"))).isEqualTo(LocalTimes.UNIQUE);
    assertThat(times.epochSecond()).isEqualTo(local("2026-03-29T01:00:00"));
    assertThat(times.resolve(local("2026-10-25T01:59:59"))).isEqualTo(LocalTimes.UNIQUE);
    assertThat(times.epochSecond()).isEqualTo(local("2026-10-24T23:59:59"));
    assertThat(times.resolve(local("2026-10-25T02:00:00"))).isEqualTo(LocalTimes.OVERLAP);
    assertThat(times.noticeKey(false)).isNotEqualTo(times.noticeKey(true));
    assertThat(times.ambiguousRule(true, times.later(local("2026-10-25T02:00:00")), "why")).isEqualTo(
        "is shown twice by Europe/Amsterdam's clocks that day; read at +01:00 (2026-10-25T01:00:00Z), why");
    assertThat(times.resolve(local("2026-10-25T02:59:59"))).isEqualTo(LocalTimes.OVERLAP);
    assertThat(times.resolve(local("2026-10-25T03:00:00"))).isEqualTo(LocalTimes.UNIQUE);
    assertThat(times.epochSecond()).isEqualTo(local("2026-10-25T02:00:00"));
  }
}
