package dev.spfemu.odata.query;

import dev.spfemu.model.EntityValues;
import java.util.List;

/**
 * One page of a collection after the query options.
 *
 * @param page the entities to write, in order
 * @param count the count for {@code $inlinecount=allpages} (after {@code $filter}, before paging), or null
 * @param skipToken the {@code $skiptoken} of the next page when the server cut the result, or null
 * @param remainingTop what is left of the client's {@code $top} after this page, or null
 */
public record QueryResult(List<EntityValues> page, Long count, String skipToken, Integer remainingTop) {
}
