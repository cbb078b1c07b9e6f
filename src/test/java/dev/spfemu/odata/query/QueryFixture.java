package dev.spfemu.odata.query;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.odata.edm.VmmEdm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.olingo.odata2.api.edm.EdmEntityType;
import org.apache.olingo.odata2.api.rt.RuntimeDelegate;
import org.apache.olingo.odata2.api.uri.UriParser;
import org.apache.olingo.odata2.api.uri.expression.FilterExpression;
import org.apache.olingo.odata2.api.uri.expression.OrderByExpression;

/**
 * The VMCheckPoint model and Olingo's parser, used as production code uses them: every expression
 * passes through {@link FilterLiterals} first and is compiled by {@link CompiledExpressions}. One
 * instance per test class; nothing is static.
 */
final class QueryFixture {

  static final UUID STAMP = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");

  final VmmEdm edm = VmmEdm.loadDefault();
  final EntityTypeModel type = edm.model().byEntitySet("VMCheckPoints");
  private final EdmEntityType edmType;
  private final UriParser parser;

  QueryFixture() {
    try {
      edmType = edm.edm().getDefaultEntityContainer().getEntitySet("VMCheckPoints").getEntityType();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    parser = RuntimeDelegate.getUriParser(edm.edm());
  }

  /** An entity with the given property values (by name); the others are null. */
  EntityValues entity(Map<String, Object> values) {
    Object[] row = new Object[type.propertyCount()];
    values.forEach((name, value) -> {
      PropertyModel property = type.property(name);
      if (property == null) {
        throw new IllegalArgumentException("no property " + name);
      }
      row[property.index()] = value;
    });
    return index -> row[index];
  }

  /** An entity with key (id, {@link #STAMP}) and the given further values. */
  EntityValues entity(UUID id, Map<String, Object> values) {
    Map<String, Object> all = new java.util.HashMap<>(values);
    all.put("ID", id);
    all.putIfAbsent("StampId", STAMP);
    return entity(all);
  }

  Object value(EntityValues entity, String property) {
    return entity.value(type.property(property).index());
  }

  /** A builder with {@code $filter} and {@code $orderby} (either may be null) parsed and compiled as production does. */
  CollectionQuery.Builder builder(String filter, String orderBy) {
    FilterLiterals literals = new FilterLiterals();
    String normalizedFilter = filter == null ? null : literals.normalize(filter);
    String normalizedOrderBy = orderBy == null ? null : literals.normalize(orderBy);
    FilterExpression parsedFilter = null;
    OrderByExpression parsedOrderBy = null;
    try {
      if (normalizedFilter != null) {
        parsedFilter = parser.parseFilterString(edmType, normalizedFilter);
      }
      if (normalizedOrderBy != null) {
        parsedOrderBy = parser.parseOrderByString(edmType, normalizedOrderBy);
      }
    } catch (Exception e) {
      throw new IllegalArgumentException("Olingo rejected '" + filter + "' / '" + orderBy + "': " + e, e);
    }
    return CollectionQuery.builder(type)
        .expressions(CompiledExpressions.compile(type, parsedFilter, parsedOrderBy, literals));
  }

  CollectionQuery filter(String filter) {
    return builder(filter, null).build();
  }

  CollectionQuery orderBy(String orderBy) {
    return builder(null, orderBy).build();
  }

  /** The IDs of a page, in order. */
  List<UUID> ids(List<EntityValues> page) {
    List<UUID> ids = new ArrayList<>(page.size());
    for (EntityValues entity : page) {
      ids.add((UUID) value(entity, "ID"));
    }
    return ids;
  }

  /** A GUID whose last group is {@code n}: such GUIDs sort by n. */
  static UUID id(int n) {
    return UUID.fromString(String.format("00000000-0000-0000-0000-%012d", n));
  }
}
