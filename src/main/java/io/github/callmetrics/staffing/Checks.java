package io.github.callmetrics.staffing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** Argument checks shared by the models, with messages that name the parameter, the value and the rule. */
final class Checks {
  /** The most agents (or lines) a model accepts: each evaluation is linear in the agents. */
  static final int MAX_AGENTS = 10_000_000;

  private Checks() {}

  static void agents(String what, int agents) {
    if (agents < 1) {
      throw new IllegalArgumentException(what + " " + agents + " is not positive (expected at least 1)");
    }
    if (agents > MAX_AGENTS) {
      throw new IllegalArgumentException(what + " " + agents + " is above " + MAX_AGENTS
          + " (expected at most " + MAX_AGENTS + ")");
    }
  }

  static Duration notNegative(String what, Duration d) {
    requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " " + d + " is negative (expected zero or more, for example PT20S)");
    }
    return d;
  }

  static void probability(String what, double p, boolean zeroAllowed, boolean oneAllowed) {
    boolean ok = (zeroAllowed ? p >= 0 : p > 0) && (oneAllowed ? p <= 1 : p < 1);
    if (!ok) {
      throw new IllegalArgumentException(what + " " + p + " is outside " + (zeroAllowed ? "[0" : "(0") + ", 1"
          + (oneAllowed ? "]" : ")") + " (expected a fraction such as 0.8)");
    }
  }
}
