package dev.iampolicyls.completion;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Element names: the policy's, a statement's and a principal's. Only names not yet present (and not
 * excluded by their counterpart, Action by NotAction...) and allowed for the policy type.
 */
final class KeyCompletions {
  private KeyCompletions() {}

  private record Element(String name, Snippet shape, String documentation) {}

  private static Snippet string() {
    return Snippet.of("\"").stop().text("\"");
  }

  private static Snippet object() {
    return Snippet.of("{").end().text("}");
  }

  private static Snippet array() {
    return Snippet.of("[").end().text("]");
  }

  private static List<Element> policyElements() {
    return List.of(
        new Element(
            "Version",
            Snippet.of("\"2012-10-17\""),
            "The policy language version. Use `2012-10-17`: the older `2008-10-17` does not"
                + " support policy variables."),
        new Element(
            "Id", string(), "An optional identifier for the policy (used by resource policies)."),
        new Element(
            "Statement",
            array(),
            "The statements of the policy: one object, or an array of them."));
  }

  private static List<Element> statementElements() {
    return List.of(
        new Element("Sid", string(), "An optional statement ID, unique within the policy."),
        new Element("Effect", string(), "`Allow` or `Deny`: what the statement does."),
        new Element(
            "Principal",
            object(),
            "Who the statement applies to (resource and trust policies only)."),
        new Element("Action", string(), "The actions the statement allows or denies."),
        new Element("Resource", string(), "The resources the statement applies to."),
        new Element(
            "Condition", object(), "Conditions under which the statement applies (optional)."),
        new Element(
            "NotPrincipal",
            object(),
            "Everyone except these principals. Rarely what you want: prefer a Principal with a"
                + " condition."),
        new Element("NotAction", string(), "Every action except these."),
        new Element("NotResource", string(), "Every resource except these."));
  }

  private static final Map<String, String> COUNTERPARTS =
      Map.of(
          "Action", "NotAction",
          "NotAction", "Action",
          "Resource", "NotResource",
          "NotResource", "Resource",
          "Principal", "NotPrincipal",
          "NotPrincipal", "Principal");

  static void policyKeys(Request r) {
    boolean noId = r.typeDeclared() && r.type() == PolicyType.IDENTITY_POLICY;
    offer(r, policyElements(), name -> !(noId && name.equals("Id")), name -> false);
  }

  static void statementKeys(Request r) {
    PolicyType type = r.type();
    boolean declared = r.typeDeclared();
    boolean noPrincipal =
        declared
            && (type == PolicyType.IDENTITY_POLICY || type == PolicyType.SERVICE_CONTROL_POLICY);
    boolean noNotPrincipal =
        noPrincipal || (declared && type == PolicyType.RESOURCE_CONTROL_POLICY);
    boolean noResource = type == PolicyType.TRUST_POLICY;
    // Without a declared type a new statement may be the first of a resource policy: keep
    // Principal, but below the elements every policy has.
    boolean principalLast = !declared && type == PolicyType.IDENTITY_POLICY;
    offer(
        r,
        statementElements(),
        name ->
            switch (name) {
              case "Principal" -> !noPrincipal;
              case "NotPrincipal" -> !noNotPrincipal;
              case "Resource", "NotResource" -> !noResource;
              default -> true;
            },
        name -> principalLast && name.endsWith("Principal"));
  }

  static void principalKeys(Request r) {
    List<Element> types =
        List.of(
            new Element("AWS", string(), "Accounts, IAM users and roles, by ARN or account ID."),
            new Element(
                "Service", string(), "AWS service principals, such as `lambda.amazonaws.com`."),
            new Element(
                "Federated",
                string(),
                "Web identity or SAML providers, such as `cognito-identity.amazonaws.com`."),
            new Element("CanonicalUser", string(), "An S3 canonical user ID."));
    offer(r, types, name -> true, name -> false);
  }

  private interface NameTest {
    boolean test(String name);
  }

  private static void offer(Request r, List<Element> elements, NameTest allowed, NameTest last) {
    CursorContext ctx = r.context();
    Set<String> present = presentNames(ctx.object(), ctx.property());
    int index = 0;
    for (Element e : elements) {
      index++;
      String name = e.name();
      if (present.contains(name)
          || present.contains(COUNTERPARTS.getOrDefault(name, ""))
          || !allowed.test(name)
          || !r.out().startsWithTyped(name)) {
        continue;
      }
      r.out()
          .key(
              name,
              CompletionKind.PROPERTY,
              null,
              e.documentation(),
              Proposals.sort(last.test(name) ? 1 : 0, index),
              e.shape());
    }
  }

  private static Set<String> presentNames(ObjectNode object, PropertyNode editing) {
    Set<String> names = new HashSet<>();
    for (PropertyNode p : object.properties()) {
      if (p != editing) {
        names.add(p.name());
      }
    }
    return names;
  }
}
