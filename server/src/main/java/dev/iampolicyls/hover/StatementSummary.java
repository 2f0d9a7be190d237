package dev.iampolicyls.hover;

import dev.iampolicyls.catalog.AccessLevel;
import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.grants.NeverApplies;
import dev.iampolicyls.policy.Arn;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.semantics.ResourceFit;
import dev.iampolicyls.semantics.ResourceFit.ActionMisfit;
import dev.iampolicyls.semantics.ResourceFit.Misfits;
import dev.iampolicyls.semantics.ResourceFormat;
import dev.iampolicyls.syntax.StringNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One statement in one plain English sentence, e.g. "Allows s3:GetObject and s3:PutObject (Read,
 * Write) on every object in the bucket b, for requests over TLS only." When the statement names a
 * principal, a second short sentence says who ("Who: the service ec2.amazonaws.com.").
 *
 * <p>The same statement always gives the same text: hovers, code lenses and the outline show it.
 */
public final class StatementSummary {
  /** How many actions, resources and principals are named before "and N more". */
  static final int MAX_NAMED = 3;

  private final Catalog catalog;

  public StatementSummary(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The summary of a statement of this policy. */
  public String summarize(Policy policy, Statement statement) {
    return summarize(new StatementFacts(catalog, statement), policy.document().text());
  }

  String summarize(StatementFacts facts, String source) {
    Statement s = facts.statement();
    // Instant.MIN: a date never counts as past, so the sentence does not change with the clock.
    Optional<NeverApplies.Reason> dead = NeverApplies.of(s, catalog, Instant.MIN);
    if (dead.isPresent()) {
      return withWho(s, new StringBuilder(verb(s)).append(" nothing: ").append(dead.get().why()));
    }
    Plan plan = plan(facts);
    StringBuilder sb = new StringBuilder(verb(s));
    if (plan.groups().isEmpty()) {
      sb.append(" nothing"); // every known action misses every resource: conditions are moot
    } else {
      for (int i = 0; i < plan.groups().size(); i++) {
        sb.append(i == 0 ? " " : "; ").append(describe(facts, plan.groups().get(i)));
      }
      // A test every request passes narrows nothing: the sentence leaves it out.
      List<ConditionEntry> narrowing =
          s.conditionEntries().stream()
              .filter(e -> !NeverApplies.narrowsNothing(s, e, catalog))
              .toList();
      String conditions = ConditionPhrases.phrase(narrowing, source);
      if (!conditions.isEmpty()) {
        sb.append(", ").append(conditions);
      }
    }
    if (plan.unknown() > 0) {
      sb.append(" (")
          .append(Phrases.count(plan.unknown(), "unknown action"))
          .append(" not counted)");
    }
    for (String misfit : misfits(facts, plan.misfits(), source)) {
      sb.append('.').append(' ').append(misfit);
    }
    return withWho(s, sb);
  }

  /** The sentence ended, with the principal's short sentence after it when there is one. */
  private static String withWho(Statement s, StringBuilder sentence) {
    sentence.append('.');
    String who = who(s);
    if (!who.isEmpty()) {
      sentence.append(" Who: ").append(who).append('.');
    }
    return sentence.toString();
  }

  /**
   * Action strings that share the Resource strings they act on.
   *
   * @param fitting per pattern, how many of its actions act on those resources
   */
  private record Group(
      List<ActionPattern> patterns,
      List<Integer> fitting,
      List<Action> actions,
      List<StringElement> resources) {}

  /** An Action string that acts on none of the statement's resources. */
  private record Misfit(ActionPattern pattern, List<ResourceFormat> accepted) {}

  private record Plan(List<Group> groups, List<Misfit> misfits, int unknown) {}

  /**
   * Which known actions act on which resources. Unknown Action strings are left out and counted.
   * Resources are split per action only for Action with Resource ARNs: NotAction and NotResource
   * name what is left out, and {@code *} is every resource for every action.
   */
  private Plan plan(StatementFacts facts) {
    List<ActionPattern> patterns = facts.patterns();
    List<StringElement> resources = facts.statement().resources();
    if (facts.notAction()) {
      return new Plan(
          List.of(new Group(patterns, List.of(), List.of(), resources)), // no levels after "except"
          List.of(),
          0);
    }
    List<Integer> known = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      if (patterns.get(i).everything() || !patterns.get(i).matches().isEmpty()) {
        known.add(i);
      }
    }
    int unknown = patterns.size() - known.size();
    if (known.isEmpty()) {
      return new Plan(
          List.of(new Group(List.of(), List.of(), List.of(), resources)), List.of(), unknown);
    }
    if (facts.notResource() || resources.isEmpty() || facts.everyResource()) {
      List<ActionPattern> kept = known.stream().map(patterns::get).toList();
      List<Integer> all = kept.stream().map(p -> p.matches().size()).toList();
      return new Plan(
          List.of(new Group(kept, all, levelActions(kept), resources)), List.of(), unknown);
    }
    List<Optional<List<ResourceFormat>>> named = new ArrayList<>();
    for (StringElement r : resources) {
      named.add(ResourceFit.typesNamedBy(catalog, r.value()));
    }
    // An ARN of no known type (a placeholder account, a stray "/") is INVALID_ARN's business: it
    // says nothing of what the actions act on, so the sentence gives it as written.
    boolean malformed = named.stream().anyMatch(n -> n.isPresent() && n.get().isEmpty());
    Map<StringElement, ActionMisfit> misfitByToken = new IdentityHashMap<>();
    boolean noResourceFits = false;
    if (!malformed) {
      List<StringElement> knownTokens = known.stream().map(facts.actionElements()::get).toList();
      Misfits fit = ResourceFit.of(catalog, knownTokens, resources, r -> false);
      for (ActionMisfit m : fit.actions()) {
        misfitByToken.put(m.action(), m);
      }
      // No Resource fits any action: the engine then reports the Resources only, but for the
      // sentence every action misses them.
      noResourceFits = fit.resources().size() == resources.size();
    } else {
      named.replaceAll(n -> n.filter(types -> !types.isEmpty()));
    }
    Map<List<Integer>, Group> groups = new LinkedHashMap<>();
    List<Misfit> misfits = new ArrayList<>();
    for (int i : known) {
      ActionPattern p = patterns.get(i);
      ActionMisfit misfit = misfitByToken.get(facts.actionElements().get(i));
      if (misfit != null) {
        misfits.add(new Misfit(p, misfit.accepted()));
        continue;
      }
      Set<Integer> reached = new TreeSet<>();
      List<Action> acting = new ArrayList<>();
      boolean split = !p.everything() && p.matches().size() <= MAX_SPLIT;
      if (split) {
        for (Action a : p.matches()) {
          boolean acts = false;
          for (int r = 0; r < resources.size(); r++) {
            if (actsOn(a, named.get(r))) {
              reached.add(r);
              acts = true;
            }
          }
          if (acts) {
            acting.add(a);
          }
        }
      }
      if (split && acting.isEmpty() && noResourceFits) {
        misfits.add(new Misfit(p, acceptedBy(p.matches())));
        continue;
      }
      if (acting.isEmpty()) {
        // Undecided (the catalog lists no types, or too many actions to split): as written.
        acting = p.everything() ? List.of() : p.matches(); // "*" lists no levels
        for (int r = 0; r < resources.size(); r++) {
          reached.add(r);
        }
      }
      Group g =
          groups.computeIfAbsent(
              List.copyOf(reached),
              key ->
                  new Group(
                      new ArrayList<>(),
                      new ArrayList<>(),
                      new ArrayList<>(),
                      key.stream().map(resources::get).toList()));
      g.patterns().add(p);
      g.fitting().add(acting.size());
      g.actions().addAll(acting);
    }
    return new Plan(List.copyOf(groups.values()), misfits, unknown);
  }

