package dev.iampolicyls.checks;

import dev.iampolicyls.cache.BoundedMemo;
import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.ArnFormats;
import dev.iampolicyls.catalog.ResourceType;
import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Resource ARN that no action of the statement can act on: it fits none of the ARN formats of the
 * resource types those actions support, as {@code arn:aws:s3:::bucket} for {@code s3:GetObject},
 * which acts on objects ({@code bucket/key}). Silent whenever the catalog cannot decide: an unknown
 * action, an action that supports only {@code *}, {@code *} itself, a wildcard in the ARN's
 * service, or a pattern matching too many actions to compare.
 */
final class ResourceMismatchCheck extends PolicyCheck {
  /** More actions than this from the wildcards of one statement: give up rather than stall. */
  private static final int MAX_ACTIONS = 2000;

  ResourceMismatchCheck() {
    super(CheckCode.RESOURCE_MISMATCH);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (s.action().isEmpty() || s.resource().isEmpty()) {
        continue; // NotAction and NotResource name what is excluded, not what is acted on
      }
      Set<String> prefixes = null;
      Set<String> formats = null;
      for (StringElement r : s.resources()) {
        String service = comparableService(r);
        if (service == null) {
          continue;
        }
        if (prefixes == null) {
          // Looked up only now: most resources are patterns, never compared.
          prefixes = prefixes(s);
          formats = formatsOf(context, s);
        }
        if (formats == null || formats.isEmpty()) {
          break;
        }
        if (!prefixes.equals(Set.of(service))) {
          // Actions of other services, or an ARN of another namespace: the catalog does not
          // record every namespace an action accepts (codeconnections ARNs for
          // codestar-connections).
          continue;
        }
        check(context, r, formats, service);
      }
    }
  }

  /** The ARN's service in lower case when it names one resource worth comparing, else null. */
  private static String comparableService(StringElement r) {
    List<String> fields = ArnText.fields(r.value());
    if (fields.size() < 6 || !fields.get(0).equals("arn") || ArnText.isPattern(fields.get(2))) {
      return null;
    }
    if (WildcardMatcher.hasWildcard(fields.get(5)) || fields.get(5).startsWith("/")) {
      // A pattern names resources the catalog may not list for the actions (AWS's own policies
      // are full of them); only a named resource is compared. Path-style resources (API Gateway's
      // /apis) name collections the catalog leaves out.
      return null;
    }
    return fields.get(2).toLowerCase(Locale.ROOT);
  }

  private void check(CheckContext context, StringElement r, Set<String> formats, String service) {
    // A variable may hold colons (${aws:username}); as a wildcard it cannot shift the fields.
    ArnFormats.PolicyArn arn = ArnFormats.PolicyArn.of(ArnText.variablesAsWildcards(r.value()));
    for (String format : formats) {
      List<String> f = ArnText.fields(format);
      boolean sameService = f.size() == 6 && f.get(2).equalsIgnoreCase(service);
      if ((sameService || f.size() != 6 || f.get(2).contains("${"))
          && ArnFormats.fits(format, arn)) {
        return;
      }
    }
    context.report(
        this,
        r.node(),
        "No action of this statement acts on \""
            + r.value()
            + "\": it is none of the resource types the actions support. Fix the ARN or the"
            + " actions");
  }

  private static Set<String> prefixes(Statement s) {
    Set<String> out = new HashSet<>();
    for (StringElement e : s.actions()) {
      ActionName.parse(e.value()).ifPresent(n -> out.add(n.service().toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  /**
   * Every action the name or pattern matches, also when a service lists one name twice (ELB and
   * ELBv2 share the prefix elasticloadbalancing, and both have AddTags with different resources).
   */
  private static List<Action> actionsNamed(CheckContext context, ActionName name) {
    List<Action> out = new ArrayList<>();
    context
        .catalog()
        .service(name.service())
        .ifPresent(
            sv -> {
              for (Action a : sv.actions()) {
                if (WildcardMatcher.matches(name.action(), a.name())) {
                  out.add(a);
                }
              }
            });
    return out;
  }

  /** The ARN formats of every resource type the statement's actions support, or null if unsure. */
  private static Set<String> formatsOf(CheckContext context, Statement s) {
    Set<String> formats = new LinkedHashSet<>();
    int count = 0;
    for (StringElement e : s.actions()) {
      ElementFormats one = elementFormats(context, e.value());
      count += one.actions();
      if (one.formats() == null || count > MAX_ACTIONS) {
        return null;
      }
      formats.addAll(one.formats());
    }
    return formats;
  }

  /**
   * What one Action string contributes: how many catalog actions it names and their resource types'
   * ARN formats, or null formats when the catalog cannot decide.
   */
  private record ElementFormats(int actions, List<String> formats) {}

  private static final ElementFormats UNSURE = new ElementFormats(0, null);

  /**
   * Policies repeat the same Action strings (the managed policies name 16,000 distinct ones 59,000
   * times), and a name means a scan of its service's actions: remember the answer per catalog.
   */
  private static ElementFormats elementFormats(CheckContext context, String value) {
    return BoundedMemo.remember(
        context.catalog().<ElementFormats>memo(ResourceMismatchCheck.class),
        value,
        50_000,
        v -> computeElementFormats(context, v));
  }

  private static ElementFormats computeElementFormats(CheckContext context, String value) {
    ActionName name = ActionName.parse(value).orElse(null);
    if (name == null || ActionName.containsWildcard(name.service())) {
      return UNSURE; // "*", "*:Get*", malformed: actions of every kind, or none known
    }
    List<Action> actions = actionsNamed(context, name);
    if (actions.isEmpty() || actions.size() > MAX_ACTIONS) {
      return UNSURE;
    }
    Set<String> formats = new LinkedHashSet<>();
    for (Action a : actions) {
      if (a.resourceTypes().isEmpty()) {
        return UNSURE; // an action that applies to "*" only: nothing to compare against
      }
      for (ActionResource ar : a.resourceTypes()) {
        ResourceType t = ar.resourceType().orElse(null);
        if (t == null) {
          return UNSURE;
        }
        formats.addAll(ArnText.formats(t));
      }
    }
    return new ElementFormats(actions.size(), List.copyOf(formats));
  }
}
