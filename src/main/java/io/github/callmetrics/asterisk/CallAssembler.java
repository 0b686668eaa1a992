package io.github.callmetrics.asterisk;

import static io.github.callmetrics.asterisk.EventName.ABANDON;
import static io.github.callmetrics.asterisk.EventName.ATTENDEDTRANSFER;
import static io.github.callmetrics.asterisk.EventName.BLINDTRANSFER;
import static io.github.callmetrics.asterisk.EventName.COMPLETEAGENT;
import static io.github.callmetrics.asterisk.EventName.COMPLETECALLER;
import static io.github.callmetrics.asterisk.EventName.CONNECT;
import static io.github.callmetrics.asterisk.EventName.ENTERQUEUE;
import static io.github.callmetrics.asterisk.EventName.EXITEMPTY;
import static io.github.callmetrics.asterisk.EventName.EXITWITHKEY;
import static io.github.callmetrics.asterisk.EventName.EXITWITHTIMEOUT;
import static io.github.callmetrics.asterisk.EventName.FIRST_NO_CALL_EVENT;
import static io.github.callmetrics.asterisk.EventName.QUEUESTART;
import static io.github.callmetrics.asterisk.EventName.RINGCANCELED;
import static io.github.callmetrics.asterisk.EventName.RINGNOANSWER;
import static io.github.callmetrics.asterisk.EventName.SYSCOMPAT;
import static io.github.callmetrics.asterisk.EventName.TRANSFER;
import static io.github.callmetrics.asterisk.EventName.WITHDRAW;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.InvalidCallException;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.read.SkippedRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@code queue_log} lines into calls: the one place where an Asterisk event gets its meaning
 * ({@code docs/asterisk-queue-log.md}). It keeps the calls open at a time, checks each line against the
 * call's state, and tells every change to its {@link CallObserver}s; a line that breaks a rule goes to the
 * defect sink, naming source, line, field, value and rule, and changes nothing. Not thread-safe.
 */
final class CallAssembler implements LineScanner.LineHandler {
  /**
   * The largest epoch, and the largest holdtime, talktime or waittime, in seconds: 9999-12-31T23:59:59Z. Larger
   * numbers are not times Asterisk wrote, and would take arrivals and outcomes out of {@link Instant}'s range.
   */
  static final long MAX_SECONDS = 253_402_300_799L;
  /**
   * How far the end of a wait or a talk that Asterisk reports may be from the line's own epoch. Asterisk
   * writes both from one clock, so they agree to the second; a log read back from a database that rounds
   * times to the second is one second off either way.
   */
  static final long SLACK_SECONDS = 1;
  private final Consumer<SkippedRecord> defects;
  private final TimeOrder time;
  private final CallObserver[] observers;
  private final OpenCalls open = new OpenCalls();
  private final RecentEnds recentEnds = new RecentEnds();
  private final QueueNames queueNames = new QueueNames();
  private final LogNotes notes;
  private boolean lineDefect;
  private final List<String> startedBeforeLog = new ArrayList<>();
  private String source = "";
  // The current line, and its call id as a key of the open calls: its bytes exactly as the log has them.
  private LineScanner l = new LineScanner();
  private byte[] idKey = new byte[0];
  private int idKeyOff;
  private int idKeyLen;
  private int idHash;

  /**
   * Creates an assembler.
   *
   * @param defects  receives each line that breaks a rule (the line changes nothing)
   * @param reversals  receives the first line of each run of lines whose time runs backwards; the lines are
   *     still read (a strict reader makes the sink throw)
   * @param notes  the events ignored by name, and where the lines read with a notice and the repeats are counted
   */
  CallAssembler(Consumer<SkippedRecord> defects, Consumer<SkippedRecord> reversals, LogNotes notes,
      CallObserver... observers) {
    this.defects = defects;
    this.time = new TimeOrder(reversals);
    this.notes = notes;
    this.observers = observers.clone();
  }

  /** Notes that the lines from now on come from another source (file), for messages. */
  void startSource(String name) {
    source = name;
  }

  /** Spells each queue as given, whatever the case the log uses for it (before the first line). */
  void spellQueues(List<String> names) {
    queueNames.spell(names);
  }

  /** Returns the ids of calls whose first event in the log was not ENTERQUEUE. */
  List<String> startedBeforeLog() {
    return startedBeforeLog;
  }

  /** The log ends: every call still open is {@linkplain CallObserver#unfinished unfinished}. */
  void finish() {
    closeOpen(IncompleteCall.Reason.END_OF_LOG);
  }

