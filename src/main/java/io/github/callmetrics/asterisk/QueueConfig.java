package io.github.callmetrics.asterisk;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The settings of one queue in {@code queues.conf} that {@code queue show} prints or that the counters
 * need, with Asterisk's defaults for those not set: {@code servicelevel} 0, {@code strategy} ringall,
 * {@code maxlen} 0 (unlimited), {@code weight} 0.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class QueueConfig {
  private final String name;
  private final int serviceLevelSeconds;
  private final String strategy;
  private final int maxlen;
  private final int weight;

  private QueueConfig(String name, int serviceLevelSeconds, String strategy, int maxlen, int weight) {
    this.name = name;
    this.serviceLevelSeconds = serviceLevelSeconds;
    this.strategy = strategy;
    this.maxlen = maxlen;
    this.weight = weight;
  }

  /**
   * Obtains a queue's settings.
   *
   * @param name  the queue's name (its section in {@code queues.conf}), not blank
   * @param serviceLevelSeconds  {@code servicelevel}, whole seconds, zero or more
   * @param strategy  {@code strategy} as Asterisk prints it, for example {@code "rrmemory"}, not null
   * @param maxlen  {@code maxlen}, zero for unlimited
   * @param weight  {@code weight}, zero or more
   * @return the settings
   * @throws IllegalArgumentException if the name is blank or a number is negative
   */
  public static QueueConfig of(String name, int serviceLevelSeconds, String strategy, int maxlen, int weight) {
    requireNonNull(name, "name");
    requireNonNull(strategy, "strategy");
    if (name.isBlank()) {
      throw new IllegalArgumentException("queue name \"" + name + "\" is blank (expected a section name)");
    }
    if (serviceLevelSeconds < 0 || maxlen < 0 || weight < 0) {
      throw new IllegalArgumentException("queue " + name + ": servicelevel " + serviceLevelSeconds + ", maxlen "
          + maxlen + ", weight " + weight + " has a negative number (expected each zero or more)");
    }
    return new QueueConfig(name, serviceLevelSeconds, strategy, maxlen, weight);
  }

  /** {@return the queue's name} */
  public String name() {
    return name;
  }

  /** {@return {@code servicelevel}, the threshold of Asterisk's {@code SL} and {@code SL2}, in whole seconds} */
  public int serviceLevelSeconds() {
    return serviceLevelSeconds;
  }

  /** {@return {@code servicelevel} as a duration} */
  public Duration serviceLevel() {
    return Duration.ofSeconds(serviceLevelSeconds);
  }

  /** {@return the ring strategy as {@code queue show} prints it ({@code "rrmemory"}, {@code "ringall"}, ...)} */
  public String strategy() {
    return strategy;
  }

  /** {@return {@code maxlen}: the most callers the queue holds, zero for unlimited} */
  public int maxlen() {
    return maxlen;
  }

  /** {@return {@code weight}, the queue's priority against other queues sharing members} */
  public int weight() {
    return weight;
  }

  @Override
  public String toString() {
    return name + " (servicelevel " + serviceLevelSeconds + "s, strategy " + strategy + ")";
  }
}
