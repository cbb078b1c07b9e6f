package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The parts of a {@code $batch} are answered as the same requests sent on their own would be. */
class BatchPartsTest extends EmulatorHttpTest {

  /** datajs, the OData JavaScript library, sends this Accept by default. */
  private static final String DATAJS_ACCEPT =
      "application/atomsvc+xml;q=0.8, application/json;odata=fullmetadata;q=0.7, application/json;q=0.5, */*;q=0.1";

  @Test
  void aPartNegotiatesAMultiValuedAcceptAsATopLevelRequestDoes() {
    String root = newRoot();
    String alone = request().header("Accept", DATAJS_ACCEPT).get(root + "Clouds").then().statusCode(200)
        .extract().contentType();

    BatchResponse.Operation part = new BatchRequest().query(root + "Clouds", "Accept: " + DATAJS_ACCEPT + "\r\n")
        .post(root).get(0).single();

    assertEquals(200, part.status(), part.body());
    assertEquals(alone, part.header("Content-Type"));
    assertEquals("application/json; odata=fullmetadata; streaming=true; charset=utf-8", alone);
  }
}
