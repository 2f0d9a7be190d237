package dev.iampolicyls.embedded;

import dev.iampolicyls.policy.PolicyResourceType;
import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import java.util.Map;

/**
 * Where CloudFormation and SAM resources hold policies: resource type to the properties that are
 * policy documents, and what kind of policy each is. Sources: the CloudFormation resource reference
 * of each type, and SAM's specification for {@code AWS::Serverless::*}.
 */
final class PolicyPlaces {
  /** How a property holds its policies. */
  enum Shape {
    /** The property is one policy document (an object, or JSON text). */
    DOCUMENT,
    /**
     * The property is a statement or a list of statements, which the service adds to the resource's
     * policy as written (an event bus policy's {@code Statement}, SAM's {@code
     * Auth/ResourcePolicy/CustomStatements} of an API). None, as when an {@code Fn::If} gives
     * {@code AWS::NoValue}, adds nothing: no missing Statement.
     */
    STATEMENTS,
    /** A list of {@code {PolicyName, PolicyDocument}} (inline policies of roles, users, groups). */
    NAMED_POLICIES,
    /**
     * SAM's {@code Policies}: a managed policy name or ARN, a policy document, a SAM policy
     * template ({@code S3ReadPolicy: {BucketName: x}}), or a list of these. Only documents are
     * policies.
     */
    SAM_POLICIES,
    /** Organizations' {@code Content}, an SCP or RCP as the resource's {@code Type} says. */
    ORGANIZATIONS_CONTENT,
    /**
     * A Lambda permission: the resource's properties are one statement of the function's policy
     * ({@link LambdaPermissions}); the property named is the one every permission has.
     */
    LAMBDA_PERMISSION,
    /** A layer version permission: likewise one statement of the layer version's policy. */
    LAYER_PERMISSION,
    /**
     * An event bus policy in the old form, without {@code Statement}: its {@code Action}, {@code
     * Principal} and {@code Condition} make one statement of the bus's policy.
     */
    EVENT_BUS_PERMISSION;

    /**
     * Whether the template's text at the place is the policy document itself, not a statement or a
     * resource's properties that a service makes a document of.
     */
    boolean writesTheDocument() {
      return switch (this) {
        case DOCUMENT, NAMED_POLICIES, SAM_POLICIES, ORGANIZATIONS_CONTENT -> true;
        case STATEMENTS, LAMBDA_PERMISSION, LAYER_PERMISSION, EVENT_BUS_PERMISSION -> false;
      };
    }
  }

  /**
   * @param property the property holding the policy; {@code A/B} for key B of property A's map
   * @param notApplicable codes that mean nothing for policies in this place
   */
  record Place(
      String property,
      Shape shape,
      PolicyType type,
      PolicyResourceType resourceType,
      List<String> notApplicable) {
    Place(String property, Shape shape, PolicyType type, PolicyResourceType resourceType) {
      this(property, shape, type, resourceType, List.of());
    }

    /** The keys from the resource's properties down to the policy. */
    List<String> keys() {
      return List.of(property.split("/"));
    }

    Place at(String other) {
      return new Place(other, shape, type, resourceType, notApplicable);
    }
  }

  private static final PolicyType IDENTITY = PolicyType.IDENTITY_POLICY;
  private static final PolicyType RESOURCE = PolicyType.RESOURCE_POLICY;

  private static Place document(String property, PolicyType type) {
    return new Place(property, Shape.DOCUMENT, type, null);
  }

  private static final Place TRUST =
      new Place(
          "AssumeRolePolicyDocument",
          Shape.DOCUMENT,
          PolicyType.TRUST_POLICY,
          PolicyResourceType.IAM_ASSUME_ROLE_POLICY_DOCUMENT);

  private static final Place INLINE_POLICIES =
      new Place("Policies", Shape.NAMED_POLICIES, IDENTITY, null);

  private static final Place SAM_POLICIES =
      new Place("Policies", Shape.SAM_POLICIES, IDENTITY, null);

