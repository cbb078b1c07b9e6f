package dev.spfemu.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

/**
 * The hook runs before the response can complete: Jetty completes it on the write that reaches a
 * declared Content-Length, or when the body is closed.
 */
class CompletionHookResponseTest {

  private final List<String> events = new ArrayList<>();
  private final CompletionHookResponse response = new CompletionHookResponse(base(), () -> events.add("hook"));

  /** A servlet response whose body stream notes what is written to it. */
  private HttpServletResponse base() {
    ServletOutputStream out = new ServletOutputStream() {
      @Override
      public void write(int b) {
        events.add("write 1");
      }

      @Override
      public void write(byte[] b, int off, int len) {
        events.add("write " + len);
      }

      @Override
      public void close() {
        events.add("close");
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {
      }
    };
    return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
        new Class<?>[] {HttpServletResponse.class},
        (proxy, method, args) -> method.getName().equals("getOutputStream") ? out : null);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void withAContentLengthTheHookRunsBeforeTheWriteThatReachesIt() throws IOException {
    response.setContentLength(5);
    ServletOutputStream out = response.getOutputStream();
    out.write(bytes("abc"));
    out.write(bytes("de"));
    out.close();
    assertEquals(List.of("write 3", "hook", "write 2", "hook", "close"), events);
  }

  @Test
  void withoutOneTheHookRunsWhenTheBodyIsClosed() throws IOException {
    ServletOutputStream out = response.getOutputStream();
    out.write(bytes("abcdef"));
    out.write('!');
    out.close();
    assertEquals(List.of("write 6", "write 1", "hook", "close"), events);
  }

  @Test
  void aResetForgetsTheLengthAndWhatWasWritten() throws IOException {
    response.setHeader("Content-Length", "2");
    response.getOutputStream().write('a');
    response.reset();
    response.setContentLength(3);
    response.getOutputStream().write(bytes("xy"));
    response.getOutputStream().write('z');
    assertEquals(List.of("write 1", "write 2", "hook", "write 1"), events);
  }
}
