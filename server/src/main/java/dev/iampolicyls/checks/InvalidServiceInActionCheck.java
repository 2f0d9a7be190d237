package dev.iampolicyls.checks;

import dev.iampolicyls.cache.BoundedMemo;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.RetiredPrefixes;
import dev.iampolicyls.catalog.Suggestions;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.List;
import java.util.Optional;

/**
 * The service prefix of an action (the part before the colon) names no AWS service. A retired
 * prefix, or a service's name written for its prefix, gets the prefix to use ({@link
 * RetiredPrefixes}); others the closest prefixes.
 */
final class InvalidServiceInActionCheck extends PolicyCheck {
  InvalidServiceInActionCheck() {
    super(CheckCode.INVALID_SERVICE_IN_ACTION);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      String known = null; // the last service part the catalog knew: lists run by service
      for (StringElement e : s.actions()) {
        String v = e.value();
        if (known != null && ActionName.colonOf(v) == known.length() && v.startsWith(known)) {
          continue; // the same service part as the entry before: known
        }
        ActionName name = ActionName.parse(v).orElse(null);
        if (name == null || ActionName.containsWildcard(name.service())) {
          continue; // malformed actions are INVALID_ACTION; wildcard prefixes are matched there
        }
        if (context.catalog().service(name.service()).isEmpty()) {
          context.report(this, e.node(), problem(context.catalog(), name.service()));
        } else {
          known = name.service();
        }
      }
    }
  }

  /** Names the successor of a retired prefix (or the prefix of a service named by its name). */
  private static String problem(Catalog catalog, String prefix) {
    String unknown = "\"" + prefix + "\" is not an AWS service prefix";
    Optional<RetiredPrefixes.Retired> retired = RetiredPrefixes.of(prefix);
    if (retired.isPresent()) {
      return unknown + ": " + retired.get().why() + ".";
    }
    List<String> close = closestServices(catalog, prefix);
    return unknown
        + "."
        + (close.isEmpty() ? "" : " Did you mean " + String.join(", ", close) + "?");
  }

  /**
   * Suggestions compare with every service prefix; an unknown prefix tends to recur across a
   * policy's actions and across files, so each is worked out once per catalog (bounded).
   */
  private static List<String> closestServices(Catalog catalog, String prefix) {
    return BoundedMemo.remember(
        catalog.<List<String>>memo(InvalidServiceInActionCheck.class),
        prefix,
        5_000,
        catalog,
        (c, p) -> Suggestions.closestServices(c, p, 3));
  }
}
