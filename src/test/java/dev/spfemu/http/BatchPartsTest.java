package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
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

  @Test
  void eachOperationThatStartsAJobCarriesItsIdInItsOwnHeaders() {
    String root = emptyRoot();
    String v3 = "DataServiceVersion: 3.0\r\nMaxDataServiceVersion: 3.0\r\nAccept: " + JSON_LIGHT + "\r\n"
        + "Content-Type: application/json\r\n";
    String vm = "{\"Name\":\"in a batch\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD + "\"}";
    List<BatchResponse.Part> parts = new BatchRequest()
        .changeSet(
            BatchRequest.operation("POST", root + "VirtualMachines", "Content-ID: 1\r\n" + v3, vm),
            BatchRequest.operation("MERGE", "$1", "Content-ID: 2\r\n" + v3, "{\"Operation\":\"Start\"}"))
        .query(root + "VirtualMachines", "Accept: " + JSON_LIGHT + "\r\n")
        .post(root);

    BatchResponse.Operation created = parts.get(0).operations().get(0);
    BatchResponse.Operation started = parts.get(0).operations().get(1);
    String createJob = created.header("x-ms-request-id");
    String startJob = started.header("x-ms-request-id");
    assertTrue(createJob.matches(GUID) && startJob.matches(GUID), createJob + " " + startJob);
    assertEquals("New-SCVirtualMachine", job(root, createJob).get("CmdletName").asText());
    assertEquals("Start-SCVirtualMachine", job(root, startJob).get("CmdletName").asText());
    JsonNode listed = json(parts.get(1).single().body()).get("value").get(0);
    assertEquals(startJob, listed.get("MostRecentTaskId").asText());
    assertNull(parts.get(1).single().header("x-ms-request-id"), "a part that starts no job has none of its own");
  }

  private static JsonNode job(String root, String id) {
    return json(jsonLight().get(root + "Jobs(ID=guid'" + id + "',StampId=guid'" + STAMP + "')").then()
        .statusCode(200).extract().asString());
  }
}
