package dev.spfemu.bench;

import dev.spfemu.model.EntityValues;
import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.odata.query.CollectionQuery;
import dev.spfemu.odata.query.CompiledExpressions;
import dev.spfemu.odata.query.FilterLiterals;
import dev.spfemu.odata.query.QueryResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.olingo.odata2.api.edm.EdmEntityType;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.apache.olingo.odata2.api.exception.ODataMessageException;
import org.apache.olingo.odata2.api.rt.RuntimeDelegate;
import org.apache.olingo.odata2.api.uri.UriParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The {@code $filter} evaluator: {@code VMId eq guid'…' and Name eq 'Checkpoint 1'} over a list of
 * {@link #checkpoints} checkpoints ({@link Payloads#CHECKPOINTS_PER_VM} of them match), as
 * {@link CollectionQuery} applies it to a set the store has no index for ({@code filterList}), and
 * what turning the text into the compiled expression costs, once per request ({@code compile}: the
 * literals rewritten, Olingo's parser, the compiler).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FilterBenchmark extends MicroBenchmark {

  /** The checkpoints in the list filtered. */
  @Param({"10000"})
  public int checkpoints;

  private List<EntityValues> entities;
  private Payloads payloads;
  private EdmEntityType edmType;
  private UriParser parser;
  private String filter;
  private CollectionQuery query;

  @Setup
  public void setUp(Payloads payloads) throws EdmException, ODataMessageException {
    this.payloads = payloads;
    entities = Payloads.values(payloads.checkpoints(checkpoints));
    VmmEdm edm = new VmmEdm(payloads.model);
    edmType = edm.edm().getDefaultEntityContainer().getEntitySet("VMCheckPoints").getEntityType();
    parser = RuntimeDelegate.getUriParser(edm.edm());
    // a VM in the middle of the list, so that nothing is found by luck near either end
    filter = "VMId eq guid'" + Payloads.vmId(checkpoints / Payloads.CHECKPOINTS_PER_VM / 2)
        + "' and Name eq 'Checkpoint 1'";
    query = CollectionQuery.builder(payloads.checkpointType).expressions(compile()).build();
    int found = query.apply(entities).page().size();
    if (found != Payloads.CHECKPOINTS_PER_VM) {
      throw new IllegalStateException("the filter found " + found + " checkpoints");
    }
  }

  @Benchmark
  public QueryResult filterList() {
    return query.apply(entities);
  }

  @Benchmark
  public CompiledExpressions compile() throws ODataMessageException {
    FilterLiterals literals = new FilterLiterals();
    return CompiledExpressions.compile(payloads.checkpointType,
        parser.parseFilterString(edmType, literals.normalize(filter)), null, literals);
  }
}