  /**
   * The actions whose access levels the sentence lists; none when a pattern is {@code *}, which
   * lists no levels, and would otherwise copy the whole catalog for each summary.
   */
  private static List<Action> levelActions(List<ActionPattern> patterns) {
    if (patterns.stream().anyMatch(ActionPattern::everything)) {
      return List.of();
    }
    List<Action> out = new ArrayList<>();
    patterns.forEach(p -> out.addAll(p.matches()));
    return out;
  }

  /** The resource types these actions act on, in the order first named. */
  private static List<ResourceFormat> acceptedBy(List<Action> actions) {
    Set<ResourceFormat> out = new LinkedHashSet<>();
    for (Action a : actions) {
      for (ActionResource ar : a.resourceTypes()) {
        ar.resourceType().ifPresent(t -> out.add(ResourceFormat.of(t)));
      }
    }
    return List.copyOf(out);
  }

  /**
   * More actions than this in one Action string are not split by resource: a summary stays fast.
   */
  private static final int MAX_SPLIT = 500;

  /**
   * Whether an action may act on a Resource string: undecided resources ({@code *}, no ARN) and
   * types of a placeholder namespace fit; an action listed without types acts on {@code *} only.
   */
  private static boolean actsOn(Action a, Optional<List<ResourceFormat>> named) {
    if (named.isEmpty()) {
      return true;
    }
    for (ActionResource ar : a.resourceTypes()) {
      if (ar.resourceType().isEmpty()) {
        return true;
      }
      ResourceFormat f = ResourceFormat.of(ar.resourceType().get());
      if (f.namespace() == null || named.get().contains(f)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(StatementFacts facts, Group g) {
    String actions = actions(facts, g);
    String resources = resources(facts, g.resources());
    return resources.isEmpty() ? actions : actions + " " + resources;
  }

  private static String verb(Statement s) {
    if (s.isAllow()) {
      return "Allows";
    }
    if (s.isDeny()) {
      return "Denies";
    }
    return "Has no valid Effect (Allow or Deny); it covers";
  }

  private static String actions(StatementFacts facts, Group g) {
    List<String> phrases = new ArrayList<>();
    for (int i = 0; i < g.patterns().size(); i++) {
      ActionPattern p = g.patterns().get(i);
      // After "except", patterns read better as written: "every action except iam:* and sts:*".
      phrases.add(facts.notAction() ? p.canonicalText() : p.phrase(g.fitting().get(i)));
    }
    if (phrases.isEmpty()) {
      if (facts.notAction()) {
        return "every action";
      }
      return facts.patterns().isEmpty() ? "no action" : "no known action";
    }
    if (facts.notAction()) {
      return "every action except " + Phrases.and(phrases, MAX_NAMED);
    }
    boolean everything = g.patterns().stream().anyMatch(ActionPattern::everything);
    return Phrases.and(phrases, MAX_NAMED) + (everything ? "" : levels(g.actions()));
  }

  /** " (Read, Write)"; nothing when it would list every level or there is none to list. */
  private static String levels(Collection<Action> actions) {
    Set<AccessLevel> levels = EnumSet.noneOf(AccessLevel.class);
    for (Action a : actions) {
      levels.add(a.accessLevel());
    }
    if (levels.isEmpty() || levels.size() == AccessLevel.values().length) {
      return "";
    }
    List<String> labels = levels.stream().map(AccessLevel::label).toList();
    return " (" + String.join(", ", labels) + ")";
  }

  private static String resources(StatementFacts facts, List<StringElement> elements) {
    if (elements.isEmpty()) {
      return "";
    }
    if (!facts.notResource() && elements.stream().anyMatch(e -> e.value().equals("*"))) {
      return "on every resource";
    }
    List<String> described = new ArrayList<>();
    for (StringElement e : elements) {
      // Only the first few are named; describing ARNs is the costly part, so the rest are counted.
      String value = e.value();
      if (described.size() >= MAX_NAMED) {
        described.add(value);
      } else {
        described.add(value.equals("*") ? "every resource" : describeResource(facts, value));
      }
    }
    String list = Phrases.and(described, MAX_NAMED);
    return facts.notResource() ? "on every resource except " + list : "on " + list;
  }

  /**
   * "s3:ListBucket acts on buckets; arn:aws:s3:::b/* names objects": actions that act on the same
   * types share a sentence.
   */
  private List<String> misfits(StatementFacts facts, List<Misfit> misfits, String source) {
    if (misfits.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> byAccepted = new LinkedHashMap<>();
    Map<String, Integer> actionCount = new LinkedHashMap<>();
    List<ResourceFormat> named = new ArrayList<>();
    for (StringElement r : facts.statement().resources()) {
      ResourceFit.typesNamedBy(catalog, r.value()).ifPresent(named::addAll);
    }
    for (Misfit m : misfits) {
      String accepted = Phrases.or(plurals(kin(m.accepted(), named)), MAX_NAMED);
      byAccepted.computeIfAbsent(accepted, k -> new ArrayList<>()).add(m.pattern().phrase());
      actionCount.merge(accepted, m.pattern().matches().size(), Integer::sum);
    }
    String namedBy = namedBy(facts.statement().resources(), source);
    List<String> out = new ArrayList<>();
    byAccepted.forEach(
        (accepted, phrases) -> {
          String verb = actionCount.get(accepted) == 1 ? " acts on " : " act on ";
          String sentence = Phrases.and(phrases, MAX_NAMED) + verb + accepted;
          out.add(namedBy.isEmpty() ? sentence : sentence + "; " + namedBy);
        });
    return out;
  }

  /**
   * The accepted types that nest with a named one (a bucket beside its objects), when there are
   * any: "acts on buckets" says the mix-up better than listing access points too.
   */
  private static List<ResourceFormat> kin(
      List<ResourceFormat> accepted, List<ResourceFormat> named) {
    List<ResourceFormat> kin =
        accepted.stream()
            .filter(a -> named.stream().anyMatch(n -> a.nests(n) || n.nests(a)))
            .toList();
    return kin.isEmpty() ? accepted : kin;
  }

  /** "arn:aws:s3:::b/* names objects": what the statement's decided ARNs name, by kind. */
  private String namedBy(List<StringElement> resources, String source) {
    Map<String, List<String>> byKind = new LinkedHashMap<>();
    for (StringElement r : resources) {
      ResourceFit.typesNamedBy(catalog, r.value())
          .ifPresent(
              types -> {
                String kind =
                    types.isEmpty()
                        ? "no known resource type"
                        : Phrases.or(plurals(types), MAX_NAMED);
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(asWritten(r, source));
              });
    }
    List<String> clauses = new ArrayList<>();
    byKind.forEach(
        (kind, arns) ->
            clauses.add(
                Phrases.and(arns, MAX_NAMED) + (arns.size() == 1 ? " names " : " name ") + kind));
    return String.join("; ", clauses);
  }

  /**
   * A Resource as the document writes it: its value, or in a template, where a value was built from
   * template functions ({@code !GetAtt DataBucket.Arn}, a {@code !Sub}), the template's text rather
   * than the value that stands in for it.
   */
  private static String asWritten(StringElement r, String source) {
    StringNode n = r.node();
    boolean unquoted = n.contentOffset() == n.offset();
    if (!unquoted || n.end() > source.length()) {
      return r.value();
    }
    String written = source.substring(n.offset(), n.end());
    return written.equals(r.value()) ? r.value() : written;
  }

  /** "buckets", "objects": the distinct type names, plural. */
  private static List<String> plurals(List<ResourceFormat> types) {
    Set<String> out = new LinkedHashSet<>();
    for (ResourceFormat f : types) {
      out.add(plural(f.type().name()));
    }
    return List.copyOf(out);
  }

  static String plural(String noun) {
    if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
      return noun + "es";
    }
    if (noun.length() > 1
        && noun.endsWith("y")
        && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
      return noun.substring(0, noun.length() - 1) + "ies";
    }
    return noun + "s";
  }

  /** An ARN in words, or as written when it is not an ARN or names no known type. */
  static String describeResource(StatementFacts facts, String text) {
    Arn arn = Arn.parse(text).orElse(null);
    if (arn == null) {
      return text;
    }
    return ResourceMatch.describe(facts.typesOf(arn, text), arn, text);
  }

  private static String who(Statement s) {
    if (s.principal().isPresent()) {
      return Phrases.and(Principals.describeAll(s.principal().get().value()), MAX_NAMED);
    }
    if (s.notPrincipal().isPresent()) {
      List<String> list = Principals.describeAll(s.notPrincipal().get().value());
      return list.isEmpty() ? "" : "everyone except " + Phrases.and(list, MAX_NAMED);
    }
    return "";
  }
}
