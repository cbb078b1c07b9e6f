package dev.spfemu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Key predicates as URLs and error messages write them. */
class KeyPredicateTest {

  @Test
  void compoundKeysAreNamedInModelOrder() {
    EntityTypeModel checkpoints = ModelLoader.loadDefault().byEntitySet("VMCheckPoints");
    Object[] values = new Object[checkpoints.propertyCount()];
    values[checkpoints.property("ID").index()] = UUID.fromString("8a6a6d0f-9a4d-4bbd-9e89-8c7d3d8ee2f5");
    values[checkpoints.property("StampId").index()] = UUID.fromString("d70c1a9b-c241-48f5-880a-b6c36071e653");
    assertEquals("(ID=guid'8a6a6d0f-9a4d-4bbd-9e89-8c7d3d8ee2f5',StampId=guid'd70c1a9b-c241-48f5-880a-b6c36071e653')",
        KeyPredicate.of(checkpoints, i -> values[i]));
  }

  @Test
  void aSingleKeyIsNotNamedAndLiteralsAreTyped() throws Exception {
    ServiceModel model = ModelLoaderTest.load("""
        {"namespace":"T","container":"T","entityTypes":[
         {"name":"S","entitySet":"Ss","keys":["Name"],"verbs":["GET"],
          "properties":[{"name":"Name","type":"Edm.String","nullable":false}]},
         {"name":"L","entitySet":"Ls","keys":["N"],"verbs":["GET"],
          "properties":[{"name":"N","type":"Edm.Int64","nullable":false}]},
         {"name":"I","entitySet":"Is","keys":["N"],"verbs":["GET"],
          "properties":[{"name":"N","type":"Edm.Int32","nullable":false}]}]}""");
    assertEquals("('O''Brien')", KeyPredicate.of(model.byEntitySet("Ss"), i -> "O'Brien"));
    assertEquals("(42L)", KeyPredicate.of(model.byEntitySet("Ls"), i -> 42L));
    assertEquals("(42)", KeyPredicate.of(model.byEntitySet("Is"), i -> 42));
  }
}
