package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.ContentNegotiator;
import dev.spfemu.format.PayloadKind;
import dev.spfemu.format.ProtocolVersion;
import dev.spfemu.format.RequestVersions;
import dev.spfemu.format.ResponseFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** One request in flight with what has been negotiated for it so far, and the ways to answer it. */
final class Exchange {

  final ODataCall call;
  final ResponseSink sink;
  final RequestVersions versions;
  final QueryOptions query;
  /** Whether this request is an operation of a {@code $batch} change set. */
  final boolean inChangeSet;

  Exchange(ODataCall call, ResponseSink sink, RequestVersions versions, QueryOptions query, boolean inChangeSet) {
    this.call = call;
    this.sink = sink;
    this.versions = versions;
    this.query = query;
    this.inChangeSet = inChangeSet;
  }

  /** The format for a payload of {@code kind}; 406 if the client accepts none we can write. */
  ResponseFormat negotiate(PayloadKind kind) {
    return ContentNegotiator.negotiate(kind, call.header("Accept"), query.format(), versions);
  }

  /**
   * The version to answer with when the payload needs {@code needed}: 400 if the client's maximum
   * is lower (as WCF Data Services refuses, say, {@code $inlinecount} to a v1 client).
   */
  ProtocolVersion version(ProtocolVersion needed, String feature) {
    if (!versions.max().atLeast(needed)) {
      throw VmmErrors.versionTooLow(feature, needed.text(), versions.max().text());
    }
    return versions.responseVersion(needed);
  }

  void respond(int status, ResponseFormat format, PayloadKind kind, ProtocolVersion version, BodyWriter body) {
    sink.status(status);
    sink.header(RequestVersions.DATA_SERVICE_VERSION, version.headerValue());
    sink.header("Content-Type", format.contentType(kind));
    try (OutputStream out = sink.body()) {
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A plain-text answer ({@code $value}, {@code $count}). */
  void respondText(String text, ProtocolVersion needed) {
    sink.status(200);
    sink.header(RequestVersions.DATA_SERVICE_VERSION, versions.responseVersion(needed).headerValue());
    sink.header("Content-Type", "text/plain;charset=utf-8");
    try (OutputStream out = sink.body()) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A media resource (a named stream's content) in version {@code version}. */
  void respondMedia(String contentType, byte[] content, ProtocolVersion version) {
    sink.status(200);
    sink.header(RequestVersions.DATA_SERVICE_VERSION, version.headerValue());
    sink.header("Content-Type", contentType);
    try (OutputStream out = sink.body()) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * 204, as WCF Data Services answers MERGE, PUT, PATCH and DELETE (and a create asked to return no
   * content), in the version the answer needs.
   */
  void respondNoContent(ProtocolVersion needed) {
    sink.status(204);
    sink.header(RequestVersions.DATA_SERVICE_VERSION, versions.responseVersion(needed).headerValue());
    try {
      sink.body().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a body to a stream. */
  @FunctionalInterface
  interface BodyWriter {
    void write(OutputStream out) throws IOException;
  }
}
