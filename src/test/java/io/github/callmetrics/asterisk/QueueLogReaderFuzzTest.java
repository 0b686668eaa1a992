package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadReport;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.testing.ReadContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link QueueLogReader} (docs/fuzzing.md). Under any bytes: a read returns or throws the documented
 * {@link ReadException} naming source, line and field, never anything else; LENIENT throws only for a line
 * over 1 MiB; STRICT stops exactly at LENIENT's first skipped line; and no call is lost: every call a line
 * opens (ENTERQUEUE, or the first event of a call already waiting when the log starts) is closed by exactly
 * one end event or listed as incomplete, each end event delivers one call, and each call still talking at
 * the end is delivered too. Fuzz it for a fixed time:
 * {@code mvn -B -Pfuzz test -Dtest=QueueLogReaderFuzzTest#anyBytes -Djazzer.max_duration=5m}.
 */
class QueueLogReaderFuzzTest {
  private static final String SOURCE = "queue_log";
  private static final Set<String> END_EVENTS = Set.of("COMPLETEAGENT", "COMPLETECALLER", "BLINDTRANSFER",
      "ATTENDEDTRANSFER", "TRANSFER", "ABANDON", "EXITWITHTIMEOUT", "EXITEMPTY", "EXITWITHKEY", "WITHDRAW",
      "SYSCOMPAT");

  @FuzzTest(maxDuration = "5m")
  @DictionaryEntries({"|", "ENTERQUEUE", "CONNECT", "COMPLETEAGENT", "COMPLETECALLER", "RINGNOANSWER", "ABANDON",
      "EXITWITHTIMEOUT", "EXITEMPTY", "EXITWITHKEY", "BLINDTRANSFER", "ATTENDEDTRANSFER", "TRANSFER",
      "RINGCANCELED", "WITHDRAW", "SYSCOMPAT", "QUEUESTART", "CONFIGRELOAD", "PAUSE", "NONE", "1795411251",
      "999999999999999999"})
  @Timeout(10)
  void anyBytes(byte[] input) throws IOException {
    long lastLine = ReadContract.lineBound(input);
    Read lenient = read(QueueLogReader.of(ReadMode.LENIENT), input, lastLine);
    Read strict = read(QueueLogReader.of(ReadMode.STRICT), input, lastLine);
    ReadContract.assertStrictStopsWhereLenientSkips(strict.calls, strict.failure, lenient.calls,
        lenient.report == null ? lenient.failure.report() : lenient.report.read(), lenient.failure);

    if (lenient.failure != null) {
      assertThat(lenient.failure.defect().rule()).as("LENIENT stops only at an over-long line")
          .startsWith("is longer than");
      return;
    }
    QueueLogReport report = lenient.report;
    Events events = Events.of(input, report.read());
    int incomplete = report.incomplete().size();
    assertThat(events.enterQueue + report.startedBeforeLog().size())
        .as("calls opened = calls ended + calls incomplete").isEqualTo(events.ends + incomplete);
    long talking = report.incomplete().stream().filter(c -> c.state() == IncompleteCall.State.TALKING).count();
    assertThat(report.read().callCount()).as("calls delivered = end events + calls still talking")
        .isEqualTo(events.ends + talking);
    assertThat(lenient.calls).noneMatch(c -> c.outcome() == Outcome.WAITING);

    // The live view delivers the calls still waiting at the end of the log as well, and changes nothing else.
    QueueLogResult live = QueueLogReader.of(ReadMode.LENIENT).withOpenCallsAsWaiting()
        .read(new ByteArrayInputStream(input), SOURCE);
    long waitingAtEnd = report.incomplete().stream()
        .filter(c -> c.state() == IncompleteCall.State.WAITING && c.reason() == IncompleteCall.Reason.END_OF_LOG)
        .count();
    assertThat(live.calls()).hasSize((int) (lenient.calls.size() + waitingAtEnd));
    assertThat(live.report().read().skipped()).isEqualTo(report.read().skipped());
  }

  /** One read's outcome. */
  private static final class Read {
    final List<Call> calls;
    final QueueLogReport report;
    final ReadException failure;

    Read(List<Call> calls, QueueLogReport report, ReadException failure) {
      this.calls = calls;
      this.report = report;
      this.failure = failure;
    }
  }

  private static Read read(QueueLogReader reader, byte[] input, long lastLine) throws IOException {
    try {
      QueueLogResult result = reader.read(new ByteArrayInputStream(input), SOURCE);
      ReadContract.assertSkippedInOrder(result.report().read(), SOURCE, lastLine);
      assertThat(result.report().read().callCount()).isEqualTo(result.calls().size());
      return new Read(result.calls(), result.report(), null);
    } catch (ReadException e) {
      ReadContract.assertLocated(e, SOURCE, lastLine);
      return new Read(e.calls(), null, e);
    }
  }

  /** The call-opening and call-ending lines the reader accepted, counted from the bytes (not by the reader). */
  private static final class Events {
    long enterQueue;
    long ends;

    static Events of(byte[] input, ReadReport read) {
      Set<Long> skipped = new HashSet<>();
      for (SkippedRecord record : read.skipped()) {
        skipped.add(record.line());
      }
      Events events = new Events();
      // An exact repeat of the line that last changed a call is ignored (docs/asterisk-queue-log.md).
      Map<String, String> lastLine = new HashMap<>();
      long line = 0;
      for (String raw : lines(input)) {
        line++;
        if (skipped.contains(line)) {
          continue;
        }
        String text = raw.replaceFirst("^\\x00+", ""); // NUL residue is dropped
        String[] fields = text.split("\\|", -1);
        String event = fields.length >= 5 ? fields[4] : "";
        if (event.equals("QUEUESTART")) {
          lastLine.clear();
        }
        boolean opens = event.equals("ENTERQUEUE");
        boolean ends = END_EVENTS.contains(event);
        if ((opens || ends || event.equals("CONNECT")) && text.equals(lastLine.put(fields[1], text))) {
          continue;
        }
        if (opens) {
          events.enterQueue++;
        } else if (ends) {
          events.ends++;
        }
      }
      return events;
    }

    /** The lines as the format defines them: ended by LF, CR or CRLF, a last line without an end kept. */
    private static List<String> lines(byte[] input) {
      List<String> lines = new ArrayList<>();
      int start = 0;
      for (int i = 0; i < input.length; i++) {
        if (input[i] == '\n' || input[i] == '\r') {
          lines.add(new String(input, start, i - start, ISO_8859_1));
          if (input[i] == '\r' && i + 1 < input.length && input[i + 1] == '\n') {
            i++;
          }
          start = i + 1;
        }
      }
      if (start < input.length) {
        lines.add(new String(input, start, input.length - start, ISO_8859_1));
      }
      return lines;
    }
  }
}
