package io.github.callmetrics.readme;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.base.Splitter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The README's quick start as a user gets it: the one {@code java} block of README.md, written to
 * {@code example/QuickStart.java}, compiled with {@code javax.tools} against the library and the jars it brings
 * (Guava, JSpecify) and nothing else, and run in a new JVM. Shared by {@link ReadmeQuickStartTest} (against
 * {@code target/classes}) and {@code ConsumerBuildIT} (against the packaged jar, on the class path and as a
 * named module).
 */
final class ReadmeQuickStart {
  /** The class the quick start declares. */
  static final String MAIN_CLASS = "example.QuickStart";

  private static final Pattern JAVA_BLOCK = Pattern.compile("(?s)\n```java\n(.*?)\n```\n");
  /** A statement that prints a label and a value, with the value the README promises in its comment. */
  private static final Pattern PROMISE =
      Pattern.compile("System\\.out\\.println\\(\"([^\"]*)\" \\+ .*;\\s*// (.+)$");
  /** The jars the library brings to a consumer: its compile-scope dependencies and theirs. */
  private static final Pattern LIBRARY_DEPENDENCY = Pattern.compile("(guava|failureaccess|jspecify)-[^"
      + Pattern.quote(File.separator) + "]*\\.jar");

  private ReadmeQuickStart() {}

  /** The source of the quick start: the only {@code java} block of README.md; fails if there is not one. */
  static String source() throws IOException {
    String readme = Files.readString(Path.of("README.md"), UTF_8);
    Matcher m = JAVA_BLOCK.matcher(readme);
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1) + "\n");
    }
    if (blocks.size() != 1) {
      throw new AssertionError("README.md has " + blocks.size() + " java blocks (expected exactly one, the quick"
          + " start that compiles as pasted)");
    }
    return blocks.get(0);
  }

  /**
   * The lines the quick start promises to print: for each {@code System.out.println("label " + x); // value},
   * the line {@code label value}, in order.
   */
  static List<String> promisedLines(String source) {
    List<String> lines = new ArrayList<>();
    source.lines().forEach(line -> {
      Matcher m = PROMISE.matcher(line.strip());
      if (m.find()) {
        lines.add(m.group(1) + m.group(2).strip());
      }
    });
    return lines;
  }

  /** The jars of the library's own dependencies on this test run's class path (Guava, failureaccess, JSpecify). */
  static List<Path> dependencyJars() {
    List<Path> jars = new ArrayList<>();
    for (String entry : Splitter.on(File.pathSeparatorChar).split(System.getProperty("java.class.path"))) {
      Path p = Path.of(entry);
      if (LIBRARY_DEPENDENCY.matcher(p.getFileName().toString()).matches()) {
        jars.add(p);
      }
    }
    return jars;
  }

  /** Writes the files (relative path to content) under a directory and returns their paths. */
  static List<Path> write(Path dir, Map<String, String> files) throws IOException {
    List<Path> paths = new ArrayList<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), UTF_8);
      paths.add(p);
    }
    return paths;
  }

  /** The quick start as a source tree: {@code example/QuickStart.java}, plus a module descriptor if given. */
  static Map<String, String> sourceTree(String moduleInfo) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("example/QuickStart.java", source());
    if (!moduleInfo.isEmpty()) {
      files.put("module-info.java", moduleInfo);
    }
    return files;
  }

  /** Compiles with the JDK's compiler; fails with javac's messages if it does not compile. */
  static void compile(List<String> options, List<Path> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(options);
    args.add("-Xlint:all,-requires-automatic");
    args.add("-Werror");
    sources.forEach(s -> args.add(s.toString()));
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int rc = javac.run(null, messages, messages, args.toArray(String[]::new));
    if (rc != 0) {
      throw new AssertionError("the README's quick start does not compile (javac " + rc + "):\n" + messages.toString(UTF_8));
    }
  }

  /**
   * Runs {@code java} with the arguments in a new JVM and returns its standard output; fails if it exits with
   * another status than 0 or writes to its standard error (kept in {@code dir}).
   */
  static String run(Path dir, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(args);
    Path stderr = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    p.getOutputStream().close();
    String out;
    try (InputStream stdout = p.getInputStream()) {
      out = new String(stdout.readAllBytes(), UTF_8);
    }
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the quick start did not end: " + command);
    }
    String err = Files.readString(stderr, UTF_8);
    if (p.exitValue() != 0 || !err.isEmpty()) {
      throw new AssertionError("the quick start failed (exit " + p.exitValue() + "): " + command + "\n" + err);
    }
    return out;
  }

  /**
   * Compiles the quick start in {@code dir} against a library (a jar or a classes directory) and its own
   * dependencies on the class path, runs it, and returns what it printed.
   */
  static String runOnClassPath(Path dir, Path library) throws IOException, InterruptedException {
    List<Path> classPath = new ArrayList<>();
    classPath.add(library);
    classPath.addAll(dependencyJars());
    Path out = dir.resolve("classes");
    compile(List.of("-d", out.toString(), "-cp", pathOf(classPath)), write(dir.resolve("src"), sourceTree("")));
    classPath.add(0, out);
    return run(dir, List.of("-cp", pathOf(classPath), MAIN_CLASS));
  }

  /** Joins paths with the platform's path separator. */
  static String pathOf(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
