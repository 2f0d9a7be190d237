package dev.iampolicyls.hover;

import java.util.Map;

/** Short explanations of the policy elements, shown when hovering their keys. */
final class ElementDocs {
  private ElementDocs() {}

  private static final Map<String, String> TOP_LEVEL =
      Map.of(
          "Version",
          "**Version**: the policy language version. Use `2012-10-17`: the older `2008-10-17`"
              + " reads policy variables such as `${aws:username}` as plain text.",
          "Id",
          "**Id**: an optional name for the policy. Some resource policies (SQS, SNS) use it;"
              + " identity policies should leave it out.",
          "Statement",
          "**Statement**: the rules of the policy. Each statement is weighed on its own: an"
              + " explicit Deny in any statement wins over every Allow, and what no statement"
              + " allows is denied.");

  private static final Map<String, String> STATEMENT =
      Map.of(
          "Sid",
          "**Sid**: an optional label for the statement. IAM allows only letters and digits,"
              + " and each Sid must be unique within the policy.",
          "Effect",
          "**Effect**: `Allow` or `Deny`. An explicit Deny always wins over any Allow.",
          "Principal",
          "**Principal**: who the statement is about: accounts, users, roles, services or"
              + " federated users. Only resource-based and trust policies have one.",
          "NotPrincipal",
          "**NotPrincipal**: the statement is about everyone EXCEPT these principals. Easy to"
              + " get wrong: prefer `Principal` with a condition on `aws:PrincipalArn`.",
          "Action",
          "**Action**: the actions the statement covers, written `service:ActionName`; `*`"
              + " matches any run of characters and `?` one character.",
          "NotAction",
          "**NotAction**: the statement covers every action EXCEPT these, including actions"
              + " AWS adds later. With Allow that grants a great deal: prefer `Action`.",
          "Resource",
          "**Resource**: the resources the statement covers, as ARNs; `*` is every resource.",
          "NotResource",
          "**NotResource**: the statement covers every resource EXCEPT these.",
          "Condition",
          "**Condition**: when the statement applies. Every operator block must match, and"
              + " every key within a block; a key matches when any one of its values does.");

  private static final Map<String, String> PRINCIPAL_KINDS =
      Map.of(
          "AWS",
          "**AWS**: AWS accounts (by 12-digit ID or `arn:aws:iam::ID:root`), IAM users and"
              + " roles, and role sessions, by ARN. `*` is everyone.",
          "Service",
          "**Service**: AWS services, by service principal such as `ec2.amazonaws.com`.",
          "Federated",
          "**Federated**: users signed in through a SAML or OIDC identity provider (by the"
              + " provider's ARN) or a web identity provider such as"
              + " `cognito-identity.amazonaws.com`.",
          "CanonicalUser",
          "**CanonicalUser**: an S3 canonical user ID, the long hexadecimal ID S3 uses for an"
              + " account.");

  static String topLevel(String key) {
    return TOP_LEVEL.get(key);
  }

  static String statementElement(String key) {
    return STATEMENT.get(key);
  }

  static String principalKind(String key) {
    return PRINCIPAL_KINDS.get(key);
  }

  /** What a Version value means, or null when nothing useful can be said. */
  static String versionValue(String value) {
    switch (value) {
      case "2012-10-17":
        return "**2012-10-17**: the current policy language version; policy variables work.";
      case "2008-10-17":
        return "**2008-10-17**: the old policy language version. Policy variables such as"
            + " `${aws:username}` are read as plain text. Use `2012-10-17`.";
      default:
        return "IAM knows no version " + Markdown.code(value) + ": use `2012-10-17`.";
    }
  }
}
