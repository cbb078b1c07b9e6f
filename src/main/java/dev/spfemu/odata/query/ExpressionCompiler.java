package dev.spfemu.odata.query;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.format.codec.ValueFormatException;
import dev.spfemu.model.EdmKind;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.PropertyModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.apache.olingo.odata2.api.edm.EdmLiteral;
import org.apache.olingo.odata2.api.edm.EdmSimpleType;
import org.apache.olingo.odata2.api.edm.EdmTyped;
import org.apache.olingo.odata2.api.uri.expression.BinaryExpression;
import org.apache.olingo.odata2.api.uri.expression.BinaryOperator;
import org.apache.olingo.odata2.api.uri.expression.ExpressionVisitor;
import org.apache.olingo.odata2.api.uri.expression.FilterExpression;
import org.apache.olingo.odata2.api.uri.expression.LiteralExpression;
import org.apache.olingo.odata2.api.uri.expression.MemberExpression;
import org.apache.olingo.odata2.api.uri.expression.MethodExpression;
import org.apache.olingo.odata2.api.uri.expression.MethodOperator;
import org.apache.olingo.odata2.api.uri.expression.OrderByExpression;
import org.apache.olingo.odata2.api.uri.expression.OrderExpression;
import org.apache.olingo.odata2.api.uri.expression.PropertyExpression;
import org.apache.olingo.odata2.api.uri.expression.SortOrder;
import org.apache.olingo.odata2.api.uri.expression.UnaryExpression;
import org.apache.olingo.odata2.api.uri.expression.UnaryOperator;

/**
 * Turns the expression trees Olingo parses and type-checks ({@code $filter}, {@code $orderby})
 * into {@link Expr} closures over an entity's values, once per request; evaluating them per entity
 * then walks no tree and parses nothing. Olingo evaluates nothing itself.
 *
 * <p>Nulls propagate as in OData: an operation on null is null, a comparison with null is false
 * (except {@code eq}/{@code ne} null), and a filter keeps only entities for which it is true.
 */
final class ExpressionCompiler implements ExpressionVisitor {

  private final EntityTypeModel type;
  private final Map<String, OffsetDateTime> dateTimes;

  ExpressionCompiler(EntityTypeModel type, Map<String, OffsetDateTime> dateTimes) {
    this.type = type;
    this.dateTimes = dateTimes;
  }

  @Override
  public Object visitFilterExpression(FilterExpression filter, String text, Object expression) {
    return expression;
  }

  @Override
  public Object visitOrderByExpression(OrderByExpression orderBy, String text, List<Object> orders) {
    List<SortKey> keys = new ArrayList<>(orders.size());
    for (Object order : orders) {
      keys.add((SortKey) order);
    }
    return keys;
  }

  @Override
  public Object visitOrder(OrderExpression order, Object expression, SortOrder sortOrder) {
    return new SortKey((Expr) expression, sortOrder == SortOrder.desc);
  }

  @Override
  public Object visitProperty(PropertyExpression expression, String uriLiteral, EdmTyped edmProperty) {
    PropertyModel property = type.property(uriLiteral);
    if (property == null) {
      throw VmmErrors.invalidQuery("The property '" + uriLiteral + "' does not exist on type '"
          + type.qualifiedName() + "'.");
    }
    return new FilterEqualities.PropertyValue(property.index());
  }

  @Override
  public Object visitMember(MemberExpression expression, Object path, Object property) {
    throw VmmErrors.invalidQuery("Navigation in expressions ('" + expression.getUriLiteral()
        + "') is not supported: VMM types have no navigation properties here.");
  }

  @Override
  public Object visitLiteral(LiteralExpression expression, EdmLiteral literal) {
    return new FilterEqualities.Literal(literalValue(literal));
  }

  private Object literalValue(EdmLiteral literal) {
    EdmSimpleType literalType = literal.getType();
    String text = literal.getLiteral();
    EdmKind kind;
    try {
      kind = EdmKind.byName(literalType.getNamespace() + "." + literalType.getName());
    } catch (EdmException e) {
      kind = null;
    }
    if (kind == null) {
      // Olingo's internal types for small integer literals (Bit, Uint7), and null
      return text == null || text.equals("null") ? null : Integer.valueOf(text);
    }
    if (kind == EdmKind.DATE_TIME && dateTimes.containsKey(text)) {
      return dateTimes.get(text);
    }
    try {
      return PrimitiveCodecs.of(kind).parseText(text);
    } catch (ValueFormatException e) {
      throw VmmErrors.invalidQuery("The literal '" + text + "' is not a valid " + kind.qualifiedName() + ".");
    }
  }

  @Override
  public Object visitUnary(UnaryExpression expression, UnaryOperator operator, Object operand) {
    Expr inner = (Expr) operand;
    if (operator == UnaryOperator.NOT) {
      return (Expr) entity -> {
        Object value = inner.eval(entity);
        return value == null ? null : !(Boolean) value;
      };
    }
    return (Expr) entity -> Values.arithmetic('-', 0L, inner.eval(entity));
  }

