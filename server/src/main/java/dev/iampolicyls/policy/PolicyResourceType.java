package dev.iampolicyls.policy;

import java.util.Optional;

/**
 * The resource a resource policy is attached to, named as Access Analyzer's ValidatePolicy names it
 * (validatePolicyResourceType), or as CloudFormation names the resource where Access Analyzer has
 * no name for it (a VPC endpoint). Some checks differ by resource: size quotas, for one, and public
 * access, which is the normal case for a VPC endpoint policy.
 */
public enum PolicyResourceType {
  S3_BUCKET("AWS::S3::Bucket"),
  S3_ACCESS_POINT("AWS::S3::AccessPoint"),
  S3_MULTI_REGION_ACCESS_POINT("AWS::S3::MultiRegionAccessPoint"),
  S3_OBJECT_LAMBDA_ACCESS_POINT("AWS::S3ObjectLambda::AccessPoint"),
  /** A role trust policy: the resource is the role. */
  IAM_ASSUME_ROLE_POLICY_DOCUMENT("AWS::IAM::AssumeRolePolicyDocument"),
  DYNAMODB_TABLE("AWS::DynamoDB::Table"),
  /**
   * A VPC endpoint policy: it limits what goes through the endpoint, and grants nothing by itself
   * (the caller's identity policy and the resource's policy still have to allow the request), so
   * {@code "Principal": "*"} is its usual form, not public access.
   */
  EC2_VPC_ENDPOINT("AWS::EC2::VPCEndpoint");

  private final String awsName;

  PolicyResourceType(String awsName) {
    this.awsName = awsName;
  }

  /** The CloudFormation-style name, e.g. {@code AWS::S3::Bucket}. */
  public String awsName() {
    return awsName;
  }

  /** Accepts the AWS name in any case; empty for anything else. */
  public static Optional<PolicyResourceType> parse(String name) {
    String trimmed = name.trim();
    for (PolicyResourceType t : values()) {
      if (t.awsName.equalsIgnoreCase(trimmed)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The policy type a policy on this resource is checked as. */
  public PolicyType policyType() {
    return this == IAM_ASSUME_ROLE_POLICY_DOCUMENT
        ? PolicyType.TRUST_POLICY
        : PolicyType.RESOURCE_POLICY;
  }

  @Override
  public String toString() {
    return awsName;
  }
}
