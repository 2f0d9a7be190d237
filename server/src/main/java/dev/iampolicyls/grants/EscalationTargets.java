package dev.iampolicyls.grants;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.grants.RiskSets.EscalationMethod;
import dev.iampolicyls.semantics.ResourcePattern;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Escalation that needs no breadth: an action on the caller's own user or role ({@code
 * self-escalation.tsv}), and an action that writes the resource-based policy of a resource the
 * caller otherwise uses ({@code resource-policy-writers.tsv}). Each row is a one-action {@link
 * EscalationMethod}, resolved against one catalog; a row whose action the catalog does not know is
 * dropped.
 */
public final class EscalationTargets {
  private static final String USERNAME = "${aws:username}";
  private static final String PRINCIPAL_ARN = "${aws:principalarn}";

  /** An action that escalates when its Resource is the caller itself. */
  public record SelfMethod(EscalationMethod method, int action, String resourceType) {}

  /**
   * An action that writes the policy of a resource of {@code resourceType}; {@code services} are
   * the actions that may act on such a resource (the writer's service, and sts for roles), {@code
   * uses} those that use what it holds (objects, messages, the key, the role), {@code owners} those
   * that create or delete it: whoever holds one owns the resource.
   */
  public record WriterMethod(
      EscalationMethod method,
      int action,
      String resourceType,
      BitSet services,
      BitSet uses,
      BitSet owners) {}

  private final ActionIndex index;
  private final List<SelfMethod> self = new ArrayList<>();
  private final BitSet selfActions = new BitSet();
  private final List<WriterMethod> writers = new ArrayList<>();
  private final BitSet writerActions = new BitSet();

  private EscalationTargets(ActionIndex index) {
    this.index = index;
    for (String[] row : RiskSets.rows("self-escalation.tsv")) {
      if (row[0].equals("action")) {
        continue; // the column header
      }
      index
          .indexOf(row[0])
          .ifPresent(
              a -> {
                self.add(new SelfMethod(method(a, row[2], row[3]), a, row[1]));
                selfActions.set(a);
              });
    }
    for (String[] row : RiskSets.rows("resource-policy-writers.tsv")) {
      if (row[0].equals("action")) {
        continue;
      }
      index
          .indexOf(row[0])
          .ifPresent(
              a -> {
                BitSet services = matches(row[2]);
                services.clear(a);
                writers.add(
                    new WriterMethod(
                        method(a, row[5], row[6]),
                        a,
                        row[1],
                        services,
                        matches(row[3]),
                        matches(row[4])));
                writerActions.set(a);
              });
    }
  }

  private BitSet matches(String patterns) {
    BitSet out = new BitSet();
    for (String pattern : patterns.split(",")) {
      index.addMatches(pattern.strip(), out);
    }
    return out;
  }

  private EscalationMethod method(int action, String name, String how) {
    BitSet set = new BitSet();
    set.set(action);
    return new EscalationMethod(
        name, List.of(index.action(action).qualifiedName()), set, new int[] {action}, how);
  }

  public static EscalationTargets of(ActionIndex index) {
    return index.catalog().derived(EscalationTargets.class, () -> new EscalationTargets(index));
  }

  public List<SelfMethod> selfMethods() {
    return self;
  }

  /** The actions of {@link #selfMethods}. Read-only. */
  public BitSet selfActions() {
    return selfActions;
  }

  public List<WriterMethod> writers() {
    return writers;
  }

  /** The actions of {@link #writers}. Read-only. */
  public BitSet writerActions() {
    return writerActions;
  }

  /**
   * Whether a Resource pattern names the caller itself as a resource of this type ({@code user} or
   * {@code role}): {@code ${aws:PrincipalArn}}, or for users an IAM user ARN whose name is {@code
   * ${aws:username}} (after any path, and with stars around it the pattern still holds the caller).
   * {@code ${aws:userid}} is not the caller here: it is a unique ID (AIDA..., or AROA...:session),
   * and IAM names users and roles by name.
   */
  public static boolean namesTheCaller(String resource, String resourceType) {
    String r = resource.strip().toLowerCase(Locale.ROOT);
    if (r.equals(PRINCIPAL_ARN)) {
      return true;
    }
    if (!resourceType.equals("user")) {
      return false; // a role named like the user is not the caller; a role session has no username
    }
    List<String> fields = ResourcePattern.fields(r);
    if (fields.size() != 6 || !fields.get(0).equals("arn") || !fields.get(2).equals("iam")) {
      return false;
    }
    String part = fields.get(5);
    if (!part.startsWith("user/")) {
      return false;
    }
    int at = part.lastIndexOf(USERNAME);
    if (at < 0) {
      return false;
    }
    String before = part.substring("user/".length(), at);
    String after = part.substring(at + USERNAME.length());
    return onlyStars(after) && (before.isEmpty() || before.endsWith("/") || before.endsWith("*"));
  }

  private static boolean onlyStars(String s) {
    return s.chars().allMatch(c -> c == '*');
  }

  /**
   * Whether an action acts on resources of the named type (the catalog's name, as {@code bucket}).
   */
  public static boolean actsOn(Action action, String resourceType) {
    for (ActionResource ar : action.resourceTypes()) {
      if (ar.resourceType().map(t -> t.name().equals(resourceType)).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The patterns that name a resource and what lies inside it: the resource, its objects or paths
   * ({@code /}), its versions or qualifiers ({@code :}).
   */
  public static List<String> scope(String resource) {
    return List.of(resource, resource + "/*", resource + ":*");
  }

  /** Whether two resource patterns may name a common resource; leans to yes. */
  public static boolean mayOverlap(String a, String b) {
    return GrantAnalysis.mayOverlap(a, b);
  }
}
