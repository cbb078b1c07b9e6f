package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.spfemu.EmulatorOptions;
import dev.spfemu.Limits;
import org.junit.jupiter.api.Test;

/** The limits of docs/operations.md, set small through the builder: each is a 400 naming it and its flag. */
class LimitsHttpTest extends EmulatorHttpTest {

  @Override
  EmulatorOptions.Builder options() {
    return EmulatorOptions.builder().limits(Limits.defaults().withEntitiesPerSubscription(2)
        .withExpressionLength(30).withExpressionDepth(3));
  }

  @Test
  void aCreateBeyondTheEntitiesOfASubscriptionIsRefused() {
    String root = emptyRoot();
    addVmNetwork(root, "first"); // the network and the job that created it: the subscription is full
    String second = "{\"StampId\":\"" + STAMP + "\",\"Name\":\"second\"}";
    jsonLight().body(second).post(root + "VMNetworks").then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo("LimitExceeded"))
        .body("'odata.error'.message.value", containsString("is limited to 2"))
        .body("'odata.error'.message.value", containsString("--max-entities-per-subscription"));
    dotNet4().contentType("application/json").body(second).post(root + "VMNetworks").then()
        .statusCode(400)
        .body("error.code", equalTo("LimitExceeded"))
        .body("error.message", containsString("--max-entities-per-subscription"));
  }

  @Test
  void expressionLimitsFollowTheOptions() {
    jsonLight().get(demoRoot() + "Clouds?$filter=(((Name%20eq%20'a')))").then().statusCode(200);
    jsonLight().get(demoRoot() + "Clouds?$filter=((((Name%20eq%20'a'))))").then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo("LimitExceeded"))
        .body("'odata.error'.message.value", containsString("limited to 3, but the request has a depth of 4"));
    // the shape the parser's fast path reads (an equality alone) is held to the same limit
    jsonLight().get(demoRoot() + "Clouds?$filter=Name%20eq%20'abcdefghijklmnopqrstuvwxyz'").then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo("LimitExceeded"))
        .body("'odata.error'.message.value", containsString("The length of $filter is limited to 30"));
    dotNet4().get(demoRoot() + "Clouds?$orderby=Name,Name,Name,Name,Name,Name,Name").then()
        .statusCode(400)
        .body("error.code", equalTo("LimitExceeded"))
        .body("error.message", containsString("The length of $orderby is limited to 30"))
        .body("error.message", containsString("--max-expression-length"));
  }
}
