package dev.iampolicyls.hover;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.ResourceType;
import dev.iampolicyls.policy.Arn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Hover text for one Resource or NotResource string. */
final class ResourceHover {
  private static final int LISTED = 6;

  private ResourceHover() {}

  static String explain(StatementFacts facts, String text) {
    String except =
        facts.notResource()
            ? "Under **NotResource**: the statement covers every" + " resource EXCEPT this one."
            : null;
    if (text.equals("*")) {
      return everything(facts);
    }
    Arn arn = Arn.parse(text).orElse(null);
    if (arn == null) {
      return Markdown.paragraphs(
          nonNull(
              except,
              Markdown.code(text)
                  + " is not an ARN: write `arn:partition:service:region:account:resource`,"
                  + " or `*` for every resource."));
    }
    List<ResourceMatch.TypeOf> types = facts.typesOf(arn, text);
    List<String> parts = new ArrayList<>();
    if (except != null) {
      parts.add(except);
    }
    String description = Markdown.bold(Markdown.escape(ResourceMatch.describe(types, arn, text)));
    if (types.isEmpty()) {
      parts.add(description);
      parts.add(
          "No resource type of "
              + servicesNamed(facts, arn)
              + " has ARNs of this form: check the service, region, account and resource parts.");
    } else {
      parts.add(description + typeLine(types));
      parts.add(appliesTo(facts, types));
    }
    parts.add(partsLine(arn));
    return Markdown.paragraphs(parts);
  }

  private static String everything(StatementFacts facts) {
    if (facts.notResource()) {
      return "**`*`: every resource**, so NotResource leaves nothing for the statement to cover.";
    }
    List<String> parts = new ArrayList<>();
    parts.add(
        "**`*`: every resource** the statement's actions can reach, in any account and region.");
    if (!facts.notAction()) {
      int total = 0;
      int starOnly = 0;
      for (Action a : facts.actions()) {
        total++;
        if (a.resourceTypes().isEmpty()) {
          starOnly++;
        }
      }
      if (total > 0) {
        parts.add(
            starOnly
                + " of the statement's "
                + Phrases.count(total, "action")
                + " can only be granted on `*`; naming resources for the others grants less.");
      }
    }
    return Markdown.paragraphs(parts);
  }

  private static List<String> nonNull(String... items) {
    List<String> out = new ArrayList<>();
    for (String s : items) {
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  private static String servicesNamed(StatementFacts facts, Arn arn) {
    List<String> prefixes = new ArrayList<>();
    facts.actionServices().forEach(s -> prefixes.add(Markdown.code(s.prefix())));
    facts
        .catalog()
        .service(arn.service())
        .filter(s -> !prefixes.contains(Markdown.code(s.prefix())))
        .ifPresent(s -> prefixes.add(Markdown.code(s.prefix())));
    return prefixes.isEmpty() ? "a known service" : Phrases.or(prefixes, 4);
  }

  /** " — resource type `object` of Amazon S3". */
  private static String typeLine(List<ResourceMatch.TypeOf> types) {
    List<String> names = Markdown.codes(ResourceMatch.typeNames(types));
    String service = Markdown.escape(types.get(0).service().name());
    return (names.size() == 1 ? " — resource type " : " — resource types ")
        + String.join(", ", names)
        + " of "
        + service;
  }

  /** Which of the statement's actions can be limited to resources of these types. */
  private static String appliesTo(StatementFacts facts, List<ResourceMatch.TypeOf> types) {
    if (facts.notAction() || facts.patterns().isEmpty()) {
      return null;
    }
    Set<ResourceType> wanted = new HashSet<>();
    types.forEach(t -> wanted.add(t.type()));
    List<String> applies = new ArrayList<>();
    List<String> not = new ArrayList<>();
    int total = 0;
    for (Action a : facts.actions()) {
      total++;
      boolean fits = false;
      for (ActionResource r : a.resourceTypes()) {
        if (r.resourceType().filter(wanted::contains).isPresent()) {
          fits = true;
          break;
        }
      }
      (fits ? applies : not).add(Markdown.code(a.qualifiedName()));
    }
    if (total == 0) {
      return null;
    }
    if (applies.isEmpty()) {
      return "None of the statement's " + Phrases.count(total, "action") + " apply to it.";
    }
    String line =
        "Applies to "
            + (not.isEmpty() ? "" : applies.size() + " of the " + total + " actions: ")
            + Phrases.and(applies, LISTED);
    if (!not.isEmpty()) {
      line += "  \nNot to the other " + not.size() + ": " + Phrases.and(not, 4);
    }
    return line;
  }

  private static String partsLine(Arn arn) {
    return "partition "
        + part(arn.partition())
        + " · service "
        + part(arn.service())
        + " · region "
        + part(arn.region())
        + " · account "
        + part(arn.account())
        + " · resource "
        + part(arn.resource());
  }

  private static String part(String value) {
    return value.isEmpty() ? "*(none)*" : Markdown.code(value);
  }
}
