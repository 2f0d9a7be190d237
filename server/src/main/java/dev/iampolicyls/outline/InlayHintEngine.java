package dev.iampolicyls.outline;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After each action its access level ("Read"); after each wildcard the number of actions it matches
 * today ("102 actions"). Names the catalog does not know get no hint: no guessing.
 */
public final class InlayHintEngine {
  private final Catalog catalog;

  public InlayHintEngine(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The hints for actions that end within {@code [start, end]}. */
  public List<PolicyInlayHint> hints(Policy policy, int start, int end) {
    List<PolicyInlayHint> out = new ArrayList<>();
    for (Statement s : policy.statements()) {
      for (StringElement e : s.actions()) {
        int at = e.node().end();
        if (at < start || at > end) {
          continue;
        }
        label(e.value()).ifPresent(label -> out.add(new PolicyInlayHint(at, label)));
      }
    }
    return out;
  }

  private Optional<String> label(String value) {
    boolean wildcard =
        value.equals("*") || ActionName.parse(value).map(ActionName::hasWildcard).orElse(false);
    if (wildcard) {
      int n = value.equals("*") ? catalog.actionCount() : catalog.matchActions(value).size();
      return n == 0 ? Optional.empty() : Optional.of(n + (n == 1 ? " action" : " actions"));
    }
    return catalog.action(value).map(Action::accessLevel).map(level -> level.label());
  }
}
