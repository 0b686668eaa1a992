package io.github.callmetrics.asterisk;

/** A call of a {@code queue_log} read that is in the queue or talking, keyed in {@link OpenCalls} by its id's bytes. */
final class OpenCall {
  /** The UTF-8 of {@link #id}: the key. */
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

  OpenCall(byte[] key, int hash, String id, String queue, long arrived, String source, long line) {
    this.key = key;
    this.hash = hash;
    this.id = id;
    this.queue = queue;
    this.arrived = arrived;
    this.source = source;
    this.line = line;
  }
}
