package io.github.callmetrics.asterisk;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.internal.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The queues of an Asterisk {@code queues.conf}, with the settings {@code queue show} needs
 * ({@link QueueConfig}), read as Asterisk reads the file (
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/asterisk-queue-log.md">docs/asterisk-queue-log.md</a>): each
 * {@code [section]} other than {@code [general]} and the templates ({@code (!)}) is a queue; {@code [q](tpl)}
 * inherits the settings of {@code tpl}, {@code [q](+)} adds to {@code [q]}; {@code #include} and
 * {@code #tryinclude} are read (relative to the first file's directory); {@code #exec} is refused, since
 * Callmetrics runs no command. Comments ({@code ;} and {@code ;-- --;}) are ignored. A section that repeats a
 * queue's name (ignoring case, as {@code app_queue} compares names) is skipped, as {@code app_queue} skips it
 * ("already defined! Skipping!"), and said in {@link #notices()}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class QueuesConf {
  private final Map<String, QueueConfig> queues;
  private final Map<String, QueueConfig> byLowerCase;
  private final List<String> notices;

  private QueuesConf(Map<String, QueueConfig> queues, List<String> notices) {
    this.queues = queues;
    this.notices = notices;
    Map<String, QueueConfig> lower = new HashMap<>();
    for (QueueConfig queue : queues.values()) {
      lower.put(Text.foldCase(queue.name()), queue);
    }
    this.byLowerCase = lower;
  }

  /**
   * Reads a {@code queues.conf} file and the files it includes, as UTF-8. A byte that is not UTF-8 (a Latin-1
   * comment, say) reads as U+FFFD, as the {@code queue_log} reader reads it, rather than failing the read:
   * Asterisk itself takes the file as bytes.
   *
   * @param file  the file, not null
   * @return the queues, in file order
   * @throws IOException if a file cannot be read
   * @throws IllegalArgumentException if a line is not understood, a setting has a bad value, an include is
   *     missing or makes a loop, or the file has {@code #exec}; the message names the file, line, text and rule
   */
  public static QueuesConf read(Path file) throws IOException {
    return of(ConfLoader.load(requireNonNull(file, "file")));
  }

  /**
   * Reads {@code queues.conf} text. The reader is not closed. The text has no directory to find included
   * files in: an {@code #include} in it is an error (read the file with {@link #read(Path)}).
   *
   * @param reader  the text, not null
   * @param sourceName  the name to use in messages, not null
   * @return the queues, in order
   * @throws IOException if the text cannot be read
   * @throws IllegalArgumentException if a line is not understood or a setting has a bad value
   */
  public static QueuesConf read(Reader reader, String sourceName) throws IOException {
    requireNonNull(reader, "reader");
    requireNonNull(sourceName, "sourceName");
    BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
    return of(ConfLoader.load(in, sourceName));
  }

  /** The queues of the loaded categories, as {@code app_queue}'s {@code reload_queues} takes them. */
  private static QueuesConf of(List<ConfLoader.Category> categories) {
    Map<String, QueueConfig> queues = new LinkedHashMap<>();
    Map<String, ConfLoader.Category> seen = new HashMap<>();
    List<String> notices = new ArrayList<>();
    for (ConfLoader.Category section : categories) {
      String name = section.name;
      if (name.equalsIgnoreCase("general") || section.template) {
        continue;
      }
      ConfLoader.Category first = seen.putIfAbsent(Text.foldCase(name), section);
      if (first != null) {
        notices.add(section.source + ":" + section.line + ": [" + name + "] repeats queue " + first.name
            + " of " + first.source + ":" + first.line + "; app_queue keeps the first and skips this one"
            + " (\"Queue '" + name + "' already defined! Skipping!\"): its settings are not used (expected ["
            + first.name + "](+) to add to the queue)");
        continue;
      }
      queues.put(name, QueueConfig.of(name,
          number(section, "servicelevel"),
          strategy(section.last("strategy")),
          number(section, "maxlen"),
          number(section, "weight")));
    }
    return new QueuesConf(Collections.unmodifiableMap(queues), List.copyOf(notices));
  }

  private static int number(ConfLoader.Category section, String key) {
    ConfLoader.Setting setting = section.last(key);
    if (setting == null || setting.value().isEmpty()) {
      return 0;
    }
    String value = setting.value();
    String where = setting.source() + ":" + setting.line() + ": queue " + section.name;
    try {
      int n = Integer.parseInt(value);
      if (n < 0) {
        throw new IllegalArgumentException(where + ": " + key + " \"" + value + "\" is negative (expected zero or more)");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where + ": " + key + " \"" + value + "\" is not a whole number (expected seconds or a count)", e);
    }
  }

  private static String strategy(ConfLoader.@Nullable Setting setting) {
    String s = setting == null ? "ringall" : setting.value().strip().toLowerCase(Locale.ROOT);
    return s.equals("roundrobin") ? "rrmemory" : s; // Asterisk maps the old name and prints the new one
  }

  /** {@return every queue, by name, in file order} */
  public Map<String, QueueConfig> queues() {
    return queues;
  }

  /** {@return the names of the queues, in file order} */
  public List<String> names() {
    return new ArrayList<>(queues.keySet());
  }

  /**
   * Returns one queue's settings. Names are compared ignoring case, as {@code app_queue} compares them
   * ({@code strcasecmp}): {@code queue("Support")} finds {@code [support]}.
   *
   * @param name  the queue's name, not null
   * @return the settings, or empty if there is no such queue
   */
  public Optional<QueueConfig> queue(String name) {
    return Optional.ofNullable(byLowerCase.get(Text.foldCase(requireNonNull(name, "name"))));
  }

  /**
   * Returns what was read but not used, each naming its file and line: a section that repeats a queue's name
   * (Asterisk keeps the first). Empty for most files.
   *
   * @return the notices, in file order
   */
  public List<String> notices() {
    return notices;
  }
}
