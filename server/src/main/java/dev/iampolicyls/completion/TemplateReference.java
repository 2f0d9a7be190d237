package dev.iampolicyls.completion;

/**
 * A resource of the template whose {@code Ref} or {@code Fn::GetAtt} gives an ARN, offered where a
 * Resource is typed.
 *
 * @param logicalId the resource's name in the template
 * @param attribute the attribute that gives its ARN ({@code Arn}), or null when {@code Ref} does
 * @param iamResourceType the catalog's resource type of the ARN, {@code service:type} ({@code
 *     s3:bucket})
 * @param resourceType the resource's CloudFormation type, for the list's detail
 */
public record TemplateReference(
    String logicalId, String attribute, String iamResourceType, String resourceType) {

  /** The service prefix of the ARN's type. */
  String service() {
    return iamResourceType.substring(0, Math.max(0, iamResourceType.indexOf(':')));
  }

  /** The catalog's name of the ARN's type. */
  String typeName() {
    return iamResourceType.substring(iamResourceType.indexOf(':') + 1);
  }

  /** The reference as {@code Fn::Sub} writes it: {@code ${DataBucket.Arn}}, {@code ${Topic}}. */
  String subVariable() {
    return "${" + logicalId + (attribute == null ? "" : "." + attribute) + "}";
  }

  /** The reference in YAML short form. */
  String yaml() {
    return attribute == null ? "!Ref " + logicalId : "!GetAtt " + logicalId + "." + attribute;
  }

  /** The reference in JSON. */
  String json() {
    return attribute == null
        ? "{\"Ref\": \"" + logicalId + "\"}"
        : "{\"Fn::GetAtt\": [\"" + logicalId + "\", \"" + attribute + "\"]}";
  }
}
