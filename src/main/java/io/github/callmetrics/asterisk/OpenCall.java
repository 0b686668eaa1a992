package io.github.callmetrics.asterisk;

/** A call of a {@code queue_log} read that is in the queue or talking, keyed in {@link OpenCalls} by its id's bytes. */
final class OpenCall {
  /** The bytes of the id as the log has them: the key ({@link #id} is their {@code Text.decode}). */
  final byte[] key;
  /** The key's hash, {@link OpenCalls#hash}. */
  final int hash;
  final String id;
  final String queue;
  final long arrived;
  boolean connected;
  /** Whether the CONNECT was before the log started (the call's first line is its completion). */
  boolean connectedBeforeLog;
  long hold;
  /** Where the call last changed (ENTERQUEUE, then CONNECT), for messages. */
  String source;
  long line;
  /** The order in which calls were added to the table, set by {@link OpenCalls#add}. */
  long sequence;
  /** The bytes of the last line that changed the call ({@code lastLine[0, lastLineLength)}), to know a repeat. */
  byte[] lastLine = EMPTY;
  int lastLineLength;
  private static final byte[] EMPTY = new byte[0];

  OpenCall(byte[] key, int hash, String id, String queue, long arrived, String source, long line) {
    this.key = key;
    this.hash = hash;
    this.id = id;
    this.queue = queue;
    this.arrived = arrived;
    this.source = source;
    this.line = line;
  }

  /** Notes the line that changed the call last, reusing the call's buffer. */
  void applied(byte[] b, int start, int end) {
    int n = end - start;
    if (lastLine.length < n) {
      lastLine = new byte[Math.max(n, 96)];
    }
    System.arraycopy(b, start, lastLine, 0, n);
    lastLineLength = n;
  }

  /** Tells whether a line is, byte for byte, the line that changed the call last. */
  boolean isLastLine(byte[] b, int start, int end) {
    return end - start == lastLineLength && java.util.Arrays.equals(lastLine, 0, lastLineLength, b, start, end);
  }
}
