package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionConditionKeys;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ConditionKey;
import dev.iampolicyls.catalog.Service;
import java.util.Locale;
import java.util.Optional;

/**
 * What the catalog says about a condition key as written in a policy: whether it exists, its type,
 * whether it holds several values, and which actions put it in the request context. Key names are
 * compared without regard to case, as IAM does.
 */
final class ConditionKeys {
  private static final String[] TAG_FAMILIES = {
    "aws:requesttag", "aws:resourcetag", "aws:principaltag"
  };

  private ConditionKeys() {}

  static Optional<ConditionKey> resolve(Catalog catalog, String key) {
    Optional<ConditionKey> found = catalog.conditionKey(key);
    if (found.isPresent()) {
      return found;
    }
    // Service keys templated as .../tag-key (secretsmanager:ResourceTag/tag-key) are matched here.
    Optional<Service> service = catalog.service(prefix(key));
    if (service.isPresent()) { // a loop, not a stream: asked for every key test, slow under C1
      for (ConditionKey k : service.get().conditionKeys()) {
        if (names(k.name(), key)) {
          return Optional.of(k);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the key belongs to AWS: a global key or a key of a service the catalog knows. Keys of
   * identity providers (accounts.google.com:aud) are not, and the catalog's types for them are not
   * to be relied on.
   */
  static boolean isAwsKey(Catalog catalog, String key) {
    return isGlobal(key) || catalog.service(prefix(key)).isPresent();
  }

  /** The part before the first colon, or empty when there is none. */
  static String prefix(String key) {
    int colon = key.indexOf(':');
    return colon < 0 ? "" : key.substring(0, colon);
  }

  static boolean isGlobal(String key) {
    return prefix(key).equalsIgnoreCase("aws");
  }

  /**
   * Whether a key has the form service:name, with no spaces. Keys of identity providers ({@code
   * accounts.google.com:aud}) and nested names ({@code kms:EncryptionContext:aws:s3:arn}) qualify.
   */
  static boolean isWellFormed(String key) {
    if (key.indexOf(':') < 0 && key.indexOf('.') > 0 && !hasWhitespace(key)) {
      return true; // an identity provider's host, as AWS's own examples test with Null
    }
    int colon = key.indexOf(':');
    return colon > 0 && colon < key.length() - 1 && !hasWhitespace(key);
  }

  /** A loop, not chars().noneMatch: asked for every key test (see CheckContext#shared). */
  private static boolean hasWhitespace(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (Character.isWhitespace(key.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Multi-valued keys have an ArrayOf type (ArrayOfString, ArrayOfARN, ...). */
  static boolean isMultiValued(ConditionKey key) {
    return key.type().startsWith("ArrayOf");
  }

  /** The type of each value: ArrayOfARN gives ARN. */
  static String valueType(ConditionKey key) {
    return isMultiValued(key) ? key.type().substring("ArrayOf".length()) : key.type();
  }

  /**
   * {@code aws:RequestTag}, {@code aws:ResourceTag} or {@code aws:PrincipalTag} without a tag key:
   * MISSING_TAG_KEY_IN_CONDITION owns those.
   */
  static boolean isTagFamilyWithoutTagKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    for (String family : TAG_FAMILIES) {
      if (lower.equals(family) || lower.equals(family + "/")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a key name from the catalog (maybe templated) names the key written in a policy. */
  static boolean names(String catalogName, String policyKey) {
    String template = catalogName.toLowerCase(Locale.ROOT);
    String key = policyKey.toLowerCase(Locale.ROOT);
    if (template.equals(key)) {
      return true;
    }
    String stem = stem(template);
    return stem.length() < template.length()
        && key.length() > stem.length()
        && key.startsWith(stem);
  }

  /**
   * A templated key up to its placeholder: {@code aws:resourcetag/${tagkey}} gives {@code
   * aws:resourcetag/}.
   */
  private static String stem(String lowerName) {
    return ActionConditionKeys.stem(lowerName);
  }

  /**
   * Whether the catalog lists the key, given in lower case, for the action: among the action's own
   * keys or the keys of one of its resource types. Callers ask about many actions for one key
   * (every action of a service, every action a pattern matches), so they lower it once.
   */
  static boolean actionSupportsLowerCase(Action action, String lowerKey) {
    return ActionConditionKeys.supportsLowerCase(action, lowerKey);
  }

  /** Whether the catalog lists any condition key for the action or its resource types. */
  static boolean hasKnownKeys(Action action) {
    return ActionConditionKeys.hasKnownKeys(action);
  }

  /**
   * Keys that are in the context of requests to any service: the global keys and the few service
   * keys that describe the caller's credentials ({@code ec2:SourceInstanceArn}, ...).
   */
  static boolean isAvailableEverywhere(Catalog catalog, String policyKey) {
    return catalog.globalConditionKey(policyKey).isPresent();
  }
}
