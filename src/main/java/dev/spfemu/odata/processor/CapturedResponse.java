package dev.spfemu.odata.processor;

import dev.spfemu.error.ServiceException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link ResponseSink} that keeps the response in memory: how a {@code $batch} part is answered. */
final class CapturedResponse implements ResponseSink {

  private int status = 200;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private ServiceException error;

  @Override
  public void status(int status) {
    this.status = status;
  }

  @Override
  public void header(String name, String value) {
    headers.put(name, value);
  }

  @Override
  public OutputStream body() {
    return body;
  }

  @Override
  public void failed(ServiceException error) {
    this.error = error;
  }

  /** The error the part ended in, or null. */
  ServiceException error() {
    return error;
  }

  void write(byte[] bytes) {
    body.writeBytes(bytes);
  }

  int status() {
    return status;
  }

  Map<String, String> headers() {
    return headers;
  }

  byte[] bytes() {
    return body.toByteArray();
  }
}
