package dev.iampolicyls.evaluation;

import dev.iampolicyls.policy.PolicyVariables;
import java.util.BitSet;
import java.util.List;

/**
 * Replaces the policy variables of a Resource or condition value with the request's values, as IAM
 * does for policies of Version 2012-10-17: {@code ${aws:username}}, a default as in {@code
 * ${aws:PrincipalTag/team, 'none'}}, and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}} for
 * literal characters. Substituted text is literal: a {@code *} in a user name is not a wildcard.
 */
final class Substitution {
  private Substitution() {}

  /**
   * The result: a pattern, or the variable that has no value (IAM then treats the statement as not
   * applying, "any attempt to match it fails").
   */
  record Result(PolicyPattern pattern, String unresolved) {}

  static Result apply(String value, RequestContext context, boolean variablesOn) {
    if (!variablesOn || !PolicyVariables.mayContain(value)) {
      return new Result(PolicyPattern.plain(value), null);
    }
    StringBuilder text = new StringBuilder(value.length());
    BitSet literal = new BitSet();
    int copied = 0;
    for (PolicyVariables.Variable v : PolicyVariables.scan(value)) {
      if (v.problem() != PolicyVariables.Problem.NONE) {
        continue; // IAM would reject the policy; here the text stays as written
      }
      text.append(value, copied, v.start());
      copied = v.end();
      String body = value.substring(v.start() + 2, v.end() - 1);
      String name = v.name().strip();
      String replacement;
      if (name.equals("*") || name.equals("?") || name.equals("$")) {
        replacement = name;
      } else {
        List<String> values = context.values(name);
        if (values.size() == 1) {
          replacement = values.get(0);
        } else if (values.isEmpty() && body.indexOf(',') >= 0) {
          String fallback = body.substring(body.indexOf(',') + 1).strip();
          replacement = fallback.substring(1, fallback.length() - 1);
        } else {
          // Absent, or multi-valued: IAM substitutes only single values.
          return new Result(null, "${" + name + "}");
        }
      }
      literal.set(text.length(), text.length() + replacement.length());
      text.append(replacement);
    }
    text.append(value, copied, value.length());
    return new Result(new PolicyPattern(text.toString(), literal), null);
  }
}
