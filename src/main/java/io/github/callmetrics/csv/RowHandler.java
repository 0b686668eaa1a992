package io.github.callmetrics.csv;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import io.github.callmetrics.call.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * FastCSV callback handler for the CSV call format: the first record is kept as header cells; every later
 * field is parsed and checked straight from FastCSV's buffer into this handler's row state, and the first
 * defect of the row is remembered. {@link #buildRecord()} returns the handler itself; the reader turns the
 * state into a call or a skipped record. Not thread-safe: one per read.
 */
final class RowHandler extends AbstractBaseCsvCallbackHandler<RowHandler> {
  static final int IGNORED = 0;
  static final int ID = 1;
  static final int QUEUE = 2;
  static final int CHANNEL = 3;
  static final int ARRIVED_ISO = 4;
  static final int ARRIVED_SECONDS = 5;
  static final int ARRIVED_MILLIS = 6;
  static final int OUTCOME = 7;
  static final int ENDED_ISO = 8;
  static final int ENDED_SECONDS = 9;
  static final int ENDED_MILLIS = 10;
  static final int HANDLE_TIME = 11;

  static final int ANSWERED = 0;
  static final int ABANDONED = 1;
  static final int TIMEOUT = 2;
  static final int QUEUE_EMPTY = 3;
  static final int KEY_PRESS = 4;
  static final int OVERFLOW = 5;
  static final int WAITING = 6;
  /** Outcome labels, indexed by the codes above; the CSV format's spelling, matched ignoring case. */
  static final String[] OUTCOMES = {"answered", "abandoned", "timeout", "queue-empty", "key-press", "overflow", "waiting"};
  private static final char[][] OUTCOME_CHARS = chars(OUTCOMES);
  private static final Channel[] CHANNELS = Channel.values();
  private static final char[][] CHANNEL_CHARS = chars(labels());

  private final FieldParser parser = new FieldParser();
  private final Map<String, String> queues = new HashMap<>();
  private @Nullable String lastQueue;

  // Header mode: roles == null.
  private int @Nullable [] roles;
  private String[] names = new String[0];
  final List<String> headerCells = new ArrayList<>();

  // Row state.
  long line;
  int fields;
  @Nullable String id;
  @Nullable String queue;
  Channel channel = Channel.VOICE;
  int outcome;
  boolean hasOutcome;
  boolean hasArrived;
  long arrivedSeconds;
  int arrivedNanos;
  boolean hasEnded;
  long endedSeconds;
  int endedNanos;
  boolean hasHandle;
  long handleSeconds;
  int handleNanos;
  final StringBuilder arrivedText = new StringBuilder(32);
  final StringBuilder endedText = new StringBuilder(32);
  final StringBuilder handleText = new StringBuilder(16);
  @Nullable String defectColumn;
  @Nullable String defectValue;
  @Nullable String defectRule;

  private static String[] labels() {
    String[] labels = new String[CHANNELS.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = CHANNELS[i].label();
    }
    return labels;
  }

  private static char[][] chars(String[] words) {
    char[][] out = new char[words.length][];
    for (int i = 0; i < words.length; i++) {
      out[i] = words[i].toCharArray();
    }
    return out;
  }

  private final Map<Integer, String> roleNames = new HashMap<>();

  /** Switches from header mode to row mode with each column's role and name, and each role's column name. */
  void columns(int[] roles, String[] names, Map<Integer, String> byRole) {
    this.roles = Arrays.copyOf(roles, roles.length);
    this.names = Arrays.copyOf(names, names.length);
    roleNames.putAll(byRole);
  }

  /** Returns the header's name of the column with a role (the arrived/ended group for instants). */
  String roleName(int role) {
    return roleNames.getOrDefault(role, "?");
  }

  int columnCount() {
    return names.length;
  }

  @Override
  protected void handleBegin(long startingLineNumber) {
    line = startingLineNumber;
    fields = 0;
    id = null;
    queue = null;
    channel = Channel.VOICE;
    hasOutcome = false;
    hasArrived = false;
    hasEnded = false;
    hasHandle = false;
    arrivedText.setLength(0);
    endedText.setLength(0);
    handleText.setLength(0);
    defectColumn = null;
    defectValue = null;
    defectRule = null;
  }

  @Override
  protected void handleField(int index, char[] buf, int off, int len, boolean quoted) {
    fields++;
    int[] r = roles;
    if (r == null) {
      headerCells.add(new String(buf, off, len));
      return;
    }
    if (index >= r.length) {
      return;
    }
    switch (r[index]) {
      case ID:
        id = new String(buf, off, len);
        break;
      case QUEUE:
        queue = queue(buf, off, len);
        break;
      case CHANNEL:
        channel(index, buf, off, len);
        break;
      case ARRIVED_ISO:
      case ARRIVED_SECONDS:
      case ARRIVED_MILLIS:
        arrivedText.append(buf, off, len);
        if (len > 0) {
          String rule = r[index] == ARRIVED_ISO
              ? parser.parseIsoInstant(buf, off, len)
              : parser.parseEpoch(buf, off, len, r[index] == ARRIVED_MILLIS);
          if (rule != null) {
            defect(index, arrivedText.toString(), rule);
          } else {
            hasArrived = true;
            arrivedSeconds = parser.seconds;
            arrivedNanos = parser.nanos;
          }
        }
        break;
      case OUTCOME:
        outcome(index, buf, off, len);
        break;
      case ENDED_ISO:
      case ENDED_SECONDS:
      case ENDED_MILLIS:
        endedText.append(buf, off, len);
        if (len > 0) {
          String rule = r[index] == ENDED_ISO
              ? parser.parseIsoInstant(buf, off, len)
              : parser.parseEpoch(buf, off, len, r[index] == ENDED_MILLIS);
          if (rule != null) {
            defect(index, endedText.toString(), rule);
          } else {
            hasEnded = true;
            endedSeconds = parser.seconds;
            endedNanos = parser.nanos;
          }
        }
        break;
      case HANDLE_TIME:
        handleText.append(buf, off, len);
        if (len > 0) {
          String rule = parser.parseDuration(buf, off, len);
          if (rule != null) {
            defect(index, handleText.toString(), rule);
          } else {
            hasHandle = true;
            handleSeconds = parser.seconds;
            handleNanos = parser.nanos;
          }
        }
        break;
      default:
        break;
    }
  }

  private String queue(char[] buf, int off, int len) {
    // Queues repeat: reuse one string per queue name instead of a new one per row.
    String last = lastQueue;
    if (last != null && last.length() == len) {
      boolean same = true;
      for (int i = 0; i < len; i++) {
        if (last.charAt(i) != buf[off + i]) {
          same = false;
          break;
        }
      }
      if (same) {
        return last;
      }
    }
    String q = new String(buf, off, len);
    String shared = queues.putIfAbsent(q, q);
    lastQueue = shared == null ? q : shared;
    return lastQueue;
  }

  private void channel(int index, char[] buf, int off, int len) {
    if (len == 0) {
      channel = Channel.VOICE;
      return;
    }
    int match = match(CHANNEL_CHARS, buf, off, len);
    if (match < 0) {
      defect(index, new String(buf, off, len),
          "is not a channel (expected one of voice, chat, email, messaging, social, callback, or empty for voice)");
    } else {
      channel = CHANNELS[match];
    }
  }

  private void outcome(int index, char[] buf, int off, int len) {
    int match = match(OUTCOME_CHARS, buf, off, len);
    if (match < 0) {
      defect(index, new String(buf, off, len), len == 0
          ? "is empty (expected one of answered, abandoned, timeout, queue-empty, key-press, overflow, waiting)"
          : "is not an outcome (expected one of answered, abandoned, timeout, queue-empty, key-press, overflow, waiting)");
    } else {
      hasOutcome = true;
      outcome = match;
    }
  }

  /** Returns the index of the word equal to the chars, ignoring ASCII case, or -1. */
  private static int match(char[][] words, char[] buf, int off, int len) {
    for (int w = 0; w < words.length; w++) {
      char[] word = words[w];
      if (word.length != len) {
        continue;
      }
      int i = 0;
      while (i < len) {
        char c = buf[off + i];
        if (c >= 'A' && c <= 'Z') {
          c = (char) (c + ('a' - 'A'));
        }
        if (c != word[i]) {
          break;
        }
        i++;
      }
      if (i == len) {
        return w;
      }
    }
    return -1;
  }

  /** Remembers the row's first defect. */
  private void defect(int index, String value, String rule) {
    if (defectRule == null) {
      defectColumn = names[index];
      defectValue = value;
      defectRule = rule;
    }
  }

  @Override
  protected RowHandler buildRecord() {
    return this;
  }
}
