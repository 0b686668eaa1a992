package io.github.callmetrics.internal;

import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Function;

/** Reads enum constants from the names people type: labels or constant names, any case, {@code -} for {@code _}. */
public final class EnumNames {
  private EnumNames() {}

  /**
   * Obtains the constant whose label or constant name matches a text.
   *
   * @param type  the enum type
   * @param text  the text, surrounding spaces ignored
   * @param what  what the constant is, for the message ({@code "channel"})
   * @param label  the label people type for a constant ({@code "queue-empty"})
   * @return the constant
   * @throws IllegalArgumentException if none matches; the message lists every label
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String text, String what, Function<E, String> label) {
    String wanted = text.strip();
    for (E constant : type.getEnumConstants()) {
      if (label.apply(constant).equalsIgnoreCase(wanted) || constant.name().equalsIgnoreCase(wanted.replace('-', '_'))) {
        return constant;
      }
    }
    StringJoiner valid = new StringJoiner(", ");
    for (E constant : type.getEnumConstants()) {
      valid.add(label.apply(constant));
    }
    throw new IllegalArgumentException("unknown " + what + " \"" + text + "\" (expected one of " + valid + ")");
  }

  /** Returns a constant's name as people type it: lower case with dashes ({@code ANSWERED_ONLY} → {@code answered-only}). */
  public static String label(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
