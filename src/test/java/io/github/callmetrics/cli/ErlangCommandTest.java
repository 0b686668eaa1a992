package io.github.callmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ErlangCommandTest {
  /** Exit code, stdout and stderr of one run. */
  private record Run(int code, String out, String err) {
    /** The flat JSON object printed, member name to raw value text. */
    Map<String, String> json() {
      Map<String, String> members = new LinkedHashMap<>();
      Matcher m = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|[^,}]+)").matcher(out.trim());
      while (m.find()) {
        members.put(m.group(1), m.group(2));
      }
      return members;
    }

    double number(String name) {
      return Double.parseDouble(json().get(name));
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void erlangCForAgentsAsJson() {
    // Source: Call Centre Helper's Erlang C worked example (product spec §7).
    Run r = run("erlang", "c", "--calls", "100", "--interval", "PT30M", "--aht", "PT3M", "--agents", "14",
        "--threshold", "PT20S", "--format", "json");
    assertThat(r.code()).isZero();
    assertThat(r.out().trim()).startsWith("{").endsWith("}");
    assertThat(r.json()).containsEntry("agents", "14").containsEntry("trafficErlangs", "10")
        .containsEntry("model", "\"erlang-c\"");
    assertThat(r.number("probabilityOfWaiting")).isCloseTo(0.1741319, org.assertj.core.api.Assertions.within(5e-8));
    assertThat(r.number("serviceLevel")).isCloseTo(0.88835, org.assertj.core.api.Assertions.within(5e-6));
    assertThat(r.number("averageSpeedOfAnswerSeconds")).isCloseTo(7.836, org.assertj.core.api.Assertions.within(5e-4));
    assertThat(r.number("occupancy")).isCloseTo(0.7142857, org.assertj.core.api.Assertions.within(5e-8));
  }

  @Test
  void erlangCSolvesForTargetWithShrinkage() {
    Run r = run("erlang", "c", "--calls", "100", "--aht", "PT3M", "--target", "0.8", "--shrinkage", "0.3",
        "--format", "json");
    assertThat(r.code()).isZero();
    assertThat(r.json()).containsEntry("agents", "14").containsEntry("staff", "20");
  }

  @Test
  void erlangCUndefinedIsNull() {
    Run r = run("erlang", "c", "--erlangs", "10", "--aht", "PT3M", "--agents", "10", "--format", "json");
    assertThat(r.code()).isZero();
    assertThat(r.json()).containsEntry("probabilityOfWaiting", "null").containsEntry("serviceLevel", "null")
        .containsEntry("averageSpeedOfAnswerSeconds", "null").containsEntry("occupancy", "null")
        .containsEntry("stable", "false");
    Run text = run("erlang", "c", "--erlangs", "10", "--aht", "PT3M", "--agents", "10");
    assertThat(text.out()).contains("undefined");
  }

  @Test
  void erlangBBothWays() {
    Run r = run("erlang", "b", "--erlangs", "10", "--agents", "17", "--format", "json");
    assertThat(r.code()).isZero();
    assertThat(r.number("blockingProbability")).isCloseTo(0.01295, org.assertj.core.api.Assertions.within(5e-6));
    Run solved = run("erlang", "b", "--erlangs", "10", "--target", "0.02", "--format", "json");
    assertThat(solved.json()).containsEntry("agents", "17");
    Run text = run("erlang", "b", "--erlangs", "10", "--agents", "16");
    assertThat(text.out()).contains("blocking probability").contains("0.0223019");
  }

  @Test
  void erlangAWithPatience() {
    // Source: product spec §7, Erlang A for Call Centre Helper's example with a 5-minute patience.
    Run r = run("erlang", "a", "--calls", "100", "--interval", "PT30M", "--aht", "PT3M", "--agents", "14",
        "--patience", "PT5M", "--format", "json");
    assertThat(r.code()).isZero();
    assertThat(r.number("probabilityOfWaiting")).isCloseTo(0.14526, org.assertj.core.api.Assertions.within(5e-6));
    assertThat(r.number("probabilityOfAbandoning")).isCloseTo(0.013984, org.assertj.core.api.Assertions.within(5e-7));
    assertThat(r.json()).containsKeys("serviceLevel", "averageSpeedOfAnswerSeconds", "occupancy", "trafficErlangs");
    Run solved = run("erlang", "a", "--calls", "100", "--aht", "PT3M", "--patience", "PT5M", "--target", "0.8",
        "--format", "json");
    assertThat(solved.json()).containsEntry("agents", "13");
    Run text = run("erlang", "a", "--calls", "100", "--aht", "PT3M", "--patience", "PT5M", "--agents", "14");
    assertThat(text.out()).contains("probability of abandoning").contains("0.0139837");
  }

  @Test
  void textOutputForPeople() {
    Run r = run("erlang", "c", "--calls", "100", "--aht", "PT3M", "--agents", "14");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("probability of waiting").contains("0.1741319").contains("service level (20 s)")
        .contains("0.8883500").contains("7.836 s");
  }

  /** Found by CommandLineFuzzTest's contract on edge values: these failed with exit 1 and "callmetrics: Overflow". */
  @Test
  void shrinkageNearOneIsAUsageError() {
    Run overflow = run("erlang", "c", "--erlangs", "5", "--aht", "PT3M", "--agents", "6", "--shrinkage",
        "0.999999999999999999");
    assertThat(overflow.code()).isEqualTo(2);
    assertThat(overflow.err()).startsWith("callmetrics: shrinkage 0.999999999999999999 turns 6 agents into"
        + " 6000000000000000000 staff, more than 2147483647 (expected a smaller shrinkage)");
    Run digits = run("erlang", "c", "--erlangs", "5", "--aht", "PT3M", "--agents", "6", "--shrinkage",
        "0.9999999999999999999999");
    assertThat(digits.code()).isEqualTo(2);
    assertThat(digits.err()).contains("has more than 18 decimal places");
  }

  @Test
  void badOptionsExitTwo() {
    Run noAht = run("erlang", "c", "--calls", "100", "--agents", "14");
    assertThat(noAht.code()).isEqualTo(2);
    assertThat(noAht.err()).contains("--aht is required");
    Run badDuration = run("erlang", "c", "--calls", "100", "--aht", "3 minutes", "--agents", "14");
    assertThat(badDuration.code()).isEqualTo(2);
    assertThat(badDuration.err()).contains("is not an ISO-8601 duration");
    Run both = run("erlang", "c", "--calls", "100", "--aht", "PT3M", "--agents", "14", "--target", "0.8");
    assertThat(both.code()).isEqualTo(2);
    Run badTarget = run("erlang", "c", "--calls", "100", "--aht", "PT3M", "--target", "1.5");
    assertThat(badTarget.code()).isEqualTo(2);
    assertThat(badTarget.err()).contains("service level target 1.5 is outside [0, 1)");
    Run zeroAgents = run("erlang", "c", "--calls", "100", "--aht", "PT3M", "--agents", "0");
    assertThat(zeroAgents.code()).isEqualTo(2);
    assertThat(zeroAgents.err()).contains("agents 0 is not positive");
    // Erlang B refuses zero lines alike (it used to compute one line silently).
    Run zeroLines = run("erlang", "b", "--erlangs", "10", "--agents", "0");
    assertThat(zeroLines.code()).isEqualTo(2);
    assertThat(zeroLines.out()).isEmpty();
    assertThat(zeroLines.err()).startsWith("callmetrics: agents 0 is not positive (expected at least 1)");
    Run negativeLines = run("erlang", "b", "--erlangs", "10", "--agents", "-1");
    assertThat(negativeLines.err()).startsWith("callmetrics: agents -1 is not positive (expected at least 1)");
    Run noPatience = run("erlang", "a", "--calls", "100", "--aht", "PT3M", "--agents", "14");
    assertThat(noPatience.code()).isEqualTo(2);
    assertThat(run("erlang").code()).isEqualTo(2);
  }
}
