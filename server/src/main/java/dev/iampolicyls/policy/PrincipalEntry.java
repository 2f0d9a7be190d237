package dev.iampolicyls.policy;

import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One principal named in a Principal or NotPrincipal element: its key (AWS, Service, Federated,
 * CanonicalUser, or whatever was typed) and one string value. {@code "Principal": "*"} is an entry
 * with key AWS and no key property, because IAM reads it as {@code {"AWS": "*"}}.
 *
 * @param key the principal key as written ("AWS" for the bare "*")
 * @param keyProperty the key's member of the principal object; null for the bare "*"
 * @param node the string value
 */
public record PrincipalEntry(String key, PropertyNode keyProperty, StringNode node) {
  public static final String AWS = "AWS";
  public static final String SERVICE = "Service";
  public static final String FEDERATED = "Federated";
  public static final String CANONICAL_USER = "CanonicalUser";

  // A domain name such as accounts.google.com, for web identity providers named without an ARN.
  private static final Pattern DOMAIN =
      Pattern.compile(
          "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");
  private static final String OIDC_PREFIX = "oidc-provider/";
  private static final String SAML_PREFIX = "saml-provider/";
  private static final String GITHUB = "token.actions.githubusercontent.com";

  public String value() {
    return node.value();
  }

  public boolean isAws() {
    return AWS.equals(key);
  }

  public boolean isService() {
    return SERVICE.equals(key);
  }

  public boolean isFederated() {
    return FEDERATED.equals(key);
  }

  /** {@code "*"} under the AWS key (or the bare "*"): everyone. */
  public boolean isEveryone() {
    return isAws() && "*".equals(value());
  }

  public boolean hasWildcard() {
    return value().indexOf('*') >= 0 || value().indexOf('?') >= 0;
  }

  /** The IAM ARN of a federated provider, when the value is one. */
  private Optional<Arn> providerArn() {
    return Arn.parse(value()).filter(a -> a.service().equals("iam"));
  }

  /** A Federated SAML provider ARN: arn:aws:iam::123456789012:saml-provider/Name. */
  public boolean isSamlProvider() {
    return isFederated()
        && providerArn().filter(a -> providerName(a, SAML_PREFIX).isPresent()).isPresent();
  }

  /**
   * The name of a Federated web identity (OIDC) provider, which is also the prefix of its condition
   * keys: the host and path of an oidc-provider ARN, or a bare domain such as accounts.google.com.
   */
  public Optional<String> oidcProvider() {
    if (!isFederated()) {
      return Optional.empty();
    }
    Optional<Arn> arn = providerArn();
    if (arn.isPresent()) {
      return providerName(arn.get(), OIDC_PREFIX);
    }
    // DNS names are at most 253 characters; the cap also keeps the regex from recursing deeply.
    boolean domain = value().length() <= 253 && DOMAIN.matcher(value()).matches();
    return domain ? Optional.of(value()) : Optional.empty();
  }

  /** Whether this is the GitHub Actions OIDC provider (or a GitHub Enterprise issuer under it). */
  public boolean isGithubProvider() {
    return oidcProvider()
        .map(p -> p.toLowerCase(Locale.ROOT))
        .filter(p -> p.equals(GITHUB) || p.startsWith(GITHUB + "/"))
        .isPresent();
  }

  private static Optional<String> providerName(Arn arn, String prefix) {
    String resource = arn.resource();
    if (resource.startsWith(prefix) && resource.length() > prefix.length()) {
      return Optional.of(resource.substring(prefix.length()));
    }
    return Optional.empty();
  }

  /** A short description for messages: {@code AWS "arn:..."}. */
  public String describe() {
    return key + " \"" + value() + "\"";
  }
}
