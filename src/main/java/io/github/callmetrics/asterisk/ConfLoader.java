package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.callmetrics.internal.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads Asterisk configuration text into its categories ({@code [sections]}) as Asterisk's own loader,
 * {@code main/config.c} ({@code config_text_file_load}, {@code process_text_line}), does, so that
 * {@link QueuesConf} sees the sections {@code app_queue} sees:
 * <ul>
 *   <li>{@code ;} starts a comment ({@code \;} is a semicolon), {@code ;-- ... --;} a block comment;
 *   <li>{@code [name](!)} is a template; {@code [name](a,b)} copies the settings of the sections or templates
 *       {@code a}, then {@code b}, found by name ignoring case, the first of that name above; its own lines come
 *       after them, so they override; {@code [name](+)} adds the lines that follow to the first section of that
 *       name above (not a template: Asterisk's {@code ast_category_get} with an empty filter skips those);
 *   <li>a section of a name already used is a category of its own, as in Asterisk (what it means is
 *       {@link QueuesConf}'s to decide: {@code app_queue} keeps the first);
 *   <li>{@code #include file} and {@code #tryinclude file} ({@code "file"} or {@code <file>}) read another file
 *       in place: a relative path is relative to the directory of the file first read (Asterisk's configuration
 *       directory), a {@code *}, {@code ?} or {@code [...]} in the file name reads every match, in name order;
 *       the included lines continue the section the include is in, and the includer's next lines continue its
 *       own section. A missing {@code #include} fails, as it makes Asterisk refuse the whole file; a loop fails;
 *       so does an include more than {@value #MAX_DEPTH} files deep (Asterisk's {@code MAX_INCLUDE_LEVEL});
 *   <li>{@code #exec} is refused: Callmetrics runs no command.
 * </ul>
 * Every error names the file, line, the text and the rule. Not thread-safe: one loader per read.
 */
final class ConfLoader {
  /** How many files deep includes may go, the first file included: Asterisk's {@code MAX_INCLUDE_LEVEL}. */
  static final int MAX_DEPTH = 10;

  /** One {@code key = value} line, where it was read. */
  record Setting(String key, String value, String source, int line) {}

  /** One {@code [section]}: its name as written, whether a template, and its settings in order. */
  static final class Category {
    final String name;
    final String source;
    final int line;
    boolean template;
    final List<Setting> settings = new ArrayList<>();

    Category(String name, String source, int line) {
      this.name = name;
      this.source = source;
      this.line = line;
    }

    /** Returns the setting {@code app_queue} ends with: the last of that key, ignoring case. */
    @Nullable Setting last(String key) {
      Setting found = null;
      for (Setting s : settings) {
        if (s.key().equalsIgnoreCase(key)) {
          found = s;
        }
      }
      return found;
    }
  }

  private final List<Category> categories = new ArrayList<>();
  /** The directory relative includes are read from; null when the text has no file. */
  private final @Nullable Path baseDir;
  private final Deque<Path> reading = new ArrayDeque<>();

  private ConfLoader(@Nullable Path baseDir) {
    this.baseDir = baseDir;
  }

  /** Reads a file and everything it includes. */
  static List<Category> load(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    Path dir = absolute.getParent();
    ConfLoader loader = new ConfLoader(dir == null ? absolute : dir);
    Path name = file.getFileName();
    loader.file(absolute, name == null ? file.toString() : name.toString(), null);
    return loader.categories;
  }

  /** Reads text that has no file: an include in it cannot be found, and fails. */
  static List<Category> load(BufferedReader in, String sourceName) throws IOException {
    ConfLoader loader = new ConfLoader(null);
    loader.lines(in, sourceName, null);
    return loader.categories;
  }

  /** Reads one file; its lines continue {@code current}, the includer's section, until a header of its own. */
  private void file(Path path, String sourceName, @Nullable Category current) throws IOException {
    reading.push(path.toRealPath());
    // InputStreamReader replaces malformed input; Files.newBufferedReader would throw MalformedInputException.
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(path), UTF_8))) {
      lines(in, sourceName, current);
    } finally {
      reading.pop();
    }
  }

  /** Reads one file's lines; {@code current} is the section the includer was in. */
  private void lines(BufferedReader in, String source, @Nullable Category current) throws IOException {
    Category cat = current;
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
      String where = source + ":" + lineNo + ": \"" + Text.escaped(line) + "\"";
      if (line.startsWith("[")) {
        cat = header(line, source, lineNo, where);
      } else if (line.startsWith("#")) {
        directive(line, where, cat);
      } else {
        setting(line, source, lineNo, where, cat);
      }
    }
  }

  private Category header(String line, String source, int lineNo, String where) {
    int close = line.indexOf(']');
    if (close < 0) {
      throw new IllegalArgumentException(where + " has no closing ] (expected [queue name])");
    }
    String name = line.substring(1, close).strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException(where + " has no name (expected [queue name])");
    }
    Category created = new Category(name, source, lineNo);
    Category target = created;
    String options = line.substring(close + 1).strip();
    if (options.startsWith("(")) {
      int end = options.indexOf(')');
      if (end < 0) {
        throw new IllegalArgumentException(where + " has no closing ) (expected [name](options))");
      }
      if (!options.substring(end + 1).isBlank()) {
        throw new IllegalArgumentException(where + " has text after ) (expected [name] or [name](options))");
      }
      for (String option : options.substring(1, end).split(",", -1)) {
        String o = option.strip();
        if (o.equals("!")) {
          target.template = true;
        } else if (o.equals("+")) {
          Category existing = find(name, false);
          if (existing == null) {
            throw new IllegalArgumentException(source + ":" + lineNo + ": [" + name + "](+) adds to a section \""
                + name + "\" that is not defined above (expected [" + name + "] before it; a template cannot be"
                + " added to, as in Asterisk)");
          }
          existing.template |= target.template;
          target = existing;
        } else if (o.startsWith("+")) {
          throw new IllegalArgumentException(where + " adds to a section chosen by a filter \"" + o.substring(1)
              + "\", which is not read (expected (+) alone)");
        } else if (!o.isEmpty()) {
          Category base = find(o, true);
          if (base == null) {
            throw new IllegalArgumentException(source + ":" + lineNo + ": template \"" + o
                + "\" is not defined above (expected a template section before its use)");
          }
          target.settings.addAll(base.settings);
        }
      }
    } else if (!options.isEmpty()) {
      throw new IllegalArgumentException(where + " has text after ] (expected [name] or [name](options))");
    }
    if (target == created) {
      categories.add(created);
    }
    return target;
  }

  /** The first category of that name, ignoring case, as {@code ast_category_get}; templates only if asked. */
  private @Nullable Category find(String name, boolean templatesToo) {
    for (Category c : categories) {
      if (c.name.equalsIgnoreCase(name) && (templatesToo || !c.template)) {
        return c;
      }
    }
    return null;
  }

  private void setting(String line, String source, int lineNo, String where, @Nullable Category cat) {
    int eq = line.indexOf('=');
    boolean append = eq > 0 && line.charAt(eq - 1) == '+';
    String key = eq <= 0 ? "" : line.substring(0, append ? eq - 1 : eq).strip();
    if (key.isEmpty()) {
      throw new IllegalArgumentException(where + " is not a setting (expected key = value)");
    }
    if (cat == null) {
      throw new IllegalArgumentException(where + " is outside a section (expected [queue] first)");
    }
    String value = line.substring(eq + 1);
    if (!append && value.startsWith(">")) {
      value = value.substring(1);
    }
    value = value.strip();
    if (append) { // "key += more": the last "key" of the section gets "more" added, as in Asterisk
      for (int i = cat.settings.size() - 1; i >= 0; i--) {
        Setting old = cat.settings.get(i);
        if (old.key().equals(key)) {
          cat.settings.set(i, new Setting(key, (old.value() + value).strip(), source, lineNo));
          return;
        }
      }
    }
    cat.settings.add(new Setting(key, value, source, lineNo));
  }

  private void directive(String line, String where, @Nullable Category cat)
      throws IOException {
    int i = 1;
    while (i < line.length() && line.charAt(i) > ' ') {
      i++;
    }
    String name = line.substring(1, i).toLowerCase(Locale.ROOT);
    String argument = line.substring(i).strip();
    if (name.equals("exec")) {
      throw new IllegalArgumentException(where + " runs a command, which Callmetrics never does (expected the"
          + " command's output saved to a file and named with #include)");
    }
    if (!name.equals("include") && !name.equals("tryinclude")) {
      throw new IllegalArgumentException(where + " is not a directive Asterisk knows (expected #include or"
          + " #tryinclude)");
    }
    if (argument.length() >= 2 && ((argument.startsWith("\"") && argument.endsWith("\""))
        || (argument.startsWith("<") && argument.endsWith(">")))) {
      argument = argument.substring(1, argument.length() - 1);
    }
    if (argument.isBlank()) {
      throw new IllegalArgumentException(where + " names no file (expected #" + name + " \"file\")");
    }
    if (baseDir == null) {
      throw new IllegalArgumentException(where + " cannot be followed: the text is not read from a file"
          + " (expected QueuesConf.read(Path), which reads includes beside the file)");
    }
    if (reading.size() >= MAX_DEPTH) {
      throw new IllegalArgumentException(where + " goes more than " + MAX_DEPTH
          + " files deep (expected at most " + MAX_DEPTH + ", Asterisk's limit)");
    }
    List<Path> files = resolve(argument, where);
    if (files.isEmpty() && name.equals("include")) {
      throw new IllegalArgumentException(where + ": " + argument + " does not exist (Asterisk refuses the whole"
          + " configuration then; expected an existing file, or #tryinclude for an optional one)");
    }
    for (Path file : files) {
      Path real = file.toRealPath();
      if (reading.contains(real)) {
        throw new IllegalArgumentException(where + " makes a loop: " + name(real) + " is already being read ("
            + chain(real) + ") (expected each file included at most once on the way down)");
      }
      file(file, name(file), cat);
    }
  }

  /** The files an include names: one, or the matches of a pattern in its file name, in name order. */
  private List<Path> resolve(String argument, String where) throws IOException {
    Path base = baseDir == null ? Path.of("") : baseDir;
    Path path;
    try {
      path = base.resolve(argument).normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(where + " names no file this system can open (expected a path)", e);
    }
    Path fileName = path.getFileName();
    Path dir = path.getParent();
    String pattern = fileName == null ? "" : fileName.toString();
    if (dir == null || pattern.chars().noneMatch(c -> c == '*' || c == '?' || c == '[')) {
      return Files.isRegularFile(path) ? List.of(path) : List.of();
    }
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> matches = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, pattern)) {
      for (Path p : stream) {
        if (Files.isRegularFile(p)) {
          matches.add(p);
        }
      }
    } catch (IllegalArgumentException e) { // PatternSyntaxException: a lone "[", say
      throw new IllegalArgumentException(where + " has a file pattern that is not a glob (expected *, ? or [abc])",
          e);
    }
    matches.sort(null);
    return matches;
  }

  /** A file's name in messages: its path from the first file's directory, or its whole path if outside it. */
  private String name(Path file) {
    Path base = baseDir == null ? Path.of("") : baseDir;
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
  }

  private String chain(Path again) {
    List<Path> down = new ArrayList<>(reading);
    Collections.reverse(down);
    down.add(again);
    return down.stream().map(this::name).collect(Collectors.joining(" -> "));
  }

  /** Cuts a {@code ;} comment; {@code \;} is a semicolon, its backslash dropped, as Asterisk does. */
  private static String stripComment(String line) {
    StringBuilder out = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ';') {
        if (i > 0 && line.charAt(i - 1) == '\\') {
          if (out == null) {
            out = new StringBuilder(line.substring(0, i - 1));
          } else {
            out.setLength(out.length() - 1);
          }
          out.append(';');
          continue;
        }
        return out == null ? line.substring(0, i) : out.toString();
      }
      if (out != null) {
        out.append(c);
      }
    }
    return out == null ? line : out.toString();
  }
}
