package dev.iampolicyls.hover;

import dev.iampolicyls.catalog.AccessLevel;
import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.Arn;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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
    StringBuilder sb = new StringBuilder();
    sb.append(verb(s)).append(' ').append(actions(facts));
    String resources = resources(facts);
    if (!resources.isEmpty()) {
      sb.append(' ').append(resources);
    }
    String conditions = ConditionPhrases.phrase(s.conditionEntries(), source);
    if (!conditions.isEmpty()) {
      sb.append(", ").append(conditions);
    }
    sb.append('.');
    String who = who(s);
    if (!who.isEmpty()) {
      sb.append(" Who: ").append(who).append('.');
    }
    return sb.toString();
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

  private static String actions(StatementFacts facts) {
    List<String> phrases = new ArrayList<>();
    for (ActionPattern p : facts.patterns()) {
      // After "except", patterns read better as written: "every action except iam:* and sts:*".
      phrases.add(facts.notAction() ? p.canonicalText() : p.phrase());
    }
    if (phrases.isEmpty()) {
      return facts.notAction() ? "every action" : "no action";
    }
    if (facts.notAction()) {
      return "every action except " + Phrases.and(phrases, MAX_NAMED);
    }
    return Phrases.and(phrases, MAX_NAMED) + levels(facts);
  }

  /** " (Read, Write)"; nothing when it would list every level or there is none to list. */
  private static String levels(StatementFacts facts) {
    if (facts.matchesEverything()) {
      return "";
    }
    Set<AccessLevel> levels = EnumSet.noneOf(AccessLevel.class);
    for (Action a : facts.actions()) {
      levels.add(a.accessLevel());
    }
    if (levels.isEmpty() || levels.size() == AccessLevel.values().length) {
      return "";
    }
    List<String> labels = levels.stream().map(AccessLevel::label).toList();
    return " (" + String.join(", ", labels) + ")";
  }

  private static String resources(StatementFacts facts) {
    List<StringElement> elements = facts.statement().resources();
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
