package dev.iampolicyls.codeactions;

import dev.iampolicyls.catalog.AccessLevel;
import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.ArnFormats;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.grants.ActionIndex;
import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.service.CancelChecker;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Code actions that narrow what a policy grants, as plain text edits:
 *
 * <ul>
 *   <li>an action pattern ({@code s3:*}, {@code s3:Get*}) becomes the actions of chosen access
 *       levels or the explicit list it matches;
 *   <li>a {@code "*"} resource flagged RESOURCE_STAR becomes the ARN formats of the resource types
 *       the statement's actions act on, with placeholders to fill in;
 *   <li>an Allow with NotAction becomes an Action list of what it grants, when that is short.
 * </ul>
 *
 * Each is offered only when it keeps what the statement grants within reach: nothing is offered
 * when it would be too long to read or would silently drop a permission. Like the checks, each fix
 * runs on its own: one that fails is logged and skipped, and the others are still offered.
 */
public final class CodeActionEngine {
  private static final Logger LOG = Logger.getLogger(CodeActionEngine.class.getName());

  /** Longer explicit lists are not offered: nobody reads them. */
  static final int MAX_LISTED_ACTIONS = 400;

  static final int MAX_NOT_ACTION_REWRITE = 50;
  static final int MAX_ARN_FORMATS = 20;

  private final Catalog catalog;
  private final List<QuickFix> quickFixes;
  private final List<Refactoring> refactorings;

  static final List<QuickFix> QUICK_FIXES =
      List.of(
          new InvalidActionFix(),
          new MissingVersionFix(),
          new MissingEffectFix(),
          new InvalidEffectFix(),
          new RemoveElementFix(),
          new EquivalentToNullFix(),
          new UniqueSidFix(),
          new MissingQualifierFix(),
          new ArnResourceSeparatorFix(),
          new EscapeSubVariableFix());

  static final List<Refactoring> REFACTORINGS =
      List.of(
          new ActionCasingFix(),
          new ExpandDenyWildcard(),
          new CollapseToWildcard(),
          new StringArrayToggle(),
          new SortActions(),
          new SplitByService());

  public CodeActionEngine(Catalog catalog) {
    this(catalog, QUICK_FIXES, REFACTORINGS);
  }

  /** With other fixes than ours; for tests. */
  CodeActionEngine(Catalog catalog, List<QuickFix> quickFixes, List<Refactoring> refactorings) {
    this.catalog = catalog;
    this.quickFixes = List.copyOf(quickFixes);
    this.refactorings = List.copyOf(refactorings);
  }

  /**
   * The actions for tokens that touch {@code [start, end]} (UTF-16 offsets into the text).
   *
   * @param findings the findings of the same text, to link each fix to what it fixes
   */
  public List<PolicyCodeAction> actions(
      Policy policy, PolicyType type, List<Finding> findings, int start, int end) {
    return actions(policy, type, findings, start, end, CancelChecker.NEVER);
  }

  /**
   * As {@link #actions(Policy, PolicyType, List, int, int)}, asking {@code cancel} before each fix.
   */
  public List<PolicyCodeAction> actions(
      Policy policy,
      PolicyType type,
      List<Finding> findings,
      int start,
      int end,
      CancelChecker cancel) {
    return actions(
        policy, type, findings, start, end, EditWriter.json(policy.document().text()), cancel);
  }

  /**
   * As {@link #actions(Policy, PolicyType, List, int, int, CancelChecker)}, with the edits written
   * by {@code edits}: in the syntax of the template that holds the policy.
   */
  public List<PolicyCodeAction> actions(
      Policy policy,
      PolicyType type,
      List<Finding> findings,
      int start,
      int end,
      EditWriter edits,
      CancelChecker cancel) {
    List<PolicyCodeAction> out = new ArrayList<>();
    FixContext ctx = new FixContext(policy, type, catalog, findings, start, end, edits);
    for (Finding f : findings) {
      if (ctx.touches(f)) {
        for (QuickFix fix : quickFixes) {
          if (fix.codes().contains(f.code())) {
            cancel.checkCanceled();
            isolated(fix.getClass(), own -> fix.offer(ctx, f, own), out);
          }
        }
      }
    }
    if (!type.isOrganizationsPolicy()) {
      cancel.checkCanceled();
      isolated(
          CodeActionEngine.class,
          own -> narrowing(policy, FindingsByRange.of(findings), start, end, edits, own),
          out);
    }
    for (Refactoring r : refactorings) {
      cancel.checkCanceled();
      isolated(r.getClass(), own -> r.offer(ctx, own), out);
    }
    return out;
  }

