package dev.iampolicyls.completion;

import dev.iampolicyls.codeactions.Layout;
import dev.iampolicyls.policy.PolicyType;

/**
 * A new statement in the Statement array: an object with the elements every statement of the policy
 * type needs, indented like the document, its blanks tab stops where the client takes snippets.
 */
final class StatementSkeleton {
  private StatementSkeleton() {}

  static void offer(Request r) {
    if (r.syntax().yaml() && !r.syntax().flow()) {
      offerYaml(r);
      return;
    }
    CursorContext ctx = r.context();
    String text = r.policy().document().text();
    String base = Layout.lineIndent(text, ctx.replaceStart());
    String inner = "\n" + base + Layout.indentUnit(text);
    PolicyType type = r.type();
    Snippet s =
        Snippet.of("{" + inner + "\"Effect\": \"").placeholder("Allow", "Allow").text("\",");
    String elements;
    if (type == PolicyType.TRUST_POLICY) {
      s.text(inner + "\"Principal\": {\"Service\": \"")
          .stop()
          .text("\"},")
          .text(inner + "\"Action\": \"")
          .placeholder("sts:AssumeRole", "sts:AssumeRole")
          .text("\"");
      elements = "Effect, Principal, Action";
    } else {
      if (type.isResourceBased()) {
        s.text(inner + "\"Principal\": {\"AWS\": [").stop().text("]},");
      }
      s.text(inner + "\"Action\": [").stop().text("],");
      s.text(inner + "\"Resource\": [").stop().text("]");
      elements =
          type.isResourceBased()
              ? "Effect, Principal, Action, Resource"
              : "Effect, Action, Resource";
    }
    s.text("\n" + base + "}").end();
    r.out()
        .raw(
            "New statement",
            CompletionKind.SNIPPET,
            elements,
            "A statement with the elements this kind of policy needs: " + elements + ".",
            s);
  }

  /**
   * The statement as a YAML map after its item's dash: its keys two columns right of the dash, each
   * list one item long.
   */
  private static void offerYaml(Request r) {
    String key = "\n" + r.syntax().childIndent();
    String item = key + "  - ";
    PolicyType type = r.type();
    Snippet s = Snippet.of("Effect: ").placeholder("Allow", "Allow");
    String elements;
    if (type == PolicyType.TRUST_POLICY) {
      s.text(key + "Principal:" + key + "  Service: ")
          .stop()
          .text(key + "Action: ")
          .placeholder("sts:AssumeRole", "sts:AssumeRole");
      elements = "Effect, Principal, Action";
    } else {
      if (type.isResourceBased()) {
        s.text(key + "Principal:" + key + "  AWS: ").stop();
      }
      s.text(key + "Action:" + item).stop();
      s.text(key + "Resource:" + item).stop();
      elements =
          type.isResourceBased()
              ? "Effect, Principal, Action, Resource"
              : "Effect, Action, Resource";
    }
    s.end();
    r.out()
        .raw(
            "New statement",
            CompletionKind.SNIPPET,
            elements,
            "A statement with the elements this kind of policy needs: " + elements + ".",
            s);
  }
}
