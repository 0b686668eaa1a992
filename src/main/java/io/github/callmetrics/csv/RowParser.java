package io.github.callmetrics.csv;

import io.github.callmetrics.call.Channel;
import io.github.callmetrics.internal.Bytes;
import io.github.callmetrics.internal.LocalTimes;
import io.github.callmetrics.internal.NameTable;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads the cells of one record into a row's state, straight from the tokenizer's bytes: instants,
 * durations, outcomes and channels are parsed and checked without a string; the id becomes a string, the
 * queue a number (one string per queue name). The first bad cell, left to right, is remembered as the row's
 * defect. The text of a cell is made only for a message ({@link CsvTokenizer#text(int)}). Not thread-safe:
 * one per read.
 */
final class RowParser {
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
  static final int WAIT_SECONDS = 12;
  static final int TALK_SECONDS = 13;
  static final int ROLES = 14;

  // Outcomes as in the file; indexes used below.
  static final String[] OUTCOMES = {"answered", "abandoned", "timeout", "queue-empty", "key-press", "overflow", "withdrawn",
    "waiting"};
  static final int ANSWERED = 0;
  static final int ABANDONED = 1;
  static final int TIMEOUT = 2;
  static final int QUEUE_EMPTY = 3;
  static final int KEY_PRESS = 4;
  static final int OVERFLOW = 5;
  static final int WITHDRAWN = 6;
  static final int WAITING = 7;
  private static final byte[][] OUTCOME_BYTES = bytes(OUTCOMES);
  private static final long[] OUTCOME_HEADS = heads(OUTCOME_BYTES);
  private static final Channel[] CHANNELS = Channel.values();
  private static final byte[][] CHANNEL_BYTES = bytes(labels());
  private static final long[] CHANNEL_HEADS = heads(CHANNEL_BYTES);

  private final FieldParser parser = new FieldParser();
  /** The source zone's rule for local date-times, or null: then a date-time without offset is a defect. */
  private final @Nullable LocalTimes zone;
  private final RowTimes times = new RowTimes(this);
  private final Utf8 utf8 = new Utf8();
  private final NameTable queues = new NameTable(utf8::decode);

  // The header: each column's role and name, each role's column (-1 if absent) and the name the header gave.
  private int[] roles = new int[0];
  private String[] names = new String[0];
  private final int[] columnOf = new int[ROLES];
  private final String[] roleNames = new String[ROLES];
  private int[] endedColumns = new int[0];

  // The row's state.
  @Nullable String id;
  int queueNumber;
  @Nullable String queue;
  Channel channel = Channel.VOICE;
  int outcome;
  boolean hasArrived;
  long arrivedSeconds;
  int arrivedNanos;
  boolean hasEnded;
  long endedSeconds;
  int endedNanos;
  boolean hasHandle;
  long handleSeconds;
  int handleNanos;
  /** Whether arrived or ended was written as a local date-time ({@link FieldParser#local}). */
  boolean arrivedLocal;
  boolean endedLocal;
  boolean hasWait;
  long waitSeconds;
  int waitNanos;
  int waitDigits;
  boolean hasTalk;
  long talkSeconds;
  int talkNanos;
  /** The column of the row's first bad cell, or -1. */
  int defectColumn;
  @Nullable String defectValue;
  @Nullable String defectRule;

  RowParser(@Nullable ZoneId zone) {
    this.zone = zone == null ? null : new LocalTimes(zone);
    parser.localAllowed = zone != null;
    Arrays.fill(columnOf, -1);
    Arrays.fill(roleNames, "?");
  }

  private static String[] labels() {
    String[] labels = new String[CHANNELS.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = CHANNELS[i].label();
    }
    return labels;
  }

  private static byte[][] bytes(String[] words) {
    byte[][] out = new byte[words.length][];
    for (int i = 0; i < words.length; i++) {
      out[i] = words[i].getBytes(StandardCharsets.US_ASCII);
    }
    return out;
  }

  /**
   * Sets the columns from the header: each column's role and name; {@code byRole} gives the name the header
   * gave to each role present (for arrived and ended, under the ISO role, whatever the column's format).
   */
  void columns(int[] roles, String[] names, @Nullable String[] byRole) {
    this.roles = Arrays.copyOf(roles, roles.length);
    this.names = Arrays.copyOf(names, names.length);
    for (int r = 0; r < ROLES; r++) {
      if (byRole[r] != null) {
        roleNames[r] = byRole[r];
      }
    }
    for (int i = 0; i < roles.length; i++) {
      columnOf[roles[i]] = i;
    }
    endedColumns = Arrays.stream(new int[] {first(ENDED_ISO, ENDED_SECONDS, ENDED_MILLIS), columnOf[WAIT_SECONDS]})
        .filter(c -> c >= 0).toArray();
  }

  /** Returns the source zone's rule, or null if none was given. */
  @Nullable LocalTimes zone() {
    return zone;
  }

  /** Returns the ambiguous local times of the row read, to be said once each ({@link RowTimes}). */
  RowTimes times() {
    return times;
  }

  /** Sets the columns to another parser's (the header read once, for every part of a file). */
  void columnsOf(RowParser other) {
    columns(other.roles, other.names, other.roleNames);
  }

  /** Returns the header's name of the column with a role (the arrived/ended group for instants), or "?". */
  String roleName(int role) {
    String name = roleNames[role];
    int column = column(role);
    return name.equals("?") && column >= 0 ? names[column] : name; // ended as wait_seconds, handle as talk_seconds
  }

  /**
   * Returns the column holding a role, or -1. Arrived and ended are found under any of their formats, ended
   * also as wait_seconds, and the handle time also as talk_seconds.
   */
  int column(int role) {
    switch (role) {
      case ARRIVED_ISO:
        return first(ARRIVED_ISO, ARRIVED_SECONDS, ARRIVED_MILLIS);
      case ENDED_ISO:
        int ended = first(ENDED_ISO, ENDED_SECONDS, ENDED_MILLIS);
        return ended >= 0 ? ended : columnOf[WAIT_SECONDS];
      case HANDLE_TIME:
        return columnOf[HANDLE_TIME] >= 0 ? columnOf[HANDLE_TIME] : columnOf[TALK_SECONDS];
      default:
        return columnOf[role];
    }
  }

  /** Returns the columns that give the outcome's instant: ended in its format, and wait_seconds. */
  int[] endedColumns() {
    return endedColumns;
  }

  /** Returns the column holding exactly this role, or -1. */
  int columnOfRole(int role) {
    return columnOf[role];
  }

  private int first(int a, int b, int c) {
    return columnOf[a] >= 0 ? columnOf[a] : columnOf[b] >= 0 ? columnOf[b] : columnOf[c];
  }

  int columnCount() {
    return names.length;
  }

  /** Parses the cells of a record with as many fields as the header has columns. */
  void parse(CsvTokenizer t) {
    id = null;
    queue = null;
    channel = Channel.VOICE;
    hasArrived = false;
    hasEnded = false;
    hasHandle = false;
    arrivedLocal = false;
    endedLocal = false;
    hasWait = false;
    hasTalk = false;
    times.notices = 0;
    defectColumn = -1;
    defectValue = null;
    defectRule = null;
    byte[] b = t.bytes();
    int[] starts = t.starts();
    int[] ends = t.ends();
    int[] r = roles;
    for (int i = 0; i < r.length; i++) {
      int off = starts[i];
      int len = ends[i] - off;
      switch (r[i]) {
        case ID:
          id = utf8.decode(b, off, len);
          if (id == null) {
            defect(i, t, "is not valid UTF-8 (expected text: a malformed byte sequence or a lone surrogate)");
          }
          break;
        case QUEUE:
          queueNumber = queues.number(b, off, len);
          if (queueNumber < 0) {
            defect(i, t, "is not valid UTF-8 (expected text: a malformed byte sequence or a lone surrogate)");
          } else {
            queue = queues.name(queueNumber);
          }
          break;
        case CHANNEL:
          if (len > 0) {
            int match = match(CHANNEL_BYTES, CHANNEL_HEADS, b, off, len);
            if (match < 0) {
              defect(i, t,
                  "is not a channel (expected one of voice, chat, email, messaging, social, callback, or empty for voice)");
            } else {
              channel = CHANNELS[match];
            }
          }
          break;
        case ARRIVED_ISO:
        case ARRIVED_SECONDS:
        case ARRIVED_MILLIS:
          if (len > 0) {
            String rule = instant(r[i], b, off, len);
            if (rule != null) {
              defect(i, t, rule);
            } else {
              hasArrived = true;
              arrivedSeconds = parser.seconds;
              arrivedNanos = parser.nanos;
              arrivedLocal = parser.local;
            }
          }
          break;
        case OUTCOME:
          outcome = match(OUTCOME_BYTES, OUTCOME_HEADS, b, off, len);
          if (outcome < 0) {
            defect(i, t, len == 0
                ? "is empty (expected one of answered, abandoned, timeout, queue-empty, key-press, overflow, withdrawn, waiting)"
                : "is not an outcome (expected one of answered, abandoned, timeout, queue-empty, key-press, overflow, withdrawn, waiting)");
          }
          break;
        case ENDED_ISO:
        case ENDED_SECONDS:
        case ENDED_MILLIS:
          if (len > 0) {
            String rule = instant(r[i], b, off, len);
            if (rule != null) {
              defect(i, t, rule);
            } else {
              hasEnded = true;
              endedSeconds = parser.seconds;
              endedNanos = parser.nanos;
              endedLocal = parser.local;
            }
          }
          break;
        case HANDLE_TIME:
          if (len > 0) {
            String rule = parser.parseDuration(b, off, len);
            if (rule != null) {
              defect(i, t, rule);
            } else {
              hasHandle = true;
              handleSeconds = parser.seconds;
              handleNanos = parser.nanos;
            }
          }
          break;
        case WAIT_SECONDS:
          if (len > 0) {
            String rule = parser.parseDuration(b, off, len);
            if (rule != null) {
              defect(i, t, rule);
            } else if (parser.seconds < 0) {
              defect(i, t, "is negative (expected zero or more seconds of waiting)");
            } else {
              hasWait = true;
              waitSeconds = parser.seconds;
              waitNanos = parser.nanos;
              waitDigits = parser.fractionDigits;
            }
          }
          break;
        case TALK_SECONDS:
          if (len > 0) {
            String rule = parser.parseDuration(b, off, len);
            if (rule != null) {
              defect(i, t, rule);
            } else {
              hasTalk = true;
              talkSeconds = parser.seconds;
              talkNanos = parser.nanos;
            }
          }
          break;
        default:
          break;
      }
    }
    if ((arrivedLocal || endedLocal || hasWait || hasTalk) && defectRule == null) {
      times.resolve(t); // local times, wait and talk seconds: off the path of a file with none
    }
  }

  private @Nullable String instant(int role, byte[] b, int off, int len) {
    switch (role) {
      case ARRIVED_ISO:
      case ENDED_ISO:
        return parser.parseIsoInstant(b, off, len);
      case ARRIVED_SECONDS:
      case ENDED_SECONDS:
        return parser.parseEpoch(b, off, len, false);
      default:
        return parser.parseEpoch(b, off, len, true);
    }
  }

  /**
   * Returns the index of the word equal to the bytes, ignoring ASCII case, or -1. The file's own spelling,
   * lower case, is tried first with one comparison of words (the first 8 bytes, then any after).
   */
  private static int match(byte[][] words, long[] heads, byte[] b, int off, int len) {
    long head = Bytes.head(b, off, len);
    for (int w = 0; w < words.length; w++) {
      byte[] word = words[w];
      if (word.length == len && heads[w] == head && (len <= 8 || Arrays.equals(word, 8, len, b, off + 8, off + len))) {
        return w;
      }
    }
    return matchIgnoringCase(words, b, off, len);
  }

  private static int matchIgnoringCase(byte[][] words, byte[] b, int off, int len) {
    for (int w = 0; w < words.length; w++) {
      byte[] word = words[w];
      if (word.length != len) {
        continue;
      }
      int i = 0;
      while (i < len) {
        int c = b[off + i];
        if (c >= 'A' && c <= 'Z') {
          c += 'a' - 'A';
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

  private static long[] heads(byte[][] words) {
    long[] heads = new long[words.length];
    for (int i = 0; i < words.length; i++) {
      heads[i] = Bytes.head(words[i], 0, words[i].length);
    }
    return heads;
  }

  /** Remembers the row's first defect. */
  void defect(int column, CsvTokenizer t, String rule) {
    if (defectRule == null) {
      defectColumn = column;
      defectValue = t.text(column);
      defectRule = rule;
    }
  }

  /** Returns the name the header gave to a column. */
  String name(int column) {
    return names[column];
  }
}
