package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the web identity checks read a statement's conditions on a provider's claims. */
final class OidcConditions {
  static final String GITHUB = "token.actions.githubusercontent.com";

  private OidcConditions() {}

  /** Conditions that test a key of this provider (provider:claim), whatever the operator. */
  static List<ConditionEntry> onProvider(Statement s, String provider) {
    String prefix = provider.toLowerCase(Locale.ROOT) + ":";
    return s.conditionEntries().stream()
        .filter(c -> c.key().toLowerCase(Locale.ROOT).startsWith(prefix))
        .filter(c -> c.operator().map(o -> o.base() != ConditionOperator.Base.Null).orElse(true))
        .toList();
  }

  /** The claim of a provider condition key: "sub" of "token.actions.githubusercontent.com:sub". */
  static String claim(ConditionEntry c) {
    String key = c.key();
    return key.substring(key.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
  }

  /** A GitHub Actions claim key (of github.com or of a GitHub Enterprise issuer under it). */
  static boolean isGithubKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.startsWith(GITHUB + ":") || k.startsWith(GITHUB + "/");
  }

  /**
   * The audience claim of a web identity provider: provider:aud, where the provider is a domain
   * (global and service keys have no dot before the colon).
   */
  static boolean isAudienceKey(String key) {
    int colon = key.lastIndexOf(':');
    return colon > 0
        && key.substring(colon + 1).equalsIgnoreCase("aud")
        && key.substring(0, colon).contains(".");
  }

  static Optional<ConditionOperator.Qualifier> qualifier(ConditionEntry c) {
    return c.operator().map(ConditionOperator::qualifier);
  }
}
