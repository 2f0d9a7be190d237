package dev.iampolicyls.evaluation;

import dev.iampolicyls.policy.Arn;
import dev.iampolicyls.policy.PrincipalEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who makes the request, as far as resource policies and the evaluation logic care: its kind, its
 * account, and how a Principal element can name it.
 *
 * @param text the principal as given
 * @param kind what sort of principal it is
 * @param partition the ARN's partition (aws, aws-cn...), empty for a service
 * @param account the 12-digit account, empty for a service
 * @param name the user, role or federated user name (for a role session, the role's name)
 */
public record RequestPrincipal(
    String text, Kind kind, String partition, String account, String name) {

  /** The kinds of principals the evaluation logic treats differently. */
  public enum Kind {
    /** An IAM user: {@code arn:aws:iam::111122223333:user/path/name}. */
    USER,
    /** A session of an IAM role named by the role's ARN (the session name does not matter). */
    ROLE,
    /** A role session: {@code arn:aws:sts::111122223333:assumed-role/role/session}. */
    ROLE_SESSION,
    /** A federated user session from GetFederationToken. */
    FEDERATED_USER,
    /** The account's root user: {@code arn:aws:iam::111122223333:root} or the account ID. */
    ROOT,
    /** An AWS service principal: {@code s3.amazonaws.com}. */
    SERVICE
  }

  /**
   * How a Principal element named the request's principal, the most direct first (a statement that
   * names the principal in several ways counts the first).
   */
  public enum Match {
    /** Not named. */
    NONE,
    /** The principal itself: its user, session or service name, or everyone ("*"). */
    DIRECT,
    /** The role whose session makes the request. */
    ROLE,
    /** The principal's account (its ID or its root ARN). */
    ACCOUNT
  }

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Pattern SERVICE_NAME =
      Pattern.compile("[a-z0-9.-]+\\.amazonaws\\.com(\\.cn)?");

  /** The principal a string names, or empty when it is not one we can evaluate. */
  public static Optional<RequestPrincipal> parse(String text) {
    if (ACCOUNT_ID.matcher(text).matches()) {
      return Optional.of(new RequestPrincipal(text, Kind.ROOT, "aws", text, ""));
    }
    if (SERVICE_NAME.matcher(text).matches()) {
      return Optional.of(new RequestPrincipal(text, Kind.SERVICE, "", "", text));
    }
    Arn arn = Arn.parse(text).orElse(null);
    if (arn == null || !ACCOUNT_ID.matcher(arn.account()).matches()) {
      return Optional.empty();
    }
    String resource = arn.resource();
    Kind kind = null;
    String name = "";
    if (arn.service().equals("iam")) {
      if (resource.equals("root")) {
        kind = Kind.ROOT;
      } else if (resource.startsWith("user/")) {
        kind = Kind.USER;
        name = lastSegment(resource);
      } else if (resource.startsWith("role/")) {
        kind = Kind.ROLE;
        name = lastSegment(resource);
      }
    } else if (arn.service().equals("sts")) {
      String[] parts = resource.split("/", -1);
      if (parts.length == 3 && parts[0].equals("assumed-role")) {
        kind = Kind.ROLE_SESSION;
        name = parts[1];
      } else if (parts.length == 2 && parts[0].equals("federated-user")) {
        kind = Kind.FEDERATED_USER;
        name = parts[1];
      }
    }
    if (kind == null || (kind != Kind.ROOT && name.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new RequestPrincipal(text, kind, arn.partition(), arn.account(), name));
  }

  private static String lastSegment(String resource) {
    return resource.substring(resource.lastIndexOf('/') + 1);
  }

  public boolean isService() {
    return kind == Kind.SERVICE;
  }

  /** A service-linked role (its path is /aws-service-role/): RCPs and SCPs do not restrict it. */
  public boolean isServiceLinkedRole() {
    return kind == Kind.ROLE && text.contains(":role/aws-service-role/");
  }

  /** How one entry of a Principal or NotPrincipal element names this principal. */
  public Match match(PrincipalEntry entry) {
    String value = entry.value();
    if (entry.isAws()) {
      if (value.equals("*")) {
        return Match.DIRECT;
      }
      if (kind == Kind.SERVICE) {
        return Match.NONE;
      }
      if (value.equals(account)
          || value.equals("arn:" + partition + ":iam::" + account + ":root")) {
        return kind == Kind.ROOT ? Match.DIRECT : Match.ACCOUNT;
      }
      if (value.equals(text)) {
        return kind == Kind.ROLE ? Match.ROLE : Match.DIRECT;
      }
      if (kind == Kind.ROLE_SESSION && namesThisRole(value)) {
        return Match.ROLE;
      }
      return Match.NONE;
    }
    if (entry.isService()) {
      return kind == Kind.SERVICE && (value.equals("*") || value.equalsIgnoreCase(text))
          ? Match.DIRECT
          : Match.NONE;
    }
    if (entry.isFederated()) {
      return value.equals(text) ? Match.DIRECT : Match.NONE;
    }
    return Match.NONE; // CanonicalUser: S3's legacy ids, left out
  }

  /** A role ARN of this session's account whose last path segment is the role's name. */
  private boolean namesThisRole(String value) {
    Arn arn = Arn.parse(value).orElse(null);
    return arn != null
        && arn.partition().equals(partition)
        && arn.service().equals("iam")
        && arn.account().equals(account)
        && arn.resource().startsWith("role/")
        && lastSegment(arn.resource()).equals(name);
  }

  /**
   * The names a NotPrincipal must list to leave this principal out: its own ARN (for a role
   * session, the session or its role) and its account, as the IAM User Guide's NotPrincipal
   * examples do; a service by its name.
   */
  List<Match> identitiesToExclude() {
    List<Match> needed = new ArrayList<>();
    switch (kind) {
      case SERVICE, ROOT -> needed.add(Match.DIRECT);
      case ROLE -> {
        needed.add(Match.ROLE);
        needed.add(Match.ACCOUNT);
      }
      default -> {
        needed.add(Match.DIRECT);
        needed.add(Match.ACCOUNT);
      }
    }
    return needed;
  }

  /** The context keys IAM sets for this principal. */
  List<RequestContext.Entry> contextKeys() {
    List<RequestContext.Entry> keys = new ArrayList<>();
    if (kind == Kind.SERVICE) {
      keys.add(entry("aws:PrincipalIsAWSService", "true"));
      keys.add(entry("aws:PrincipalServiceName", text));
      return keys;
    }
    keys.add(entry("aws:PrincipalIsAWSService", "false"));
    keys.add(entry("aws:PrincipalAccount", account));
    switch (kind) {
      case USER -> {
        keys.add(entry("aws:PrincipalArn", text));
        keys.add(entry("aws:PrincipalType", "User"));
        keys.add(entry("aws:username", name));
      }
      case ROLE -> {
        keys.add(entry("aws:PrincipalArn", text));
        keys.add(entry("aws:PrincipalType", "AssumedRole"));
      }
      case ROLE_SESSION -> {
        // aws:PrincipalArn of a session is its role's ARN; a session ARN has no path, so the
        // path-less form is a guess: give --context aws:PrincipalArn=... when the path matters.
        keys.add(
            entry("aws:PrincipalArn", "arn:" + partition + ":iam::" + account + ":role/" + name));
        keys.add(entry("aws:PrincipalType", "AssumedRole"));
      }
      case FEDERATED_USER -> {
        keys.add(entry("aws:PrincipalArn", text));
        keys.add(entry("aws:PrincipalType", "FederatedUser"));
      }
      case ROOT -> {
        keys.add(entry("aws:PrincipalArn", "arn:" + partition + ":iam::" + account + ":root"));
        keys.add(entry("aws:PrincipalType", "Account"));
      }
      default -> {}
    }
    return keys;
  }

  private static RequestContext.Entry entry(String name, String value) {
    return new RequestContext.Entry(name, List.of(value));
  }
}