  @Override
  public void line(LineScanner line) {
    l = line;
    // NUL bytes before a line: what a crash leaves where the file's end was; the line after them is Asterisk's.
    int nuls = l.dropLeadingNuls();
    if (nuls == 0) {
      read();
      return;
    }
    lineDefect = false;
    if (l.lineStart() < l.lineEnd()) {
      read();
    }
    if (!lineDefect) {
      notes.notice(SkippedRecord.of(source, l.lineNumber(), "line", l.lineText(), "starts with " + nuls
          + " NUL bytes (crash residue: they were dropped and the rest read as the line)"));
    }
  }

  private void read() {
    int start = l.lineStart();
    int end = l.lineEnd();
    if (start == end) {
      defect("line", "", "is empty (expected epoch|callid|queue|agent|event|data...)");
      return;
    }
    if (l.fieldCount() < 5) {
      defect("line", l.lineText(),
          "has " + l.fieldCount() + " fields (expected at least 5: epoch|callid|queue|agent|event)");
      return;
    }
    long epoch = l.number(0);
    if (epoch < 0) {
      defect("epoch", l.field(0), "is not a whole number of epoch seconds");
      return;
    }
    if (epoch > MAX_SECONDS) {
      defect("epoch", l.field(0), "is after 9999-12-31T23:59:59Z (expected at most " + MAX_SECONDS + " epoch seconds)");
      return;
    }
    byte[] buf = l.bytes();
    int event = EventName.of(buf, l.fieldStart(4), l.fieldEnd(4) - l.fieldStart(4));
    if (event < 0 && notes.ignored(l.field(4))) {
      return;
    }
    if (event < 0) {
      defect("event", l.field(4),
          "is not an app_queue event this reader knows (see docs/asterisk-queue-log.md for the list)");
      return;
    }
    time.at(epoch, source, l);
    if (event == QUEUESTART) {
      closeOpen(IncompleteCall.Reason.RESTART);
      recentEnds.clear();
      for (CallObserver o : observers) {
        o.restarted();
      }
      return;
    }
    if (event >= FIRST_NO_CALL_EVENT) {
      return;
    }
    int idStart = l.fieldStart(1);
    int idEnd = l.fieldEnd(1);
    @Nullable String callId = null;
    // An id that starts with a visible ASCII character is not blank; any other is checked on its text.
    if (idStart == idEnd || buf[idStart] < 0x21 || buf[idStart] > 0x7E) {
      callId = l.text(idStart, idEnd);
      if (callId.isBlank()) {
        defect("callid", callId,
            blank(callId) + " (expected the call's unique id for a " + EventName.name(event) + " event)");
        return;
      }
    }
    int qs = l.fieldStart(2);
    String queue = queueNames.name(buf, qs, l.fieldEnd(2) - qs);
    if (queue.isBlank()) {
      defect("queue", queue, blank(queue) + " (expected the queue's name for a " + EventName.name(event) + " event)");
      return;
    }
    // Keyed by its bytes, an id is one call exactly when the bytes are equal, UTF-8 or not; its text keeps
    // every byte (Text.decode), so two ids never share a text either.
    idKey = buf;
    idKeyOff = idStart;
    idKeyLen = idEnd - idStart;
    idHash = OpenCalls.hash(idKey, idKeyOff, idKeyLen);
    OpenCall call = open.get(idHash, idKey, idKeyOff, idKeyLen);
    if (call != null && call.isLastLine(buf, l.lineStart(), l.lineEnd())) {
      notes.repeat();
      return;
    }
    if (call == null && event != ENTERQUEUE && event != RINGNOANSWER && event != RINGCANCELED
        && endedAlready(event)) {
      return;
    }
    if (call != null) {
      callId = call.id;
    } else if (callId == null) {
      callId = l.text(idStart, idEnd);
    }
    if (call != null && !call.queue.equals(queue)) {
      defect("queue", queue, "differs from the call's queue " + call.queue + " (entered at " + call.source + ":"
          + call.line + "; expected one queue at a time)");
      return;
    }
    // With the id and queue checked here, every call built from the log keeps the model's rules: its outcome
    // is its arrival plus a wait of zero or more.
    callEvent(event, epoch, callId, queue, call);
  }

