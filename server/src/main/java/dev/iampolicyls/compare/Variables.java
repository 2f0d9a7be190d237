package dev.iampolicyls.compare;

import dev.iampolicyls.policy.PolicyVariables;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Policy variables for the comparison: which values of a variable's key to try, and a pattern with
 * chosen values substituted, as the evaluator substitutes them.
 *
 * <p>A variable's value matters only through how the text it becomes compares with the other
 * patterns and values of both policies. The values tried are: the key absent; a name written
 * nowhere; every name written as a path segment of a resource pattern or as a condition value; so a
 * value that coincides with a name another statement writes (the user {@code alice} whose home
 * folder another statement denies) is tried as well as one that coincides with none.
 */
final class Variables {
  private Variables() {}

  /** A value no policy writes (the first of these that neither does). */
  private static final String[] FRESH = {"someone", "someone-else", "another-name"};

  /** Whether a variable is one of the escapes for literal characters. */
  static boolean isEscape(String name) {
    return name.equals("*") || name.equals("?") || name.equals("$");
  }

  /** The names of the variables (lower case to as written) in a text, escapes left out. */
  static void collect(String text, Map<String, String> into) {
    if (!PolicyVariables.mayContain(text)) {
      return;
    }
    for (PolicyVariables.Variable v : PolicyVariables.scan(text)) {
      String name = v.name().strip();
      if (v.problem() == PolicyVariables.Problem.NONE && !isEscape(name)) {
        into.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
      }
    }
  }

  /** Whether the text uses the escapes ${*} or ${?}, which make a literal wildcard character. */
  static boolean usesWildcardEscape(String text) {
    if (!PolicyVariables.mayContain(text)) {
      return false;
    }
    for (PolicyVariables.Variable v : PolicyVariables.scan(text)) {
      String name = v.name().strip();
      if (v.problem() == PolicyVariables.Problem.NONE && (name.equals("*") || name.equals("?"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The values worth trying for a variable: absent (null), a fresh name, and each name in {@code
   * written}.
   */
  static List<String> candidates(Set<String> written, boolean alwaysPresent) {
    List<String> out = new ArrayList<>();
    if (!alwaysPresent) {
      out.add(null);
    }
    for (String f : FRESH) {
      if (!written.contains(f)) {
        out.add(f);
        break;
      }
    }
    out.addAll(written);
    return out;
  }

  /** The names a pattern writes: its resource part's segments without wildcards or variables. */
  static void segments(String pattern, Set<String> into) {
    String[] fields = pattern.split(":", 6);
    String part = fields.length == 6 ? fields[5] : pattern;
    // Split at each '/' and ':' by hand: String.split with a character class compiles it each time.
    int start = 0;
    for (int i = 0; i <= part.length(); i++) {
      if (i < part.length() && part.charAt(i) != '/' && part.charAt(i) != ':') {
        continue;
      }
      String segment = part.substring(start, i);
      start = i + 1;
      if (!segment.isEmpty()
          && segment.indexOf('*') < 0
          && segment.indexOf('?') < 0
          && !segment.contains("${")
          && segment.indexOf('}') < 0) {
        into.add(segment);
      }
    }
  }

  /**
   * The text with the values substituted (a value of null: the key is absent), or null when a
   * variable without a default is absent: then the pattern matches nothing.
   */
  static String substitute(String text, Map<String, String> values) {
    if (!PolicyVariables.mayContain(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (PolicyVariables.Variable v : PolicyVariables.scan(text)) {
      if (v.problem() != PolicyVariables.Problem.NONE) {
        continue;
      }
      out.append(text, copied, v.start());
      copied = v.end();
      String name = v.name().strip();
      String body = text.substring(v.start() + 2, v.end() - 1);
      if (isEscape(name)) {
        out.append(name);
        continue;
      }
      String value = values.get(name.toLowerCase(Locale.ROOT));
      if (value == null) {
        int comma = body.indexOf(',');
        if (comma < 0) {
          return null;
        }
        String fallback = body.substring(comma + 1).strip();
        value = fallback.substring(1, fallback.length() - 1);
      }
      out.append(value);
    }
    out.append(text, copied, text.length());
    return out.toString();
  }

  static Set<String> newSet() {
    return new LinkedHashSet<>();
  }
}
