package io.github.callmetrics.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the {@link YearWorkload} as a CSV file in the documented format, for runs of the CLI by hand:
 * {@code java -cp target/classes:target/test-classes io.github.callmetrics.report.YearCsvFile /tmp/year.csv 30000000}
 * (after {@code mvn -Pjmh -DskipTests test-compile}). Put the file outside the repository: 30 million rows are
 * 2.3 GB.
 */
public final class YearCsvFile {
  private YearCsvFile() {}

  /**
   * Writes the file.
   *
   * @param args  the file's path, then the number of rows (default 30,000,000)
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : YearWorkload.CALLS;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      YearReportEndToEndBenchmark.write(out, rows);
    }
    System.out.printf("wrote %s: %,d rows, %,d bytes%n", file, rows, Files.size(file));
  }
}
