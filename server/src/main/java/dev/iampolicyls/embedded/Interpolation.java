package dev.iampolicyls.embedded;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.FindingType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a template function where a policy expects a string into a typed value, never into its
 * text: pseudo parameters become plausible values of their kind ({@code aws}, a Region, a 12-digit
 * account), a reference inside an ARN becomes a specific value that suits its field, and a
 * reference to a resource of the template whose value is an ARN of a known type ({@link
 * CloudFormationReferences}) becomes such an ARN named after the resource: {@code !GetAtt
 * DataBucket.Arn} is {@code arn:aws:s3:::DataBucket}, some bucket, and {@code ${DataBucket.Arn}/*}
 * its objects. Any other value that starts with a reference ({@code !Ref Parameter}, a queue's URL)
 * is opaque: some specific value that the checks leave alone. Never a wildcard, so nothing here
 * looks broader than it is.
 */
final class Interpolation {
  static final CheckCode UNESCAPED_POLICY_VARIABLE_IN_SUB =
      CheckCode.UNESCAPED_POLICY_VARIABLE_IN_SUB;

  /** Values of the pseudo parameters, of the shape their real values have. */
  private static final Map<String, String> PSEUDO =
      Map.of(
          "AWS::Partition", "aws",
          "AWS::Region", "us-east-1",
          "AWS::AccountId", "123456789012",
          "AWS::URLSuffix", "amazonaws.com",
          "AWS::StackName", "mystack");

  /**
   * Regions that stand in for a reference in an ARN's Region field, chosen by the reference's name,
   * so that two parameters are not taken for the same Region (none is AWS::Region's stand-in).
   */
  private static final List<String> REGION_STAND_INS =
      List.of("us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ca-central-1");

  private final Map<String, Boolean> branches;
  private final List<Finding> findings;
  private final Map<String, String> resourceTypes;

  /**
   * @param branches the branch each condition takes in this reading of the policy
   * @param findings where template-specific findings go
   * @param resourceTypes the template's resources: logical id to resource type
   */
  Interpolation(
      Map<String, Boolean> branches, List<Finding> findings, Map<String, String> resourceTypes) {
    this.branches = branches;
    this.findings = findings;
    this.resourceTypes = resourceTypes;
  }

  static String pseudoValue(String name) {
    return PSEUDO.get(name);
  }

  /** The string a function evaluates to. */
  TextBuilder evaluate(HostValue value) {
    TextBuilder out = new TextBuilder();
    append(value, out);
    if (out.referenceStartsResource() && !out.isOpaque() && !takesBareName(out.value())) {
      // arn:...:iam::123456789012:${RolePath}: the reference holds role/ or user/ itself, so
      // which resource type the ARN names is unknown until deployed.
      out.markOpaque();
    }
    return out;
  }

  /** Per service prefix: whether some resource type's ARN is a bare name ({@code ${QueueName}}). */
  private static final Map<String, Boolean> BARE_NAMES = new ConcurrentHashMap<>();

  /**
   * Whether the service of this ARN has a resource type whose resource part starts with its name,
   * as an SQS queue or an S3 bucket does; an unknown service is given the benefit of the doubt.
   */
  private static boolean takesBareName(String arn) {
    String[] fields = arn.split(":", 6);
    if (fields.length < 6) {
      return true;
    }
    return BARE_NAMES.computeIfAbsent(
        fields[2],
        prefix ->
            Catalog.bundled()
                .service(prefix)
                .map(
                    service ->
                        service.resourceTypes().stream()
                            .flatMap(t -> List.of(t.arnFormat().split(",\\s*")).stream())
                            .anyMatch(f -> resourcePart(f).startsWith("${")))
                .orElse(true));
  }

  private static String resourcePart(String format) {
    String[] fields = format.split(":", 6);
    return fields.length < 6 ? "" : fields[5];
  }

  private void append(HostValue value, TextBuilder out) {
    if (value instanceof HostValue.Scalar s) {
      if (s.value().contains("{{resolve:")) {
        reference(s.value(), s.offset(), s.end(), out); // a dynamic reference
      } else {
        out.literal(s.value(), s.valueOffsets(), s.offset(), s.end());
      }
      return;
    }
    if (!(value instanceof HostValue.Function f)) {
      reference("${...}", value.offset(), value.end(), out); // a list or map: not a string
      return;
    }
    switch (f.name()) {
      case Functions.REF -> {
        String name = f.argument() instanceof HostValue.Scalar s ? s.value() : "...";
        if (!name.equals(Functions.NO_VALUE)) {
          named(name, f.offset(), f.end(), out);
        }
      }
      case Functions.SUB -> sub(f, out);
      case Functions.JOIN -> join(f, out);
      case Functions.SELECT -> select(f, out);
      case Functions.IF -> {
        HostValue branch = branch(f);
        if (branch != null) {
          append(branch, out);
        } else {
          reference("${Fn::If}", f.offset(), f.end(), out);
        }
      }
      case Functions.GET_ATT -> named(getAttName(f), f.offset(), f.end(), out);
      default -> reference("${" + f.name() + "}", f.offset(), f.end(), out);
    }
  }

  /** The branch of an {@code Fn::If} this reading takes, or null when it is malformed. */
  HostValue branch(HostValue.Function f) {
    if (f.argument() instanceof HostValue.Sequence args
        && args.items().size() == 3
        && args.items().get(0) instanceof HostValue.Scalar condition) {
      boolean taken = branches.getOrDefault(condition.value(), true);
      return args.items().get(taken ? 1 : 2);
    }
    return null;
  }

  private static String getAttName(HostValue.Function f) {
    if (f.argument() instanceof HostValue.Scalar s) {
      return s.value();
    }
    if (f.argument() instanceof HostValue.Sequence q) {
      StringBuilder name = new StringBuilder();
      for (HostValue item : q.items()) {
        if (name.length() > 0) {
          name.append('.');
        }
        name.append(item instanceof HostValue.Scalar s ? s.value() : "...");
      }
      return name.toString();
    }
    return "...";
  }

  /**
   * A parameter, resource, resource attribute ({@code Bucket.Arn}) or pseudo parameter, by name. A
   * resource of this template whose reference is an ARN of a known type stands in, first in a
   * string, as such an ARN named after the resource ({@code arn:aws:s3:::DataBucket}): some ARN of
   * that type, in the stack's account and Region.
   */
  private void named(String name, int start, int end, TextBuilder out) {
    String written = "${" + name + "}";
    String pseudo = PSEUDO.get(name);
    if (pseudo != null) {
      out.standIn(pseudo, written, start, end);
      return;
    }
    CloudFormationReferences.ReturnValue value = templateValue(name);
    if (value != null && value.kind() == CloudFormationReferences.Kind.ARN && out.isEmpty()) {
      out.standIn(
          value.arnWith(
              PSEUDO.get("AWS::Partition"),
              PSEUDO.get("AWS::Region"),
              PSEUDO.get("AWS::AccountId"),
              logicalId(name)),
          written,
          start,
          end);
    } else if (value != null && value.kind() != CloudFormationReferences.Kind.ARN) {
      // A name or id inside an ARN, of the shape its value has (alias/Name for a KMS alias).
      String shape = value.namesResource() ? value.valueStandIn(logicalId(name)) : name(name);
      reference(written, start, end, out, shape, value.namesResource());
    } else {
      reference(written, start, end, out);
    }
  }

  /**
   * What a reference to a resource of this template gives ({@code Bucket} or {@code Bucket.Arn}),
   * as the references table says; null for a parameter, an unknown type or attribute.
   */
  private CloudFormationReferences.ReturnValue templateValue(String name) {
    String type = resourceTypes.get(logicalId(name));
    if (type == null) {
      return null;
    }
    int dot = name.indexOf('.');
    String value = dot < 0 ? CloudFormationReferences.REF : name.substring(dot + 1);
    return CloudFormationReferences.attribute(type, value).orElse(null);
  }

  /** The resource a reference names: {@code Bucket} of {@code Bucket.Arn}. */
  private static String logicalId(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /**
   * A value known only once deployed. First in a string, it makes the whole string opaque; after
   * {@code arn:...} it becomes a specific value suited to the ARN field it fills.
   */
  private static void reference(String display, int start, int end, TextBuilder out) {
    reference(display, start, end, out, name(display), false);
  }

  /**
   * @param standInName what the reference stands in as inside an ARN's resource
   * @param shaped the stand-in has the shape of the value (a resource of the template)
   */
  private static void reference(
      String display, int start, int end, TextBuilder out, String standInName, boolean shaped) {
    if (out.isEmpty()) {
      out.markOpaque();
    }
    if (out.isOpaque()) {
      out.standIn(display, display, start, end);
      return;
    }
    String before = out.value();
    int field = before.startsWith("arn:") ? arnField(before) : 0;
    if (field == 2) {
      out.markOpaque(); // the service is unknown: so is everything about this ARN
      out.standIn(display, display, start, end);
      return;
    }
    if (field == 5 && !shaped && startsResource(before)) {
      out.markReferenceStartsResource();
    }
    out.standIn(standIn(field, standInName, before), display, start, end);
  }

  /**
   * A value of the shape of an ARN's field for the reference {@code name}. Different references get
   * different values: two account parameters are not one account.
   */
  private static String standIn(int arnField, String name, String before) {
    int hash = name.hashCode() & 0x7fffffff;
    return switch (arnField) {
      case 1 -> "aws";
      case 3 -> REGION_STAND_INS.get(hash % REGION_STAND_INS.size());
      case 4 -> String.format("2%011d", hash % 100_000_000_000L);
      // parameter${Name}: the name starts with the slash the ARN does not repeat.
      default -> isSsmParameterPrefix(before) && !name.startsWith("/") ? "/" + name : name;
    };
  }

  private static boolean isSsmParameterPrefix(String before) {
    return before.endsWith(":parameter") && before.contains(":ssm:");
  }

  /** Whether the text after {@code before} begins an ARN's resource: it ends at the fifth colon. */
  private static boolean startsResource(String before) {
    return before.endsWith(":") && colons(before) == 5;
  }

  /** The colons of an ARN's text, those inside {@code ${...}} left out. */
  private static int colons(String before) {
    int colons = 0;
    int depth = 0;
    for (int i = 0; i < before.length(); i++) {
      char c = before.charAt(i);
      if (c == '$' && i + 1 < before.length() && before.charAt(i + 1) == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == ':' && depth == 0) {
        colons++;
      }
    }
    return colons;
  }

  /** The ARN field the text after {@code before} falls in: 1 partition ... 5 resource. */
  private static int arnField(String before) {
    return Math.min(colons(before), 5);
  }

  /** A name-like stand-in made from a reference: {@code ${DataBucket}} stands in as DataBucket. */
  private static String name(String display) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < display.length(); i++) {
      char c = display.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.') {
        out.append(c);
      }
    }
    return out.length() > 0 ? out.toString() : "value";
  }

  private void sub(HostValue.Function f, TextBuilder out) {
    HostValue template = f.argument();
    HostValue.Mapping variables = null;
    if (template instanceof HostValue.Sequence q && !q.items().isEmpty()) {
      template = q.items().get(0);
      if (q.items().size() > 1 && q.items().get(1) instanceof HostValue.Mapping m) {
        variables = m;
      }
    }
    if (!(template instanceof HostValue.Scalar s)) {
      reference("${Fn::Sub}", f.offset(), f.end(), out);
      return;
    }
    String text = s.value();
    int[] map = s.valueOffsets();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("${", i);
      if (open < 0) {
        literal(s, i, text.length(), out);
        return;
      }
      literal(s, i, open, out);
      if (open + 2 < text.length() && text.charAt(open + 2) == '!') {
        // ${!Literal} writes ${Literal}: the $ and { stay, the ! goes.
        out.literal("${", slice(map, open, open + 2), at(s, open), at(s, open + 2));
        i = open + 3;
        continue;
      }
      int close = text.indexOf('}', open + 2);
      if (close < 0) {
        literal(s, open, text.length(), out);
        return;
      }
      String name = text.substring(open + 2, close).trim();
      int start = at(s, open);
      int end = at(s, close + 1);
      HostValue bound = variables != null ? variables.get(name).orElse(null) : null;
      if (bound != null) {
        append(bound, out);
      } else if (isPolicyVariable(name)) {
        findings.add(
            new Finding(
                UNESCAPED_POLICY_VARIABLE_IN_SUB,
                FindingType.ERROR,
                "Inside Fn::Sub, CloudFormation takes ${"
                    + name
                    + "} for a reference to a parameter or resource and the stack fails: write"
                    + " ${!"
                    + name
                    + "} for IAM's policy variable",
                start,
                Math.max(0, end - start),
                List.of()));
        literal(s, open, close + 1, out); // IAM would read it as the policy variable meant
      } else {
        named(name, start, end, out);
      }
      i = close + 1;
    }
  }

  /** An IAM policy variable ({@code aws:username}, {@code *}), not a CloudFormation name. */
  static boolean isPolicyVariable(String name) {
    if (name.equals("*") || name.equals("?") || name.equals("$")) {
      return true;
    }
    int colon = name.indexOf(':');
    return colon > 0 && !name.contains("::");
  }

  private void join(HostValue.Function f, TextBuilder out) {
    if (f.argument() instanceof HostValue.Sequence args
        && args.items().size() == 2
        && args.items().get(0) instanceof HostValue.Scalar separator
        && args.items().get(1) instanceof HostValue.Sequence parts) {
      boolean first = true;
      for (HostValue part : parts.items()) {
        if (isNoValue(part)) {
          continue;
        }
        if (!first) {
          out.literal(
              separator.value(), separator.valueOffsets(), separator.offset(), separator.end());
        }
        append(part, out);
        first = false;
      }
      return;
    }
    reference("${Fn::Join}", f.offset(), f.end(), out);
  }

  private void select(HostValue.Function f, TextBuilder out) {
    if (f.argument() instanceof HostValue.Sequence args
        && args.items().size() == 2
        && args.items().get(0) instanceof HostValue.Scalar index
        && args.items().get(1) instanceof HostValue.Sequence list
        && index.value().matches("\\d{1,4}")
        && Integer.parseInt(index.value()) < list.items().size()) {
      append(list.items().get(Integer.parseInt(index.value())), out);
      return;
    }
    reference("${Fn::Select}", f.offset(), f.end(), out);
  }

  static boolean isNoValue(HostValue value) {
    return value instanceof HostValue.Function f
        && f.name().equals(Functions.REF)
        && f.argument() instanceof HostValue.Scalar s
        && s.value().equals(Functions.NO_VALUE);
  }

  private static void literal(HostValue.Scalar s, int from, int to, TextBuilder out) {
    if (from < to) {
      out.literal(
          s.value().substring(from, to), slice(s.valueOffsets(), from, to), at(s, from), at(s, to));
    }
  }

  private static int[] slice(int[] map, int from, int to) {
    return map == null ? null : java.util.Arrays.copyOfRange(map, from, to + 1);
  }

  /** The host offset of character {@code index} of a scalar's value, or its start if unknown. */
  private static int at(HostValue.Scalar s, int index) {
    return s.valueOffsets() != null ? s.valueOffsets()[index] : s.offset();
  }
}
