package dev.iampolicyls.config;

import dev.iampolicyls.checks.AllChecks;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.evaluation.PolicyRole;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyResourceType;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policytest.PolicyFileReader;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.LiteralNode;
import dev.iampolicyls.syntax.NumberNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import dev.iampolicyls.syntax.SyntaxError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads and validates a configuration: the file {@value ProjectConfig#FILE_NAME} or the editor's
 * {@code iamPolicy} settings (same keys). It never throws for bad input: whatever it cannot use
 * becomes a {@link ConfigProblem} at the offending text, and the rest still applies.
 */
public final class ConfigLoader {
  static final Set<String> TOP_LEVEL_KEYS =
      Set.of(
          "$schema",
          "policyTypes",
          "checks",
          "ignore",
          "quotas",
          "guardrails",
          "referencePolicies");
  private static final Set<String> POLICY_TYPE_KEYS =
      Set.of("files", "type", "resourceType", "customerManaged");
  private static final Set<String> IGNORE_KEYS = Set.of("code", "files", "reason");
  private static final Set<String> QUOTA_KEYS = Set.of("roleTrustPolicy");
  private static final Set<String> GUARDRAIL_KEYS =
      Set.of("name", "actions", "resources", "files", "reason");
  private static final Set<String> REFERENCE_POLICY_KEYS = Set.of("file", "files", "reason");

  /** IAM's adjustable role trust policy quota goes from its default up to this many characters. */
  static final int MAX_ROLE_TRUST_POLICY_QUOTA = 8192;

  private final Set<String> knownCodes;
  private final Path base;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final List<PolicyTypeRule> policyTypes = new ArrayList<>();
  private final Map<String, CheckSetting> checks = new LinkedHashMap<>();
  private final List<IgnoreRule> ignores = new ArrayList<>();
  private Integer roleTrustPolicyQuota;
  private final List<Guardrail> guardrails = new ArrayList<>();
  private final List<ReferencePolicy> referencePolicies = new ArrayList<>();

  private ConfigLoader(Path base, Set<String> knownCodes) {
    this.base = base;
    this.knownCodes = knownCodes;
  }

  /** Every code a configuration may name: ours and all of Access Analyzer's. */
  public static Set<String> knownCodes() {
    Set<String> codes = new TreeSet<>();
    for (CheckCode code : CheckCode.values()) {
      if (code.isAccessAnalyzer()) {
        codes.add(code.id());
      }
    }
    for (PolicyCheck check : AllChecks.create()) {
      codes.add(check.code().id());
    }
    return codes;
  }

  /**
   * Parses configuration text.
   *
   * @param base the folder its globs are relative to
   */
  public static ProjectConfig load(String text, Path base) {
    return load(text, base, knownCodes());
  }

  public static ProjectConfig load(String text, Path base, Set<String> knownCodes) {
    return new ConfigLoader(base, knownCodes).read(JsonDocument.parse(text));
  }

  private ProjectConfig read(JsonDocument document) {
    for (SyntaxError e : document.errors()) {
      problems.add(new ConfigProblem(e.offset(), e.length(), e.message()));
    }
    JsonNode root = document.root();
    if (root instanceof ObjectNode object) {
      readRoot(object);
    } else if (root != null) {
      problem(root, "The configuration must be a JSON object");
    }
    return new ProjectConfig(
        policyTypes,
        checks,
        ignores,
        roleTrustPolicyQuota,
        guardrails,
        referencePolicies,
        problems);
  }

  private void readRoot(ObjectNode root) {
    for (PropertyNode p : root.properties()) {
      if (p.value() == null) {
        continue; // still being typed; the syntax error says so
      }
      switch (p.name()) {
        case "$schema" -> {}
        case "policyTypes" -> eachObject(p, this::readPolicyType);
        case "checks" -> readChecks(p);
        case "ignore" -> eachObject(p, this::readIgnore);
        case "quotas" -> readQuotas(p);
        case "guardrails" -> eachObject(p, this::readGuardrail);
        case "referencePolicies" -> eachObject(p, this::readReferencePolicy);
        default -> unknownKey(p, TOP_LEVEL_KEYS);
      }
    }
  }

  private void eachObject(PropertyNode p, Consumer<ObjectNode> reader) {
    if (!(p.value() instanceof ArrayNode array)) {
      problem(p.value(), "\"" + p.name() + "\" must be an array of objects");
      return;
    }
    for (JsonNode item : array.items()) {
      if (item instanceof ObjectNode object) {
        reader.accept(object);
      } else {
        problem(item, "Each entry of \"" + p.name() + "\" must be an object");
      }
    }
  }

  private void readPolicyType(ObjectNode entry) {
    Glob files = null;
    PolicyType type = null;
    PolicyResourceType resourceType = null;
    boolean customerManaged = false;
    PropertyNode typeProperty = null;
    PropertyNode customerManagedProperty = null;
    boolean valid = true;
    for (PropertyNode p : entry.properties()) {
      if (p.value() == null) {
        valid = false;
        continue;
      }
      switch (p.name()) {
        case "files" -> {
          files = glob(p);
          valid &= files != null;
        }
        case "type" -> {
          typeProperty = p;
          String text = string(p);
          type = text == null ? null : PolicyType.parse(text).orElse(null);
          if (text != null && type == null) {
            problem(
                p.value(),
                "Unknown policy type \""
                    + text
                    + "\": use one of "
                    + Arrays.toString(PolicyType.values()));
          }
          valid &= type != null;
        }
        case "resourceType" -> {
          String text = string(p);
          resourceType = text == null ? null : PolicyResourceType.parse(text).orElse(null);
          if (text != null && resourceType == null) {
            problem(
                p.value(),
                "Unknown resource type \""
                    + text
                    + "\": use one of "
                    + Arrays.toString(PolicyResourceType.values()));
          }
          valid &= resourceType != null;
        }
        case "customerManaged" -> {
          customerManagedProperty = p;
          if (p.value() instanceof LiteralNode literal
              && (literal.kind() == LiteralNode.Kind.TRUE
                  || literal.kind() == LiteralNode.Kind.FALSE)) {
            customerManaged = literal.kind() == LiteralNode.Kind.TRUE;
          } else {
            problem(p.value(), "\"customerManaged\" must be true or false");
            valid = false;
          }
        }
        default -> unknownKey(p, POLICY_TYPE_KEYS);
      }
    }
    if (files == null && valid) {
      missing(entry, "Add \"files\": the glob of the files this entry is about");
      valid = false;
    }
    if (type == null && typeProperty == null && resourceType != null) {
      type = resourceType.policyType(); // the resource type says it all
    }
    if (type == null && typeProperty == null && valid) {
      missing(entry, "Add \"type\": the policy type of these files");
      valid = false;
    }
    if (valid && resourceType != null && resourceType.policyType() != type) {
      problem(
          typeProperty != null ? typeProperty.value() : entry,
          "Resource type "
              + resourceType
              + " goes with policy type "
              + resourceType.policyType()
              + ", not "
              + type);
      valid = false;
    }
    if (valid && customerManaged && type != PolicyType.IDENTITY_POLICY) {
      problem(
          customerManagedProperty.value(),
          "\"customerManaged\" applies only to IDENTITY_POLICY entries");
      valid = false;
    }
    if (valid) {
      policyTypes.add(new PolicyTypeRule(base, files, type, resourceType, customerManaged));
    }
  }

  private void readChecks(PropertyNode p) {
    if (!(p.value() instanceof ObjectNode object)) {
      problem(p.value(), "\"checks\" must be an object of CODE: \"off\" or a finding type");
      return;
    }
    for (PropertyNode check : object.properties()) {
      if (check.value() == null || !knownCode(check.key(), check.name())) {
        continue;
      }
      String text = string(check);
      if (text == null) {
        continue;
      }
      CheckSetting setting = CheckSetting.parse(text).orElse(null);
      if (setting == null) {
        problem(
            check.value(),
            "Use \"off\" or a finding type (ERROR, SECURITY_WARNING, WARNING, SUGGESTION), not \""
                + text
                + "\"");
      } else {
        checks.put(check.name(), setting);
      }
    }
  }

  private void readIgnore(ObjectNode entry) {
    String code = null;
    Glob files = null;
    String reason = null;
    boolean valid = true;
    for (PropertyNode p : entry.properties()) {
      if (p.value() == null) {
        valid = false;
        continue;
      }
      switch (p.name()) {
        case "code" -> {
          code = string(p);
          if (code != null && !knownCode(p.value(), code)) {
            code = null;
          }
          valid &= code != null;
        }
        case "files" -> {
          files = glob(p);
          valid &= files != null;
        }
        case "reason" -> {
          reason = nonBlankString(p, "Say why these findings are ignored");
          valid &= reason != null;
        }
        default -> unknownKey(p, IGNORE_KEYS);
      }
    }
    if (valid && code == null) {
      missing(entry, "Add \"code\": the finding code to ignore");
      valid = false;
    }
    if (valid && reason == null) {
      missing(entry, "Add \"reason\": say why these findings are ignored");
      valid = false;
    }
    if (valid) {
      ignores.add(new IgnoreRule(base, code, files, reason));
    }
  }

  private void readGuardrail(ObjectNode entry) {
    String name = null;
    List<String> actions = null;
    List<String> resources = List.of();
    Glob files = null;
    String reason = null;
    boolean valid = true;
    for (PropertyNode p : entry.properties()) {
      if (p.value() == null) {
        valid = false;
        continue;
      }
      switch (p.name()) {
        case "name" -> {
          name = string(p);
          if (name != null && name.isBlank()) {
            problem(p.value(), "Give the guardrail a name: findings quote it");
            name = null;
          } else if (name != null && isDuplicateGuardrail(name)) {
            problem(p.value(), "Another guardrail is already named \"" + name + "\"");
            name = null;
          }
          valid &= name != null;
        }
        case "actions" -> {
          actions = patterns(p, ConfigLoader::actionPatternProblem);
          valid &= actions != null;
        }
        case "resources" -> {
          resources = patterns(p, ConfigLoader::resourcePatternProblem);
          valid &= resources != null;
        }
        case "files" -> {
          files = glob(p);
          valid &= files != null;
        }
        case "reason" -> {
          reason = nonBlankString(p, "Leave \"reason\" out or say why this access is forbidden");
          valid &= reason != null;
        }
        default -> unknownKey(p, GUARDRAIL_KEYS);
      }
    }
    if (valid && name == null) {
      missing(entry, "Add \"name\": findings quote it");
      valid = false;
    }
    if (valid && actions == null) {
      missing(entry, "Add \"actions\": the actions no policy may grant, such as \"iam:*User*\"");
      valid = false;
    }
    if (valid) {
      guardrails.add(new Guardrail(base, name, actions, resources, files, reason));
    }
  }

  /**
   * A reference policy: its file is read now, relative to the configuration's folder and inside it
   * (as globs are: a repository's configuration does not point the server at other files).
   */
  private void readReferencePolicy(ObjectNode entry) {
    Policy policy = null;
    String file = null;
    Glob files = null;
    String reason = null;
    boolean valid = true;
    for (PropertyNode p : entry.properties()) {
      if (p.value() == null) {
        valid = false;
        continue;
      }
      switch (p.name()) {
        case "file" -> {
          file = string(p);
          policy = file == null ? null : referencePolicy(p.value(), file);
          valid &= policy != null;
        }
        case "files" -> {
          files = glob(p);
          valid &= files != null;
        }
        case "reason" -> {
          reason = nonBlankString(p, "Leave \"reason\" out or say why no policy may exceed it");
          valid &= reason != null;
        }
        default -> unknownKey(p, REFERENCE_POLICY_KEYS);
      }
    }
    if (valid && file == null) {
      missing(entry, "Add \"file\": the reference policy, relative to the configuration's folder");
      valid = false;
    }
    if (valid) {
      referencePolicies.add(new ReferencePolicy(base, file, policy, files, reason));
    }
  }

  /** The reference policy a path names, or null with a problem at the path. */
  private Policy referencePolicy(JsonNode at, String file) {
    String relative = file.replace('\\', '/');
    if (file.isBlank()
        || relative.startsWith("/")
        || file.matches("^[A-Za-z]:.*")
        || Arrays.asList(relative.split("/")).contains("..")) {
      problem(
          at,
          "Write the reference policy's path relative to the configuration's folder, without \"..\"");
      return null;
    }
    if (base == null) {
      problem(at, "A reference policy needs a workspace folder to be relative to");
      return null;
    }
    try {
      return PolicyFileReader.read(base.resolve(file), PolicyRole.IDENTITY).policy();
    } catch (PolicyFileReader.Unreadable e) {
      problem(at, "Cannot use the reference policy: " + e.getMessage());
      return null;
    }
  }

  private boolean isDuplicateGuardrail(String name) {
    return guardrails.stream().anyMatch(g -> g.name().equals(name));
  }

  /**
   * A non-empty string or array of strings, each checked by {@code problemOf} (null when fine);
   * null with problems reported otherwise.
   */
  private List<String> patterns(
      PropertyNode p, java.util.function.Function<String, String> problemOf) {
    List<JsonNode> items;
    if (p.value() instanceof StringNode) {
      items = List.of(p.value());
    } else if (p.value() instanceof ArrayNode array && !array.items().isEmpty()) {
      items = array.items();
    } else {
      problem(p.value(), "\"" + p.name() + "\" must be a string or a non-empty array of strings");
      return null;
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : items) {
      String problem =
          item instanceof StringNode s
              ? problemOf.apply(s.value())
              : "Each entry of \"" + p.name() + "\" must be a string";
      if (problem != null) {
        problem(item, problem);
      } else {
        values.add(((StringNode) item).value());
      }
    }
    return values.size() == items.size() ? values : null;
  }

  private static String actionPatternProblem(String action) {
    int colon = action.indexOf(':');
    boolean wellFormed =
        action.equals("*")
            || colon > 0 && colon < action.length() - 1 && colon == action.lastIndexOf(':');
    return wellFormed
        ? null
        : "\"" + action + "\" is no action pattern: write service:action, such as \"iam:*User*\"";
  }

  private static String resourcePatternProblem(String resource) {
    return resource.equals("*") || resource.startsWith("arn:")
        ? null
        : "\""
            + resource
            + "\" is no resource pattern: write an ARN pattern such as"
            + " \"arn:aws:s3:::audit-logs/*\", or \"*\"";
  }

  private void readQuotas(PropertyNode p) {
    if (!(p.value() instanceof ObjectNode object)) {
      problem(p.value(), "\"quotas\" must be an object");
      return;
    }
    for (PropertyNode q : object.properties()) {
      if (q.value() == null) {
        continue;
      }
      if (!q.name().equals("roleTrustPolicy")) {
        unknownKey(q, QUOTA_KEYS);
        continue;
      }
      Integer n = integer(q.value());
      if (n == null || n < 2048 || n > MAX_ROLE_TRUST_POLICY_QUOTA) {
        problem(
            q.value(),
            "\"roleTrustPolicy\" is a number of characters from 2048 (IAM's default) to "
                + MAX_ROLE_TRUST_POLICY_QUOTA);
      } else {
        roleTrustPolicyQuota = n;
      }
    }
  }

  private static Integer integer(JsonNode node) {
    if (node instanceof NumberNode number) {
      try {
        return Integer.valueOf(number.text());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private boolean knownCode(JsonNode at, String code) {
    if (knownCodes.contains(code)) {
      return true;
    }
    problem(at, "Unknown finding code \"" + code + "\": `check --list-checks` lists them");
    return false;
  }

  private Glob glob(PropertyNode p) {
    String text = string(p);
    if (text == null) {
      return null;
    }
    if (text.isBlank()) {
      problem(p.value(), "\"files\" needs a glob such as \"policies/**/*.json\"");
      return null;
    }
    if (text.startsWith("/") || text.matches("^[A-Za-z]:.*")) {
      problem(p.value(), "Write the glob relative to the configuration's folder");
      return null;
    }
    // Globs only ever match files under the configuration's folder; a ".." segment would read as
    // if it could reach further, so it is refused rather than silently matching nothing.
    if (Arrays.asList(text.replace('\\', '/').split("/")).contains("..")) {
      problem(
          p.value(), "Write the glob without \"..\": it matches inside the configuration's folder");
      return null;
    }
    return Glob.of(text);
  }

  /** The string value of a property, or null with a problem reported. */
  /** The string value, or null (with a problem) when it is not a string or is blank. */
  private String nonBlankString(PropertyNode p, String whenBlank) {
    String value = string(p);
    if (value != null && value.isBlank()) {
      problem(p.value(), whenBlank);
      return null;
    }
    return value;
  }

  private String string(PropertyNode p) {
    if (p.value() instanceof StringNode s) {
      return s.value();
    }
    problem(p.value(), "\"" + p.name() + "\" must be a string");
    return null;
  }

  private void unknownKey(PropertyNode p, Set<String> known) {
    problem(p.key(), "Unknown key \"" + p.name() + "\": expected one of " + new TreeSet<>(known));
  }

  private void missing(ObjectNode entry, String message) {
    problems.add(new ConfigProblem(entry.offset(), 1, message));
  }

  private void problem(JsonNode at, String message) {
    problems.add(new ConfigProblem(at.offset(), at.length(), message));
  }
}
