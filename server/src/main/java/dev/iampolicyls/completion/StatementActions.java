package dev.iampolicyls.completion;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The catalog actions a statement's Action element names, to propose the resources and condition
 * keys that fit them. NotAction names what is excluded, and a pattern over every service ("*",
 * "*:Get*") says nothing specific: both give nothing.
 */
final class StatementActions {
  /** Enough for the largest real statements (1,500 actions) while bounding the work. */
  static final int MAX_ACTIONS = 5000;

  private StatementActions() {}

  static Collection<Action> of(Catalog catalog, Statement statement) {
    Set<Action> out = new LinkedHashSet<>();
    if (statement == null || statement.action().isEmpty()) {
      return out;
    }
    for (StringElement element : Statement.strings(statement.action().get().value())) {
      if (out.size() >= MAX_ACTIONS) {
        break;
      }
      ActionName name = ActionName.parse(element.value()).orElse(null);
      if (name == null || WildcardMatcher.hasWildcard(name.service())) {
        continue;
      }
      Service service = catalog.service(name.service()).orElse(null);
      if (service == null) {
        continue;
      }
      if (WildcardMatcher.hasWildcard(name.action())) {
        for (Action a : service.actions()) {
          if (WildcardMatcher.matches(name.action(), a.name())) {
            out.add(a);
          }
        }
      } else {
        service.action(name.action()).ifPresent(out::add);
      }
    }
    return out;
  }
}
