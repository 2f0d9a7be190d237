package dev.iampolicyls.checks;

import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.SyntaxError;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every syntax error of the parser, and a document whose top level is not an object. */
final class JsonSyntaxErrorCheck extends PolicyCheck {
  JsonSyntaxErrorCheck() {
    super(CheckCode.JSON_SYNTAX_ERROR);
  }

  @Override
  public void run(CheckContext context) {
    for (SyntaxError error : context.policy().document().errors()) {
      context.report(this, error.offset(), error.length(), List.of(), error.message());
    }
    reportDuplicateKeys(context, context.policy().document().root());
    JsonNode root = context.policy().document().root();
    if (root != null && !(root instanceof ObjectNode)) {
      context.report(this, root, "A policy must be a JSON object, not " + Nodes.describe(root));
    }
  }

  /** JSON lets a key repeat; IAM does not, and only one of the values would count. */
  private void reportDuplicateKeys(CheckContext context, JsonNode root) {
    ArrayDeque<JsonNode> todo = new ArrayDeque<>();
    if (root != null) {
      todo.push(root);
    }
    while (!todo.isEmpty()) {
      JsonNode node = todo.pop();
      if (node instanceof ObjectNode object) {
        Set<String> seen = new HashSet<>();
        for (var p : object.properties()) {
          if (!seen.add(p.name())) {
            context.report(this, p.key(), "Duplicate key \"" + p.name() + "\": keep one");
          }
        }
      }
      for (JsonNode child : node.children()) {
        todo.push(child); // a loop, not forEach(todo::push): see CheckContext#shared
      }
    }
  }
}