  /**
   * An API's resource policy may name its resources in API Gateway's short form, {@code
   * execute-api:/stage/GET/path}, which API Gateway completes into the API's ARN.
   */
  private static final Place API_POLICY =
      new Place("Policy", Shape.DOCUMENT, RESOURCE, null, List.of("INVALID_ARN_PREFIX"));

  /**
   * Statements SAM adds to an API's policy: an API's, the {@code Globals} section's (every API of
   * the template), or a function's {@code Api} event's (the API SAM makes for it).
   */
  static final Place API_CUSTOM_STATEMENTS =
      new Place(
          "Auth/ResourcePolicy/CustomStatements",
          Shape.STATEMENTS,
          RESOURCE,
          null,
          List.of("INVALID_ARN_PREFIX", "MISSING_STATEMENT"));

  /** An API's policy written in its OpenAPI definition, as API Gateway's extension. */
  private static final String OPENAPI_POLICY = "x-amazon-apigateway-policy";

  private static final Map<String, List<Place>> BY_TYPE =
      Map.ofEntries(
          Map.entry("AWS::IAM::Role", List.of(TRUST, INLINE_POLICIES)),
          Map.entry("AWS::IAM::User", List.of(INLINE_POLICIES)),
          Map.entry("AWS::IAM::Group", List.of(INLINE_POLICIES)),
          Map.entry("AWS::IAM::Policy", List.of(document("PolicyDocument", IDENTITY))),
          Map.entry("AWS::IAM::ManagedPolicy", List.of(document("PolicyDocument", IDENTITY))),
          Map.entry("AWS::IAM::RolePolicy", List.of(document("PolicyDocument", IDENTITY))),
          Map.entry("AWS::IAM::UserPolicy", List.of(document("PolicyDocument", IDENTITY))),
          Map.entry("AWS::IAM::GroupPolicy", List.of(document("PolicyDocument", IDENTITY))),
          Map.entry("AWS::SSO::PermissionSet", List.of(document("InlinePolicy", IDENTITY))),
          Map.entry(
              "AWS::S3::BucketPolicy",
              List.of(
                  new Place(
                      "PolicyDocument", Shape.DOCUMENT, RESOURCE, PolicyResourceType.S3_BUCKET))),
          Map.entry(
              "AWS::S3::AccessPoint",
              List.of(
                  new Place(
                      "Policy", Shape.DOCUMENT, RESOURCE, PolicyResourceType.S3_ACCESS_POINT))),
          Map.entry(
              "AWS::S3::MultiRegionAccessPointPolicy",
              List.of(
                  new Place(
                      "Policy",
                      Shape.DOCUMENT,
                      RESOURCE,
                      PolicyResourceType.S3_MULTI_REGION_ACCESS_POINT))),
          Map.entry(
              "AWS::S3ObjectLambda::AccessPointPolicy",
              List.of(
                  new Place(
                      "PolicyDocument",
                      Shape.DOCUMENT,
                      RESOURCE,
                      PolicyResourceType.S3_OBJECT_LAMBDA_ACCESS_POINT))),
          Map.entry("AWS::SQS::QueuePolicy", List.of(document("PolicyDocument", RESOURCE))),
          Map.entry("AWS::SQS::QueueInlinePolicy", List.of(document("PolicyDocument", RESOURCE))),
          Map.entry("AWS::SNS::TopicPolicy", List.of(document("PolicyDocument", RESOURCE))),
          Map.entry("AWS::SNS::TopicInlinePolicy", List.of(document("PolicyDocument", RESOURCE))),
          Map.entry(
              "AWS::DynamoDB::Table",
              List.of(
                  new Place(
                      "ResourcePolicy/PolicyDocument",
                      Shape.DOCUMENT,
                      RESOURCE,
                      PolicyResourceType.DYNAMODB_TABLE))),
          Map.entry("AWS::Events::EventBus", List.of(document("Policy", RESOURCE))),
          Map.entry(
              "AWS::Events::EventBusPolicy",
              List.of(
                  new Place(
                      "Statement", Shape.STATEMENTS, RESOURCE, null, List.of("MISSING_STATEMENT")),
                  new Place(
                      "Action",
                      Shape.EVENT_BUS_PERMISSION,
                      RESOURCE,
                      null,
                      List.of("MISSING_RESOURCE")))),
          Map.entry("AWS::KMS::Key", List.of(document("KeyPolicy", RESOURCE))),
          Map.entry("AWS::KMS::ReplicaKey", List.of(document("KeyPolicy", RESOURCE))),
          Map.entry(
              "AWS::SecretsManager::ResourcePolicy", List.of(document("ResourcePolicy", RESOURCE))),
          // A repository policy applies to its repository: its statements name no Resource.
          Map.entry(
              "AWS::ECR::Repository",
              List.of(
                  new Place(
                      "RepositoryPolicyText",
                      Shape.DOCUMENT,
                      RESOURCE,
                      null,
                      List.of("MISSING_RESOURCE")))),
          Map.entry("AWS::Logs::ResourcePolicy", List.of(document("PolicyDocument", RESOURCE))),
          Map.entry(
              "AWS::OpenSearchService::Domain", List.of(document("AccessPolicies", RESOURCE))),
          Map.entry("AWS::Elasticsearch::Domain", List.of(document("AccessPolicies", RESOURCE))),
          // An endpoint policy limits what passes through the endpoint: Principal "*" there means
          // whoever already reaches the endpoint, not anyone. Its resource type tells PUBLIC_ACCESS
          // so, as --resource-type does for a standalone endpoint policy.
          Map.entry(
              "AWS::EC2::VPCEndpoint",
              List.of(
                  new Place(
                      "PolicyDocument",
                      Shape.DOCUMENT,
                      RESOURCE,
                      PolicyResourceType.EC2_VPC_ENDPOINT,
                      List.of("TRUST_POLICY_WILDCARD_PRINCIPAL")))),
          Map.entry(
              "AWS::ApiGateway::RestApi",
              List.of(API_POLICY, API_POLICY.at("Body/" + OPENAPI_POLICY))),
          // A private custom domain name's policy: who may invoke APIs through it.
          Map.entry("AWS::ApiGateway::DomainNameV2", List.of(API_POLICY)),
          Map.entry("AWS::EFS::FileSystem", List.of(document("FileSystemPolicy", RESOURCE))),
          Map.entry("AWS::Backup::BackupVault", List.of(document("AccessPolicy", RESOURCE))),
          Map.entry(
              "AWS::Organizations::Policy",
              List.of(new Place("Content", Shape.ORGANIZATIONS_CONTENT, null, null))),
          // Its Resource is the function, which a name or partial ARN cannot give: left out then.
          Map.entry(
              "AWS::Lambda::Permission",
              List.of(
                  new Place(
                      "Action",
                      Shape.LAMBDA_PERMISSION,
                      RESOURCE,
                      null,
                      List.of("MISSING_RESOURCE")))),
          Map.entry(
              "AWS::Lambda::LayerVersionPermission",
              List.of(new Place("Action", Shape.LAYER_PERMISSION, RESOURCE, null))),
          Map.entry("AWS::Serverless::Function", List.of(SAM_POLICIES, TRUST)),
          Map.entry("AWS::Serverless::StateMachine", List.of(SAM_POLICIES)),
          Map.entry(
              "AWS::Serverless::Api",
              List.of(
                  API_POLICY,
                  API_POLICY.at("DefinitionBody/" + OPENAPI_POLICY),
                  API_POLICY.at("Domain/Policy"),
                  API_CUSTOM_STATEMENTS)));

  private PolicyPlaces() {}

  static List<Place> of(String resourceType) {
    return BY_TYPE.getOrDefault(resourceType, List.of());
  }

  /** The policy type of an Organizations policy's {@code Type}; null for non-IAM policies. */
  static PolicyType organizationsType(String type) {
    return switch (type) {
      case "SERVICE_CONTROL_POLICY" -> PolicyType.SERVICE_CONTROL_POLICY;
      case "RESOURCE_CONTROL_POLICY" -> PolicyType.RESOURCE_CONTROL_POLICY;
      default -> null; // tag, backup, AI opt-out policies: another language
    };
  }
}
