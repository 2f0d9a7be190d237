package dev.iampolicyls.completion;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.service.CancelChecker;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Completion in a policy: finds the cursor's place (a key, a value or an array item, at a JSON
 * path) and asks the provider for that place. Pure analysis: text and offsets in, plain items out.
 */
public final class CompletionEngine {
  private static final Logger LOG = Logger.getLogger(CompletionEngine.class.getName());

  private final Catalog catalog;
  private final ActionCompletions actions;
  private final ResourceCompletions resources;
  private final ConditionCompletions conditions;
  private final PrincipalCompletions principals;
  private final VariableCompletions variables;

  public CompletionEngine(Catalog catalog) {
    this.catalog = catalog;
    this.actions = new ActionCompletions();
    this.resources = new ResourceCompletions();
    this.conditions = new ConditionCompletions();
    this.principals = new PrincipalCompletions();
    this.variables = new VariableCompletions(catalog);
  }

  public CompletionResult complete(
      String text, int offset, PolicyType policyType, CompletionOptions options) {
    return complete(Policy.parse(text), offset, policyType, options);
  }

  /**
   * The proposals at the offset.
   *
   * @param policyType the policy type, or null to infer it (then element rules are applied only
   *     where the text makes the type certain)
   */
  public CompletionResult complete(
      Policy policy, int offset, PolicyType policyType, CompletionOptions options) {
    return complete(policy, offset, policyType, options, CancelChecker.NEVER);
  }

  /**
   * As {@link #complete(Policy, int, PolicyType, CompletionOptions)}, asking {@code cancel} as it
   * goes: a cancelled request throws {@link CancellationException} rather than finishing.
   */
  public CompletionResult complete(
      Policy policy,
      int offset,
      PolicyType policyType,
      CompletionOptions options,
      CancelChecker cancel) {
    cancel.checkCanceled();
    JsonDocument document = policy.document();
    CursorContext ctx = CursorContext.find(document, offset).orElse(null);
    if (ctx == null) {
      return CompletionResult.EMPTY;
    }
    if (!policyOrNew(policy, ctx)) {
      return CompletionResult.EMPTY; // other JSON: package.json, settings...
    }
    PolicyType type = policyType != null ? policyType : PolicyType.infer(policy);
    Statement statement = statementAt(policy, offset);
    Proposals out = new Proposals(ctx, document.text(), options, cancel);
    Request request = new Request(catalog, policy, policyType, type, statement, ctx, out, null);
    return run(request, ctx.path());
  }

  /**
   * The proposals at a cursor inside a policy embedded in a template, whose place the template's
   * front end found (a YAML document being typed is seldom a tree), written in the template's
   * syntax.
   *
   * @param policyType the type the policy's place in the template makes it
   */
  public CompletionResult complete(
      Policy policy,
      TemplateCursor cursor,
      PolicyType policyType,
      CompletionOptions options,
      CancelChecker cancel) {
    cancel.checkCanceled();
    CursorContext ctx = cursor.context();
    Statement statement =
        cursor.statement() != null ? cursor.statement() : statementAt(policy, ctx.offset());
    Proposals out = new Proposals(ctx, cursor.text(), options, cancel, cursor.syntax());
    Request request =
        new Request(
            catalog, policy, policyType, policyType, statement, ctx, out, cursor.references());
    return run(request, cursor.path());
  }

  private CompletionResult run(Request request, List<Object> path) {
    try {
      dispatch(request, path);
    } catch (CancellationException e) {
      throw e; // not a failure: the caller no longer wants the answer
    } catch (RuntimeException e) {
      // A broken provider must not break the editor: log and propose nothing.
      LOG.log(Level.WARNING, "Completion failed at offset " + request.context().offset(), e);
      return CompletionResult.EMPTY;
    }
    return request.out().result();
  }

  private void dispatch(Request r, List<Object> path) {
    CursorContext ctx = r.context();
    if (ctx.position() == CursorContext.Position.KEY) {
      if (path.isEmpty()) {
        KeyCompletions.policyKeys(r);
        return;
      }
      List<Object> rest = statementRest(path);
      if (rest == null) {
        return;
      }
      if (rest.isEmpty()) {
        KeyCompletions.statementKeys(r);
      } else if (rest.size() == 1 && rest.get(0).equals("Condition")) {
        conditions.operators(r);
      } else if (rest.size() == 2 && rest.get(0).equals("Condition")) {
        conditions.keys(r, (String) rest.get(1));
      } else if (rest.size() == 1 && isPrincipal(rest.get(0))) {
        KeyCompletions.principalKeys(r);
      }
      return;
    }
    if (path.equals(List.of("Version")) && ctx.position() == CursorContext.Position.VALUE) {
      ValueCompletions.versions(r);
      return;
    }
    if (path.equals(List.of("Statement")) && ctx.position() == CursorContext.Position.ITEM) {
      StatementSkeleton.offer(r);
      return;
    }
    List<Object> rest = statementRest(path);
    if (rest == null || rest.isEmpty() || !(rest.get(0) instanceof String element)) {
      return;
    }
    if (variables.inVariable(r, rest)) {
      variables.complete(r);
      return;
    }
    switch (rest.size()) {
      case 1 -> {
        switch (element) {
          case "Effect" -> ValueCompletions.effects(r);
          case "Action", "NotAction" -> actions.complete(r);
          case "Resource", "NotResource" -> resources.complete(r);
          case "Principal", "NotPrincipal" -> {
            if (ctx.position() == CursorContext.Position.VALUE) {
              principals.everyone(r);
            }
          }
          default -> {}
        }
      }
      case 2 -> {
        if (isPrincipal(element) && rest.get(1) instanceof String principalType) {
          principals.values(r, principalType);
        }
      }
      case 3 -> {
        if (element.equals("Condition")
            && rest.get(1) instanceof String operator
            && rest.get(2) instanceof String key) {
          conditions.values(r, operator, key);
        }
      }
      default -> {}
    }
  }

  /**
   * Whether the document is a policy or may become one: its top-level object has a policy element,
   * or nothing yet but the key being typed.
   */
  private static boolean policyOrNew(Policy policy, CursorContext ctx) {
    if (policy.looksLikePolicy()) {
      return true;
    }
    if (policy.root().isEmpty()) {
      return false;
    }
    boolean others = false;
    for (PropertyNode p : policy.root().get().properties()) {
      if (p == ctx.property()) {
        continue;
      }
      if (Policy.TOP_LEVEL_ELEMENTS.stream().anyMatch(e -> e.equalsIgnoreCase(p.name()))) {
        return true;
      }
      others = true;
    }
    return !others;
  }

  private static boolean isPrincipal(Object element) {
    return "Principal".equals(element) || "NotPrincipal".equals(element);
  }

  /**
   * The part of the path inside a statement: {@code [Statement, 0, Condition]} gives {@code
   * [Condition]}; a statement itself gives an empty list; null outside any statement.
   */
  static List<Object> statementRest(List<Object> path) {
    if (path.isEmpty() || !"Statement".equals(path.get(0))) {
      return null;
    }
    int skip = path.size() >= 2 && path.get(1) instanceof Integer ? 2 : 1;
    return path.subList(skip, path.size());
  }

  private static Statement statementAt(Policy policy, int offset) {
    for (Statement s : policy.statements()) {
      if (s.node().offset() < offset && offset <= s.node().end()) {
        return s;
      }
    }
    return null;
  }
}
