package dev.spfemu.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/**
 * The hook runs before the response can complete: Jetty completes it on the write that reaches a
 * declared Content-Length, or on the last write.
 */
class CompletionHookResponseTest {

  private final List<String> events = new ArrayList<>();
  private final HttpFields.Mutable headers = HttpFields.build();
  private final CompletionHookResponse response = new CompletionHookResponse(base(), () -> events.add("hook"));

  /** A core response that notes what is written to it. */
  private Response base() {
    return (Response) Proxy.newProxyInstance(Response.class.getClassLoader(), new Class<?>[] {Response.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getHeaders" -> headers;
          case "write" -> {
            ByteBuffer content = (ByteBuffer) args[1];
            events.add("write " + (content == null ? 0 : content.remaining()) + ((boolean) args[0] ? " last" : ""));
            ((Callback) args[2]).succeeded();
            yield null;
          }
          case "reset" -> {
            headers.clear();
            yield null;
          }
          default -> null;
        });
  }

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void withAContentLengthTheHookRunsBeforeTheWriteThatReachesIt() {
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 5);
    response.write(false, bytes("abc"), Callback.NOOP);
    response.write(false, bytes("de"), Callback.NOOP);
    response.write(true, null, Callback.NOOP);
    assertEquals(List.of("write 3", "hook", "write 2", "hook", "write 0 last"), events);
  }

  @Test
  void withoutOneTheHookRunsBeforeTheLastWrite() {
    response.write(false, bytes("abcdef"), Callback.NOOP);
    response.write(true, bytes("!"), Callback.NOOP);
    assertEquals(List.of("write 6", "hook", "write 1 last"), events);
  }

  @Test
  void aResetForgetsTheLengthAndWhatWasWritten() {
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 2);
    response.write(false, bytes("a"), Callback.NOOP);
    response.reset();
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 3);
    response.write(false, bytes("xy"), Callback.NOOP);
    response.write(false, bytes("z"), Callback.NOOP);
    assertEquals(List.of("write 1", "write 2", "hook", "write 1"), events);
  }
}
