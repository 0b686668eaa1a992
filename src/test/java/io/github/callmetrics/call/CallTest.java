package io.github.callmetrics.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.internal.CallAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallTest {
  private static final Instant ARRIVED = Instant.parse("2026-11-23T07:00:05Z");
  private static final Instant BEFORE = Instant.parse("2026-11-23T07:00:00Z");

  @Test
  void answeredCallHasItsWaitAndNoReason() {
    Call call = Call.answered("1795411251.1", "q1", ARRIVED, ARRIVED.plusSeconds(12));
    assertThat(call.outcome()).isEqualTo(Outcome.ANSWERED);
    assertThat(call.channel()).isEqualTo(Channel.VOICE);
    assertThat(call.outcomeAt()).contains(ARRIVED.plusSeconds(12));
    assertThat(call.waitTime()).contains(Duration.ofSeconds(12));
    assertThat(call.waitSeconds()).isEqualTo(12);
    assertThat(call.flowOutReason()).isEmpty();
    assertThat(call.handleTime()).isEmpty();
  }

  @Test
  void leftUnansweredCallKeepsItsReason() {
    Call call = Call.leftUnanswered("c1", "q1", ARRIVED, ARRIVED.plusSeconds(60), FlowOutReason.TIMEOUT);
    assertThat(call.outcome()).isEqualTo(Outcome.LEFT_UNANSWERED);
    assertThat(call.flowOutReason()).contains(FlowOutReason.TIMEOUT);
    assertThat(call.waitSeconds()).isEqualTo(60);
  }

  @Test
  void waitingCallHasNoWait() {
    Call call = Call.waiting("c1", "q1", ARRIVED);
    assertThat(call.outcome()).isEqualTo(Outcome.WAITING);
    assertThat(call.outcomeAt()).isEmpty();
    assertThat(call.waitTime()).isEmpty();
    assertThatIllegalStateException().isThrownBy(call::waitSeconds)
        .withMessage("call c1 is still waiting: it has no wait yet");
  }

  static Stream<Arguments> waitsTruncatedToWholeSeconds() {
    return Stream.of(
        // arrived at .000, answered 20.999 s later: 20 s, never rounded up to 21.
        Arguments.of("2026-11-23T07:00:00Z", "2026-11-23T07:00:20.999Z", 20),
        // arrived at .900, answered at :20.100: 19.2 s -> 19 s (epoch seconds differ by 20, nanos borrow one).
        Arguments.of("2026-11-23T07:00:00.900Z", "2026-11-23T07:00:20.100Z", 19),
        // same nanos: exactly 20 s.
        Arguments.of("2026-11-23T07:00:00.500Z", "2026-11-23T07:00:20.500Z", 20),
        // 0.999 s: 0 s.
        Arguments.of("2026-11-23T07:00:00Z", "2026-11-23T07:00:00.999Z", 0),
        // answered the instant it arrived: 0 s.
        Arguments.of("2026-11-23T07:00:00Z", "2026-11-23T07:00:00Z", 0));
  }

  @ParameterizedTest(name = "{0} -> {1}: {2} s")
  @MethodSource
  void waitsTruncatedToWholeSeconds(String arrived, String answered, long seconds) {
    Call call = Call.answered("c1", "q", Instant.parse(arrived), Instant.parse(answered));
    assertThat(call.waitSeconds()).isEqualTo(seconds);
    assertThat(Call.wholeSecondsBetween(Instant.parse(arrived), Instant.parse(answered))).isEqualTo(seconds);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void blankIdIsRejected(String id) {
    assertThatThrownBy(() -> Call.answered(id, "q1", ARRIVED, ARRIVED))
        .isInstanceOfSatisfying(InvalidCallException.class, e -> {
          assertThat(e).hasMessage("call \"" + id + "\": id \"" + id + "\" is blank (expected a non-blank identifier)");
          assertThat(e.callId()).isEqualTo(id);
          assertThat(e.field()).isEqualTo("id");
          assertThat(e.value()).isEqualTo('"' + id + '"');
          assertThat(e.rule()).isEqualTo("is blank (expected a non-blank identifier)");
        });
  }

  @Test
  void blankQueueIsRejected() {
    assertThatThrownBy(() -> Call.waiting("c1", " ", ARRIVED))
        .isInstanceOf(InvalidCallException.class)
        .hasMessage("call c1: queue \" \" is blank (expected a non-blank queue name)");
  }

  static Stream<Arguments> outcomeBeforeArrivalIsRejected() {
    return Stream.of(
        Arguments.of("answered", (Function<Instant, Call>) at -> Call.answered("c1", "q1", ARRIVED, at)),
        Arguments.of("abandoned", (Function<Instant, Call>) at -> Call.abandoned("c1", "q1", ARRIVED, at)),
        Arguments.of("left unanswered", (Function<Instant, Call>) at ->
            Call.leftUnanswered("c1", "q1", ARRIVED, at, FlowOutReason.KEY_PRESS)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void outcomeBeforeArrivalIsRejected(String field, Function<Instant, Call> factory) {
    assertThatThrownBy(() -> factory.apply(BEFORE))
        .isInstanceOfSatisfying(InvalidCallException.class, e -> {
          assertThat(e).hasMessage("call c1: " + field
              + " 2026-11-23T07:00:00Z is before arrived 2026-11-23T07:00:05Z");
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.value()).isEqualTo("2026-11-23T07:00:00Z");
        });
    // One nanosecond before is before, too; the arrival instant itself is allowed (a wait of 0 s).
    assertThatThrownBy(() -> factory.apply(ARRIVED.minusNanos(1))).isInstanceOf(InvalidCallException.class);
    assertThat(factory.apply(ARRIVED).waitSeconds()).isZero();
  }

  @Test
  void negativeHandleTimeIsRejected() {
    Call call = Call.answered("c1", "q1", ARRIVED, ARRIVED.plusSeconds(3));
    assertThatThrownBy(() -> call.withHandleTime(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidCallException.class)
        .hasMessage("call c1: handle time PT-1S is negative (expected zero or more)");
    assertThat(call.withHandleTime(Duration.ZERO).handleTime()).contains(Duration.ZERO);
  }

  @Test
  void withersChangeOnlyTheirField() {
    Call call = Call.abandoned("c1", "q1", ARRIVED, ARRIVED.plusSeconds(40));
    Call chat = call.withChannel(Channel.CHAT).withHandleTime(Duration.ofSeconds(185));
    assertThat(chat.channel()).isEqualTo(Channel.CHAT);
    assertThat(chat.handleTime()).contains(Duration.ofSeconds(185));
    assertThat(chat.id()).isEqualTo("c1");
    assertThat(chat.queue()).isEqualTo("q1");
    assertThat(chat.arrived()).isEqualTo(ARRIVED);
    assertThat(chat.outcomeAt()).isEqualTo(call.outcomeAt());
    assertThat(chat).isNotEqualTo(call);
    assertThat(call.channel()).isEqualTo(Channel.VOICE);
  }

  @Test
  void equalCallsHaveEqualHashCodes() {
    Call a = Call.answered("c1", "q1", ARRIVED, ARRIVED.plusSeconds(12)).withHandleTime(Duration.ofSeconds(60));
    Call b = Call.answered("c1", "q1", ARRIVED, ARRIVED.plusSeconds(12)).withHandleTime(Duration.ofSeconds(60));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Call.answered("c1", "q1", ARRIVED, ARRIVED.plusSeconds(13)));
    assertThat(a).isNotEqualTo(Call.abandoned("c1", "q1", ARRIVED, ARRIVED.plusSeconds(12)));
  }

  @Test
  void toStringShowsEveryField() {
    Call call = Call.leftUnanswered("c1", "q1", ARRIVED, ARRIVED.plusSeconds(60), FlowOutReason.QUEUE_EMPTY)
        .withChannel(Channel.CALLBACK).withHandleTime(Duration.ofSeconds(5));
    assertThat(call).hasToString("Call{c1 q1 callback arrived 2026-11-23T07:00:05Z left unanswered"
        + " 2026-11-23T07:01:05Z (queue-empty) handle PT5S}");
  }

  static Stream<Arguments> instantsRoundTrip() {
    return Stream.of(
        // before the epoch, with and without nanoseconds: the seconds are negative, the nanoseconds never
        Arguments.of(Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("1970-01-01T00:00:00Z"), 0L),
        Arguments.of(Instant.parse("1901-05-04T10:00:00.5Z"), Instant.parse("1901-05-04T10:00:02.25Z"), 1L),
        Arguments.of(Instant.EPOCH, Instant.EPOCH.plusNanos(1), 0L),
        Arguments.of(ARRIVED.plusNanos(999_999_999), ARRIVED.plusSeconds(1), 0L),
        // the whole range of Instant: 63,113,904,031,622,399 whole seconds, and the nanoseconds of the last one
        Arguments.of(Instant.MIN, Instant.MAX, 63_113_904_031_622_399L));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void instantsRoundTrip(Instant arrived, Instant left, long waitSeconds) {
    Call call = Call.abandoned("c1", "q1", arrived, left);
    assertThat(call.arrived()).isEqualTo(arrived);
    assertThat(call.outcomeAt()).contains(left);
    assertThat(call.waitSeconds()).isEqualTo(waitSeconds);
    assertThat(call.waitTime()).contains(Duration.between(arrived, left));
    assertThat(call).isEqualTo(Call.abandoned("c1", "q1", arrived, left))
        .isNotEqualTo(Call.abandoned("c1", "q1", arrived, left.plusNanos(left.equals(Instant.MAX) ? -1 : 1)));
    CallAccess access = CallAccess.Holder.get();
    assertThat(access.arrivedSecond(call)).isEqualTo(arrived.getEpochSecond());
    assertThat(access.exitSecond(call)).isEqualTo(left.getEpochSecond());
    Call waiting = Call.waiting("c2", "q1", arrived);
    assertThat(waiting.arrived()).isEqualTo(arrived);
    assertThat(access.exitSecond(waiting)).isEqualTo(arrived.getEpochSecond());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"PT0S", "PT0.000000001S", "PT5M0.5S", "PT1193046H28M15.999999999S"}) // the last: 2^32 − 1 s + 0.999999999
  void handleTimesRoundTrip(String text) {
    Duration handle = Duration.parse(text);
    Call call = Call.answered("c1", "q1", ARRIVED, ARRIVED.plusSeconds(3)).withHandleTime(handle);
    assertThat(call.handleTime()).contains(handle);
    assertThat(call.withChannel(Channel.CHAT).handleTime()).contains(handle);
    CallAccess access = CallAccess.Holder.get();
    assertThat(access.hasHandleTime(call)).isTrue();
    assertThat(access.handleSeconds(call)).isEqualTo(handle.getSeconds());
    assertThat(access.handleNanos(call)).isEqualTo(handle.getNano());
    Call without = Call.answered("c1", "q1", ARRIVED, ARRIVED.plusSeconds(3));
    assertThat(access.hasHandleTime(without)).isFalse();
    assertThat(without.handleTime()).isEmpty();
    assertThat(call).isNotEqualTo(without);
    assertThat(without.withHandleTime(Duration.ZERO)).isNotEqualTo(without);
  }

  @Test
  void channelsAndReasonsParseFromTheirLabels() {
    assertThat(Channel.parse(" Chat ")).isEqualTo(Channel.CHAT);
    assertThat(FlowOutReason.parse("queue-empty")).isEqualTo(FlowOutReason.QUEUE_EMPTY);
    assertThat(FlowOutReason.parse("KEY_PRESS")).isEqualTo(FlowOutReason.KEY_PRESS);
    assertThatIllegalArgumentException().isThrownBy(() -> Channel.parse("fax"))
        .withMessage("unknown channel \"fax\" (expected one of voice, chat, email, messaging, social, callback)");
    assertThatIllegalArgumentException().isThrownBy(() -> FlowOutReason.parse("hangup"))
        .withMessage("unknown flow-out reason \"hangup\" (expected one of timeout, queue-empty, key-press, overflow, withdrawn)");
  }

  @Test
  void aHandleTimeLongerThanAReportCanAddUpIsRefused() {
    Call call = Call.answered("c1", "q1", ARRIVED, ARRIVED.plusSeconds(3));
    // 2^32 − 1 s is the longest: fewer than 2^31 of them add up to less than 2^63 s
    assertThat(call.withHandleTime(Duration.ofSeconds(4_294_967_295L)).handleTime())
        .contains(Duration.ofSeconds(4_294_967_295L));
    assertThatThrownBy(() -> call.withHandleTime(Duration.ofSeconds(4_294_967_296L)))
        .isInstanceOf(InvalidCallException.class)
        .hasMessage("call c1: handle time PT1193046H28M16S is longer than 4294967295 s (expected at most about 136"
            + " years, the longest handle time a report can add up)");
  }
}
