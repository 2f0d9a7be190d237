package dev.iampolicyls.embedded;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.SyntaxError;
import dev.iampolicyls.syntax.SyntaxTrees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CloudFormation and SAM templates, in YAML or JSON. A text is a template when its top level has
 * {@code AWSTemplateFormatVersion}, or {@code Resources} holding a resource whose {@code Type}
 * starts with {@code AWS::}; anything else (a policy, a workflow, a manifest) is not read.
 */
public final class CloudFormationFormat implements HostFormat {
  public static final CheckCode YAML_SYNTAX_ERROR = CheckCode.YAML_SYNTAX_ERROR;

  /**
   * At most this many combinations of Fn::If conditions are checked; beyond, all-true, all-false.
   */
  private static final int MAX_CONDITIONS_COMBINED = 4;

  /**
   * What a YAML text that does not parse must show to be reported as a broken template. Spaces, not
   * {@code \s}: a run of blank lines (a resource set aside) would be backtracked through from every
   * line start.
   */
  private static final Pattern LOOKS_LIKE_TEMPLATE =
      Pattern.compile(
          "(?m)^AWSTemplateFormatVersion[ \t]*:|^[ \t]+Type[ \t]*:[ \t]*[\"']?AWS::[A-Za-z0-9]+::");

  @Override
  public boolean claims(String text) {
    return mayBeTemplate(text);
  }

  private static boolean mayBeTemplate(String text) {
    return text.contains("AWSTemplateFormatVersion")
        || (text.contains("Resources") && text.contains("AWS::"));
  }

  @Override
  public Optional<HostDocument> read(String text) {
    if (!claims(text)) {
      return Optional.empty(); // most documents: no parse at all
    }
    if (startsAsJson(text)) {
      JsonDocument json = JsonDocument.parse(text);
      HostValue root = JsonFrontEnd.read(json);
      if (!(root instanceof HostValue.Mapping template) || !isTemplate(template)) {
        return Optional.empty();
      }
      List<Finding> syntax = new ArrayList<>();
      for (SyntaxError e : json.errors()) {
        syntax.add(
            new Finding(
                CheckCode.JSON_SYNTAX_ERROR,
                FindingType.ERROR,
                e.message(),
                e.offset(),
                e.length(),
                List.of()));
      }
      return Optional.of(new HostDocument(text, new Locator(text).policies(template), syntax));
    }
    YamlFrontEnd.Result yaml = YamlFrontEnd.read(text);
    if (!yaml.errors().isEmpty()) {
      if (!LOOKS_LIKE_TEMPLATE.matcher(text).find()) {
        return Optional.empty();
      }
      SyntaxError e = yaml.errors().get(0);
      Finding finding =
          new Finding(
              YAML_SYNTAX_ERROR, FindingType.ERROR, e.message(), e.offset(), e.length(), List.of());
      // The other resources are still checked: the one being typed is set aside.
      List<EmbeddedPolicy> policies = List.of();
      String rest = ResourceBlanking.withoutResourceAt(text, e.offset());
      if (rest != null
          && YamlFrontEnd.read(rest).root().orElse(null) instanceof HostValue.Mapping template
          && isTemplate(template)) {
        policies = new Locator(text).policies(template);
      }
      return Optional.of(new HostDocument(text, policies, List.of(finding)));
    }
    if (yaml.root().orElse(null) instanceof HostValue.Mapping template && isTemplate(template)) {
      return Optional.of(new HostDocument(text, new Locator(text).policies(template), List.of()));
    }
    return Optional.empty();
  }

  /**
   * The policies of some lines of a YAML template, read from {@code excerpt} alone (those lines,
   * each character at the template offset its map gives): what {@link #read} finds in the template
   * with every other line blanked, for the cost of reading those lines. The documents' text is
   * {@code template}, whose other lines none of them covers. Lines that are no YAML give nothing
   * here, where {@link #read} gives their syntax error and, with everything else blank, no policy.
   */
  static Optional<HostDocument> readBlanked(String template, BlankRuns.Squeezed excerpt) {
    if (!mayBeTemplate(excerpt.text())) {
      return Optional.empty(); // the blank lines add nothing to what it claims
    }
    YamlFrontEnd.Result yaml = YamlFrontEnd.read(excerpt, template);
    if (yaml.errors().isEmpty()
        && yaml.root().orElse(null) instanceof HostValue.Mapping root
        && isTemplate(root)) {
      return Optional.of(
          new HostDocument(template, new Locator(template).policies(root), List.of()));
    }
    return Optional.empty();
  }