  @Override
  public Object visitBinary(BinaryExpression expression, BinaryOperator operator, Object leftSide,
      Object rightSide) {
    Expr left = (Expr) leftSide;
    Expr right = (Expr) rightSide;
    switch (operator) {
      case AND:
        return new FilterEqualities.Conjunction(left, right);
      case OR:
        return (Expr) entity -> isTrue(left.eval(entity)) || isTrue(right.eval(entity));
      case EQ:
        return new FilterEqualities.Equality(left, right);
      case NE:
        return (Expr) entity -> !Values.equal(left.eval(entity), right.eval(entity));
      case LT:
        return comparison(left, right, c -> c < 0);
      case LE:
        return comparison(left, right, c -> c <= 0);
      case GT:
        return comparison(left, right, c -> c > 0);
      case GE:
        return comparison(left, right, c -> c >= 0);
      case ADD:
        return arithmetic('+', left, right);
      case SUB:
        return arithmetic('-', left, right);
      case MUL:
        return arithmetic('*', left, right);
      case DIV:
        return arithmetic('/', left, right);
      case MODULO:
        return arithmetic('%', left, right);
      default:
        throw VmmErrors.invalidQuery("The operator '" + operator.toUriLiteral() + "' is not supported.");
    }
  }

  private static Expr comparison(Expr left, Expr right, IntPredicate test) {
    return entity -> {
      Object a = left.eval(entity);
      Object b = right.eval(entity);
      return a != null && b != null && test.test(Values.compare(a, b));
    };
  }

  private static Expr arithmetic(char operator, Expr left, Expr right) {
    return entity -> Values.arithmetic(operator, left.eval(entity), right.eval(entity));
  }

  static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value);
  }

  @Override
  public Object visitMethod(MethodExpression expression, MethodOperator method, List<Object> parameters) {
    Expr[] args = parameters.stream().map(Expr.class::cast).toArray(Expr[]::new);
    switch (method) {
      case SUBSTRINGOF:
        return strings(args, s -> s[1].contains(s[0]));
      case STARTSWITH:
        return strings(args, s -> s[0].startsWith(s[1]));
      case ENDSWITH:
        return strings(args, s -> s[0].endsWith(s[1]));
      case INDEXOF:
        return strings(args, s -> s[0].indexOf(s[1]));
      case TOLOWER:
        return strings(args, s -> s[0].toLowerCase(Locale.ROOT));
      case TOUPPER:
        return strings(args, s -> s[0].toUpperCase(Locale.ROOT));
      case TRIM:
        return strings(args, s -> s[0].trim());
      case LENGTH:
        return strings(args, s -> s[0].length());
      case CONCAT:
        return strings(args, s -> s[0] + s[1]);
      case REPLACE:
        return strings(args, s -> s[0].replace(s[1], s[2]));
      case SUBSTRING:
        return substring(args);
      case YEAR:
        return dateTime(args[0], OffsetDateTime::getYear);
      case MONTH:
        return dateTime(args[0], OffsetDateTime::getMonthValue);
      case DAY:
        return dateTime(args[0], OffsetDateTime::getDayOfMonth);
      case HOUR:
        return dateTime(args[0], OffsetDateTime::getHour);
      case MINUTE:
        return dateTime(args[0], OffsetDateTime::getMinute);
      case SECOND:
        return dateTime(args[0], OffsetDateTime::getSecond);
      case ROUND:
        return rounding(args[0], RoundingMode.HALF_EVEN, Math::rint);
      case FLOOR:
        return rounding(args[0], RoundingMode.FLOOR, Math::floor);
      case CEILING:
        return rounding(args[0], RoundingMode.CEILING, Math::ceil);
      default:
        throw VmmErrors.invalidQuery("The function '" + method.toUriLiteral() + "' is not supported.");
    }
  }

  /** A function of strings; null if any argument is null. */
  private static Expr strings(Expr[] args, Function<String[], Object> function) {
    return entity -> {
      String[] values = new String[args.length];
      for (int i = 0; i < args.length; i++) {
        Object value = args[i].eval(entity);
        if (value == null) {
          return null;
        }
        values[i] = value.toString();
      }
      return function.apply(values);
    };
  }

  private static Expr substring(Expr[] args) {
    return entity -> {
      Object text = args[0].eval(entity);
      Object start = args[1].eval(entity);
      Object length = args.length > 2 ? args[2].eval(entity) : null;
      if (text == null || start == null || args.length > 2 && length == null) {
        return null;
      }
      String s = text.toString();
      int from = (int) Math.min(Math.max(0, ((Number) start).longValue()), s.length());
      int to = length == null ? s.length()
          : (int) Math.min(s.length(), from + Math.max(0, ((Number) length).longValue()));
      return s.substring(from, to);
    };
  }

  private static Expr dateTime(Expr arg, ToIntFunction<OffsetDateTime> part) {
    return entity -> {
      Object value = arg.eval(entity);
      return value == null ? null : part.applyAsInt((OffsetDateTime) value);
    };
  }

  private static Expr rounding(Expr arg, RoundingMode mode, DoubleUnaryOperator floating) {
    return entity -> {
      Object value = arg.eval(entity);
      if (value instanceof BigDecimal d) {
        return d.setScale(0, mode);
      }
      if (value instanceof Double || value instanceof Float) {
        return floating.applyAsDouble(((Number) value).doubleValue());
      }
      return value; // integers, and null
    };
  }
}
