package dev.spfemu.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spfemu.error.ServiceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestFormatTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "application/json",
      "application/json;charset=utf-8",
      "application/json;odata=verbose",
      "application/json;odata=minimalmetadata",
      "application/json;odata=minimalmetadata;streaming=true;charset=utf-8",
      "application/json; odata=fullmetadata",
      "application/json;odata=nometadata",
      "Application/JSON;odata=MinimalMetadata;charset=UTF-8"})
  void jsonVariants(String contentType) {
    assertEquals(RequestFormat.JSON, RequestFormat.of(contentType));
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/atom+xml", "application/atom+xml;type=entry", "application/xml",
      "application/xml;charset=utf-8"})
  void xmlVariants(String contentType) {
    assertEquals(RequestFormat.ATOM, RequestFormat.of(contentType));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"text/plain", "application/json;charset=iso-8859-1", "application/json;odata=bogus",
      "text/xml", "garbage", "application/atom+xml;charset=utf-16"})
  void anythingElseIsUnsupported(String contentType) {
    ServiceException e = assertThrows(ServiceException.class, () -> RequestFormat.of(contentType));

    assertEquals(415, e.status());
    assertEquals("UnsupportedMediaType", e.code());
  }
}
