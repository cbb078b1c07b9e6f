package dev.spfemu.odata.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import org.junit.jupiter.api.Test;

/** How deep and long an expression may be before a parser sees it. */
class RequestLimitsTest {

  @Test
  void depthCountsParenthesesAndUnaryOperatorsNotWhatIsQuoted() {
    assertEquals(0, RequestLimits.depth("Name eq 'x'"));
    assertEquals(1, RequestLimits.depth("(Name eq 'x')"));
    assertEquals(3, RequestLimits.depth("((a eq 1) and (b eq 2 or (c eq 3)))"));
    assertEquals(0, RequestLimits.depth("Name eq '((((((('"), "inside a string literal");
    assertEquals(0, RequestLimits.depth("Name eq 'it''s (('"), "an escaped quote ends no literal");
    assertEquals(3, RequestLimits.depth("not not not true"));
    assertEquals(50, RequestLimits.depth("-".repeat(50)));
    assertEquals(0, RequestLimits.depth("Size eq -1"), "a negative number is no operator");
    assertEquals(0, RequestLimits.depth("Notes eq 'a' or Nothing eq 1"), "words that start with not");
    assertEquals(1, RequestLimits.depth("a eq 1 or " + "b eq 2 or ".repeat(500) + "(c eq 3)"),
        "a chain of binary operators is bounded by the length, not the depth");
  }

  @Test
  void anExpressionTooLongOrTooDeepIsLimitExceededNamingTheFlag() {
    RequestLimits limits = new RequestLimits(10, 20, 2);
    limits.checkExpression("$filter", "((a eq 1))");
    ServiceException deep = assertThrows(ServiceException.class, () -> limits.checkExpression("$filter", "(((a)))"));
    assertEquals(400, deep.status());
    assertEquals("LimitExceeded", deep.code());
    assertTrue(deep.getMessage().contains("limited to 2, but the request has a depth of 3"), deep.getMessage());
    assertTrue(deep.getMessage().contains("--max-expression-depth"), deep.getMessage());
    ServiceException longer = assertThrows(ServiceException.class,
        () -> limits.checkExpression("$orderby", "Name,Name,Name,Name,Name"));
    assertTrue(longer.getMessage().contains("The length of $orderby is limited to 20, but the request has 24"
        + " characters"), longer.getMessage());
    assertTrue(longer.getMessage().contains("--max-expression-length"), longer.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new RequestLimits(0, 1, 1));
  }
}
