package dev.spfemu.live;

/**
 * Where one event stream's bytes go: an HTTP response the server keeps open. Sending never waits
 * for the client; the sink says later whether the bytes went out, so one slow page holds up only its
 * own stream.
 */
public interface EventSink {

  /**
   * Sends {@code bytes} without waiting; exactly one of {@code sent} (the client has them, or the
   * network took them) and {@code failed} (the connection is gone) runs once, on any thread, maybe
   * before this returns.
   */
  void send(byte[] bytes, Runnable sent, Runnable failed);

  /** Ends the stream (the emulator stops, or the stream was refused); nothing is sent after. */
  void end();
}
