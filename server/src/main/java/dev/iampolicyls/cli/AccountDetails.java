package dev.iampolicyls.cli;

import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.service.Analysis;
import dev.iampolicyls.service.PolicyLanguageService;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.LiteralNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.StringNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The output of {@code aws iam get-account-authorization-details}: every inline policy of users,
 * groups and roles, every role's trust policy and the default version of every managed policy, each
 * checked as its own policy and named {@code file#role/R/inline/P}, {@code file#role/R/trust},
 * {@code file#policy/P}.
 *
 * <p>A document that is a JSON object in the file is checked in place, so positions are the file's.
 * One that is a URL-encoded string (the raw API shape) is decoded first, and its positions are in
 * the decoded text; the result says so.
 */
final class AccountDetails {
  private static final List<String> LISTS =
      List.of("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies");

  private final PolicyLanguageService service;
  private final AnalysisSettings settings;

  AccountDetails(PolicyLanguageService service, AnalysisSettings settings) {
    this.service = service;
    this.settings = settings;
  }

  /** A top-level object with one of the dump's lists and no policy elements. */
  static boolean looksLike(String text) {
    if (!text.contains("DetailList") && !text.contains("\"Policies\"")) {
      return false; // cheap exit for the common case of a plain policy
    }
    if (!(JsonDocument.parse(text).root() instanceof ObjectNode root)) {
      return false;
    }
    boolean hasList =
        LISTS.stream().anyMatch(name -> root.get(name).orElse(null) instanceof ArrayNode);
    return hasList && root.get("Statement").isEmpty() && root.get("Version").isEmpty();
  }

  List<FileResult> check(String file, String text) {
    JsonDocument document = JsonDocument.parse(text);
    ObjectNode root = (ObjectNode) document.root();
    List<FileResult> results = new ArrayList<>();
    for (ObjectNode user : objects(root, "UserDetailList")) {
      inline(file, document, user, "user/" + string(user, "UserName"), "UserPolicyList", results);
    }
    for (ObjectNode group : objects(root, "GroupDetailList")) {
      inline(
          file, document, group, "group/" + string(group, "GroupName"), "GroupPolicyList", results);
    }
    for (ObjectNode role : objects(root, "RoleDetailList")) {
      String name = "role/" + string(role, "RoleName");
      role.get("AssumeRolePolicyDocument")
          .ifPresent(
              doc ->
                  results.add(
                      checkEmbedded(
                          file, document, name + "/trust", doc, PolicyType.TRUST_POLICY)));
      inline(file, document, role, name, "RolePolicyList", results);
    }
    for (ObjectNode policy : objects(root, "Policies")) {
      defaultVersion(policy)
          .ifPresent(
              doc ->
                  results.add(
                      checkEmbedded(
                          file,
                          document,
                          "policy/" + string(policy, "PolicyName"),
                          doc,
                          PolicyType.IDENTITY_POLICY)));
    }
    return results;
  }

  private void inline(
      String file,
      JsonDocument document,
      ObjectNode owner,
      String ownerName,
      String listName,
      List<FileResult> results) {
    for (ObjectNode policy : objects(owner, listName)) {
      policy
          .get("PolicyDocument")
          .ifPresent(
              doc ->
                  results.add(
                      checkEmbedded(
                          file,
                          document,
                          ownerName + "/inline/" + string(policy, "PolicyName"),
                          doc,
                          PolicyType.IDENTITY_POLICY)));
    }
  }

  /** The version marked default, else the one named by DefaultVersionId. */
  private static Optional<JsonNode> defaultVersion(ObjectNode policy) {
    String defaultId = string(policy, "DefaultVersionId");
    for (ObjectNode version : objects(policy, "PolicyVersionList")) {
      boolean marked =
          version.get("IsDefaultVersion").orElse(null) instanceof LiteralNode l
              && l.text().equals("true");
      if (marked || defaultId.equals(string(version, "VersionId"))) {
        return version.get("Document");
      }
    }
    return Optional.empty();
  }

  private FileResult checkEmbedded(
      String file, JsonDocument document, String name, JsonNode doc, PolicyType type) {
    String path = file + "#" + name;
    AnalysisSettings typed = settings.withPolicyType(type);
    if (doc instanceof StringNode encoded) {
      String decoded = PercentDecoding.decode(encoded.value());
      Analysis analysis = service.analyze(decoded, (Path) null, typed, true);
      return new FileResult(
          path,
          analysis.policyType(),
          analysis.findings(),
          SourceText.of(analysis.policy().document()),
          null,
          file,
          name,
          true);
    }
    // In place: check the object's own text, then move the findings to where it sits in the file.
    int start = doc.offset();
    String own = document.text().substring(start, doc.end());
    Analysis analysis = service.analyze(own, (Path) null, typed, true);
    List<Finding> shifted = new ArrayList<>();
    for (Finding f : analysis.findings()) {
      List<Finding.Related> related = new ArrayList<>();
      for (Finding.Related r : f.related()) {
        related.add(new Finding.Related(r.offset() + start, r.length(), r.message()));
      }
      shifted.add(
          new Finding(
              f.code(), f.type(), f.message(), f.offset() + start, f.length(), f.path(), related));
    }
    return new FileResult(
        path, analysis.policyType(), shifted, SourceText.of(document), null, file, name, false);
  }

  private static List<ObjectNode> objects(ObjectNode owner, String listName) {
    List<ObjectNode> objects = new ArrayList<>();
    if (owner.get(listName).orElse(null) instanceof ArrayNode list) {
      for (JsonNode item : list.items()) {
        if (item instanceof ObjectNode o) {
          objects.add(o);
        }
      }
    }
    return objects;
  }

  private static String string(ObjectNode owner, String name) {
    return owner.get(name).orElse(null) instanceof StringNode s ? s.value() : "";
  }
}
