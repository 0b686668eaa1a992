package io.github.callmetrics.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Follows a growing text file like {@code tail -F}: each {@link #poll()} returns the complete lines appended
 * since the last one (a line without its final line break yet waits for the next poll). Detects rotation,
 * a new file at the path (another file key, the inode on Unix) or the file becoming shorter than what was read
 * (truncated), and then reads the new file from its start. A missing file gives no lines until it appears.
 *
 * <p>Not thread-safe.
 */
final class QueueLogFollower implements AutoCloseable {
  private final Path path;
  private @Nullable FileChannel channel;
  private @Nullable Object fileKey;
  private long position;
  private byte[] partial = new byte[0];
  private long rotations;

  QueueLogFollower(Path path) {
    this.path = path;
  }

  /**
   * Reads the complete lines appended since the last poll, following a rotation if there was one.
   *
   * @return the new lines, without line breaks, in order
   * @throws IOException if the file cannot be read
   */
  List<String> poll() throws IOException {
    List<String> lines = new ArrayList<>();
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return lines; // rotated away and not yet recreated: keep what was read, wait for the new file
    }
    Object key = attributes.fileKey();
    boolean replaced = channel != null && key != null && !Objects.equals(key, fileKey);
    boolean truncated = channel != null && attributes.size() < position;
    if (replaced || truncated) {
      if (replaced) {
        readAvailable(lines); // the rest of the old file, written before it was rotated
      }
      close();
      rotations++;
      partial = new byte[0];
    }
    if (channel == null) {
      channel = FileChannel.open(path, StandardOpenOption.READ);
      fileKey = key;
      position = 0;
    }
    readAvailable(lines);
    return lines;
  }

  private void readAvailable(List<String> lines) throws IOException {
    FileChannel ch = Objects.requireNonNull(channel);
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    while (true) {
      buffer.clear();
      int n = ch.read(buffer, position);
      if (n <= 0) {
        return;
      }
      position += n;
      byte[] chunk = new byte[partial.length + n];
      System.arraycopy(partial, 0, chunk, 0, partial.length);
      buffer.flip();
      buffer.get(chunk, partial.length, n);
      int start = 0;
      for (int i = 0; i < chunk.length; i++) {
        if (chunk[i] == '\n') {
          int end = i > start && chunk[i - 1] == '\r' ? i - 1 : i;
          lines.add(new String(chunk, start, end - start, StandardCharsets.UTF_8));
          start = i + 1;
        }
      }
      partial = java.util.Arrays.copyOfRange(chunk, start, chunk.length);
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
