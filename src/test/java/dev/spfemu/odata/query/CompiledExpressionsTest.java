package dev.spfemu.odata.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.odata.edm.VmmEdm;
import org.apache.olingo.odata2.api.edm.EdmEntityType;
import org.apache.olingo.odata2.api.rt.RuntimeDelegate;
import org.apache.olingo.odata2.api.uri.UriParser;
import org.junit.jupiter.api.Test;

/** Expressions are compiled with the URI; what compiling finds wrong waits until the query is built. */
class CompiledExpressionsTest {

  private final VmmEdm edm = VmmEdm.loadDefault();
  private final EntityTypeModel jobs = edm.model().byEntitySet("Jobs");
  private final UriParser parser = RuntimeDelegate.getUriParser(edm.edm());

  private EdmEntityType edmJobs() throws Exception {
    return edm.edm().getDefaultEntityContainer().getEntitySet("Jobs").getEntityType();
  }

  @Test
  void noExpressionsAreNone() {
    assertEquals(CompiledExpressions.NONE, CompiledExpressions.compile(jobs, null, null, new FilterLiterals()));
    assertFalse(CompiledExpressions.NONE.hasFilter());
  }

  @Test
  void anExpressionOlingoTakesButTheServiceCannotEvaluateFailsWhenTheQueryIsBuilt() throws Exception {
    CompiledExpressions compiled = CompiledExpressions.compile(jobs,
        parser.parseFilterString(edmJobs(), "ErrorInfo/Code eq 'x'"), null, new FilterLiterals());
    assertTrue(compiled.hasFilter());
    CollectionQuery.Builder builder = CollectionQuery.builder(jobs).expressions(compiled);
    ServiceException e = assertThrows(ServiceException.class, builder::build);
    assertEquals(400, e.status());
    assertEquals("InvalidQuery", e.code());
    assertEquals("The property 'Code' does not exist on type 'VMM.Job'.", e.getMessage());
  }

  @Test
  void anOrderByTheServiceCannotEvaluateFailsWhenTheQueryIsBuiltToo() throws Exception {
    CompiledExpressions compiled = CompiledExpressions.compile(jobs, null,
        parser.parseOrderByString(edmJobs(), "ErrorInfo/Code"), new FilterLiterals());
    assertFalse(compiled.hasFilter());
    ServiceException e = assertThrows(ServiceException.class,
        () -> CollectionQuery.builder(jobs).expressions(compiled).build());
    assertEquals("InvalidQuery", e.code());
  }
}
