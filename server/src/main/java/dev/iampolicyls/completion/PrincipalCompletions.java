package dev.iampolicyls.completion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Principals: {@code "*"} as the whole Principal, and values by principal type: account, role and
 * user ARNs for AWS, a curated list of service principals for Service (from {@code
 * service-principals.txt}), identity providers for Federated.
 */
final class PrincipalCompletions {
  private record Proposal(String template, String detail) {}

  private static final List<Proposal> AWS =
      List.of(
          new Proposal("arn:aws:iam::${Account}:root", "an account (its IAM policies decide)"),
          new Proposal("arn:aws:iam::${Account}:role/${RoleName}", "an IAM role"),
          new Proposal("arn:aws:iam::${Account}:user/${UserName}", "an IAM user"),
          new Proposal(
              "arn:aws:sts::${Account}:assumed-role/${RoleName}/${SessionName}", "a role session"),
          new Proposal("*", "everyone, including anonymous callers"));

  private static final List<Proposal> FEDERATED =
      List.of(
          new Proposal("cognito-identity.amazonaws.com", "Amazon Cognito identity pools"),
          new Proposal("arn:aws:iam::${Account}:saml-provider/${ProviderName}", "a SAML provider"),
          new Proposal("arn:aws:iam::${Account}:oidc-provider/${ProviderHost}", "an OIDC provider"),
          new Proposal("accounts.google.com", "Google"),
          new Proposal("graph.facebook.com", "Facebook"),
          new Proposal("www.amazon.com", "Login with Amazon"));

  private final List<Proposal> services = loadServicePrincipals();

  void everyone(Request r) {
    if (r.out().startsWithTyped("*")) {
      r.out()
          .value(
              "*",
              CompletionKind.REFERENCE,
              "everyone",
              "Everyone, including anonymous callers: the same as `{\"AWS\": \"*\"}`. Limit it"
                  + " with a Condition.",
              Proposals.sort(0, 0),
              Snippet.of("*"),
              true);
    }
  }

  /**
   * The documentation's example of an S3 canonical user ID: 64 hexadecimal digits, offered as a
   * blank to type over.
   */
  static final String CANONICAL_USER_EXAMPLE =
      "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

  void values(Request r, String principalType) {
    if (principalType.equals("CanonicalUser")) {
      canonicalUser(r);
      return;
    }
    List<Proposal> proposals =
        switch (principalType) {
          case "AWS" -> AWS;
          case "Service" -> services;
          case "Federated" -> FEDERATED;
          default -> List.of();
        };
    int index = 0;
    for (Proposal p : proposals) {
      index++;
      Optional<Snippet> value = ArnTemplate.parse(p.template()).complete(r.out().prefix());
      if (value.isPresent()) {
        r.out()
            .value(
                p.template(),
                CompletionKind.REFERENCE,
                p.detail(),
                null,
                Proposals.sort(0, index),
                value.get(),
                true);
      }
    }
    if (principalType.equals("AWS") && r.inTemplate() && r.out().templateFormsFit()) {
      templatePrincipals(r);
    }
    if (principalType.equals("AWS") || principalType.equals("Federated")) {
      r.out().markIncomplete(); // typed account IDs are copied into the ARNs
    }
  }

  /** The template's own roles and users, and the stack's account, as AWS principals. */
  private static void templatePrincipals(Request r) {
    int index = 0;
    for (TemplateReference ref : r.references()) {
      if (ref.iamResourceType().equals("iam:role") || ref.iamResourceType().equals("iam:user")) {
        r.out().reference(ref, Proposals.sort(1, index++));
      }
    }
    r.out()
        .sub(
            ArnTemplate.parse("arn:${Partition}:iam::${Account}:root").forSub(null),
            "this stack's account (its IAM policies decide)",
            Proposals.sort(1, index));
  }

  private static void canonicalUser(Request r) {
    if (!r.out().prefix().isEmpty()) {
      return; // an ID is being typed: nothing to add to it
    }
    r.out()
        .value(
            "canonical user ID",
            CompletionKind.REFERENCE,
            "64 hexadecimal digits",
            "An S3 canonical user ID (the example from the AWS documentation: replace it). S3"
                + " shows an account's in the console and in `GetBucketAcl` responses.",
            Proposals.sort(0, 0),
            Snippet.of("").placeholder(CANONICAL_USER_EXAMPLE, CANONICAL_USER_EXAMPLE),
            true);
  }

  private static List<Proposal> loadServicePrincipals() {
    List<Proposal> list = new ArrayList<>();
    try (InputStream in =
        PrincipalCompletions.class.getResourceAsStream("service-principals.txt")) {
      if (in == null) {
        throw new IllegalStateException("service-principals.txt is missing from the jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\\s+", 2);
        list.add(new Proposal(parts[0], parts.length > 1 ? parts[1] : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(list);
  }
}
