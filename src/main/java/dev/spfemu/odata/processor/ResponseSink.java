package dev.spfemu.odata.processor;

import dev.spfemu.error.ServiceException;
import java.io.IOException;
import java.io.OutputStream;

/** Where the pipeline writes a response: status and headers first, then the body. */
public interface ResponseSink {

  void status(int status);

  void header(String name, String value);

  /** The body stream; status and headers cannot change once it is taken. */
  OutputStream body() throws IOException;

  /**
   * Told, before the error response is written, which error the request ended in: a {@code $batch}
   * quotes it when a change set fails, without parsing the rendered body back.
   */
  default void failed(ServiceException error) {
  }
}
