package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.EmulatorOptions;
import dev.spfemu.SpfEmulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What an SPF tenant is to the VMM service: creating one (as Windows Azure Pack does when a tenant
 * signs up, {@code POST Tenants} with {@code Name} and {@code SubscriptionID}) makes its tenant
 * administrator user role, with the tenant's ID and name, in the VMM service of its subscription;
 * assigning it a stamp names that role; deleting it removes the role. A failed {@code $batch} change
 * set on the Admin root takes both sides back.
 */
class TenantUserRoleTest extends EmulatorHttpTest {

  private String admin() {
    return spf.adminServiceRoot();
  }

  private String role(String subscription, String id) {
    return spf.serviceRoot(subscription) + "UserRoles(guid'" + id + "')";
  }

  @Test
  void aTenantCreatedForASubscriptionGetsItsUserRoleInThatSubscription() {
    String subscription = UUID.randomUUID().toString();
    request().contentType("application/json").header("Accept", "application/json")
        .body("{\"Name\":\"Tenant3333\",\"SubscriptionID\":\"" + subscription + "\"}")
        .post(admin() + "Tenants").then().statusCode(201)
        .header("Location", admin() + "Tenants(guid'" + subscription + "')")
        .body("ID", equalTo(subscription))
        .body("SubscriptionID", equalTo(subscription))
        .body("AccountStatus", equalTo(0));

    jsonLight().get(role(subscription, subscription)).then().statusCode(200)
        .body("Name", equalTo("Tenant3333"))
        .body("Profile", equalTo("TenantAdmin"));
    jsonLight().get(spf.serviceRoot(subscription) + "UserRoles").then().statusCode(200)
        .body("value.size()", equalTo(1));
    jsonLight().get(spf.serviceRoot(UUID.randomUUID().toString()) + "UserRoles").then()
        .body("value.size()", equalTo(0));
  }

  @Test
  void aTenantWithoutASubscriptionIsItsOwnSubscription() {
    String location = jsonLight().body("{\"Name\":\"self-subscribed\"}").post(admin() + "Tenants").then()
        .statusCode(201).extract().header("Location");
    String id = location.substring(location.indexOf("guid'") + 5, location.length() - 2);
    jsonLight().get(location).then().body("SubscriptionID", equalTo(id));
    jsonLight().get(role(id, id)).then().statusCode(200).body("Name", equalTo("self-subscribed"));
  }

  @Test
  void assigningAStampNamesTheTenantsUserRoleAndDeletingTheTenantRemovesIt() {
    String subscription = UUID.randomUUID().toString();
    jsonLight().body("{\"Name\":\"assigned\",\"SubscriptionID\":\"" + subscription + "\"}").post(admin() + "Tenants")
        .then().statusCode(201);
    String assignment = jsonLight().body("{\"TenantId\":\"" + subscription + "\",\"StampId\":\"" + STAMP + "\"}")
        .post(admin() + "TenantResources").then().statusCode(201)
        .body("UserRoleID", equalTo(subscription))
        .extract().header("Location");
    assertEquals(admin() + "TenantResources(TenantId=guid'" + subscription + "',StampId=guid'" + STAMP + "')",
        assignment);

    jsonLight().delete(admin() + "Tenants(guid'" + subscription + "')").then().statusCode(204);
    jsonLight().get(role(subscription, subscription)).then().statusCode(404);
    jsonLight().get(assignment).then().statusCode(404);
  }

  @Test
  void aFailedChangeSetTakesBackTheTenantAndItsUserRole() throws Exception {
    String subscription = UUID.randomUUID().toString();
    String batch = "batch_1", changeSet = "changeset_1";
    String headers = "DataServiceVersion: 3.0\r\nAccept: application/json;odata=minimalmetadata\r\n"
        + "Content-Type: application/json\r\n";
    String body = "--" + batch + "\r\nContent-Type: multipart/mixed; boundary=" + changeSet + "\r\n\r\n"
        + "--" + changeSet + "\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
        + "POST " + admin() + "Tenants HTTP/1.1\r\n" + headers + "\r\n"
        + "{\"Name\":\"rolled back\",\"SubscriptionID\":\"" + subscription + "\"}\r\n"
        + "--" + changeSet + "\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
        + "POST " + admin() + "Stamps HTTP/1.1\r\n" + headers + "\r\n{}\r\n"
        + "--" + changeSet + "--\r\n--" + batch + "--\r\n";
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(admin() + "$batch"))
        .header("Content-Type", "multipart/mixed; boundary=" + batch)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(202, response.statusCode());
    assertTrue(response.body().contains("400"), response.body());

    jsonLight().get(admin() + "Tenants(guid'" + subscription + "')").then().statusCode(404);
    jsonLight().get(role(subscription, subscription)).then().statusCode(404);
  }

  @Test
  void theAdminEntitiesAreExportedResetAndImportedWithTheWorld() throws IOException {
    try (SpfEmulator other = SpfEmulator.create(EmulatorOptions.builder().dynamicPort().build()).start()) {
      String tenants = other.adminServiceRoot() + "Tenants";
      jsonLight().body("{\"Name\":\"exported\"}").post(tenants).then().statusCode(201);
      ByteArrayOutputStream export = new ByteArrayOutputStream();
      other.exportState(export);
      String world = export.toString(StandardCharsets.UTF_8);
      assertTrue(world.contains("\"admin\"") && world.contains("\"exported\""), world);

      other.reset();
      jsonLight().get(tenants + "?$filter=Name eq 'exported'".replace(" ", "%20")).then()
          .body("value.size()", equalTo(0));
      jsonLight().get(tenants).then().body("value.Name", org.hamcrest.Matchers.hasItems("fabrikam", "contoso"));

      other.importState(new ByteArrayInputStream(world.getBytes(StandardCharsets.UTF_8)), "export");
      jsonLight().get(tenants + "?$filter=Name%20eq%20'exported'").then().body("value.size()", equalTo(1));
    }
  }

  @Test
  void anInvalidAdminSectionStopsTheEmulatorFromStarting(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    java.nio.file.Path file = dir.resolve("world.json");
    java.nio.file.Files.writeString(file, "{\"subscriptions\":[],\"admin\":{\"entities\":{\"Tenants\":[{\"Name\":1}]}}}");
    SpfEmulator.EmulatorStartException e = org.junit.jupiter.api.Assertions.assertThrows(
        SpfEmulator.EmulatorStartException.class,
        () -> SpfEmulator.create(EmulatorOptions.builder().dynamicPort().seedFile(file).build()));
    org.hamcrest.MatcherAssert.assertThat(e.getMessage(), containsString("Tenants[0] of admin"));
  }
}
