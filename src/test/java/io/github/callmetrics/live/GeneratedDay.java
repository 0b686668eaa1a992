package io.github.callmetrics.live;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded day of calls in several queues and channels with every outcome, waits from 0 s to 10 minutes (so
 * many cross interval boundaries), and the events that describe them, delivered slightly out of order.
 */
final class GeneratedDay {
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final LocalDate DAY = LocalDate.of(2026, 3, 16);
  static final String[] QUEUES = {"sales", "support", "billing", "vip"};
  static final Channel[] CHANNELS = {Channel.VOICE, Channel.VOICE, Channel.CHAT, Channel.CALLBACK};

  /** One event with the instant it is delivered at (its own instant plus a jitter). */
  record Delivery(CallEvent event, long deliveredAtNanos, long seq) {}

  final List<Call> calls = new ArrayList<>();
  final List<Delivery> deliveries = new ArrayList<>();

  /**
   * Generates calls arriving over the day until {@code cut}; calls whose outcome would be after {@code cut}
   * stay waiting (their outcome event is not delivered).
   */
  GeneratedDay(long seed, int count, Instant cut, int jitterMillis) {
    this(seed, count, cut, jitterMillis, "c");
  }

  /** The same, with call ids {@code idPrefix + i} instead of {@code "c" + i}. */
  GeneratedDay(long seed, int count, Instant cut, int jitterMillis, String idPrefix) {
    SplittableRandom random = new SplittableRandom(seed);
    Instant start = DAY.atStartOfDay(AMSTERDAM).toInstant();
    long span = cut.getEpochSecond() - start.getEpochSecond();
    long seq = 0;
    for (int i = 0; i < count; i++) {
      Instant arrived = start.plusMillis((long) (random.nextDouble() * span * 1000));
      String queue = QUEUES[random.nextInt(QUEUES.length)];
      Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
      String id = idPrefix + i;
      long waitMillis = random.nextInt(10) == 0 ? random.nextLong(600_000) : random.nextLong(40_000);
      Instant out = arrived.plusMillis(waitMillis);
      int kind = random.nextInt(10);
      CallEvent enter = CallEvent.entered(queue, id, channel, arrived);
      deliveries.add(new Delivery(enter, nanos(arrived) + random.nextLong(jitterMillis * 1_000_000L + 1), seq++));
      if (out.isAfter(cut)) {
        calls.add(Call.waiting(id, queue, arrived).withChannel(channel));
        continue;
      }
      Call call;
      CallEvent outcome;
      if (kind < 6) {
        call = Call.answered(id, queue, arrived, out);
        outcome = CallEvent.answered(queue, id, out);
      } else if (kind < 8) {
        call = Call.abandoned(id, queue, arrived, out);
        outcome = CallEvent.abandoned(queue, id, out);
      } else {
        FlowOutReason reason = FlowOutReason.values()[random.nextInt(FlowOutReason.values().length)];
        call = Call.leftUnanswered(id, queue, arrived, out, reason);
        outcome = CallEvent.leftUnanswered(queue, id, out, reason);
      }
      calls.add(call.withChannel(channel));
      long enterDelivered = deliveries.get(deliveries.size() - 1).deliveredAtNanos();
      long delivered = Math.max(enterDelivered, nanos(out) + random.nextLong(jitterMillis * 1_000_000L + 1));
      deliveries.add(new Delivery(outcome, delivered, seq++));
    }
    // Deliveries are in seq order, and the sort is stable: ties in delivery keep their seq order.
    deliveries.sort((a, b) -> Long.compare(a.deliveredAtNanos(), b.deliveredAtNanos()));
  }

  static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
