package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.ResourceType;
import dev.iampolicyls.checks.PatternWitness.Constraint;
import dev.iampolicyls.config.Guardrail;
import dev.iampolicyls.grants.ActionIndex;
import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.syntax.JsonNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Allow statement that grants access a configured guardrail forbids: some catalog action both
 * the statement and the guardrail name, on some resource both reach, that no unconditional Deny of
 * the same policy takes away. The message gives one such action and resource as a witness.
 *
 * <p>Exact for the patterns as written (see {@link PatternWitness}), with two leanings towards
 * reporting: a policy variable in an Allow's resource is read as {@code *}, and a Deny whose
 * resources hold a variable, names a Principal, or has a Condition is not subtracted. Conditions of
 * the Allow itself only narrow it, so they still violate, and the message says so. SCPs and RCPs
 * grant nothing (their Allow is a ceiling), so they are not judged.
 */
final class GuardrailViolationCheck extends PolicyCheck {
  /** Replacement for each field of an ARN pattern's wildcards, so witnesses read like real ARNs. */
  private static final String[] FIELD_EXAMPLES = {
    "arn", "aws", "s3", "us-east-1", "111122223333", "example"
  };

  /**
   * Beyond this many groups of actions (each a search), only the witness is sought and the message
   * does not count the other actions: a policy with many Deny statements of different actions would
   * otherwise cost a search per action.
   */
  static final int MAX_COUNTED_GROUPS = 64;

  GuardrailViolationCheck() {
    super(CheckCode.GUARDRAIL_VIOLATION);
  }

  /** Actions that share the Deny statements that cover them and the ARN formats they act on. */
  private record Group(BitSet covering, List<String> formats) {}

  private static final Object ARN_FORMATS_MEMO = new Object();

  /** The ARN formats of an action's resource types, placeholders as wildcards, sorted. */
  private static List<String> arnFormats(Action action) {
    return action.resourceTypes().stream()
        .flatMap(r -> r.resourceType().stream())
        .map(t -> formatPattern(t.arnFormat()))
        .distinct()
        .sorted()
        .toList();
  }

  /** A Deny that surely applies: its actions, and the constraint a resource must meet to escape. */
  private record Deny(BitSet actions, Constraint escape) {}

  @Override
  public void run(CheckContext context) {
    List<Guardrail> guardrails = context.settings().guardrails();
    if (guardrails.isEmpty() || !LeastPrivilege.judgesGrants(context)) {
      return;
    }
    GrantAnalysis analysis = LeastPrivilege.analysis(context);
    ActionIndex index = analysis.index();
    List<Deny> denies = denies(context, index);
    for (Guardrail guardrail : guardrails) {
      BitSet forbidden = new BitSet();
      for (String pattern : guardrail.actions()) {
        index.addMatches(pattern, forbidden);
      }
      for (Grant grant : analysis.allows()) {
        BitSet candidates = (BitSet) grant.raw().clone();
        candidates.and(forbidden);
        if (!candidates.isEmpty()) {
          judge(context, index, grant, guardrail, candidates, denies);
        }
      }
    }
  }

