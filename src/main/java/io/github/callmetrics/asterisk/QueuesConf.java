package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The queues of an Asterisk {@code queues.conf}, with the settings {@code queue show} needs
 * ({@link QueueConfig}): each {@code [section]} other than {@code [general]} is a queue; a section marked
 * {@code (!)} is a template, and {@code [name](template)} inherits the template's settings, as in Asterisk.
 * Comments ({@code ;} and {@code ;-- --;}) are ignored; {@code #include} and {@code #exec} are not supported
 * and rejected.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class QueuesConf {
  private final Map<String, QueueConfig> queues;

  private QueuesConf(Map<String, QueueConfig> queues) {
    this.queues = queues;
  }

  /**
   * Reads a {@code queues.conf} file, as UTF-8. A byte that is not UTF-8 (a Latin-1 comment, say) reads as
   * U+FFFD, as the {@code queue_log} reader reads it, rather than failing the read: Asterisk itself takes the
   * file as bytes.
   *
   * @param file  the file, not null
   * @return the queues, in file order
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if a line is not understood or a setting has a bad value; the message
   *     names the file, line, setting, value and rule
   */
  public static QueuesConf read(Path file) throws IOException {
    Path name = file.getFileName();
    // InputStreamReader replaces malformed input; Files.newBufferedReader would throw MalformedInputException.
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), UTF_8))) {
      return read(in, name == null ? file.toString() : name.toString());
    }
  }

  /**
   * Reads {@code queues.conf} text. The reader is not closed.
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
    Map<String, Section> sections = new LinkedHashMap<>();
    Section current = null;
    boolean inBlockComment = false;
    int lineNo = 0;
    for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
      lineNo++;
      String line = raw;
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (inBlockComment) {
        int end = line.indexOf("--;");
        if (end < 0) {
          continue;
        }
        line = line.substring(end + 3);
        inBlockComment = false;
      }
      int block = line.indexOf(";--");
      if (block >= 0) {
        int end = line.indexOf("--;", block + 3);
        if (end < 0) {
          inBlockComment = true;
          line = line.substring(0, block);
        } else {
          line = line.substring(0, block) + line.substring(end + 3);
        }
      }
      line = stripComment(line).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        throw new IllegalArgumentException(sourceName + ":" + lineNo + ": \"" + line
            + "\" is not supported (expected plain settings; #include and #exec are not read)");
      }
      if (line.startsWith("[")) {
        int close = line.indexOf(']');
        if (close < 0) {
          throw new IllegalArgumentException(
              sourceName + ":" + lineNo + ": \"" + line + "\" has no closing ] (expected [queue name])");
        }
        String name = line.substring(1, close).strip();
        if (name.isEmpty()) {
          throw new IllegalArgumentException(
              sourceName + ":" + lineNo + ": \"" + line + "\" has no name (expected [queue name])");
        }
        current = new Section();
        String options = line.substring(close + 1).strip();
        if (options.startsWith("(") && options.endsWith(")")) {
          for (String option : options.substring(1, options.length() - 1).split(",", -1)) {
            String o = option.strip();
            if (o.equals("!")) {
              current.template = true;
            } else if (!o.isEmpty() && !o.equals("+")) {
              Section base = sections.get(o);
              if (base == null) {
                throw new IllegalArgumentException(sourceName + ":" + lineNo + ": template \"" + o
                    + "\" is not defined above (expected a template section before its use)");
              }
              current.settings.putAll(base.settings);
              current.lines.putAll(base.lines);
            }
          }
        } else if (!options.isEmpty()) {
          throw new IllegalArgumentException(sourceName + ":" + lineNo + ": \"" + line
              + "\" has text after ] (expected [name] or [name](options))");
        }
        sections.put(name, current);
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            sourceName + ":" + lineNo + ": \"" + line + "\" is not a setting (expected key = value)");
      }
      if (current == null) {
        throw new IllegalArgumentException(
            sourceName + ":" + lineNo + ": \"" + line + "\" is outside a section (expected [queue] first)");
      }
      String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(eq + 1);
      if (value.startsWith(">")) {
        value = value.substring(1);
      }
      current.settings.put(key, value.strip());
      current.lines.put(key, lineNo);
    }
    Map<String, QueueConfig> queues = new LinkedHashMap<>();
    for (Map.Entry<String, Section> entry : sections.entrySet()) {
      String name = entry.getKey();
      Section section = entry.getValue();
      if (name.equalsIgnoreCase("general") || section.template) {
        continue;
      }
      Map<String, String> settings = section.settings;
      Map<String, Integer> lines = section.lines;
      queues.put(name, QueueConfig.of(name,
          number(settings, "servicelevel", sourceName, lines, name),
          strategy(settings.getOrDefault("strategy", "ringall")),
          number(settings, "maxlen", sourceName, lines, name),
          number(settings, "weight", sourceName, lines, name)));
    }
    return new QueuesConf(Collections.unmodifiableMap(queues));
  }

  /** One {@code [section]} while it is read: its settings, the line of each, and whether it is a template. */
  private static final class Section {
    final Map<String, String> settings = new LinkedHashMap<>();
    final Map<String, Integer> lines = new LinkedHashMap<>();
    boolean template;
  }

  private static String stripComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == ';' && (i == 0 || line.charAt(i - 1) != '\\')) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static int number(
      Map<String, String> settings, String key, String sourceName, Map<String, Integer> lines, String queue) {
    String value = settings.get(key);
    if (value == null || value.isEmpty()) {
      return 0;
    }
    String where = sourceName + ":" + lines.get(key) + ": queue " + queue;
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

  private static String strategy(String value) {
    String s = value.strip().toLowerCase(Locale.ROOT);
    return s.equals("roundrobin") ? "rrmemory" : s; // Asterisk maps the old name and prints the new one
  }

  /** Returns every queue, by name, in file order. */
  public Map<String, QueueConfig> queues() {
    return queues;
  }

  /** Returns the names of the queues, in file order. */
  public List<String> names() {
    return new ArrayList<>(queues.keySet());
  }

  /**
   * Returns one queue's settings.
   *
   * @param name  the queue's name, not null
   * @return the settings, or empty if there is no such queue
   */
  public Optional<QueueConfig> queue(String name) {
    return Optional.ofNullable(queues.get(requireNonNull(name, "name")));
  }
}
