package io.github.callmetrics.call;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.internal.EnumNames;

/**
 * The service channel a contact arrived on. Voice is the default; the others are the channels contact
 * centers report separately (each channel usually has its own service-level threshold).
 */
public enum Channel {
  /** A telephone call. The default channel. */
  VOICE,
  /** A web or in-app chat. */
  CHAT,
  /** An e-mail. */
  EMAIL,
  /** An asynchronous message (SMS, WhatsApp and the like). */
  MESSAGING,
  /** A social-media contact. */
  SOCIAL,
  /** A callback the caller requested, queued for an agent. */
  CALLBACK;

  /**
   * Obtains a channel from its name, ignoring case ({@code "voice"}, {@code "Chat"}, ...).
   *
   * @param name  the channel's name, not null
   * @return the channel
   * @throws IllegalArgumentException if no channel has that name; the message lists the valid names
   */
  public static Channel parse(String name) {
    return EnumNames.parse(Channel.class, requireNonNull(name, "name"), "channel", Channel::label);
  }

  /** {@return the channel's name in lower case, as written in files and on the command line} */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