  private void judge(
      CheckContext context,
      ActionIndex index,
      Grant grant,
      Guardrail guardrail,
      BitSet candidates,
      List<Deny> denies) {
    List<Constraint> reach = new ArrayList<>();
    resourceConstraint(grant.statement()).ifPresent(reach::add);
    if (!guardrail.resources().isEmpty()) {
      reach.add(Constraint.anyOf(guardrail.resources()));
    }
    // On named resources only the actions that can act on them count: an action that takes only
    // "*" (or other resource types) never touches them, whatever the statement's Resource says.
    boolean catalogAware = !guardrail.resources().isEmpty();
    Map<String, List<String>> formatsByAction = context.catalog().memo(ARN_FORMATS_MEMO);
    Map<String, Boolean> meetsGuardrail = new java.util.HashMap<>();
    // Actions with the same covering Deny statements (and ARN formats) share one answer.
    Map<Group, BitSet> groups = new LinkedHashMap<>();
    for (int a = candidates.nextSetBit(0); a >= 0; a = candidates.nextSetBit(a + 1)) {
      List<String> formats = List.of();
      if (catalogAware) {
        Action action = index.action(a);
        // Only the formats that can name a guarded resource; each decided once per statement.
        formats =
            formatsByAction
                .computeIfAbsent(action.qualifiedName(), k -> arnFormats(action))
                .stream()
                .filter(
                    f ->
                        meetsGuardrail.computeIfAbsent(
                            f,
                            k ->
                                PatternWitness.find(
                                        List.of(
                                            Constraint.anyOf(List.of(f)),
                                            Constraint.anyOf(guardrail.resources())),
                                        List.of())
                                    .exists()))
                .toList();
        if (formats.isEmpty()) {
          continue;
        }
      }
      BitSet covering = new BitSet();
      for (int d = 0; d < denies.size(); d++) {
        if (denies.get(d).actions().get(a)) {
          covering.set(d);
        }
      }
      groups.computeIfAbsent(new Group(covering, formats), k -> new BitSet()).set(a);
    }
    int witnessAction = -1;
    String witnessResource = null;
    boolean counting = groups.size() <= MAX_COUNTED_GROUPS;
    int violating = 0;
    for (Map.Entry<Group, BitSet> group : groups.entrySet()) {
      if (witnessAction >= 0 && !counting) {
        break;
      }
      List<Constraint> constraints = new ArrayList<>(reach);
      if (!group.getKey().formats().isEmpty()) {
        constraints.add(Constraint.anyOf(group.getKey().formats()));
      }
      BitSet covering = group.getKey().covering();
      for (int d = covering.nextSetBit(0); d >= 0; d = covering.nextSetBit(d + 1)) {
        constraints.add(denies.get(d).escape());
      }
      int action = group.getValue().nextSetBit(0);
      PatternWitness.Result result =
          PatternWitness.find(constraints, examples(index.action(action), constraints));
      if (!result.exists()) {
        continue;
      }
      violating += group.getValue().cardinality();
      if (witnessAction < 0) {
        witnessResource = result.undecided() ? describe(reach) : result.example();
        witnessAction = witnessAction(index, guardrail, group.getValue(), witnessResource);
      }
    }
    if (witnessAction >= 0) {
      report(
          context,
          index,
          grant,
          guardrail,
          witnessAction,
          witnessResource,
          counting ? violating : 1);
    }
  }

  /**
   * Reports one statement's violation of one guardrail.
   *
   * @param violating how many forbidden actions the statement grants, or 1 when not counted
   */
  private void report(
      CheckContext context,
      ActionIndex index,
      Grant grant,
      Guardrail guardrail,
      int action,
      String resource,
      int violating) {
    String name = index.action(action).qualifiedName();
    boolean conditional = grant.statement().condition().isPresent();
    StringBuilder message =
        new StringBuilder(conditional ? "May grant " : "Grants ")
            .append(name)
            .append(" on ")
            .append(resource)
            .append(conditional ? " when its conditions hold, which" : " which")
            .append(" guardrail \"")
            .append(guardrail.name())
            .append("\" forbids");
    if (guardrail.reason() != null) {
      message.append(" (").append(guardrail.reason()).append(")");
    }
    message.append('.');
    if (violating > 1) {
      message
          .append(" The statement ")
          .append(conditional ? "may grant " : "grants ")
          .append(violating - 1)
          .append(violating == 2 ? " other action" : " other actions")
          .append(" it forbids.");
    }
    context.report(this, grantingNode(grant, action), message.toString());
  }

  /**
   * The action to show: of the first of the guardrail's patterns that matches some, one that can
   * act on the resource (one of its resource types' ARN formats matches it), so the witness reads
   * as the request the guardrail's author had in mind.
   */
  private static int witnessAction(
      ActionIndex index, Guardrail guardrail, BitSet actions, String resource) {
    int fallback = -1;
    for (String pattern : guardrail.actions()) {
      BitSet matched = (BitSet) index.match(pattern).clone();
      matched.and(actions);
      for (int a = matched.nextSetBit(0); a >= 0; a = matched.nextSetBit(a + 1)) {
        if (fallback < 0) {
          fallback = a;
        }
        if (actsOn(index.action(a), resource)) {
          return a;
        }
      }
    }
    return fallback >= 0 ? fallback : actions.nextSetBit(0);
  }

