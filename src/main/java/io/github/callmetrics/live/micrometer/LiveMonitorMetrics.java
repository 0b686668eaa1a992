package io.github.callmetrics.live.micrometer;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Channel;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.live.LiveFigures;
import io.github.callmetrics.live.LiveMonitor;
import io.github.callmetrics.live.LiveSnapshot;
import io.github.callmetrics.metrics.Ratio;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Publishes the live figures of a {@link LiveMonitor} as Micrometer gauges, one set per queue and channel,
 * tagged {@code queue} and {@code channel}:
 *
 * <table>
 * <caption>gauges</caption>
 * <tr><th>name</th><th>value</th><th>extra tags</th></tr>
 * <tr><td>{@code callmetrics.live.service.level}</td><td>live service level of the current interval, a
 *     fraction 0..1</td><td>{@code definition}</td></tr>
 * <tr><td>{@code callmetrics.live.window.service.level}</td><td>live service level of the sliding window</td>
 *     <td>{@code definition}</td></tr>
 * <tr><td>{@code callmetrics.live.abandonment.rate}</td><td>abandonment rate of the current interval, under
 *     the first definition</td><td></td></tr>
 * <tr><td>{@code callmetrics.live.waiting}</td><td>calls waiting now</td><td></td></tr>
 * <tr><td>{@code callmetrics.live.longest.wait}</td><td>longest current wait, seconds (0 when none waits)</td>
 *     <td></td></tr>
 * </table>
 *
 * <p><b>Undefined becomes NaN here, and only here.</b> Everywhere else Callmetrics says "undefined" with a
 * {@link Ratio} that has no value. A Micrometer gauge must return a {@code double}, and Micrometer's
 * convention for "no value" is {@link Double#NaN} (registries skip or mark NaN samples), so a service level
 * with an empty denominator is published as NaN, never as 0 or 100.
 *
 * <p>Gauges of queues and channels that appear later are registered when their first call enters
 * ({@link LiveMonitor#onNewQueueChannel}). Gauges are registered with {@code strongReference(true)}: the
 * registry keeps this binder alive. A scrape reads each queue's snapshot at most once per {@code maxAge}
 * (default one second), so one scrape of many gauges costs one snapshot per queue and channel.
 *
 * <p>This class is thread-safe.
 */
// "exports": Micrometer's types appear in this API while the module only "requires static" Micrometer, so
// that users without Micrometer get nothing extra; users of this class require micrometer.core themselves.
@SuppressWarnings("exports")
public final class LiveMonitorMetrics implements MeterBinder {
  private final LiveMonitor monitor;
  private final long maxAgeNanos;
  private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

  private LiveMonitorMetrics(LiveMonitor monitor, Duration maxAge) {
    this.monitor = monitor;
    this.maxAgeNanos = maxAge.toNanos();
  }

  /**
   * Obtains a binder for a monitor whose gauges read a snapshot at most once a second.
   *
   * @param monitor  the monitor, not null
   * @return the binder; call {@link #bindTo(MeterRegistry)} to publish
   */
  public static LiveMonitorMetrics of(LiveMonitor monitor) {
    return of(monitor, Duration.ofSeconds(1));
  }

  /**
   * Obtains a binder for a monitor whose gauges reuse a snapshot for at most {@code maxAge}.
   *
   * @param monitor  the monitor, not null
   * @param maxAge  how long a snapshot is reused, zero or more (zero: a fresh snapshot for every gauge read)
   * @return the binder
   * @throws IllegalArgumentException if {@code maxAge} is negative
   */
  public static LiveMonitorMetrics of(LiveMonitor monitor, Duration maxAge) {
    requireNonNull(monitor, "monitor");
    if (requireNonNull(maxAge, "maxAge").isNegative()) {
      throw new IllegalArgumentException("snapshot max age " + maxAge + " is negative (expected zero or more)");
    }
    return new LiveMonitorMetrics(monitor, maxAge);
  }

  /**
   * Registers the gauges of every queue and channel the monitor has seen, and of every later one.
   *
   * @param registry  the registry, not null
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    requireNonNull(registry, "registry");
    monitor.onNewQueueChannel((queue, channel) -> register(registry, queue, channel));
  }

  private void register(MeterRegistry registry, String queue, Channel channel) {
    Key key = new Key(queue, channel);
    Tags tags = Tags.of("queue", queue, "channel", channel.label());
    List<ServiceLevelDefinition> definitions = monitor.spec().definitions();
    for (int i = 0; i < definitions.size(); i++) {
      int d = i;
      Tags withDefinition = tags.and("definition", definitions.get(i).name());
      gauge(registry, "callmetrics.live.service.level", "live service level of the current interval (NaN: undefined)",
          withDefinition, key, s -> value(s.currentInterval().map(f -> f.figures(d).serviceLevel())
              .orElse(Ratio.undefined())));
      gauge(registry, "callmetrics.live.window.service.level", "live service level of the sliding window (NaN: undefined)",
          withDefinition, key, s -> value(s.window().figures(d).serviceLevel()));
    }
    gauge(registry, "callmetrics.live.abandonment.rate", "abandonment rate of the current interval (NaN: undefined)",
        tags, key, s -> value(s.currentInterval().map(LiveMonitorMetrics::abandonment).orElse(Ratio.undefined())));
    gauge(registry, "callmetrics.live.waiting", "calls waiting now", tags, key, s -> s.waitingNow());
    gauge(registry, "callmetrics.live.longest.wait", "longest current wait in seconds", tags, key,
        s -> s.longestCurrentWait().map(Duration::getSeconds).orElse(0L));
  }

  private static Ratio abandonment(LiveFigures f) {
    return f.figures(0).abandonmentRate();
  }

  private void gauge(MeterRegistry registry, String name, String description, Tags tags, Key key,
      ToDoubleFunction<LiveSnapshot> value) {
    Gauge.builder(name, this, self -> value.applyAsDouble(self.snapshot(key)))
        .description(description)
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }

  /** The one place a Callmetrics ratio becomes NaN: Micrometer's "no value". */
  private static double value(Ratio ratio) {
    return ratio.value().orElse(Double.NaN);
  }

  private LiveSnapshot snapshot(Key key) {
    long now = System.nanoTime();
    Cached cached = cache.get(key);
    if (cached != null && now - cached.takenAt < maxAgeNanos) {
      return cached.snapshot;
    }
    LiveSnapshot fresh = monitor.snapshot(key.queue, key.channel);
    cache.put(key, new Cached(fresh, now));
    return fresh;
  }

  private record Key(String queue, Channel channel) {}

  private record Cached(LiveSnapshot snapshot, long takenAt) {}
}
