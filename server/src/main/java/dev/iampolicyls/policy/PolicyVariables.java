package dev.iampolicyls.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team,
 * 'company-wide'}}, the escapes {@code ${*}}, {@code ${?}}, {@code ${$}}) in a decoded string, with
 * their positions, and says what is wrong with the ones IAM would not accept.
 */
public final class PolicyVariables {
  private PolicyVariables() {}

  /** What is wrong with one variable, as Access Analyzer distinguishes it. */
  public enum Problem {
    NONE,
    /** A variable with no closing brace, as in <code>${aws:username</code>. */
    MISSING_BRACE,
    /** {@code ${}}: nothing between the braces. */
    EMPTY,
    /** A space in the variable's name, as in {@code ${aws: username}}. */
    SPACE,
    /** A default value not wrapped in single quotes, as in {@code ${aws:username, anonymous}}. */
    MISSING_QUOTE
  }

  /**
   * One variable.
   *
   * @param start index of the {@code $}
   * @param end index just past the closing brace, or past the text that lacks one
   * @param name the text after the dollar and opening brace, up to the comma or closing brace
   * @param problem what is wrong, or {@link Problem#NONE}
   */
  public record Variable(int start, int end, String name, Problem problem) {
    public int length() {
      return end - start;
    }
  }

  /** Whether a string holds anything IAM reads as the start of a variable. */
  public static boolean mayContain(String text) {
    return text.contains("${");
  }

  /** Every variable in the text, in order. */
  public static List<Variable> scan(String text) {
    List<Variable> found = new ArrayList<>();
    int from = 0;
    while (true) {
      int start = text.indexOf("${", from);
      if (start < 0) {
        return found;
      }
      int close = text.indexOf('}', start + 2);
      int nextOpen = text.indexOf("${", start + 2);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        // The variable ends where the next one starts, or at the end of the text.
        int end = nextOpen >= 0 ? nextOpen : text.length();
        found.add(new Variable(start, end, text.substring(start + 2, end), Problem.MISSING_BRACE));
        from = end;
        continue;
      }
      found.add(inspect(text.substring(start + 2, close), start, close + 1));
      from = close + 1;
    }
  }

  private static Variable inspect(String body, int start, int end) {
    int comma = body.indexOf(',');
    String name = comma < 0 ? body : body.substring(0, comma);
    if (name.isBlank()) {
      return new Variable(start, end, name, Problem.EMPTY);
    }
    if (hasWhitespace(name)) {
      return new Variable(start, end, name, Problem.SPACE);
    }
    if (comma >= 0) {
      String fallback = body.substring(comma + 1).strip();
      if (fallback.length() < 2 || fallback.charAt(0) != '\'' || !fallback.endsWith("'")) {
        return new Variable(start, end, name, Problem.MISSING_QUOTE);
      }
    }
    return new Variable(start, end, name, Problem.NONE);
  }

  /** A loop, not chars().anyMatch: asked for every variable (streams are slow under C1). */
  private static boolean hasWhitespace(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (Character.isWhitespace(name.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
