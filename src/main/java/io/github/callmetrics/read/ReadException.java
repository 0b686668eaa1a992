package io.github.callmetrics.read;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.List;

/**
 * Thrown when a read stops at a defect: the first bad record in {@link ReadMode#STRICT}, or, in either mode,
 * a defect after which no later record can be located (no header, a broken quote). The message is the
 * {@linkplain #defect() defect}'s, naming the source, line, column or field, value and rule; what was read
 * before it is still available: {@link #report()} counts every call delivered and every record skipped
 * before, and {@link #calls()} holds the calls themselves when the read was a whole-file read.
 *
 * <p>Instances are immutable once thrown. Not serializable, although every {@code Throwable} is declared
 * so: the defect, calls and report it carries are not serializable, and without them its accessors would
 * return null; serializing one throws {@link NotSerializableException}.
 */
public final class ReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient SkippedRecord defect;
  private final transient List<Call> calls;
  private final transient ReadReport report;

  /**
   * Creates the exception.
   *
   * @param defect  the record that stopped the read, not null
   * @param calls  the calls read before it in a whole-file read, or empty in a streaming read (where they
   *     were already handed to the consumer), not null
   * @param report  what was read before it, not null
   */
  public ReadException(SkippedRecord defect, List<Call> calls, ReadReport report) {
    super(requireNonNull(defect, "defect").message());
    this.defect = defect;
    this.calls = List.copyOf(requireNonNull(calls, "calls"));
    this.report = requireNonNull(report, "report");
  }

  /** {@return the record that stopped the read, with its source, line, field, value and rule} */
  public SkippedRecord defect() {
    return defect;
  }

  /**
   * {@return the calls read before the defect, in order, when the read was a whole-file read; empty for a
   * streaming read, whose calls were already handed to the consumer ({@code report().callCount()} of them)}
   */
  public List<Call> calls() {
    return calls;
  }

  /** {@return what was read before the defect: calls delivered and records skipped (LENIENT) before it} */
  public ReadReport report() {
    return report;
  }

  /**
   * Refuses serialization (see the class documentation).
   *
   * @param out  the stream, not written to
   * @throws NotSerializableException always
   */
  private void writeObject(ObjectOutputStream out) throws NotSerializableException {
    throw new NotSerializableException(ReadException.class.getName()
        + " (it carries calls and a read report, which are not serializable)");
  }
}
