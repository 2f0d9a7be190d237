package dev.iampolicyls.completion;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ConditionKey;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Policy variables after {@code ${} inside a string, where IAM replaces them: in Resource and
 * NotResource, and in the values of string and ARN condition operators. The proposals are the
 * global request keys of type String or ARN, and the escapes {@code ${*}}, {@code ${?}}, {@code
 * ${$}}. The whole string is replaced, with the variable put where it was typed.
 */
final class VariableCompletions {
  private record Variable(String template, String detail, String documentation) {}

  private final List<Variable> variables;

  VariableCompletions(Catalog catalog) {
    List<Variable> first = new ArrayList<>();
    List<Variable> rest = new ArrayList<>();
    for (ConditionKey key : catalog.globalConditionKeys()) {
      if (!key.name().startsWith("aws:")
          || !(key.type().equals("String") || key.type().equals("ARN"))) {
        continue;
      }
      String template = ConditionCompletions.label(key.name());
      Variable v = new Variable(template, key.type(), key.description());
      boolean common =
          template.equals("aws:username")
              || template.equals("aws:userid")
              || template.startsWith("aws:PrincipalTag/");
      (common ? first : rest).add(v);
    }
    // username, userid, PrincipalTag: the ones policies use most.
    first.sort((a, b) -> Integer.compare(rank(a.template()), rank(b.template())));
    List<Variable> all = new ArrayList<>(first);
    all.addAll(rest);
    all.add(new Variable("*", "a literal *", "`${*}` stands for a literal `*` character."));
    all.add(new Variable("?", "a literal ?", "`${?}` stands for a literal `?` character."));
    all.add(new Variable("$", "a literal $", "`${$}` stands for a literal `$` character."));
    this.variables = List.copyOf(all);
  }

  private static int rank(String template) {
    return template.equals("aws:username") ? 0 : template.equals("aws:userid") ? 1 : 2;
  }

  /** Whether the cursor is after an unclosed ${ in a string where IAM reads variables. */
  boolean inVariable(Request r, List<Object> rest) {
    CursorContext ctx = r.context();
    if (ctx.string() == null || openVariable(ctx.prefix()) < 0) {
      return false;
    }
    Object element = rest.get(0);
    if (rest.size() == 1) {
      return element.equals("Resource") || element.equals("NotResource");
    }
    if (rest.size() == 3 && element.equals("Condition") && rest.get(1) instanceof String op) {
      Optional<Category> category = ConditionOperator.parse(op).map(ConditionOperator::category);
      return category.filter(c -> c == Category.STRING || c == Category.ARN).isPresent();
    }
    return false;
  }

  void complete(Request r) {
    CursorContext ctx = r.context();
    String prefix = ctx.prefix();
    int open = openVariable(prefix);
    String before = prefix.substring(0, open);
    String typed = prefix.substring(open + 2);
    String after = afterVariable(r, ctx);
    int index = 0;
    for (Variable v : variables) {
      index++;
      Optional<Snippet> name = ArnTemplate.parse(v.template()).complete(typed, false);
      if (name.isEmpty()) {
        continue;
      }
      Snippet content = Snippet.of(before).text("${").append(name.get()).text("}").text(after);
      r.out()
          .value(
              "${" + v.template() + "}",
              CompletionKind.VARIABLE,
              v.detail(),
              v.documentation(),
              Proposals.sort(0, index),
              content,
              true);
    }
    if (typed.indexOf('/') >= 0) {
      r.out().markIncomplete(); // a typed tag name is copied into the variable
    }
  }

  /** Where the last unclosed ${ of the typed text starts, or -1. */
  static int openVariable(String prefix) {
    int open = prefix.lastIndexOf("${");
    return open >= 0 && prefix.indexOf('}', open) < 0 ? open : -1;
  }

  /** The rest of the string after the cursor, less the rest of the variable being typed. */
  private static String afterVariable(Request r, CursorContext ctx) {
    String text = r.policy().document().text();
    int end = ctx.string().contentEnd();
    int i = ctx.offset();
    while (i < end && isVariableChar(text.charAt(i))) {
      i++;
    }
    // Only a run closed by } is the rest of this variable; otherwise the text after the cursor
    // is the ARN's own ("${|/*" keeps "/*").
    return i < end && text.charAt(i) == '}'
        ? text.substring(i + 1, end)
        : text.substring(ctx.offset(), end);
  }

  private static boolean isVariableChar(char c) {
    return Character.isLetterOrDigit(c) || c == ':' || c == '/' || c == '_' || c == '-' || c == '.';
  }
}
