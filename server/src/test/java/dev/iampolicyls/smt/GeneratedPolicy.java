package dev.iampolicyls.smt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated identity policy, held as plain data so that {@link SmtEncoding} reads it without the
 * project's parser, and written out as JSON for the code under test.
 */
record GeneratedPolicy(List<GeneratedPolicy.Statement> statements) {

  /** One test under Condition: an operator (with its qualifier and IfExists), a key, its values. */
  record Condition(String operator, String key, List<String> values) {}

  record Statement(
      String effect,
      boolean notAction,
      List<String> actions,
      boolean notResource,
      List<String> resources,
      List<Condition> conditions) {}

  String json() {
    StringBuilder out = new StringBuilder("{\"Version\": \"2012-10-17\", \"Statement\": [");
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      out.append(i == 0 ? "\n  " : ",\n  ").append("{\"Effect\": ").append(quote(s.effect()));
      out.append(", \"").append(s.notAction() ? "NotAction" : "Action").append("\": ");
      out.append(list(s.actions()));
      out.append(", \"").append(s.notResource() ? "NotResource" : "Resource").append("\": ");
      out.append(list(s.resources()));
      if (!s.conditions().isEmpty()) {
        Map<String, Map<String, List<String>>> byOperator = new LinkedHashMap<>();
        for (Condition c : s.conditions()) {
          byOperator
              .computeIfAbsent(c.operator(), k -> new LinkedHashMap<>())
              .put(c.key(), c.values());
        }
        List<String> operators = new ArrayList<>();
        for (var o : byOperator.entrySet()) {
          List<String> keys = new ArrayList<>();
          for (var k : o.getValue().entrySet()) {
            keys.add(quote(k.getKey()) + ": " + list(k.getValue()));
          }
          operators.add(quote(o.getKey()) + ": {" + String.join(", ", keys) + "}");
        }
        out.append(", \"Condition\": {").append(String.join(", ", operators)).append('}');
      }
      out.append('}');
    }
    return out.append("\n]}").toString();
  }

  private static String list(List<String> values) {
    if (values.size() == 1) {
      return quote(values.get(0));
    }
    List<String> quoted = new ArrayList<>();
    for (String v : values) {
      quoted.add(quote(v));
    }
    return "[" + String.join(", ", quoted) + "]";
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
