package dev.spfemu.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request that starts a VMM job answers with the job's ID in {@code x-ms-request-id} (the WAPack
 * cmdlets take it as the job to poll, CLIENTS.md D.5); any other request gets a fresh GUID there.
 */
class JobRequestIdTest extends EmulatorHttpTest {

  private static final String REQUEST_ID = "x-ms-request-id";

  private static String vmBody(String name) {
    return "{\"Name\":\"" + name + "\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD + "\"}";
  }

  /** The request's format headers: JSON light, verbose JSON or Atom (no Accept, as Terraform's POSTs). */
  private static RequestSpecification as(String format) {
    switch (format) {
      case "light":
        return jsonLight();
      case "verbose":
        return request().header("Accept", "application/json;odata=verbose").contentType("application/json");
      default:
        return request().contentType("application/json");
    }
  }

  /** The jobs {@code Jobs?$filter=ID eq guid'…'} finds, as the WAPack cmdlets ask, in each format. */
  private List<String> jobsWithId(String root, String id, String format) {
    String url = root + "Jobs?$filter=ID%20eq%20guid'" + id + "'";
    switch (format) {
      case "light":
        JsonNode light = json(jsonLight().get(url).then().statusCode(200).extract().asString()).get("value");
        return light.findValuesAsText("ID");
      case "verbose":
        JsonNode verbose = json(request().header("Accept", "application/json;odata=verbose").get(url).then()
            .statusCode(200).extract().asString()).get("d");
        return (verbose.has("results") ? verbose.get("results") : verbose).findValuesAsText("ID");
      default:
        String atom = dotNet4().get(url).then().statusCode(200).extract().asString();
        return new XmlPath(atom).getList("feed.entry.content.properties.ID", String.class);
    }
  }

  private static JsonNode read(String location) {
    return json(jsonLight().get(location).then().statusCode(200).extract().asString());
  }

  private static String jobOf(Response response) {
    String id = response.header(REQUEST_ID);
    assertTrue(id != null && id.matches(GUID), "a job ID in " + REQUEST_ID + ": " + id);
    return id;
  }

  @ParameterizedTest
  @ValueSource(strings = {"light", "verbose", "atom"})
  void everyVmRequestThatStartsAJobAnswersWithItsId(String format) {
    String root = emptyRoot();
    Response created = as(format).body(vmBody("web-" + format)).post(root + "VirtualMachines");
    created.then().statusCode(201);
    String location = created.header("Location");
    String createJob = jobOf(created);
    assertEquals(createJob, read(location).get("MostRecentTaskId").asText());
    assertEquals(List.of(createJob), jobsWithId(root, createJob, format), "the job is found by its ID");

    for (String[] step : new String[][] {{"PUT", "Start"}, {"MERGE", "Stop"}, {"PATCH", "Start"}, {"PUT", "Stop"}}) {
      Response changed = as(format).body("{\"Operation\":\"" + step[1] + "\"}").request(step[0], location);
      changed.then().statusCode(204);
      String job = jobOf(changed);
      assertEquals(job, read(location).get("MostRecentTaskId").asText(), step[0] + " " + step[1]);
      assertEquals(List.of(job), jobsWithId(root, job, format));
    }

    Response deleted = as(format).delete(location);
    deleted.then().statusCode(204);
    String deleteJob = jobOf(deleted);
    assertEquals(List.of(deleteJob), jobsWithId(root, deleteJob, format));
    jsonLight().get(root + "Jobs(ID=guid'" + deleteJob + "',StampId=guid'" + STAMP + "')").then().statusCode(200)
        .body("CmdletName", equalTo("Remove-SCVirtualMachine"));
  }

  @Test
  void checkpointRequestsAnswerWithTheirJobOnTheVm() {
    String root = newRoot();
    String vm = root + "VirtualMachines(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')";
    Response taken = jsonLight().body(checkpointBody("cp")).post(root + "VMCheckPoints");
    taken.then().statusCode(201);
    String location = taken.header("Location");
    assertJob(root, jobOf(taken), "New-SCVMCheckpoint", vm);

    Response restored = jsonLight().body("{\"VMCheckPointAction\":\"Restore\"}").request("MERGE", location);
    restored.then().statusCode(204);
    assertJob(root, jobOf(restored), "Restore-SCVMCheckpoint", vm);

    Response removed = jsonLight().delete(location);
    removed.then().statusCode(204);
    assertJob(root, jobOf(removed), "Remove-SCVMCheckpoint", vm);
  }

  private void assertJob(String root, String id, String cmdlet, String vm) {
    assertEquals(List.of(id), jobsWithId(root, id, "light"));
    jsonLight().get(root + "Jobs(ID=guid'" + id + "',StampId=guid'" + STAMP + "')").then().statusCode(200)
        .body("CmdletName", equalTo(cmdlet));
    assertEquals(id, read(vm).get("MostRecentTaskId").asText());
  }

  @Test
  void requestsWithoutAJobGetAFreshGuidThatNamesNoJob() {
    String root = newRoot();
    List<Supplier<Response>> withoutJob = List.of(
        () -> jsonLight().get(root + "VirtualMachines"),
        () -> jsonLight().body("{\"Name\":\"gw\",\"StampId\":\"" + STAMP + "\"}").post(root + "VMNetworkGateways"),
        () -> jsonLight().get(root + "Nothing"),
        () -> jsonLight().body("{\"Operation\":\"Explode\"}")
            .request("MERGE", root + "VirtualMachines(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')"));
    String previous = null;
    for (Supplier<Response> send : withoutJob) {
      String id = send.get().header(REQUEST_ID);
      assertTrue(id.matches(GUID), id);
      assertNotEquals(previous, id, "a fresh GUID for every response");
      assertEquals(List.of(), jobsWithId(root, id, "light"));
      previous = id;
    }
  }
}
