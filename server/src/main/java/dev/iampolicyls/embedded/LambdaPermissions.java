package dev.iampolicyls.embedded;

import static dev.iampolicyls.embedded.SynthesizedPolicy.entry;
import static dev.iampolicyls.embedded.SynthesizedPolicy.scalar;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code AWS::Lambda::Permission} read as the statement Lambda adds to the function's resource
 * policy: its {@code Action}, its {@code Principal} (a service, an account or ARN, or {@code *}),
 * the function as Resource, and {@code SourceArn}, {@code SourceAccount}, {@code PrincipalOrgID}
 * and {@code FunctionUrlAuthType} as the conditions Lambda writes for them. Every value is the
 * template's own node, so findings sit on the property that wrote it; the keys the statement needs
 * and the template does not write sit, empty, at the start of the resource's properties.
 */
final class LambdaPermissions {
  private LambdaPermissions() {}

  /** The one-statement policy document of a permission's properties. */
  static HostValue.Mapping document(HostValue.Mapping properties) {
    int at = properties.offset();
    List<HostValue.Entry> statement = new ArrayList<>();
    statement.add(entry("Effect", at, scalar("Allow", at)));
    properties.get("Principal").ifPresent(p -> statement.add(entry("Principal", at, principal(p))));
    properties.get("Action").ifPresent(a -> statement.add(entry("Action", at, a)));
    properties
        .get("FunctionName")
        .filter(LambdaPermissions::mayBeArn)
        .ifPresent(f -> statement.add(entry("Resource", at, f)));
    List<HostValue.Entry> arnLike = new ArrayList<>();
    List<HostValue.Entry> equals = new ArrayList<>();
    properties.get("SourceArn").ifPresent(v -> arnLike.add(entry("aws:SourceArn", at, v)));
    properties.get("SourceAccount").ifPresent(v -> equals.add(entry("aws:SourceAccount", at, v)));
    properties.get("PrincipalOrgID").ifPresent(v -> equals.add(entry("aws:PrincipalOrgID", at, v)));
    properties
        .get("FunctionUrlAuthType")
        .ifPresent(v -> equals.add(entry("lambda:FunctionUrlAuthType", at, v)));
    List<HostValue.Entry> condition = new ArrayList<>();
    if (!arnLike.isEmpty()) {
      condition.add(entry("ArnLike", at, new HostValue.Mapping(at, 0, arnLike)));
    }
    if (!equals.isEmpty()) {
      condition.add(entry("StringEquals", at, new HostValue.Mapping(at, 0, equals)));
    }
    if (!condition.isEmpty()) {
      statement.add(entry("Condition", at, new HostValue.Mapping(at, 0, condition)));
    }
    HostValue.Mapping statementMap =
        new HostValue.Mapping(properties.offset(), properties.length(), statement);
    return SynthesizedPolicy.around(
        new HostValue.Sequence(properties.offset(), properties.length(), List.of(statementMap)),
        properties.offset(),
        properties.length());
  }

  /**
   * The one-statement policy document of a layer version permission's properties ({@code
   * AWS::Lambda::LayerVersionPermission}): its Action and Principal (an account, or {@code *}), the
   * layer version as Resource, and {@code OrganizationId} as the aws:PrincipalOrgID condition
   * Lambda writes for it.
   */
  static HostValue.Mapping layerDocument(HostValue.Mapping properties) {
    int at = properties.offset();
    List<HostValue.Entry> statement = new ArrayList<>();
    statement.add(entry("Effect", at, scalar("Allow", at)));
    properties.get("Principal").ifPresent(p -> statement.add(entry("Principal", at, principal(p))));
    properties.get("Action").ifPresent(a -> statement.add(entry("Action", at, a)));
    properties.get("LayerVersionArn").ifPresent(arn -> statement.add(entry("Resource", at, arn)));
    properties
        .get("OrganizationId")
        .ifPresent(
            org ->
                statement.add(
                    entry(
                        "Condition",
                        at,
                        new HostValue.Mapping(
                            at,
                            0,
                            List.of(
                                entry(
                                    "StringEquals",
                                    at,
                                    new HostValue.Mapping(
                                        at, 0, List.of(entry("aws:PrincipalOrgID", at, org)))))))));
    HostValue.Mapping statementMap =
        new HostValue.Mapping(properties.offset(), properties.length(), statement);
    return SynthesizedPolicy.around(
        new HostValue.Sequence(properties.offset(), properties.length(), List.of(statementMap)),
        properties.offset(),
        properties.length());
  }

