package io.github.callmetrics.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.csv.CsvCallReader;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadResult;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped sample, read back by the library's own CSV reader, is exactly the generated calls. */
class SampleRoundTripTest {
  @Test
  void readingTheShippedSampleGivesTheGeneratedCalls() throws IOException {
    ReadResult read = CsvCallReader.of(ReadMode.STRICT).read(Path.of("src/sample/calls.csv"));
    assertThat(read.report().isClean()).isTrue();
    assertThat(read.calls()).isEqualTo(SampleCallGenerator.calls());
  }
}
