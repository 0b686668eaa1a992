package io.github.callmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer of the packaged library jar ({@code target/callmetrics-VERSION.jar}, the artifact a user downloads,
 * with its module descriptor and without the CLI): the README's quick start compiled and run against it and its
 * own dependencies, once on the class path and once as a named module that {@code requires io.github.callmetrics}.
 * Run by failsafe in {@code mvn verify}, after {@code package}.
 */
class ConsumerBuildIT {
  private static Path jar;
  private static List<String> promised;

  @BeforeAll
  static void packagedJar() throws Exception {
    String path = Optional.ofNullable(System.getProperty("callmetrics.jar"))
        .orElseThrow(() -> new AssertionError("system property callmetrics.jar is not set (failsafe sets it)"));
    jar = Path.of(path);
    assertThat(jar).as("the packaged jar").isRegularFile();
    promised = ReadmeQuickStart.promisedLines(ReadmeQuickStart.source());
    assertThat(promised).hasSize(4);
  }

  @Test
  void runsOnTheClassPath(@TempDir Path dir) throws Exception {
    String printed = ReadmeQuickStart.runOnClassPath(dir, jar);

    assertThat(printed.lines()).containsSubsequence(promised);
  }

  @Test
  void runsAsANamedModule(@TempDir Path dir) throws Exception {
    List<Path> modulePath = new ArrayList<>();
    modulePath.add(jar);
    modulePath.addAll(ReadmeQuickStart.dependencyJars());
    Path out = dir.resolve("example");

    ReadmeQuickStart.compile(List.of("-d", out.toString(), "--module-path", ReadmeQuickStart.pathOf(modulePath)),
        ReadmeQuickStart.write(dir.resolve("src"), ReadmeQuickStart.sourceTree(
            "module example {\n  requires io.github.callmetrics;\n}\n")));
    assertThat(out.resolve("module-info.class")).isRegularFile();
    modulePath.add(0, out);
    // Launched as module "example", whose requires can only be met by the library's own module descriptor.
    String printed = ReadmeQuickStart.run(dir, List.of("--module-path", ReadmeQuickStart.pathOf(modulePath),
        "-m", "example/" + ReadmeQuickStart.MAIN_CLASS));

    assertThat(printed.lines()).containsSubsequence(promised);
  }
}