  private static boolean actsOn(Action action, String resource) {
    if (resource.equals("*")) {
      return true;
    }
    for (ActionResource r : action.resourceTypes()) {
      if (r.resourceType()
          .map(t -> formatPattern(t.arnFormat()))
          .filter(f -> PatternWitness.matches(f, resource))
          .isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** The Action string that grants the action; for NotAction, the NotAction key. */
  private static JsonNode grantingNode(Grant grant, int action) {
    if (!grant.notAction()) {
      for (int i = 0; i < grant.tokens().size(); i++) {
        if (grant.matchedBy(i).get(action)) {
          return grant.tokens().get(i).node();
        }
      }
    }
    return grant.actionProperty().orElseThrow().key();
  }

  /** What the statement's Resource or NotResource lets through; nothing when it has neither. */
  private static Optional<Constraint> resourceConstraint(Statement s) {
    if (s.resource().isEmpty() && s.notResource().isEmpty()) {
      return Optional.empty(); // a resource policy's statement: the resource it is attached to
    }
    List<String> patterns = new ArrayList<>();
    for (StringElement r : s.resources()) {
      patterns.add(variablesAsWildcards(r.value()));
    }
    return Optional.of(
        s.resource().isPresent() ? Constraint.anyOf(patterns) : Constraint.noneOf(patterns));
  }

  /** The Deny statements that apply to every caller, always, on resources read exactly. */
  private static List<Deny> denies(CheckContext context, ActionIndex index) {
    List<Deny> denies = new ArrayList<>();
    for (Statement s : context.policy().statements()) {
      if (!s.isDeny()
          || s.condition().isPresent()
          || s.actionOrNotAction().isEmpty()
          || s.notPrincipal().isPresent()
          || s.principal().isPresent() && !GrantAnalysis.isEveryone(s.principal().get().value())
          || s.resources().stream().anyMatch(r -> r.value().contains("${"))) {
        continue;
      }
      BitSet actions = new BitSet();
      for (StringElement e : s.actions()) {
        index.addMatches(e.value(), actions);
      }
      if (s.action().isEmpty()) {
        BitSet all = (BitSet) index.all().clone();
        all.andNot(actions);
        actions = all;
      }
      List<String> resources = s.resources().stream().map(StringElement::value).toList();
      Constraint escape =
          s.resource().isPresent()
              ? Constraint.noneOf(resources)
              : s.notResource().isPresent()
                  ? Constraint.anyOf(resources)
                  : Constraint.anyOf(List.of()); // neither: it covers every resource
      denies.add(new Deny(actions, escape));
    }
    return denies;
  }

  /**
   * Readable resources to try before searching: "*" when nothing narrows the resource, else ARNs of
   * the action's resource types and the constraints' own patterns with wildcards filled in.
   */
  private static List<String> examples(Action action, List<Constraint> constraints) {
    List<String> examples = new ArrayList<>();
    if (constraints.stream()
        .allMatch(c -> c.some() && c.patterns().stream().anyMatch(p -> p.equals("*")))) {
      examples.add("*");
    }
    for (Constraint c : constraints) {
      if (c.some()) {
        c.patterns().stream().filter(p -> !p.equals("*")).map(p -> fill(p)).forEach(examples::add);
      }
    }
    for (ActionResource r : action.resourceTypes()) {
      r.resourceType()
          .map(ResourceType::arnFormat)
          .map(f -> fill(formatPattern(f)))
          .ifPresent(examples::add);
    }
    return examples;
  }

  /** An ARN pattern with each wildcard replaced by a plausible value for its field. */
  static String fill(String pattern) {
    StringBuilder out = new StringBuilder();
    int field = 0;
    for (char ch : pattern.toCharArray()) {
      if (ch == ':') {
        field++;
      }
      if (ch == '*' || ch == PatternWitness.FIELD_RUN || ch == PatternWitness.PATH_RUN) {
        out.append(FIELD_EXAMPLES[Math.min(field, FIELD_EXAMPLES.length - 1)]);
      } else if (ch == '?') {
        out.append('x');
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  /** A policy variable in an Allow's resource can be anything. */
  private static String variablesAsWildcards(String pattern) {
    return pattern.replaceAll("\\$\\{[^}]*}", "*");
  }

  /**
   * A catalog ARN format as a pattern: a placeholder stays within its ARN field, and within one
   * path segment unless it follows a '/' ({@code ${ObjectName}}, {@code ${UserNameWithPath}}).
   */
  static String formatPattern(String format) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < format.length()) {
      int close = format.startsWith("${", i) ? format.indexOf('}', i) : -1;
      if (close < 0) {
        out.append(format.charAt(i++));
        continue;
      }
      boolean afterSlash = i > 0 && format.charAt(i - 1) == '/';
      out.append(afterSlash ? PatternWitness.PATH_RUN : PatternWitness.FIELD_RUN);
      i = close + 1;
    }
    return out.toString();
  }

  /** Words for the resources when the search gave up on an example. */
  private static String describe(List<Constraint> reach) {
    return reach.stream()
        .filter(Constraint::some)
        .flatMap(c -> c.patterns().stream())
        .findFirst()
        .orElse("*");
  }
}
