package dev.spfemu.odata.processor;

import dev.spfemu.format.ServiceUrls;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** GETs through an {@link ODataPipeline} without HTTP, as the servlet makes its calls. */
final class PipelineCalls {

  /** What the pipeline answered. */
  record Response(int status, String body) {
  }

  private final ODataPipeline pipeline;

  PipelineCalls(ODataPipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * A GET of {@code path?query} with this Accept header.
   *
   * @param subscription the tenant's subscription, or null for SPF's all-subscriptions root
   */
  Response get(String subscription, String accept, String path, String query) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int[] status = new int[1];
    pipeline.handle(new ODataCall("GET", subscription, new ServiceUrls("http://localhost/"), path, query,
        name -> name.equalsIgnoreCase("Accept") ? accept : null, () -> new byte[0], subscription != null),
        new ResponseSink() {
          @Override
          public void status(int code) {
            status[0] = code;
          }

          @Override
          public void header(String name, String value) {
          }

          @Override
          public OutputStream body() {
            return body;
          }
        });
    return new Response(status[0], body.toString(StandardCharsets.UTF_8));
  }
}
