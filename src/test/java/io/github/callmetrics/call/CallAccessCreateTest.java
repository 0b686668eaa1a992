package io.github.callmetrics.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.internal.CallAccess;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link CallAccess#create}: the same call, and the same failure, as the public factories. */
class CallAccessCreateTest {
  private static final CallAccess CALLS = CallAccess.Holder.get();
  private static final Instant ARRIVED = Instant.parse("2026-03-29T00:59:58.250Z");
  private static final Instant ENDED = Instant.parse("2026-03-29T01:00:20.125Z");

  @Test
  void equalsTheFactoriesForEveryOutcomeChannelAndHandleTime() {
    for (Channel channel : Channel.values()) {
      for (boolean handle : new boolean[] {false, true}) {
        Duration handleTime = Duration.ofSeconds(185, 500_000_000);
        Call[] expected = {
            Call.answered("c1", "sales", ARRIVED, ENDED),
            Call.abandoned("c1", "sales", ARRIVED, ENDED),
            Call.leftUnanswered("c1", "sales", ARRIVED, ENDED, FlowOutReason.KEY_PRESS),
            Call.waiting("c1", "sales", ARRIVED)};
        for (Call call : expected) {
          Call built = call.withChannel(channel);
          if (handle) {
            built = built.withHandleTime(handleTime);
          }
          Call created = CALLS.create("c1", "sales", channel, call.outcome(), call.flowOutReason().orElse(null),
              ARRIVED.getEpochSecond(), ARRIVED.getNano(), ENDED.getEpochSecond(), ENDED.getNano(), handle,
              handleTime.getSeconds(), handleTime.getNano());
          assertThat(created).isEqualTo(built);
          assertThat(created.handleTime()).isEqualTo(built.handleTime());
          assertThat(created.outcomeAt()).isEqualTo(built.outcomeAt());
        }
      }
    }
  }

  @Test
  void breaksTheFactoriesRulesWithTheirMessagesAndInTheirOrder() {
    assertThatThrownBy(() -> create(" ", "", ENDED, -5))
        .isInstanceOf(InvalidCallException.class)
        .hasMessage(messageOf(() -> Call.answered(" ", "", ARRIVED, ENDED)));
    assertThatThrownBy(() -> create("c1", "", ENDED, -5))
        .hasMessage(messageOf(() -> Call.answered("c1", "", ARRIVED, ENDED)));
    Instant early = ARRIVED.minusNanos(1);
    assertThatThrownBy(() -> create("c1", "sales", early, -5))
        .isInstanceOf(InvalidCallException.class)
        .hasMessage(messageOf(() -> Call.answered("c1", "sales", ARRIVED, early)))
        .hasMessageContaining("is before arrived 2026-03-29T00:59:58.250Z");
    assertThatThrownBy(() -> create("c1", "sales", ENDED, -5))
        .isInstanceOf(InvalidCallException.class)
        .hasMessage(messageOf(() -> Call.answered("c1", "sales", ARRIVED, ENDED).withHandleTime(Duration.ofSeconds(-5))));
  }

  @Test
  void takesAReasonExactlyForACallThatLeftUnanswered() {
    assertThatThrownBy(() -> CALLS.create("c1", "sales", Channel.VOICE, Outcome.LEFT_UNANSWERED, null,
        ARRIVED.getEpochSecond(), 0, ENDED.getEpochSecond(), 0, false, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reason null with outcome LEFT_UNANSWERED (expected a reason exactly for LEFT_UNANSWERED)");
    assertThatThrownBy(() -> CALLS.create("c1", "sales", Channel.VOICE, Outcome.ANSWERED, FlowOutReason.TIMEOUT,
        ARRIVED.getEpochSecond(), 0, ENDED.getEpochSecond(), 0, false, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aWaitingCallKeepsNoOutcomeInstant() {
    Call waiting = CALLS.create("c1", "sales", Channel.VOICE, Outcome.WAITING, null, ARRIVED.getEpochSecond(),
        ARRIVED.getNano(), 1, 2, false, 7, 8);
    assertThat(waiting).isEqualTo(Call.waiting("c1", "sales", ARRIVED));
    assertThat(waiting.outcomeAt()).isEmpty();
    assertThat(waiting.handleTime()).isEmpty();
  }

  private static Call create(String id, String queue, Instant answered, long handleSeconds) {
    return CALLS.create(id, queue, Channel.VOICE, Outcome.ANSWERED, null, ARRIVED.getEpochSecond(), ARRIVED.getNano(),
        answered.getEpochSecond(), answered.getNano(), true, handleSeconds, 0);
  }

  private static String messageOf(Runnable factory) {
    try {
      factory.run();
    } catch (InvalidCallException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected an InvalidCallException");
  }
}
