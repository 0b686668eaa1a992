package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.callmetrics.internal.Text;
import io.github.callmetrics.read.SkippedRecord;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What a read of a {@code queue_log} passed over without a defect: the events it was told to ignore by name
 * (counted per name), the lines repeated byte for byte (counted), and the lines read with a notice (kept). Not
 * thread-safe.
 */
final class LogNotes {
  private final Set<String> ignoring;
  private final Map<String, Long> ignored = new LinkedHashMap<>();
  private final Consumer<SkippedRecord> notices;
  private long repeats;

  /**
   * Creates the notes of one read.
   *
   * @param ignoring  the names of the events to ignore, upper case ({@link #ignoreSet})
   * @param notices  receives each line read with a notice
   */
  LogNotes(Set<String> ignoring, Consumer<SkippedRecord> notices) {
    this.ignoring = ignoring;
    this.notices = notices;
  }

  /**
   * Checks names of events to ignore: each non-blank, with no {@code |}, and not an event the reader reads.
   *
   * @return the names, stripped and in upper case (queue_log event names are), sorted
   * @throws IllegalArgumentException if a name is blank or is an event the reader knows
   */
  static Set<String> ignoreSet(Set<String> names) {
    Set<String> set = new TreeSet<>();
    for (String name : names) {
      String n = name.strip().toUpperCase(Locale.ROOT);
      if (n.isEmpty() || n.indexOf('|') >= 0) {
        throw new IllegalArgumentException("event name \"" + Text.escaped(name) + "\" is "
            + (n.isEmpty() ? "blank" : "not an event name") + " (expected the name of an event to ignore, such as OUTDIAL)");
      }
      byte[] b = n.getBytes(UTF_8);
      if (EventName.of(b, 0, b.length) >= 0) {
        throw new IllegalArgumentException("event " + n + " is an event this reader reads and cannot be ignored"
            + " (expected the name of an event that is not app_queue's, such as OUTDIAL; see"
            + " docs/asterisk-queue-log.md)");
      }
      set.add(n);
    }
    return Collections.unmodifiableSet(set);
  }

  /** Tells whether an event the reader does not know is one to ignore, and counts it if so. */
  boolean ignored(String event) {
    if (ignoring.isEmpty()) {
      return false;
    }
    String name = event.toUpperCase(Locale.ROOT);
    if (!ignoring.contains(name)) {
      return false;
    }
    ignored.merge(name, 1L, Long::sum);
    return true;
  }

  /** Counts a line that repeats a line already applied to its call. */
  void repeat() {
    repeats++;
  }

  /** Hands on a line read with a notice. */
  void notice(SkippedRecord notice) {
    notices.accept(notice);
  }

  /** Returns how many lines repeated a line already applied. */
  long repeats() {
    return repeats;
  }

  /** Returns how many lines of each ignored event were met, in the order first met. */
  Map<String, Long> ignoredEvents() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(ignored));
  }

}
