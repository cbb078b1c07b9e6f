package dev.spfemu.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 written by hand on a socket, for replays whose headers no Java client sends as given:
 * {@code Content-Length: 0} on a GET or DELETE, and {@code Expect: 100-continue} with the body held
 * back until the server's {@code 100 Continue}, as .NET's HttpWebRequest does.
 */
final class RawHttp {

  /**
   * A response: status, headers (case-insensitive, repeated ones joined by ", "), body as UTF-8 text,
   * and the header lines as sent.
   */
  record Reply(int status, Map<String, String> headers, String body, List<String> lines) {
    String header(String name) {
      return headers.get(name);
    }

    /** Every value of header {@code name}, one per header line, in order. */
    List<String> values(String name) {
      List<String> values = new ArrayList<>();
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          values.add(line.substring(colon + 1).trim());
        }
      }
      return values;
    }
  }

  /** One kept-alive connection, for exchanges that must share it (an NTLM handshake). */
  static final class Connection implements AutoCloseable {
    private final Socket socket;

    /** Opens a connection to the host and port of {@code base}. */
    Connection(URI base) {
      this(base, null);
    }

    /** Opens a TLS connection (with {@code tls}; plain when null) to the host and port of {@code base}. */
    Connection(URI base, javax.net.ssl.SSLContext tls) {
      try {
        this.socket = tls == null ? new Socket(base.getHost(), base.getPort())
            : tls.getSocketFactory().createSocket(base.getHost(), base.getPort());
        socket.setSoTimeout(30_000);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Sends one request on this connection, its body (if any) at once, as Go's net/http does. */
    Reply send(String method, URI target, String body, String... headers) {
      try {
        return exchange(socket, method, target, body, false, headers);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private RawHttp() {
  }

  /**
   * Sends one request on a new connection.
   *
   * @param target the URL, sent as written (path and query unencoded by us)
   * @param headers the header lines after {@code Host}, each "Name: value"
   * @param body the body, or null; with it go its Content-Length and {@code Expect: 100-continue}
   */
  static Reply send(String method, URI target, String body, String... headers) {
    return send(method, target, body, true, headers);
  }

  /**
   * Sends one request on a new connection, its body (if any) at once with its Content-Length and no
   * {@code Expect}, as Perl's LWP and curl-like clients do.
   */
  static Reply sendAtOnce(String method, URI target, String body, String... headers) {
    return send(method, target, body, false, headers);
  }

  /**
   * Sends one request on a new connection; {@code expectContinue} false sends the body straight after
   * the head, as Go's net/http does.
   */
  static Reply send(String method, URI target, String body, boolean expectContinue, String... headers) {
    try (Socket socket = new Socket(target.getHost(), target.getPort())) {
      socket.setSoTimeout(30_000);
      return exchange(socket, method, target, body, expectContinue, headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reply exchange(Socket socket, String method, URI target, String body, boolean expectContinue,
      String... headers) throws IOException {
    {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder(method).append(' ').append(target.getRawPath())
          .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery()).append(" HTTP/1.1\r\n")
          .append("Host: ").append(target.getHost()).append(':').append(target.getPort()).append("\r\n");
      for (String header : headers) {
        head.append(header).append("\r\n");
      }
      byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
      if (content != null) {
        head.append("Content-Length: ").append(content.length).append("\r\n");
        head.append(expectContinue ? "Expect: 100-continue\r\n" : "");
      }
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      if (content != null && !expectContinue) {
        out.write(content);
      }
      out.flush();
      Reply reply = readHead(in);
      if (content != null && expectContinue && reply.status() == 100) {
        out.write(content);
        out.flush();
        reply = readHead(in);
      }
      return new Reply(reply.status(), reply.headers(), readBody(in, reply), reply.lines());
    }
  }

  private static Reply readHead(InputStream in) throws IOException {
    String statusLine = line(in);
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    List<String> lines = new ArrayList<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      lines.add(line);
      int colon = line.indexOf(':');
      headers.merge(line.substring(0, colon).trim(), line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
    }
    return new Reply(Integer.parseInt(statusLine.split(" ")[1]), headers, "", lines);
  }

  private static String readBody(InputStream in, Reply head) throws IOException {
    if (head.status() == 204 || head.status() == 304) {
      return "";
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
      for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
        body.write(in.readNBytes(size));
        line(in);
      }
      line(in);
    } else if (head.header("Content-Length") != null) {
      body.write(in.readNBytes(Integer.parseInt(head.header("Content-Length"))));
    }
    return body.toString(StandardCharsets.UTF_8);
  }

  /** One CRLF-terminated line, without the CRLF. */
  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed mid-line: " + line);
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