  /**
   * Runs one fix into a list of its own, so that a fix that fails half-way adds nothing: it is
   * logged (its class, not the policy) and the other fixes go on.
   */
  private static void isolated(
      Class<?> fix, Consumer<List<PolicyCodeAction>> offer, List<PolicyCodeAction> out) {
    List<PolicyCodeAction> own = new ArrayList<>();
    try {
      offer.accept(own);
    } catch (CancellationException e) {
      throw e;
    } catch (EditWriter.NotWritable e) {
      return; // not expressible in the template's syntax: not offered
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.WARNING, "fix " + fix.getSimpleName() + " failed; its actions are skipped", e);
      return;
    }
    out.addAll(own);
  }

  /** The least-privilege fixes: none for SCPs and RCPs, which grant nothing themselves. */
  private void narrowing(
      Policy policy,
      FindingsByRange findings,
      int start,
      int end,
      EditWriter edits,
      List<PolicyCodeAction> out) {
    GrantAnalysis analysis = GrantAnalysis.of(policy, catalog);
    for (Grant g : analysis.allows()) {
      if (!g.notAction()) {
        for (StringElement e : g.tokens()) {
          if (touches(e.node(), start, end)) {
            writable(() -> narrowPattern(analysis.index(), edits, e, findings, out));
          }
        }
      } else {
        PropertyNode notAction = g.actionProperty().orElseThrow();
        if (touches(notAction, start, end)) {
          writable(() -> rewriteNotAction(analysis.index(), edits, g, notAction, findings, out));
        }
      }
      g.starResource()
          .filter(star -> touches(star.node(), start, end))
          .ifPresent(
              star ->
                  writable(() -> resourceArns(analysis.index(), edits, g, star, findings, out)));
    }
  }

  /**
   * Runs the offers of one token; those the template's syntax cannot express are left out, and the
   * other tokens' are still offered.
   */
  private static void writable(Runnable offer) {
    try {
      offer.run();
    } catch (EditWriter.NotWritable e) {
      // not offered
    }
  }

  private void narrowPattern(
      ActionIndex index,
      EditWriter edits,
      StringElement e,
      FindingsByRange findings,
      List<PolicyCodeAction> out) {
    Optional<ActionName> name = ActionName.parse(e.value());
    if (name.isEmpty()
        || ActionName.containsWildcard(name.get().service())
        || !ActionName.containsWildcard(name.get().action())) {
      return;
    }
    BitSet matched = index.match(e.value());
    if (matched.isEmpty()) {
      return;
    }
    Finding finding = findings.on(e.node(), CheckCode.SERVICE_WILDCARD);
    String kind = finding != null ? PolicyCodeAction.QUICK_FIX : PolicyCodeAction.REWRITE;
    BitSet read = and(matched, index.level(AccessLevel.READ));
    BitSet readList = (BitSet) read.clone();
    readList.or(and(matched, index.level(AccessLevel.LIST)));
    BitSet noPermissions = (BitSet) matched.clone();
    noPermissions.andNot(index.level(AccessLevel.PERMISSIONS_MANAGEMENT));
    List<BitSet> offered = new ArrayList<>();
    offerList(index, edits, e, read, "its Read actions", matched, offered, kind, finding, out);
    offerList(
        index,
        edits,
        e,
        readList,
        "its Read and List actions",
        matched,
        offered,
        kind,
        finding,
        out);
    offerList(
        index,
        edits,
        e,
        noPermissions,
        "all its actions but Permissions management",
        matched,
        offered,
        kind,
        finding,
        out);
    if (matched.cardinality() <= MAX_LISTED_ACTIONS) {
      out.add(
          new PolicyCodeAction(
              "Replace \"" + e.value() + "\" with the " + count(matched) + " it matches",
              kind,
              finding,
              List.of(edits.replaceWithStrings(e.node(), names(index, matched)))));
    }
  }

  /** Offers a subset when it is neither empty, nor everything, nor the same as one offered. */
  private static void offerList(
      ActionIndex index,
      EditWriter edits,
      StringElement e,
      BitSet subset,
      String what,
      BitSet matched,
      List<BitSet> offered,
      String kind,
      Finding finding,
      List<PolicyCodeAction> out) {
    if (subset.isEmpty()
        || subset.equals(matched)
        || offered.contains(subset)
        || subset.cardinality() > MAX_LISTED_ACTIONS) {
      return;
    }
    offered.add(subset);
    out.add(
        new PolicyCodeAction(
            "Replace \"" + e.value() + "\" with " + what + " (" + count(subset) + ")",
            kind,
            finding,
            List.of(edits.replaceWithStrings(e.node(), names(index, subset)))));
  }

  private void rewriteNotAction(
      ActionIndex index,
      EditWriter edits,
      Grant g,
      PropertyNode notAction,
      FindingsByRange findings,
      List<PolicyCodeAction> out) {
    if (notAction.value() == null || g.starResource().isPresent() || g.notResource()) {
      return; // on every resource it grants thousands of actions
    }
    List<StringElement> resources = g.statement().resources();
    BitSet grants = new BitSet();
    BitSet raw = g.raw();
    for (int i = raw.nextSetBit(0); i >= 0; i = raw.nextSetBit(i + 1)) {
      if (actsOnAny(index.action(i), resources)) {
        grants.set(i);
      }
    }
    if (grants.isEmpty() || grants.cardinality() > MAX_NOT_ACTION_REWRITE) {
      return;
    }
    Finding finding = findings.on(notAction.key(), CheckCode.ALLOW_WITH_NOT_ACTION);
    out.add(
        new PolicyCodeAction(
            "Rewrite NotAction as the " + count(grants) + " it grants on these resources",
            finding != null ? PolicyCodeAction.QUICK_FIX : PolicyCodeAction.REWRITE,
            finding,
            List.of(
                edits.renameKey(notAction.key(), "Action"),
                edits.replaceValueWithList(notAction, names(index, grants)))));
  }

  private void resourceArns(
      ActionIndex index,
      EditWriter edits,
      Grant g,
      StringElement star,
      FindingsByRange findings,
      List<PolicyCodeAction> out) {
    Finding finding = findings.on(star.node(), CheckCode.RESOURCE_STAR);
    if (finding == null) {
      return;
    }
    Set<String> formats = new LinkedHashSet<>();
    BitSet raw = g.raw();
    for (int i = raw.nextSetBit(0); i >= 0; i = raw.nextSetBit(i + 1)) {
      List<String> own = arnFormats(index.action(i));
      if (own.isEmpty()) {
        return; // an action that only works on "*" would lose its permission
      }
      formats.addAll(own);
      if (formats.size() > MAX_ARN_FORMATS) {
        return;
      }
    }
    List<String> arns = new ArrayList<>(formats);
    out.add(
        new PolicyCodeAction(
            "Replace \"*\" with the ARNs of the resources these actions act on ("
                + arns.size()
                + (arns.size() == 1 ? " format" : " formats")
                + " to fill in)",
            PolicyCodeAction.QUICK_FIX,
            finding,
            List.of(edits.replaceWithStrings(star.node(), arns))));
  }

  /** The ARN formats of the resource types an action requires (else all it supports). */
  static List<String> arnFormats(Action a) {
    List<String> required = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (ActionResource r : a.resourceTypes()) {
      r.resourceType()
          .ifPresent(
              t -> {
                String arn = t.arnFormat().replace("${Partition}", "aws");
                all.add(arn);
                if (r.required()) {
                  required.add(arn);
                }
              });
    }
    return required.isEmpty() ? all : required;
  }

  private static boolean actsOnAny(Action a, List<StringElement> resources) {
    for (ActionResource r : a.resourceTypes()) {
      if (r.resourceType().isEmpty()) {
        continue;
      }
      for (StringElement res : resources) {
        if (ArnFormats.fits(r.resourceType().get().arnFormat(), res.value())) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> names(ActionIndex index, BitSet set) {
    return index.actions(set).stream().map(Action::qualifiedName).toList();
  }

  private static String count(BitSet set) {
    int n = set.cardinality();
    return n + (n == 1 ? " action" : " actions");
  }

  private static BitSet and(BitSet a, BitSet b) {
    BitSet out = (BitSet) a.clone();
    out.and(b);
    return out;
  }

  private static boolean touches(JsonNode node, int start, int end) {
    return node.offset() <= end && start <= node.end();
  }
}
