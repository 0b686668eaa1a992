package io.github.callmetrics.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Follows a growing file like {@code tail -F}: each {@link #poll} hands over the bytes appended since the last
 * one, as they are; cutting them into lines is the feed's ({@link io.github.callmetrics.asterisk.QueueLogFeed#write},
 * the one line splitter of the readers). Detects rotation, a new file at the path (another file key, the inode on
 * Unix) or the file becoming shorter than what was read (truncated), tells the sink, and then reads the new file
 * from its start. A missing file gives nothing until it appears.
 *
 * <p>Not thread-safe.
 */
final class QueueLogFollower implements AutoCloseable {
  /** Receives what a poll found. */
  interface Sink {
    /** Bytes appended to the file, in order; the array is reused after the call. */
    void bytes(byte[] b, int off, int len);

    /** The file was rotated or truncated: the bytes from now on are a new file's. */
    void rotated();
  }

  private final Path path;
  private @Nullable FileChannel channel;
  private @Nullable Object fileKey;
  private long position;
  private long rotations;
  private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

  QueueLogFollower(Path path) {
    this.path = path;
  }

  /**
   * Hands over the bytes appended since the last poll, following a rotation if there was one.
   *
   * @throws IOException if the file cannot be read
   */
  void poll(Sink sink) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return; // rotated away and not yet recreated: keep what was read, wait for the new file
    }
    Object key = attributes.fileKey();
    boolean replaced = channel != null && key != null && !Objects.equals(key, fileKey);
    boolean truncated = channel != null && attributes.size() < position;
    if (replaced || truncated) {
      if (replaced) {
        readAvailable(sink); // the rest of the old file, written before it was rotated
      }
      close();
      rotations++;
      sink.rotated();
    }
    if (channel == null) {
      channel = FileChannel.open(path, StandardOpenOption.READ);
      fileKey = key;
      position = 0;
    }
    readAvailable(sink);
  }

  private void readAvailable(Sink sink) throws IOException {
    FileChannel ch = Objects.requireNonNull(channel);
    while (true) {
      buffer.clear();
      int n = ch.read(buffer, position);
      if (n <= 0) {
        return;
      }
      position += n;
      sink.bytes(buffer.array(), 0, n);
    }
  }

  /** Returns how many times the file was found rotated or truncated. */
  long rotations() {
    return rotations;
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }
}