  /**
   * The statement an event bus policy written in the old form adds to the bus's policy: its Action
   * and Principal (an account, or {@code *}), and its Condition ({@code Type}, {@code Key}, {@code
   * Value}) as {@code {Type: {Key: Value}}}. The bus is the Resource, which it does not name.
   */
  static HostValue.Mapping eventBusDocument(HostValue.Mapping properties) {
    int at = properties.offset();
    List<HostValue.Entry> statement = new ArrayList<>();
    statement.add(entry("Effect", at, scalar("Allow", at)));
    properties.get("Principal").ifPresent(p -> statement.add(entry("Principal", at, principal(p))));
    properties.get("Action").ifPresent(a -> statement.add(entry("Action", at, a)));
    if (properties.get("Condition").orElse(null) instanceof HostValue.Mapping c
        && c.string("Type").isPresent()
        && c.string("Key").isPresent()
        && c.get("Value").isPresent()) {
      HostValue.Mapping test =
          new HostValue.Mapping(
              c.offset(),
              c.length(),
              List.of(entry(c.string("Key").get(), at, c.get("Value").get())));
      statement.add(
          entry(
              "Condition",
              at,
              new HostValue.Mapping(
                  c.offset(), c.length(), List.of(entry(c.string("Type").get(), at, test)))));
    }
    return SynthesizedPolicy.around(
        new HostValue.Sequence(
            properties.offset(),
            properties.length(),
            List.of(new HostValue.Mapping(properties.offset(), properties.length(), statement))),
        properties.offset(),
        properties.length());
  }

  /**
   * Whether a FunctionName may be the function's ARN, which a policy's Resource needs: an ARN, or a
   * reference (which gives an ARN or some value the checks leave alone). A name or partial ARN, or
   * a Sub of pseudo parameters ({@code ${AWS::StackName}}), is no Resource IAM reads.
   */
  private static boolean mayBeArn(HostValue name) {
    if (name instanceof HostValue.Scalar s) {
      return s.value().startsWith("arn:");
    }
    if (name instanceof HostValue.Function f) {
      return switch (f.name()) {
        case Functions.REF, Functions.GET_ATT -> true;
        case Functions.SUB -> {
          HostValue template =
              f.argument() instanceof HostValue.Sequence q && !q.items().isEmpty()
                  ? q.items().get(0)
                  : f.argument();
          yield template instanceof HostValue.Scalar s
              && (s.value().startsWith("arn:")
                  || (s.value().startsWith("${") && !s.value().startsWith("${AWS::")));
        }
        default -> false;
      };
    }
    return false;
  }

  /**
   * A permission's principal as a policy names it: {@code *} as is, a service ({@code
   * s3.amazonaws.com}) under Service, anything else (an account, an ARN, a reference) under AWS.
   */
  private static HostValue principal(HostValue value) {
    if (value instanceof HostValue.Scalar s && s.value().equals("*")) {
      return s;
    }
    String key = value instanceof HostValue.Scalar s && isService(s.value()) ? "Service" : "AWS";
    return new HostValue.Mapping(
        value.offset(), value.length(), List.of(entry(key, value.offset(), value)));
  }

  private static boolean isService(String principal) {
    return !principal.startsWith("arn:")
        && (principal.endsWith(".amazonaws.com") || principal.endsWith(".amazon.com"));
  }
}