  private void callEvent(int event, long epoch, String callId, String queue, @Nullable OpenCall call) {
    switch (event) {
      case ENTERQUEUE:
        if (call != null) {
          defect("event", "ENTERQUEUE", "repeats for call " + callId + " already in queue " + queue + " since "
              + call.source + ":" + call.line + " (expected an end event first)");
          return;
        }
        enter(newCall(callId, queue, epoch));
        return;
      case CONNECT:
        connect(epoch, callId, queue, call);
        return;
      case COMPLETEAGENT:
      case COMPLETECALLER:
        complete(event, epoch, callId, queue, call, 0, 1);
        return;
      case BLINDTRANSFER:
      case TRANSFER:
        // extension|context|holdtime|talktime, then origpos (BLINDTRANSFER, and TRANSFER since Asterisk 1.8)
        complete(event, epoch, callId, queue, call, dataCount() >= 4 ? 2 : -1, 3);
        return;
      case ATTENDEDTRANSFER:
        // One to three fields (by transfer kind) before holdtime|talktime|origpos: count from the end.
        complete(event, epoch, callId, queue, call, dataCount() - 3, dataCount() - 2);
        return;
      case ABANDON:
      case EXITWITHTIMEOUT:
      case EXITEMPTY:
      case WITHDRAW:
        exit(event, epoch, callId, queue, call, 2);
        return;
      case EXITWITHKEY:
        exit(event, epoch, callId, queue, call, 3);
        return;
      case SYSCOMPAT:
        sysCompat(epoch, callId, queue, call);
        return;
      case RINGNOANSWER:
      case RINGCANCELED:
        if (dataCount() >= 1 && l.fieldEnd(5) > l.fieldStart(5) && l.number(5) < 0) {
          defect("ms", l.field(5), "is not a whole number of milliseconds");
        }
        return;
      default:
        throw new AssertionError(EventName.name(event));
    }
  }

  /** Returns a new call for the line's call id, not yet open. */
  private OpenCall newCall(String callId, String queue, long arrived) {
    byte[] key = Arrays.copyOfRange(idKey, idKeyOff, idKeyOff + idKeyLen);
    return new OpenCall(key, idHash, callId, queue, arrived, source, l.lineNumber());
  }

  private void enter(OpenCall call) {
    call.applied(l.bytes(), l.lineStart(), l.lineEnd());
    open.add(call);
    for (CallObserver o : observers) {
      o.entered(call);
    }
  }

  /** A call the log starts in the middle of: open it as if it had entered, and note it. */
  private void enterBeforeLog(OpenCall call) {
    startedBeforeLog.add(call.id);
    enter(call);
  }

  private void connect(long epoch, String callId, String queue, @Nullable OpenCall call) {
    long hold = data(0, "holdtime");
    if (hold < 0) {
      return;
    }
    if (call != null && call.connected) {
      defect("event", "CONNECT", "repeats for call " + callId + " already connected (expected one CONNECT per call)");
      return;
    }
    if (call != null && !endsAtLine("holdtime", l.field(5), call, hold, epoch)) {
      return;
    }
    if (call == null) {
      call = newCall(callId, queue, epoch - hold);
      enterBeforeLog(call);
    }
    call.connected = true;
    call.hold = hold;
    call.source = source;
    call.line = l.lineNumber();
    call.applied(l.bytes(), l.lineStart(), l.lineEnd());
    for (CallObserver o : observers) {
      o.connected(call);
    }
  }

  private void complete(int event, long epoch, String callId, String queue, @Nullable OpenCall call,
      int holdIndex, int talkIndex) {
    if (holdIndex < 0) {
      defect("line", l.lineText(), "has too few data fields for " + EventName.name(event)
          + " (expected holdtime and talktime)");
      return;
    }
    long hold = data(holdIndex, "holdtime");
    if (hold < 0) {
      return;
    }
    long talk = data(talkIndex, "talktime");
    if (talk < 0) {
      return;
    }
    if (call != null && !call.connected) {
      defect("event", EventName.name(event), "ends call " + callId
          + " that was never connected (expected a CONNECT first)");
      return;
    }
    if (call != null && !endsAtLine("talktime", l.field(5 + talkIndex), call, call.hold + talk, epoch)) {
      return;
    }
    if (call == null) {
      call = newCall(callId, queue, epoch - talk - hold);
      enterBeforeLog(call);
      call.connected = true;
      call.connectedBeforeLog = true;
      call.hold = hold;
      for (CallObserver o : observers) {
        o.connected(call);
      }
    }
    Instant arrived = Instant.ofEpochSecond(call.arrived);
    Call answered;
    try {
      answered = Call.answered(callId, queue, arrived, arrived.plusSeconds(call.hold))
          .withHandleTime(Duration.ofSeconds(talk));
    } catch (InvalidCallException e) { // the model's limit on a handle time, said of this line's talktime
      defect("talktime", l.field(5 + talkIndex), e.rule());
      return;
    }
    end(call);
    ended(answered, true);
  }

