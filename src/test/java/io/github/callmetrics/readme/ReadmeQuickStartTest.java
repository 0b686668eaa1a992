package io.github.callmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start compiles as pasted, against {@code target/classes} and the library's own dependencies
 * only, and prints what its comments promise.
 */
class ReadmeQuickStartTest {
  @Test
  void compilesAndRunsAsPasted(@TempDir Path dir) throws Exception {
    String source = ReadmeQuickStart.source();
    String printed = ReadmeQuickStart.runOnClassPath(dir, Path.of("target", "classes"));

    assertThat(ReadmeQuickStart.promisedLines(source)).containsExactly(
        "service level 1/4 (25.0%)",
        "Asterisk SL2  2/4 (50.0%)",
        "ASA           23.5 s (47 s over 2)",
        "agents needed 14");
    assertThat(printed.lines()).containsSubsequence(ReadmeQuickStart.promisedLines(source));
    // The day's row of the text table, both definitions side by side, and the CSV read giving the same figure.
    assertThat(printed).contains(
        "sales  voice    2026-03-16      4         2          1          1           25.0%                50.0%"
            + "    25.0%  23.5 s        35 s         300 s\n",
        "from CSV      1/4 (25.0%)\n");
  }

  @Test
  void readsTheValuePromisedInEachPrintComment() {
    assertThat(ReadmeQuickStart.promisedLines("""
            System.out.println("agents " + agents);   // 14
        System.out.println(agents);   // 14
            System.out.print("x " + y);   // 2
        """)).containsExactly("agents 14");
  }
}
