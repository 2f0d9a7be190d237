package dev.iampolicyls.hover;

import dev.iampolicyls.policy.Arn;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.List;

/** Says who a Principal value names: "the role Admin in account 111122223333", "everyone". */
final class Principals {
  static final String EVERYONE = "everyone (anonymous users included)";

  private Principals() {}

  /** Every principal of a Principal or NotPrincipal value, described, in document order. */
  static List<String> describeAll(JsonNode value) {
    List<String> out = new ArrayList<>();
    if (value instanceof StringNode s) {
      out.add(s.value().equals("*") ? EVERYONE : s.value());
    } else if (value instanceof ObjectNode map) {
      for (PropertyNode kind : map.properties()) {
        for (StringElement e : Statement.strings(kind.value())) {
          out.add(describe(kind.name(), e.value()));
        }
      }
    }
    return out;
  }

  /** One principal of the given kind (AWS, Service, Federated, CanonicalUser). */
  static String describe(String kind, String value) {
    if (value.equals("*")) {
      return EVERYONE;
    }
    switch (kind) {
      case "AWS":
        return describeAws(value);
      case "Service":
        return "the service " + value;
      case "Federated":
        return describeFederated(value);
      case "CanonicalUser":
        return "the S3 canonical user " + value;
      default:
        return value;
    }
  }

  private static String describeAws(String value) {
    if (value.matches("\\d{12}")) {
      return "the account " + value;
    }
    Arn arn = Arn.parse(value).orElse(null);
    if (arn == null) {
      // An IAM unique ID (AIDA..., AROA...): what a deleted user or role shows as.
      return "the IAM principal with unique ID " + value;
    }
    String account = arn.account();
    String resource = arn.resource();
    if (resource.equals("root")) {
      return "the account " + account;
    }
    String inAccount = " in account " + account;
    if (arn.service().equals("iam")) {
      if (resource.startsWith("role/")) {
        return "the role " + lastSegment(resource) + inAccount;
      }
      if (resource.startsWith("user/")) {
        return "the user " + lastSegment(resource) + inAccount;
      }
      if (resource.startsWith("federated-user/")) {
        return "the federated user " + lastSegment(resource) + inAccount;
      }
    }
    if (arn.service().equals("sts") && resource.startsWith("assumed-role/")) {
      String[] parts = resource.split("/", 3);
      if (parts.length == 3) {
        return "the session " + parts[2] + " of the role " + parts[1] + inAccount;
      }
    }
    if (arn.service().equals("sts") && resource.startsWith("federated-user/")) {
      return "the federated user " + lastSegment(resource) + inAccount;
    }
    return value;
  }

  private static String describeFederated(String value) {
    Arn arn = Arn.parse(value).orElse(null);
    if (arn != null && arn.resource().startsWith("saml-provider/")) {
      return "users of the SAML provider " + lastSegment(arn.resource());
    }
    if (arn != null && arn.resource().startsWith("oidc-provider/")) {
      return "users of the OIDC provider " + arn.resource().substring("oidc-provider/".length());
    }
    return "users signed in through " + value;
  }

  /** The name after the path: role/team/Admin is Admin. */
  private static String lastSegment(String resource) {
    return resource.substring(resource.lastIndexOf('/') + 1);
  }
}
