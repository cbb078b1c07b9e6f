package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.odata.query.FilterLiterals;

/**
 * What one request may ask of a pipeline, whatever it sends (docs/operations.md, "Limits"). A
 * request beyond a limit is a 400 {@code LimitExceeded} that names the limit and the command-line
 * option that raises it.
 *
 * @param batchParts the most operations one {@code $batch} holds (its queries and change sets' operations together)
 * @param expressionLength the longest {@code $filter} or {@code $orderby}, in characters (decoded)
 * @param expressionDepth the deepest nesting of parentheses and unary operators in one of them
 */
public record RequestLimits(int batchParts, int expressionLength, int expressionDepth) {

  /** WCF Data Services' own batch limit is configurable too (MaxBatchCount); a thousand is more than any client sends. */
  public static final int DEFAULT_BATCH_PARTS = 1000;
  /** 8 KiB: a filter over a hundred IDs fits, a URL no client writes by hand does not. */
  public static final int DEFAULT_EXPRESSION_LENGTH = 8 * 1024;
  /** Far deeper than any generated filter, far shallower than what overflows a parser's stack. */
  public static final int DEFAULT_EXPRESSION_DEPTH = 100;
  public static final RequestLimits DEFAULTS =
      new RequestLimits(DEFAULT_BATCH_PARTS, DEFAULT_EXPRESSION_LENGTH, DEFAULT_EXPRESSION_DEPTH);

  public RequestLimits {
    if (batchParts < 1 || expressionLength < 1 || expressionDepth < 1) {
      throw new IllegalArgumentException("request limits must be at least 1");
    }
  }

  /** Throws {@code LimitExceeded} when {@code expression}, the value of {@code option}, is too long or too deep. */
  void checkExpression(String option, String expression) {
    if (expression.length() > expressionLength) {
      throw VmmErrors.limitExceeded("The length of " + option, expressionLength,
          expression.length() + " characters", "--max-expression-length");
    }
    int depth = depth(expression);
    if (depth > expressionDepth) {
      throw VmmErrors.limitExceeded("The nesting depth of " + option
          + " (parentheses and unary operators inside each other)", expressionDepth, "a depth of " + depth,
          "--max-expression-depth");
    }
  }

  /**
   * How deeply {@code expression} nests, counted before any parser sees it (a recursive parser
   * overflows its stack on thousands of levels): open parentheses, plus the unary operators
   * ({@code -}, {@code not}) in a row before an operand. String literals do not count.
   */
  static int depth(String expression) {
    int max = 0;
    int parentheses = 0;
    int unary = 0;
    int i = 0;
    int n = expression.length();
    while (i < n) {
      char c = expression.charAt(i);
      if (c == '\'') {
        i = FilterLiterals.endOfQuoted(expression, i);
        unary = 0;
        continue;
      }
      if (c == '(') {
        parentheses++;
      } else if (c == ')') {
        parentheses = Math.max(0, parentheses - 1);
        unary = 0;
      } else if (c == '-' && (i + 1 >= n || !Character.isDigit(expression.charAt(i + 1)))) {
        unary++;
      } else if (isWord(expression, i, "not")) {
        unary++;
        i += 3;
        max = Math.max(max, parentheses + unary);
        continue;
      } else if (!Character.isWhitespace(c)) {
        unary = 0;
      }
      max = Math.max(max, parentheses + unary);
      i++;
    }
    return max;
  }

  private static boolean isWord(String s, int at, String word) {
    int end = at + word.length();
    return s.regionMatches(true, at, word, 0, word.length())
        && (at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1)))
        && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)));
  }
}