  private void exit(int event, long epoch, String callId, String queue, @Nullable OpenCall call, int waitIndex) {
    long wait = data(waitIndex, "waittime");
    if (wait < 0) {
      return;
    }
    if (call != null && call.connected) {
      defect("event", EventName.name(event), "ends call " + callId
          + " that was already connected (expected a completion)");
      return;
    }
    if (call != null && !endsAtLine("waittime", l.field(5 + waitIndex), call, wait, epoch)) {
      return;
    }
    if (call == null) {
      call = newCall(callId, queue, epoch - wait);
      enterBeforeLog(call);
    }
    end(call);
    Instant arrived = Instant.ofEpochSecond(call.arrived);
    Instant left = arrived.plusSeconds(wait);
    Call ended;
    switch (event) {
      case ABANDON:
        ended = Call.abandoned(callId, queue, arrived, left);
        break;
      case EXITWITHTIMEOUT:
        ended = Call.leftUnanswered(callId, queue, arrived, left, FlowOutReason.TIMEOUT);
        break;
      case EXITEMPTY:
        ended = Call.leftUnanswered(callId, queue, arrived, left, FlowOutReason.QUEUE_EMPTY);
        break;
      case WITHDRAW:
        ended = Call.leftUnanswered(callId, queue, arrived, left, FlowOutReason.WITHDRAWN);
        break;
      default:
        ended = Call.leftUnanswered(callId, queue, arrived, left, FlowOutReason.KEY_PRESS);
        break;
    }
    ended(ended, false);
  }

  /**
   * SYSCOMPAT: Asterisk could not bridge the caller to the agent and dropped the call, counting it as
   * abandoned. It has no data, so the call must be in the table.
   */
  private void sysCompat(long epoch, String callId, String queue, @Nullable OpenCall call) {
    if (call == null) {
      defect("callid", callId, "has no ENTERQUEUE in the log, and SYSCOMPAT gives no wait to reconstruct it from");
      return;
    }
    end(call);
    Instant arrived = Instant.ofEpochSecond(call.arrived);
    ended(Call.abandoned(callId, queue, arrived, Instant.ofEpochSecond(Math.max(epoch, call.arrived))),
        call.connected);
  }

  /**
   * Checks that a duration Asterisk reports, counted from the call's arrival, ends at the line's own epoch,
   * within {@link #SLACK_SECONDS}; reports it if not.
   *
   * @param sinceArrival  the seconds from the arrival to the event the line reports
   * @return whether it does
   */
  private boolean endsAtLine(String field, String value, OpenCall call, long sinceArrival, long epoch) {
    long off = call.arrived + sinceArrival - epoch;
    if (Math.abs(off) <= SLACK_SECONDS) {
      return true;
    }
    defect(field, value, (off > 0 ? "ends " + off + " s after" : "ends " + -off + " s before")
        + " the line's own epoch " + epoch + " (the call arrived at epoch " + call.arrived + ", its last event at "
        + call.source + ":" + call.line + "; expected within " + SLACK_SECONDS + " s of it)");
    return false;
  }

  /** Closes a call at the current line, which is remembered as its end among the {@link RecentEnds}. */
  private void end(OpenCall call) {
    open.remove(call);
    call.applied(l.bytes(), l.lineStart(), l.lineEnd());
    call.source = source;
    call.line = l.lineNumber();
    recentEnds.ended(call);
  }

  /**
   * A line of a call not open, against the calls that ended last: their end again is a repeat (counted), another
   * event a defect (a call ends once). Returns whether the line was dealt with.
   */
  private boolean endedAlready(int event) {
    OpenCall ended = recentEnds.get(idHash, idKey, idKeyOff, idKeyLen);
    if (ended == null) {
      return false;
    }
    if (ended.isLastLine(l.bytes(), l.lineStart(), l.lineEnd())) {
      notes.repeat();
    } else {
      defect("event", EventName.name(event), "is for call " + ended.id + " that already ended at " + ended.source
          + ":" + ended.line + " (expected an ENTERQUEUE before its next event; a line repeated with a change?)");
    }
    return true;
  }

  private void ended(Call call, boolean wasConnected) {
    for (CallObserver o : observers) {
      o.ended(call, wasConnected);
    }
  }

  private void closeOpen(IncompleteCall.Reason reason) {
    for (OpenCall call : open.removeAll()) {
      for (CallObserver o : observers) {
        o.unfinished(call, reason);
      }
    }
  }

  private static String blank(String value) {
    return value.isEmpty() ? "is empty" : "is blank";
  }

  private int dataCount() {
    return l.fieldCount() - 5;
  }

  /** Returns data field {@code k} (0 = data1) as a whole number, or reports it and returns -1. */
  private long data(int k, String name) {
    if (k >= dataCount()) {
      defect(name, "", "is missing (expected it as data field " + (k + 1) + " of " + l.field(4) + ")");
      return -1;
    }
    long v = l.number(5 + k);
    if (v < 0) {
      defect(name, l.field(5 + k), "is not a whole number of seconds, zero or more");
    } else if (v > MAX_SECONDS) {
      defect(name, l.field(5 + k), "is too large (expected at most " + MAX_SECONDS + " seconds)");
      return -1;
    }
    return v;
  }

  private void defect(String field, String value, String rule) {
    lineDefect = true;
    defects.accept(SkippedRecord.of(source, l.lineNumber(), field, value, rule));
  }
}