  /**
   * The policies of one resource of a JSON template, read from {@code excerpt} alone (the root's
   * brace, the Resources key, the resource and closing braces, each character at the template
   * offset its map gives): what {@link #read} finds in the whole template for that resource, for
   * the cost of reading it. The documents' text is {@code template}; their syntax errors are not
   * asked for (the whole template's are its analysis's).
   */
  static Optional<HostDocument> readJsonExcerpt(String template, BlankRuns.Squeezed excerpt) {
    if (!mayBeTemplate(excerpt.text())) {
      return Optional.empty();
    }
    HostValue root =
        JsonFrontEnd.readEmbedded(JsonDocument.parse(excerpt.text()), excerpt.host(template));
    if (root instanceof HostValue.Mapping mapping && isTemplate(mapping)) {
      return Optional.of(
          new HostDocument(template, new Locator(template).policies(mapping), List.of()));
    }
    return Optional.empty();
  }

  /**
   * Whether a YAML text shows what every template has (a format version, or a resource's {@code
   * Type: AWS::...}), without reading it: enough to know a document is a template while one of its
   * resources is being typed.
   */
  public static boolean looksLikeTemplate(String text) {
    return LOOKS_LIKE_TEMPLATE.matcher(text).find();
  }

  /** Whether the text is JSON (a JSON template) rather than YAML: it starts with a brace. */
  public static boolean startsAsJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\uFEFF' && !Character.isWhitespace(c)) {
        return c == '{';
      }
    }
    return false;
  }

  static boolean isTemplate(HostValue.Mapping root) {
    if (root.get("AWSTemplateFormatVersion").isPresent()) {
      return true;
    }
    if (root.get("Resources").orElse(null) instanceof HostValue.Mapping resources) {
      for (HostValue.Entry e : resources.entries()) {
        if (e.value() instanceof HostValue.Mapping resource
            && resource.string("Type").filter(t -> t.startsWith("AWS::")).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  /** SAM resources that get a generated role, {@code <id>Role}, when they name none. */
  private static final Set<String> SAM_ROLE_GENERATORS =
      Set.of("AWS::Serverless::Function", "AWS::Serverless::StateMachine");

  /** Finds the policies of one template. */
  private static final class Locator {
    private final String text;
    private final List<EmbeddedPolicy> found = new ArrayList<>();
    private List<Object> pathPrefix = List.of();
    private String namePrefix = "";

    /** The string holding the nested template being read, when it is given as text. */
    private HostValue.Scalar textBody;

    /**
     * The resources of the template being read: logical id to resource type, or the references
     * table's variant of it.
     */
    private Map<String, String> resourceTypes = Map.of();

    Locator(String text) {
      this.text = text;
    }

    List<EmbeddedPolicy> policies(HostValue.Mapping template) {
      if (!(template.get("Resources").orElse(null) instanceof HostValue.Mapping resources)) {
        return found;
      }
      Map<String, String> outerTypes = resourceTypes;
      resourceTypes = resourceTypes(resources);
      for (HostValue.Entry e : resources.entries()) {
        if (e.value() instanceof HostValue.Mapping resource
            && resource.get("Properties").orElse(null) instanceof HostValue.Mapping properties) {
          String type = resource.string("Type").orElse("");
          for (PolicyPlaces.Place place : PolicyPlaces.of(type)) {
            valueAt(properties, place.keys())
                .ifPresent(value -> locate(e.key().value(), place, value, properties));
          }
          if (type.equals("AWS::Serverless::Function")) {
            apiEvents(e.key().value(), properties);
          }
          nested(e.key().value(), properties);
        }
      }
      if (template.get("Globals").orElse(null) instanceof HostValue.Mapping globals) {
        // The statements every API of the template gets.
        PolicyPlaces.Place place = PolicyPlaces.API_CUSTOM_STATEMENTS;
        List<String> keys = new ArrayList<>(List.of("Api"));
        keys.addAll(place.keys());
        List<Object> path = append(pathPrefix, "Globals");
        path.addAll(keys);
        valueAt(globals, keys)
            .ifPresent(
                value ->
                    addStatements(
                        namePrefix + "Globals/Api/" + place.property(), path, place, value));
      }
      resourceTypes = outerTypes;
      return found;
    }

    /** The statements a function's {@code Api} events add to the policy of the API SAM makes. */
    private void apiEvents(String logicalId, HostValue.Mapping properties) {
      if (!(properties.get("Events").orElse(null) instanceof HostValue.Mapping events)) {
        return;
      }
      for (HostValue.Entry event : events.entries()) {
        if (event.value() instanceof HostValue.Mapping e
            && e.string("Type").filter("Api"::equals).isPresent()) {
          PolicyPlaces.Place place =
              PolicyPlaces.API_CUSTOM_STATEMENTS.at(
                  "Events/"
                      + event.key().value()
                      + "/Properties/"
                      + PolicyPlaces.API_CUSTOM_STATEMENTS.property());
          valueAt(properties, place.keys())
              .ifPresent(value -> locate(logicalId, place, value, properties));
        }
      }
    }

    /** The value under these keys of nested maps, if every map on the way has its key. */
    private static Optional<HostValue> valueAt(HostValue.Mapping properties, List<String> keys) {
      HostValue value = properties;
      for (String key : keys) {
        if (!(value instanceof HostValue.Mapping m)) {
          return Optional.empty();
        }
        value = m.get(key).orElse(null);
      }
      return Optional.ofNullable(value);
    }

    /**
     * The template's resources by logical id, with the role SAM generates as {@code <id>Role} for a
     * function or state machine that names none, which the template may reference.
     */
    private static Map<String, String> resourceTypes(HostValue.Mapping resources) {
      Map<String, String> types = new HashMap<>();
      List<String> generatedRoles = new ArrayList<>();
      for (HostValue.Entry e : resources.entries()) {
        if (e.value() instanceof HostValue.Mapping resource) {
          String type = resource.string("Type").orElse(null);
          if (type == null) {
            continue;
          }
          HostValue.Mapping properties =
              resource.get("Properties").orElse(null) instanceof HostValue.Mapping m ? m : null;
          types.put(e.key().value(), CloudFormationReferences.tableType(type, properties));
          boolean namesRole = properties != null && properties.get("Role").isPresent();
          if (SAM_ROLE_GENERATORS.contains(type) && !namesRole) {
            generatedRoles.add(e.key().value() + "Role");
          }
        }
      }
      generatedRoles.forEach(role -> types.putIfAbsent(role, "AWS::IAM::Role"));
      return types;
    }

    /**
     * A stack set whose template is written out in place: as text (YAML or JSON in a string), or as
     * a map (as packaging tools leave it).
     */
    private void nested(String logicalId, HostValue.Mapping properties) {
      HostValue body = properties.get("TemplateBody").orElse(null);
      HostValue.Scalar text = null;
      if (body instanceof HostValue.Scalar s && s.valueOffsets() != null) {
        text = s;
        body = parseNested(s);
      }
      if (body instanceof HostValue.Mapping template && isTemplate(template)) {
        List<Object> outerPath = pathPrefix;
        String outerName = namePrefix;
        HostValue.Scalar outerText = textBody;
        pathPrefix = append(outerPath, "Resources", logicalId, "Properties", "TemplateBody");
        namePrefix = outerName + "Resources/" + logicalId + "/TemplateBody/";
        textBody = text != null ? text : outerText;
        policies(template);
        pathPrefix = outerPath;
        namePrefix = outerName;
        textBody = outerText;
      }
    }

    private void locate(
        String logicalId, PolicyPlaces.Place place, HostValue value, HostValue.Mapping properties) {
      List<Object> path = append(pathPrefix, "Resources", logicalId, "Properties");
      path.addAll(place.keys());
      String name = namePrefix + "Resources/" + logicalId + "/" + place.property();
      switch (place.shape()) {
        case DOCUMENT -> add(name, path, place, place.type(), value);
        case STATEMENTS -> addStatements(name, path, place, value);
        case NAMED_POLICIES -> {
          List<HostValue> items =
              value instanceof HostValue.Sequence list ? list.items() : List.of();
          for (int i = 0; i < items.size(); i++) {
            for (HostValue item : alternatives(items.get(i))) {
              HostValue document =
                  item instanceof HostValue.Mapping m ? m.get("PolicyDocument").orElse(null) : null;
              if (document != null) {
                HostValue.Mapping named = (HostValue.Mapping) item;
                String policyName = named.string("PolicyName").orElse(String.valueOf(i));
                add(
                    name + "/" + policyName,
                    append(path, i, "PolicyDocument"),
                    place,
                    place.type(),
                    document);
              }
            }
          }
        }
        case SAM_POLICIES -> {
          if (value instanceof HostValue.Sequence list) {
            for (int i = 0; i < list.items().size(); i++) {
              for (HostValue item : alternatives(list.items().get(i))) {
                if (isSamDocument(item)) {
                  add(name + "/" + i, append(path, i), place, place.type(), item);
                }
              }
            }
          } else if (isSamDocument(value)) {
            add(name, path, place, place.type(), value);
          }
        }
        case LAMBDA_PERMISSION, LAYER_PERMISSION, EVENT_BUS_PERMISSION ->
            add(
                namePrefix + "Resources/" + logicalId,
                append(pathPrefix, "Resources", logicalId, "Properties"),
                place,
                place.type(),
                switch (place.shape()) {
                  case LAMBDA_PERMISSION -> LambdaPermissions.document(properties);
                  case LAYER_PERMISSION -> LambdaPermissions.layerDocument(properties);
                  default -> LambdaPermissions.eventBusDocument(properties);
                });
        case ORGANIZATIONS_CONTENT -> {
          PolicyType type =
              properties.string("Type").map(PolicyPlaces::organizationsType).orElse(null);
          if (type != null) {
            add(name, path, place, type, value);
          }
        }
      }
    }

    /**
     * A policy document among SAM's Policies: a map with Statement. A SAM policy template is a map
     * of one template name; a managed policy is a name, an ARN, or a function giving one.
     */
    private static boolean isSamDocument(HostValue item) {
      return item instanceof HostValue.Mapping m && m.get("Statement").isPresent();
    }

    /** A template written as text inside a template, moved onto the outer template's text. */
    private static HostValue parseNested(HostValue.Scalar text) {
      HostValue tree;
      if (startsAsJson(text.value())) {
        tree = JsonFrontEnd.read(JsonDocument.parse(text.value()));
      } else {
        tree = YamlFrontEnd.read(text.value()).root().orElse(null);
      }
      return tree == null ? null : Relocation.move(tree, text);
    }

    /**
     * The values an element may take: both branches of an {@code Fn::If} (each checked), none for
     * {@code AWS::NoValue}, else the element itself.
     */
    private static List<HostValue> alternatives(HostValue value) {
      if (Interpolation.isNoValue(value)) {
        return List.of();
      }
      if (value instanceof HostValue.Function f
          && f.name().equals(Functions.IF)
          && f.argument() instanceof HostValue.Sequence args
          && args.items().size() == 3) {
        List<HostValue> out = new ArrayList<>(alternatives(args.items().get(1)));
        out.addAll(alternatives(args.items().get(2)));
        return out;
      }
      return List.of(value);
    }

    /** Statements a service adds to a policy, checked as that policy. */
    private void addStatements(
        String name, List<Object> path, PolicyPlaces.Place place, HostValue value) {
      // A reference to statements kept elsewhere is nothing to check here.
      boolean written =
          value instanceof HostValue.Function f
              ? f.name().equals(Functions.IF)
              : !(value instanceof HostValue.Scalar);
      if (written) {
        add(
            name,
            path,
            place,
            place.type(),
            SynthesizedPolicy.around(value, value.offset(), value.length()));
      }
    }

    private static List<Object> append(List<Object> path, Object... more) {
      List<Object> out = new ArrayList<>(path);
      out.addAll(List.of(more));
      return out;
    }

    private void add(
        String name,
        List<Object> path,
        PolicyPlaces.Place place,
        PolicyType type,
        HostValue value) {
      Document document = document(value);
      if (document == null) {
        return; // a reference to a document defined elsewhere: nothing to check here
      }
      List<String> conditions = new ArrayList<>(conditionNames(document.root()));
      List<Map<String, Boolean>> readings = readings(conditions);
      List<Policy> policies = new ArrayList<>();
      Set<Finding> templateFindings = new LinkedHashSet<>();
      Set<EmbeddedPolicy.Written> written = new LinkedHashSet<>();
      for (Map<String, Boolean> branches : readings) {
        List<Finding> findings = new ArrayList<>();
        JsonNode root =
            new PolicyTreeBuilder(branches, findings, resourceTypes, written)
                .build(document.root());
        String policyText = root == null ? "" : PolicyTreeBuilder.render(root);
        policies.add(Policy.of(SyntaxTrees.document(text, root, document.errors(), policyText)));
        templateFindings.addAll(findings);
      }
      found.add(
          new EmbeddedPolicy(
              name,
              path,
              type,
              place.resourceType(),
              value.offset(),
              value.length(),
              policies,
              List.copyOf(templateFindings),
              // A JSON string inside a template given as text: two escapes deep, not located.
              document.approximate() || (textBody != null && document.jsonText() != null),
              place.notApplicable(),
              List.copyOf(written),
              textBody != null ? textBody : document.jsonText(),
              !place.shape().writesTheDocument()));
    }

    /**
     * A policy's tree, with the syntax errors of JSON text it was written as and the host string
     * holding that text (null for maps and lists).
     */
    private record Document(
        HostValue root, List<SyntaxError> errors, boolean approximate, HostValue.Scalar jsonText) {
      Document(HostValue root) {
        this(root, List.of(), false, null);
      }
    }

    private Document document(HostValue value) {
      if (value instanceof HostValue.Mapping) {
        return new Document(value);
      }
      if (value instanceof HostValue.Scalar s) {
        return fromJsonText(s, false, null);
      }
      if (value instanceof HostValue.Function f) {
        if (f.name().equals("Fn::ToJsonString") && f.argument() instanceof HostValue.Mapping) {
          return new Document(f.argument());
        }
        if (f.name().equals(Functions.IF)) {
          return new Document(value); // each reading takes its branch
        }
        if (f.name().equals(Functions.SUB)) {
          return fromSub(f);
        }
      }
      return null;
    }

    /**
     * A policy written as JSON text in a string: parsed, and moved onto the host string's
     * characters. Strings holding {@code ${...}} become {@code Fn::Sub}s of their own when the text
     * was a Sub's template, with its variables.
     */
    private Document fromJsonText(HostValue.Scalar s, boolean sub, HostValue.Mapping variables) {
      if (!s.value().stripLeading().startsWith("{")) {
        return null;
      }
      JsonDocument json = JsonDocument.parse(s.value());
      HostValue tree = JsonFrontEnd.readEmbedded(json, s);
      if (tree == null) {
        return null;
      }
      if (sub) {
        tree = SubStrings.wrap(tree, variables);
      }
      List<SyntaxError> errors = new ArrayList<>();
      for (SyntaxError e : json.errors()) {
        int start = hostOffset(s, e.offset());
        int end = hostOffset(s, e.offset() + e.length());
        errors.add(new SyntaxError(start, Math.max(0, end - start), e.message()));
      }
      return new Document(tree, errors, s.valueOffsets() == null, s);
    }

    private Document fromSub(HostValue.Function f) {
      HostValue template = f.argument();
      HostValue.Mapping variables = null;
      if (template instanceof HostValue.Sequence q && !q.items().isEmpty()) {
        template = q.items().get(0);
        if (q.items().size() > 1 && q.items().get(1) instanceof HostValue.Mapping m) {
          variables = m;
        }
      }
      if (!(template instanceof HostValue.Scalar s)) {
        return null;
      }
      return fromJsonText(s, true, variables);
    }

    private static int hostOffset(HostValue.Scalar s, int valueOffset) {
      int[] map = s.valueOffsets();
      return map == null ? s.offset() : map[Math.max(0, Math.min(valueOffset, map.length - 1))];
    }
  }

  /** The names of the conditions that Fn::If uses inside a value, in document order. */
  static Set<String> conditionNames(HostValue value) {
    Set<String> names = new LinkedHashSet<>();
    collectConditions(value, names);
    return names;
  }

  private static void collectConditions(HostValue value, Set<String> names) {
    if (value instanceof HostValue.Mapping m) {
      m.entries().forEach(e -> collectConditions(e.value(), names));
    } else if (value instanceof HostValue.Sequence q) {
      q.items().forEach(item -> collectConditions(item, names));
    } else if (value instanceof HostValue.Function f) {
      if (f.name().equals(Functions.IF)
          && f.argument() instanceof HostValue.Sequence args
          && !args.items().isEmpty()
          && args.items().get(0) instanceof HostValue.Scalar condition) {
        names.add(condition.value());
      }
      collectConditions(f.argument(), names);
    }
  }

  /**
   * The readings to check: every combination of the conditions when there are few, else all true
   * and all false. A condition takes the same branch everywhere in one reading, as when deployed.
   */
  static List<Map<String, Boolean>> readings(List<String> conditions) {
    List<Map<String, Boolean>> readings = new ArrayList<>();
    if (conditions.size() > MAX_CONDITIONS_COMBINED) {
      for (boolean value : new boolean[] {true, false}) {
        Map<String, Boolean> all = new HashMap<>();
        conditions.forEach(c -> all.put(c, value));
        readings.add(all);
      }
      return readings;
    }
    for (int bits = 0; bits < (1 << conditions.size()); bits++) {
      Map<String, Boolean> branches = new HashMap<>();
      for (int i = 0; i < conditions.size(); i++) {
        branches.put(conditions.get(i), (bits & (1 << i)) == 0);
      }
      readings.add(branches);
    }
    return readings;
  }
}
