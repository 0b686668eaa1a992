package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;

/**
 * The {@code queue_log} events the reader knows, by number: the events of a call first, then QUEUESTART,
 * then the events that change no call. {@code docs/asterisk-queue-log.md} lists what each one means; the
 * {@link CallAssembler} is the one place that gives them that meaning.
 */
final class EventName {
  private EventName() {}

  static final int ENTERQUEUE = 0;
  static final int CONNECT = 1;
  static final int COMPLETEAGENT = 2;
  static final int COMPLETECALLER = 3;
  static final int RINGNOANSWER = 4;
  static final int ABANDON = 5;
  static final int EXITWITHTIMEOUT = 6;
  static final int EXITEMPTY = 7;
  static final int EXITWITHKEY = 8;
  static final int BLINDTRANSFER = 9;
  static final int ATTENDEDTRANSFER = 10;
  static final int TRANSFER = 11;
  static final int RINGCANCELED = 12;
  static final int WITHDRAW = 13;
  static final int SYSCOMPAT = 14;
  static final int QUEUESTART = 15;
  static final int FIRST_NO_CALL_EVENT = 16;
  private static final String[] NAMES = {
    "ENTERQUEUE", "CONNECT", "COMPLETEAGENT", "COMPLETECALLER", "RINGNOANSWER", "ABANDON", "EXITWITHTIMEOUT",
    "EXITEMPTY", "EXITWITHKEY", "BLINDTRANSFER", "ATTENDEDTRANSFER", "TRANSFER", "RINGCANCELED", "WITHDRAW",
    "SYSCOMPAT", "QUEUESTART",
    // From here on: events that carry no call outcome.
    "CONFIGRELOAD", "PAUSE", "UNPAUSE", "PAUSEALL", "UNPAUSEALL", "ADDMEMBER", "REMOVEMEMBER", "AGENTLOGIN",
    "AGENTLOGOFF", "AGENTCALLBACKLOGIN", "AGENTCALLBACKLOGOFF", "AGENTDUMP", "DID", "INFO", "PENALTY",
    "MIXMONITOR", "SHUTDOWN"
  };
  private static final byte[][] BYTES = new byte[NAMES.length][];
  /** Open addressing by {@link #slot}: an event's number plus one, or 0 for an empty slot. */
  private static final byte[] TABLE = new byte[128];

  static {
    for (int i = 0; i < NAMES.length; i++) {
      byte[] name = NAMES[i].getBytes(UTF_8);
      BYTES[i] = name;
      int slot = slot(name, 0, name.length);
      while (TABLE[slot] != 0) {
        slot = (slot + 1) & (TABLE.length - 1);
      }
      TABLE[slot] = (byte) (i + 1);
    }
  }

  /** Returns an event's name. */
  static String name(int event) {
    return NAMES[event];
  }

  /** Returns an event name's home slot: its length, first and last bytes tell the known names apart but a few. */
  private static int slot(byte[] b, int off, int len) {
    return ((len * 31 + b[off]) * 31 + b[off + len - 1]) & (TABLE.length - 1);
  }

  /** Returns the number of the event named by {@code b[off, off + len)}, or -1 if no known event has that name. */
  static int of(byte[] b, int off, int len) {
    if (len == 0) {
      return -1;
    }
    for (int i = slot(b, off, len); ; i = (i + 1) & (TABLE.length - 1)) {
      int event = TABLE[i] - 1;
      if (event < 0) {
        return -1;
      }
      byte[] name = BYTES[event];
      if (name.length == len && Arrays.equals(b, off, off + len, name, 0, len)) {
        return event;
      }
    }
  }
}
