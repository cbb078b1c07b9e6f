package dev.spfemu.odata.processor;

import dev.spfemu.error.ServiceException;
import dev.spfemu.store.UnitOfWork;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Commits the request's unit of work when the reply's status is set, before any of the reply can reach
 * the client: a 2xx is sent only for changes that are kept. If they cannot be kept, a success becomes the
 * 503 the commit throws (the pipeline renders it); an error reply stays the error it was.
 */
final class KeptBeforeReply implements ResponseSink {

  private final ResponseSink sink;
  private final UnitOfWork units;
  private boolean committed;

  KeptBeforeReply(ResponseSink sink, UnitOfWork units) {
    this.sink = sink;
    this.units = units;
  }

  @Override
  public void status(int status) {
    if (!committed) {
      committed = true;
      try {
        units.commit();
      } catch (ServiceException e) {
        if (status < 400) {
          throw e;
        }
      }
    }
    sink.status(status);
  }

  @Override
  public void header(String name, String value) {
    sink.header(name, value);
  }

  @Override
  public OutputStream body() throws IOException {
    return sink.body();
  }

  @Override
  public void failed(ServiceException error) {
    sink.failed(error);
  }
}
