package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.internal.Bytes;
import io.github.callmetrics.internal.NameTable;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.read.internal.ReadTracker;
import io.github.callmetrics.tally.CallTally;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads Asterisk {@code queue_log} files ({@code epoch|callid|queue|agent|EVENT|data1|data2|...}) into
 * {@link Call calls}, following {@code app_queue}'s semantics event by event (see
 * {@code docs/asterisk-queue-log.md}):
 * <ul>
 *   <li>ENTERQUEUE opens a call, {@code arrived} = its epoch;
 *   <li>CONNECT answers it at {@code arrived + holdtime} (Asterisk's own wait, so waits equal Asterisk's);
 *   <li>COMPLETECALLER, COMPLETEAGENT, BLINDTRANSFER, ATTENDEDTRANSFER (and the old TRANSFER) end an answered
 *       call: it is delivered as answered with handle time = talktime;
 *   <li>ABANDON → abandoned; EXITWITHTIMEOUT → timeout, EXITEMPTY → queue empty, EXITWITHKEY → key press
 *       (left unanswered); WITHDRAW → withdrawn; SYSCOMPAT → abandoned; each at {@code arrived + waittime};
 *   <li>RINGNOANSWER, RINGCANCELED, agent and queue events (PAUSE, UNPAUSE, ADDMEMBER, CONFIGRELOAD, ...)
 *       change no call; QUEUESTART (Asterisk started) ends every open call as
 *       {@linkplain IncompleteCall.Reason#RESTART incomplete} and resets the {@code queue show} counters.
 * </ul>
 * Several files are read in the order given, as one log (rotated files: oldest first). A call whose first
 * event is not ENTERQUEUE (the log starts mid-call) gets its arrival from the wait Asterisk reports, and its
 * id is listed in {@link QueueLogReport#startedBeforeLog()}. A call that never ends in the log is an
 * {@link IncompleteCall}.
 *
 * <p>Bad lines (too few fields, an epoch or a duration that is not a whole number or goes past the year 9999,
 * an unknown event, an event that does not fit the call's state) follow the {@link ReadMode} contract, naming
 * the file, line, field, value and rule. The streaming form holds only the calls open at a time.
 *
 * <p>The parser works on bytes (UTF-8), with no per-line strings: a call id becomes a string once per call,
 * a queue name once per queue. Instances are immutable and thread-safe; each read uses its own state.
 */
public final class QueueLogReader {
  private final ReadMode mode;
  private final boolean openAsWaiting;

  private QueueLogReader(ReadMode mode, boolean openAsWaiting) {
    this.mode = mode;
    this.openAsWaiting = openAsWaiting;
  }

  /**
   * Obtains a reader.
   *
   * @param mode  what to do with a bad line, not null
   * @return the reader; calls still waiting at the end of the log are reported as incomplete, not delivered
   */
  public static QueueLogReader of(ReadMode mode) {
    return new QueueLogReader(requireNonNull(mode, "mode"), false);
  }

  /**
   * Returns a reader like this one that also delivers the calls still waiting at the end of the log as
   * {@link Call#waiting} calls (a live view of a log being written). They stay listed as incomplete.
   *
   * @return the reader
   */
  public QueueLogReader withOpenCallsAsWaiting() {
    return new QueueLogReader(mode, true);
  }

  /**
   * Reads one file into memory.
   *
   * @param file  the {@code queue_log}, not null
   * @return the calls and the report
   * @throws ReadException at the first bad line in STRICT mode
   * @throws IOException if the file cannot be read
   */
  public QueueLogResult read(Path file) throws IOException {
    return read(List.of(requireNonNull(file, "file")));
  }

  /**
   * Reads files, in the order given, as one log, into memory.
   *
   * @param files  the files, oldest first (for example {@code queue_log.1, queue_log}), not null
   * @return the calls and the report
   * @throws ReadException at the first bad line in STRICT mode
   * @throws IOException if a file cannot be read
   */
  public QueueLogResult read(List<Path> files) throws IOException {
    requireNonNull(files, "files");
    Session session = new Session(ReadTracker.collecting(mode));
    for (Path file : List.copyOf(files)) {
      readFile(file, session);
    }
    QueueLogReport report = session.finish();
    return QueueLogResult.of(session.tracker.result().calls(), report);
  }

  /**
   * Reads files, in the order given, as one log, handing each call to a consumer when its outcome is final.
   *
   * @param files  the files, oldest first, not null
   * @param consumer  receives each call, not null
   * @return the report
   * @throws ReadException at the first bad line in STRICT mode; calls before it were already delivered
   * @throws IOException if a file cannot be read
   */
  public QueueLogReport read(List<Path> files, Consumer<? super Call> consumer) throws IOException {
    requireNonNull(files, "files");
    Session session = new Session(ReadTracker.streaming(mode, consumer));
    for (Path file : List.copyOf(files)) {
      readFile(file, session);
    }
    return session.finish();
  }

  /**
   * Reads a byte stream (UTF-8) as one log, into memory. The stream is not closed.
   *
   * @param in  the bytes, not null
   * @param sourceName  the name to use in messages, not null
   * @return the calls and the report
   * @throws ReadException at the first bad line in STRICT mode
   * @throws IOException if the stream cannot be read
   */
  public QueueLogResult read(InputStream in, String sourceName) throws IOException {
    Session session = new Session(ReadTracker.collecting(mode));
    session.read(requireNonNull(in, "in"), requireNonNull(sourceName, "sourceName"));
    QueueLogReport report = session.finish();
    return QueueLogResult.of(session.tracker.result().calls(), report);
  }

  /**
   * Reads a byte stream (UTF-8) as one log, handing each call to a consumer. The stream is not closed.
   *
   * @param in  the bytes, not null
   * @param sourceName  the name to use in messages, not null
   * @param consumer  receives each call, not null
   * @return the report
   * @throws ReadException at the first bad line in STRICT mode
   * @throws IOException if the stream cannot be read
   */
  public QueueLogReport read(InputStream in, String sourceName, Consumer<? super Call> consumer) throws IOException {
    Session session = new Session(ReadTracker.streaming(mode, consumer));
    session.read(requireNonNull(in, "in"), requireNonNull(sourceName, "sourceName"));
    return session.finish();
  }

  private static void readFile(Path file, Session session) throws IOException {
    requireNonNull(file, "file");
    Path name = file.getFileName();
    try (InputStream in = Files.newInputStream(file)) {
      session.read(in, name == null ? file.toString() : name.toString());
    }
  }

  // Events: call events first, then QUEUESTART, then the events that change no call.
  private static final int ENTERQUEUE = 0;
  private static final int CONNECT = 1;
  private static final int COMPLETEAGENT = 2;
  private static final int COMPLETECALLER = 3;
  private static final int RINGNOANSWER = 4;
  private static final int ABANDON = 5;
  private static final int EXITWITHTIMEOUT = 6;
  private static final int EXITEMPTY = 7;
  private static final int EXITWITHKEY = 8;
  private static final int BLINDTRANSFER = 9;
  private static final int ATTENDEDTRANSFER = 10;
  private static final int TRANSFER = 11;
  private static final int RINGCANCELED = 12;
  private static final int WITHDRAW = 13;
  private static final int SYSCOMPAT = 14;
  private static final int QUEUESTART = 15;
  private static final int FIRST_NO_CALL_EVENT = 16;
  private static final String[] EVENTS = {
    "ENTERQUEUE", "CONNECT", "COMPLETEAGENT", "COMPLETECALLER", "RINGNOANSWER", "ABANDON", "EXITWITHTIMEOUT",
    "EXITEMPTY", "EXITWITHKEY", "BLINDTRANSFER", "ATTENDEDTRANSFER", "TRANSFER", "RINGCANCELED", "WITHDRAW",
    "SYSCOMPAT", "QUEUESTART",
    // From here on: events that carry no call outcome.
    "CONFIGRELOAD", "PAUSE", "UNPAUSE", "PAUSEALL", "UNPAUSEALL", "ADDMEMBER", "REMOVEMEMBER", "AGENTLOGIN",
    "AGENTLOGOFF", "AGENTCALLBACKLOGIN", "AGENTCALLBACKLOGOFF", "AGENTDUMP", "DID", "INFO", "PENALTY",
    "MIXMONITOR", "SHUTDOWN"
  };
  private static final byte[][] EVENT_BYTES = new byte[EVENTS.length][];
  /** Open addressing by {@link #eventSlot}: an event's number plus one, or 0 for an empty slot. */
  private static final byte[] EVENT_TABLE = new byte[128];

  static {
    for (int i = 0; i < EVENTS.length; i++) {
      byte[] name = EVENTS[i].getBytes(UTF_8);
      EVENT_BYTES[i] = name;
      int slot = eventSlot(name, 0, name.length);
      while (EVENT_TABLE[slot] != 0) {
        slot = (slot + 1) & (EVENT_TABLE.length - 1);
      }
      EVENT_TABLE[slot] = (byte) (i + 1);
    }
  }

  /** Returns an event name's home slot: its length, first and last bytes tell the known names apart but a few. */
  private static int eventSlot(byte[] b, int off, int len) {
    return ((len * 31 + b[off]) * 31 + b[off + len - 1]) & (EVENT_TABLE.length - 1);
  }

  /** Decodes a queue name as {@code new String} does: malformed bytes become U+FFFD. */
  private static final NameTable.Decoder LENIENT_UTF_8 = (b, off, len) -> new String(b, off, len, UTF_8);
  private static final long PIPES = Bytes.repeated((byte) '|');
  private static final long NEWLINES = Bytes.repeated((byte) '\n');

  private static final int MAX_FIELDS = 64;
  /**
   * The largest epoch, and the largest holdtime, talktime or waittime, in seconds: 9999-12-31T23:59:59Z. Larger
   * numbers are not times Asterisk wrote, and would take arrivals and outcomes out of {@link Instant}'s range.
   */
  private static final long MAX_SECONDS = 253_402_300_799L;
  private static final int MAX_LINE = 1 << 20;

  /** One queue's {@code queue show} counters. */
  private static final class QueueState {
    final CallTally counted = new CallTally();
    long holdtime;
    long talktime;
    long waiting;
    long talking;
  }

  /** The state of one read, across files. Not thread-safe. */
  private final class Session {
    final ReadTracker tracker;
    final OpenCalls open = new OpenCalls();
    Map<String, QueueState> queues = new LinkedHashMap<>();
    final List<IncompleteCall> incomplete = new ArrayList<>();
    final List<String> startedBeforeLog = new ArrayList<>();
    byte[] buf = new byte[1 << 16];
    // Queue names seen, so a queue's string is made once.
    final NameTable queueNames = new NameTable(LENIENT_UTF_8);
    // The line being parsed: its fields, of which the first `pipes` end at a '|' found by scan().
    final int[] fieldStart = new int[MAX_FIELDS];
    final int[] fieldEnd = new int[MAX_FIELDS];
    int fieldCount;
    int pipes;
    // The line's call id as a key of the open calls: its bytes, or its text's bytes if they are not ASCII.
    byte[] idKey = buf;
    int idKeyOff;
    int idKeyLen;
    int idHash;
    String source = "";
    long line;
    int lineStart;
    int lineEnd;

    Session(ReadTracker tracker) {
      this.tracker = tracker;
    }

    void read(InputStream in, String sourceName) throws IOException {
      tracker.startSource(sourceName);
      source = sourceName;
      line = 0;
      int start = 0;
      int end = 0;
      int scanned = 0; // buf[start, scanned) holds no '\n', and its '|' are noted
      pipes = 0;
      boolean first = true;
      while (true) {
        int nl = scan(scanned, end);
        if (nl < 0) {
          scanned = end;
          if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            movePipes(start);
            end -= start;
            scanned -= start;
            start = 0;
          }
          if (end == buf.length) {
            if (buf.length >= MAX_LINE) {
              line++;
              throw tracker.fatal(SkippedRecord.of(source, line, "line", new String(buf, 0, 80, UTF_8) + "...",
                  "is longer than " + MAX_LINE + " bytes (expected one queue_log event per line)"));
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
          }
          int n = in.read(buf, end, buf.length - end);
          if (n < 0) {
            if (end > start) {
              line++;
              line(start, end, first);
            }
            return;
          }
          end += n;
          continue;
        }
        line++;
        int e = nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl;
        line(start, e, first);
        first = false;
        start = nl + 1;
        scanned = start;
        pipes = 0;
      }
    }

    /**
     * Looks for the line's end in {@code buf[from, to)}, noting each '|' on the way, so that finding the line
     * and splitting it is one pass; 8 bytes at a time while it can.
     *
     * @return the index of the first '\n', or -1 if there is none (all was scanned)
     */
    private int scan(int from, int to) {
      byte[] b = buf;
      int i = from;
      for (; i + 8 <= to; i += 8) {
        long w = Bytes.word(b, i);
        long nl = Bytes.matches(w, NEWLINES);
        long hits = Bytes.matches(w, PIPES) | nl;
        while (hits != 0) {
          long bit = hits & -hits;
          int at = i + (Long.numberOfTrailingZeros(bit) >>> 3);
          if ((nl & bit) != 0) {
            return at;
          }
          pipe(at);
          hits ^= bit;
        }
      }
      for (; i < to; i++) {
        byte c = b[i];
        if (c == '\n') {
          return i;
        }
        if (c == '|') {
          pipe(i);
        }
      }
      return -1;
    }

    /** Notes a '|': the field before it ends there. Past MAX_FIELDS fields, the last one takes the rest. */
    private void pipe(int at) {
      int n = pipes;
      if (n + 1 < MAX_FIELDS) {
        fieldEnd[n] = at;
        fieldStart[n + 1] = at + 1;
        pipes = n + 1;
      }
    }

    /** Moves the noted '|' by {@code -by} bytes, with the bytes they are in. */
    private void movePipes(int by) {
      for (int k = 0; k < pipes; k++) {
        fieldEnd[k] -= by;
        fieldStart[k + 1] -= by;
      }
    }

    private void line(int start, int end, boolean first) {
      tracker.at(line); // the place a run-wide duplicate check names for the calls this line completes
      if (first && end - start >= 3 && buf[start] == (byte) 0xEF && buf[start + 1] == (byte) 0xBB
          && buf[start + 2] == (byte) 0xBF) {
        start += 3; // byte-order mark
      }
      lineStart = start;
      lineEnd = end;
      if (start == end) {
        defect("line", "", "is empty (expected epoch|callid|queue|agent|event|data...)");
        return;
      }
      fieldStart[0] = start;
      fieldEnd[pipes] = end;
      fieldCount = pipes + 1;
      if (fieldCount < 5) {
        defect("line", text(start, end),
            "has " + fieldCount + " fields (expected at least 5: epoch|callid|queue|agent|event)");
        return;
      }
      long epoch = number(0);
      if (epoch < 0) {
        defect("epoch", field(0), "is not a whole number of epoch seconds");
        return;
      }
      if (epoch > MAX_SECONDS) {
        defect("epoch", field(0), "is after 9999-12-31T23:59:59Z (expected at most " + MAX_SECONDS + " epoch seconds)");
        return;
      }
      int event = event();
      if (event < 0) {
        defect("event", field(4),
            "is not an app_queue event this reader knows (see docs/asterisk-queue-log.md for the list)");
        return;
      }
      if (event == QUEUESTART) {
        restart();
        return;
      }
      if (event >= FIRST_NO_CALL_EVENT) {
        return;
      }
      int idStart = fieldStart[1];
      int idEnd = fieldEnd[1];
      @Nullable String callId = null;
      // An id that starts with a visible ASCII character is not blank; any other is checked on its text.
      if (idStart == idEnd || buf[idStart] < 0x21 || buf[idStart] > 0x7E) {
        callId = text(idStart, idEnd);
        if (callId.isBlank()) {
          defect("callid", callId,
              blank(callId) + " (expected the call's unique id for a " + EVENTS[event] + " event)");
          return;
        }
      }
      String queue = queue();
      if (queue.isBlank()) {
        defect("queue", queue, blank(queue) + " (expected the queue's name for a " + EVENTS[event] + " event)");
        return;
      }
      if (Bytes.isAscii(buf, idStart, idEnd - idStart)) {
        idKey = buf;
        idKeyOff = idStart;
        idKeyLen = idEnd - idStart;
      } else {
        // Bytes that are not UTF-8 become U+FFFD in the text, so two such ids can have the same text: keyed by
        // the text's bytes, ids are the same call exactly when their texts are equal.
        if (callId == null) {
          callId = text(idStart, idEnd);
        }
        idKey = callId.getBytes(UTF_8);
        idKeyOff = 0;
        idKeyLen = idKey.length;
      }
      idHash = OpenCalls.hash(idKey, idKeyOff, idKeyLen);
      OpenCall call = open.get(idHash, idKey, idKeyOff, idKeyLen);
      if (call != null) {
        callId = call.id;
      } else if (callId == null) {
        callId = text(idStart, idEnd);
      }
      // With the id and queue checked here, every call built from the log keeps the model's rules: its outcome
      // is its arrival plus a wait of zero or more.
      callEvent(event, epoch, callId, queue, call);
    }

    /** Returns a new call for the line's call id, not yet open. */
    private OpenCall newCall(String callId, String queue, long arrived) {
      byte[] key = Arrays.copyOfRange(idKey, idKeyOff, idKeyOff + idKeyLen);
      return new OpenCall(key, idHash, callId, queue, arrived, source, line);
    }

    private static String blank(String value) {
      return value.isEmpty() ? "is empty" : "is blank";
    }

    private void callEvent(int event, long epoch, String callId, String queue, @Nullable OpenCall call) {
      if (call != null && !call.queue.equals(queue)) {
        defect("queue", queue, "differs from the call's queue " + call.queue + " (entered at " + call.source + ":"
            + call.line + "; expected one queue at a time)");
        return;
      }
      switch (event) {
        case ENTERQUEUE:
          if (call != null) {
            defect("event", "ENTERQUEUE", "repeats for call " + callId + " already in queue " + queue + " since "
                + call.source + ":" + call.line + " (expected an end event first)");
            return;
          }
          open.add(newCall(callId, queue, epoch));
          state(queue).waiting++;
          return;
        case CONNECT:
          connect(epoch, callId, queue, call);
          return;
        case COMPLETEAGENT:
        case COMPLETECALLER:
          complete(event, epoch, callId, queue, call, 0, 1);
          return;
        case BLINDTRANSFER:
        case ATTENDEDTRANSFER:
          // BLINDTRANSFER extension|context|holdtime|talktime|origpos; ATTENDEDTRANSFER has one to three
          // fields before holdtime|talktime|origpos: count from the end.
          complete(event, epoch, callId, queue, call, dataCount() - 3, dataCount() - 2);
          return;
        case TRANSFER:
          complete(event, epoch, callId, queue, call, dataCount() - 2, dataCount() - 1);
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
          if (dataCount() >= 1 && fieldEnd[5] > fieldStart[5] && number(5) < 0) {
            defect("ms", field(5), "is not a whole number of milliseconds");
          }
          return;
        default:
          throw new AssertionError(EVENTS[event]);
      }
    }

    private void connect(long epoch, String callId, String queue, @Nullable OpenCall call) {
      long hold = data(0, "holdtime");
      if (hold < 0) {
        return;
      }
      if (call == null) {
        call = newCall(callId, queue, epoch - hold);
        open.add(call);
        startedBeforeLog.add(callId);
        state(queue).waiting++;
      } else if (call.connected) {
        defect("event", "CONNECT", "repeats for call " + callId + " already connected (expected one CONNECT per call)");
        return;
      }
      if (call.arrived + hold > epoch) {
        defect("holdtime", field(5), "ends after the event's own epoch " + epoch + " (call entered at epoch "
            + call.arrived + ")");
        return;
      }
      call.connected = true;
      call.hold = hold;
      call.source = source;
      call.line = line;
      QueueState q = state(queue);
      q.waiting--;
      q.talking++;
      q.holdtime = (q.holdtime * 3 + hold) >> 2; // app_queue recalc_holdtime
    }

    private void complete(int event, long epoch, String callId, String queue, @Nullable OpenCall call,
        int holdIndex, int talkIndex) {
      if (holdIndex < 0) {
        defect("line", text(lineStart, lineEnd), "has too few data fields for " + EVENTS[event]
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
      QueueState q = state(queue);
      if (call == null) {
        call = newCall(callId, queue, epoch - talk - hold);
        call.connected = true;
        call.hold = hold;
        startedBeforeLog.add(callId);
        q.talking++;
      } else if (!call.connected) {
        defect("event", EVENTS[event], "ends call " + callId + " that was never connected (expected a CONNECT first)");
        return;
      }
      open.remove(call);
      Instant arrived = Instant.ofEpochSecond(call.arrived);
      Call answered = Call.answered(callId, queue, arrived, arrived.plusSeconds(call.hold))
          .withHandleTime(Duration.ofSeconds(talk));
      q.talking--;
      q.counted.add(answered);
      q.talktime = (q.talktime * 3 + talk) >> 2; // app_queue update_queue
      tracker.accept(answered);
    }

    private void exit(int event, long epoch, String callId, String queue, @Nullable OpenCall call, int waitIndex) {
      long wait = data(waitIndex, "waittime");
      if (wait < 0) {
        return;
      }
      QueueState q = state(queue);
      if (call == null) {
        call = newCall(callId, queue, epoch - wait);
        startedBeforeLog.add(callId);
        q.waiting++;
      } else if (call.connected) {
        defect("event", EVENTS[event], "ends call " + callId + " that was already connected (expected a completion)");
        return;
      }
      open.remove(call);
      q.waiting--;
      Instant arrived = Instant.ofEpochSecond(call.arrived);
      Instant left = arrived.plusSeconds(wait);
      Call ended;
      switch (event) {
        case ABANDON:
          ended = Call.abandoned(callId, queue, arrived, left);
          q.counted.add(ended);
          break;
        default:
          ended = Call.leftUnanswered(callId, queue, arrived, left, event == EXITWITHTIMEOUT
              ? FlowOutReason.TIMEOUT
              : event == EXITEMPTY ? FlowOutReason.QUEUE_EMPTY
              : event == WITHDRAW ? FlowOutReason.WITHDRAWN : FlowOutReason.KEY_PRESS);
          q.counted.add(ended);
          break;
      }
      tracker.accept(ended);
    }

    private void sysCompat(long epoch, String callId, String queue, @Nullable OpenCall call) {
      if (call == null) {
        defect("callid", callId, "has no ENTERQUEUE in the log, and SYSCOMPAT gives no wait to reconstruct it from");
        return;
      }
      QueueState q = state(queue);
      open.remove(call);
      if (call.connected) {
        q.talking--;
      } else {
        q.waiting--;
      }
      Instant arrived = Instant.ofEpochSecond(call.arrived);
      Call ended = Call.abandoned(callId, queue, arrived, Instant.ofEpochSecond(Math.max(epoch, call.arrived)));
      q.counted.add(ended);
      tracker.accept(ended);
    }

    /** QUEUESTART: Asterisk started; calls open before it were dropped, counters start from zero. */
    private void restart() {
      closeOpen(IncompleteCall.Reason.RESTART);
      queues = new LinkedHashMap<>();
    }

    private void closeOpen(IncompleteCall.Reason reason) {
      for (OpenCall call : open.removeAll()) {
        Instant arrived = Instant.ofEpochSecond(call.arrived);
        if (call.connected) {
          incomplete.add(IncompleteCall.of(call.id, call.queue, arrived, IncompleteCall.State.TALKING, reason,
              call.source, call.line));
          tracker.accept(Call.answered(call.id, call.queue, arrived, arrived.plusSeconds(call.hold)));
        } else {
          incomplete.add(IncompleteCall.of(call.id, call.queue, arrived, IncompleteCall.State.WAITING, reason,
              call.source, call.line));
          if (openAsWaiting && reason == IncompleteCall.Reason.END_OF_LOG) {
            tracker.accept(Call.waiting(call.id, call.queue, arrived));
          }
        }
      }
    }

    QueueLogReport finish() {
      closeOpen(IncompleteCall.Reason.END_OF_LOG);
      Map<String, AsteriskQueueStats> stats = new LinkedHashMap<>();
      for (Map.Entry<String, QueueState> e : queues.entrySet()) {
        QueueState q = e.getValue();
        stats.put(e.getKey(), AsteriskQueueStats.of(e.getKey(), q.counted.snapshot(), q.holdtime, q.talktime,
            q.waiting, q.talking));
      }
      return QueueLogReport.of(tracker.report(), incomplete, startedBeforeLog, stats);
    }

    private QueueState state(String queue) {
      QueueState q = queues.get(queue);
      if (q == null) {
        q = new QueueState();
        queues.put(queue, q);
      }
      return q;
    }

    private int dataCount() {
      return fieldCount - 5;
    }

    /** Returns data field {@code k} (0 = data1) as a whole number, or reports it and returns -1. */
    private long data(int k, String name) {
      if (k >= dataCount()) {
        defect(name, "", "is missing (expected it as data field " + (k + 1) + " of " + field(4) + ")");
        return -1;
      }
      long v = number(5 + k);
      if (v < 0) {
        defect(name, field(5 + k), "is not a whole number of seconds, zero or more");
      } else if (v > MAX_SECONDS) {
        defect(name, field(5 + k), "is too large (expected at most " + MAX_SECONDS + " seconds)");
        return -1;
      }
      return v;
    }

    /** Returns field {@code f} as a non-negative whole number of at most 18 digits, or -1. */
    private long number(int f) {
      int s = fieldStart[f];
      int e = fieldEnd[f];
      if (s == e || e - s > 18) {
        return -1;
      }
      long v = 0;
      for (int i = s; i < e; i++) {
        int d = buf[i] - '0';
        if (d < 0 || d > 9) {
          return -1;
        }
        v = v * 10 + d;
      }
      return v;
    }

    private int event() {
      int s = fieldStart[4];
      int len = fieldEnd[4] - s;
      if (len == 0) {
        return -1;
      }
      for (int i = eventSlot(buf, s, len); ; i = (i + 1) & (EVENT_TABLE.length - 1)) {
        int event = EVENT_TABLE[i] - 1;
        if (event < 0) {
          return -1;
        }
        byte[] name = EVENT_BYTES[event];
        if (name.length == len && Arrays.equals(buf, s, s + len, name, 0, len)) {
          return event;
        }
      }
    }

    private String queue() {
      int s = fieldStart[2];
      // The decoder never refuses a name, so the number is valid.
      return queueNames.name(queueNames.number(buf, s, fieldEnd[2] - s));
    }

    private String field(int f) {
      return f < fieldCount ? text(fieldStart[f], fieldEnd[f]) : "";
    }

    private String text(int s, int e) {
      return new String(buf, s, e - s, UTF_8);
    }

    private void defect(String field, String value, String rule) {
      tracker.skip(SkippedRecord.of(source, line, field, value, rule));
    }
  }
}
