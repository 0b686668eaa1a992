package io.github.callmetrics.asterisk;

import io.github.callmetrics.internal.NameTable;
import io.github.callmetrics.internal.Text;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queues of one read, by the bytes of their name: each spelling becomes a string once, and every spelling
 * of a queue gives the same string, its first spelling (or one given before), since {@code app_queue} compares
 * queue names with {@code strcasecmp}: {@code Support} and {@code support} are one queue. Not thread-safe.
 */
final class QueueNames {
  /** Each queue's spelling, by its name folded as {@code strcasecmp} compares. */
  private final Map<String, String> spelling = new HashMap<>();
  private final NameTable names = new NameTable((b, off, len) -> {
    String name = Text.decode(b, off, len);
    return spelling.computeIfAbsent(Text.foldCase(name), k -> name);
  });

  /** Spells each queue as given, whatever the case the log uses for it (before the first line). */
  void spell(List<String> given) {
    for (String name : given) {
      spelling.putIfAbsent(Text.foldCase(name), name);
    }
  }

  /** Returns the queue named by {@code b[off, off + len)}, as it is spelt. */
  String name(byte[] b, int off, int len) {
    return names.name(names.number(b, off, len)); // the decoder refuses no name, so the number is valid
  }
}
