package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertClean;
import static dev.iampolicyls.checks.CheckAssert.assertFindings;

import dev.iampolicyls.policy.PolicyType;
import org.junit.jupiter.api.Test;

/**
 * Principal, trust-policy, web identity and service principal checks: for each code a policy that
 * triggers it (spans marked) and a close one that must not.
 */
class PrincipalChecksTest {
  private static final PolicyType RESOURCE = PolicyType.RESOURCE_POLICY;
  private static final PolicyType TRUST = PolicyType.TRUST_POLICY;

  /** A bucket policy statement with the given principal element and extra members. */
  private static String bucket(String principal, String extra) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
        + principal
        + ", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\""
        + extra
        + "}]}";
  }

  /** A trust policy statement with the given principal element, action and extra members. */
  private static String trust(String principal, String action, String extra) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
        + principal
        + ", \"Action\": "
        + action
        + extra
        + "}]}";
  }

  private static final String GITHUB =
      "\"Principal\": {\"Federated\": \"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com\"}";

  @Test
  void realisticPoliciesAreClean() {
    assertClean(
        trust(
            GITHUB,
            "\"sts:AssumeRoleWithWebIdentity\"",
            ", \"Condition\": {\"StringEquals\": {\"token.actions.githubusercontent.com:aud\":"
                + " \"sts.amazonaws.com\"}, \"StringLike\": {\"token.actions.githubusercontent.com:sub\":"
                + " \"repo:org/repo:ref:refs/heads/main\"}}"),
        TRUST);
    assertClean(
        trust(
            "\"Principal\": {\"Federated\": \"arn:aws:iam::111122223333:saml-provider/Okta\"}",
            "[\"sts:AssumeRoleWithSAML\", \"sts:TagSession\"]",
            ", \"Condition\": {\"StringEquals\": {\"SAML:aud\": \"https://signin.aws.amazon.com/saml\"}}"),
        TRUST);
    assertClean(
        bucket(
            "\"Principal\": {\"Service\": \"cloudtrail.amazonaws.com\"}",
            ", \"Condition\": {\"StringEquals\": {\"aws:SourceArn\":"
                + " \"arn:aws:cloudtrail:us-east-1:111122223333:trail/t\"}}"),
        RESOURCE);
  }

  @Test
  void unsupportedPrincipal() {
    String identity =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", «\"Principal\"»: \"*\","
            + " \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}";
    assertFindings(identity, PolicyType.IDENTITY_POLICY, "UNSUPPORTED_PRINCIPAL");
    assertFindings(identity.replace("«", "").replace("»", ""), RESOURCE, "UNSUPPORTED_PRINCIPAL");
  }

  @Test
  void invalidPrincipalKey() {
    assertFindings(
        bucket("\"Principal\": {«\"aws\"»: \"111122223333\"}", ""),
        RESOURCE,
        "INVALID_PRINCIPAL_KEY");
    assertFindings(
        bucket(
            "\"Principal\": {\"AWS\": \"111122223333\", \"CanonicalUser\": \""
                + "a".repeat(64)
                + "\"}",
            ""),
        RESOURCE,
        "INVALID_PRINCIPAL_KEY");
  }

  @Test
  void invalidPrincipalFormat() {
    assertFindings(
        bucket("\"Principal\": «\"arn:aws:iam::111122223333:root\"»", ""),
        RESOURCE,
        "INVALID_PRINCIPAL_FORMAT");
    assertFindings(
        bucket(
            "\"Principal\": {\"AWS\": [«\"ACCOUNT-ID\"», «\" arn:aws:iam::111122223333:user/a\"»,"
                + " «\"arn:aws:iam::111122223333:group/g\"»]}",
            ""),
        RESOURCE,
        "INVALID_PRINCIPAL_FORMAT");
    assertFindings(
        bucket(
            "\"Principal\": {\"AWS\": [\"111122223333\", \"arn:aws:iam::111122223333:role/path/r\","
                + " \"arn:aws:sts::111122223333:assumed-role/r/s\", \"AROAEXAMPLEID1234567\","
                + " \"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E1\"]}",
            ""),
        RESOURCE,
        "INVALID_PRINCIPAL_FORMAT");
  }

  @Test
  void unsupportedWildcardInPrincipal() {
    assertFindings(
        bucket(
            "\"Principal\": {\"AWS\": [\"*\", «\"arn:aws:iam::111122223333:role/dev-*\"»],"
                + " \"Service\": «\"*.amazonaws.com\"»}",
            ""),
        RESOURCE,
        "UNSUPPORTED_WILDCARD_IN_PRINCIPAL");
    assertFindings(
        bucket("\"Principal\": {\"AWS\": \"*\"}", ""),
        RESOURCE,
        "UNSUPPORTED_WILDCARD_IN_PRINCIPAL");
  }

  @Test
  void invalidServicePrincipalFormat() {
    assertFindings(
        bucket(
            "\"Principal\": {\"Service\": [«\"Lambda.amazonaws.com\"», «\"lambda\"», \"logs.us-east-1.amazonaws.com\","
                + " \"elasticmapreduce.amazonaws.com.cn\", \"alexa-appkit.amazon.com\"]}",
            ", \"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": \"111122223333\"}}"),
        RESOURCE,
        "INVALID_SERVICE_PRINCIPAL_FORMAT");
  }

  @Test
  void emptyObjectPrincipal() {
    assertFindings(bucket("\"Principal\": «{}»", ""), RESOURCE, "EMPTY_OBJECT_PRINCIPAL");
    assertFindings(bucket("\"Principal\": {\"AWS\": []}", ""), RESOURCE, "EMPTY_OBJECT_PRINCIPAL");
  }

  @Test
  void allowWithNotPrincipal() {
    String allow = bucket("«\"NotPrincipal\"»: {\"AWS\": \"111122223333\"}", "");
    assertFindings(allow, RESOURCE, "ALLOW_WITH_NOT_PRINCIPAL");
    String deny = allow.replace("«", "").replace("»", "").replace("\"Allow\"", "\"Deny\"");
    assertFindings(deny, RESOURCE, "ALLOW_WITH_NOT_PRINCIPAL");
  }

  @Test
  void uniqueIdsInsteadOfArns() {
    String ids =
        bucket(
            "\"Principal\": {\"AWS\": [«\"AROAJQABLZS4A3QDU576Q\"», \"AIDAJQABLZS4A3QDU576Q\","
                + " \"arn:aws:iam::111122223333:role/r\"]}",
            "");
    assertFindings(ids, RESOURCE, "INVALID_ROLE_REFERENCE");
    String users =
        ids.replace("«", "")
            .replace("»", "")
            .replace("\"AIDA", "«\"AIDA")
            .replace("6Q\", \"arn", "6Q\"», \"arn");
    assertFindings(users, RESOURCE, "INVALID_USER_REFERENCE");
    assertFindings(
        bucket("\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:user/u\"}", ""),
        RESOURCE,
        "INVALID_USER_REFERENCE");
  }

  @Test
  void trustPolicyNotPrincipalWildcardAndResource() {
    assertFindings(
        trust("«\"NotPrincipal\"»: {\"AWS\": \"111122223333\"}", "\"sts:AssumeRole\"", ""),
        TRUST,
        "ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL");
    assertFindings(
        trust("\"Principal\": «\"*\"»", "\"sts:AssumeRole\"", ""),
        TRUST,
        "ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL");
    // {"AWS": "*"} narrowed by a condition is accepted in trust policies.
    assertFindings(
        trust(
            "\"Principal\": {\"AWS\": \"*\"}",
            "\"sts:AssumeRole\"",
            ", \"Condition\": {\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-abc\"}}"),
        TRUST,
        "ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL");
    assertFindings(
        trust(
            "\"Principal\": {\"AWS\": \"111122223333\"}",
            "\"sts:AssumeRole\"",
            ", «\"Resource\"»: \"*\""),
        TRUST,
        "ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE");
    assertFindings(
        bucket("\"Principal\": {\"AWS\": \"111122223333\"}", ""),
        RESOURCE,
        "ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE");
  }

  @Test
  void federatedPrincipalSyntaxAndSupport() {
    assertFindings(
        trust(
            "\"Principal\": {\"Federated\": [«\"arn:aws:iam::111122223333:role/Okta\"», «\"my saml\"»,"
                + " \"accounts.google.com\"]}",
            "\"sts:AssumeRoleWithWebIdentity\"",
            ", \"Condition\": {\"StringEquals\": {\"accounts.google.com:aud\": \"app\"}}"),
        TRUST,
        "INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY");
    String federatedBucket =
        bucket(
            "\"Principal\": {«\"Federated\"»: \"arn:aws:iam::111122223333:saml-provider/Okta\"}",
            "");
    assertFindings(federatedBucket, RESOURCE, "FEDERATED_PRINCIPAL_NOT_SUPPORTED");
    assertFindings(
        trust(
            "\"Principal\": {\"Federated\": \"arn:aws:iam::111122223333:saml-provider/Okta\"}",
            "\"sts:AssumeRoleWithSAML\"",
            ""),
        TRUST,
        "FEDERATED_PRINCIPAL_NOT_SUPPORTED");
  }

  @Test
  void mismatchedActionForPrincipal() {
    String saml =
        "\"Principal\": {\"Federated\": \"arn:aws:iam::111122223333:saml-provider/Okta\"}";
    assertFindings(
        trust(saml, "[«\"sts:AssumeRoleWithWebIdentity\"», \"sts:TagSession\"]", ""),
        TRUST,
        "MISMATCHED_ACTION_FOR_PRINCIPAL");
    assertFindings(
        trust(saml, "«\"sts:AssumeRole\"»", ""), TRUST, "MISMATCHED_ACTION_FOR_PRINCIPAL");
    assertFindings(
        trust("\"Principal\": {\"AWS\": \"111122223333\"}", "«\"sts:AssumeRoleWithSAML\"»", ""),
        TRUST,
        "MISMATCHED_ACTION_FOR_PRINCIPAL");
    assertFindings(
        trust(saml, "[\"sts:AssumeRoleWithSAML\", \"sts:TagSession\"]", ""),
        TRUST,
        "MISMATCHED_ACTION_FOR_PRINCIPAL");
  }

  @Test
  void missingActionForRolesAnywhere() {
    String ra = "\"Principal\": {\"Service\": \"rolesanywhere.amazonaws.com\"}";
    assertFindings(
        trust(ra, "«[\"sts:AssumeRole\", \"sts:TagSession\"]»", ""),
        TRUST,
        "MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY");
    assertFindings(
        trust(ra, "[\"sts:AssumeRole\", \"sts:TagSession\", \"sts:SetSourceIdentity\"]", ""),
        TRUST,
        "MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY");
  }

  @Test
  void redundantAssumedRoleSession() {
    assertFindings(
        trust(
            "\"Principal\": {\"AWS\": [\"arn:aws:iam::111122223333:role/ops/Admin\","
                + " «\"arn:aws:sts::111122223333:assumed-role/Admin/alice\"»,"
                + " \"arn:aws:sts::444455556666:assumed-role/Admin/bob\"]}",
            "\"sts:AssumeRole\"",
            ""),
        TRUST,
        "REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY");
  }

  @Test
  void oidcPrincipalWithoutCondition() {
    String eks =
        "\"Principal\": {\"Federated\": «\"arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC\"»}";
    assertFindings(
        trust(eks, "\"sts:AssumeRoleWithWebIdentity\"", ""),
        TRUST,
        "MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL");
    assertFindings(
        trust(
            eks.replace("«", "").replace("»", ""),
            "\"sts:AssumeRoleWithWebIdentity\"",
            ", \"Condition\": {\"StringEquals\": {\"oidc.eks.us-east-1.amazonaws.com/id/ABC:sub\":"
                + " \"system:serviceaccount:ns:sa\"}}"),
        TRUST,
        "MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL");
    // GitHub has its own, more specific check.
    assertFindings(
        trust(GITHUB, "\"sts:AssumeRoleWithWebIdentity\"", ""),
        TRUST,
        "MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL");
  }

  @Test
  void githubWithARepositoryPatternIsAccepted() {
    // Without a sub condition it fires: docs/checks/MISSING_GITHUB_REPO_CONDITION_KEY.md.
    assertFindings(
        trust(
            GITHUB,
            "\"sts:AssumeRoleWithWebIdentity\"",
            ", \"Condition\": {\"StringLike\": {\"token.actions.githubusercontent.com:sub\": \"repo:org/repo:*\"}}"),
        TRUST,
        "MISSING_GITHUB_REPO_CONDITION_KEY");
  }

  @Test
  void githubSubjectWithWildcards() {
    String cond =
        ", \"Condition\": {\"StringLike\": {\"token.actions.githubusercontent.com:sub\": [«\"repo:org/*\"»,"
            + " «\"repo:org/app:*\"», \"repo:org/app:environment:prod\"]}}";
    assertFindings(
        trust(GITHUB, "\"sts:AssumeRoleWithWebIdentity\"", cond),
        TRUST,
        "SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED");
    // A ref condition pins the branch, so a wildcard after the repository is fine.
    assertFindings(
        trust(
            GITHUB,
            "\"sts:AssumeRoleWithWebIdentity\"",
            ", \"Condition\": {\"StringLike\": {\"token.actions.githubusercontent.com:sub\": \"repo:org/app:*\"},"
                + " \"StringEquals\": {\"token.actions.githubusercontent.com:ref\": \"refs/heads/main\"}}"),
        TRUST,
        "SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED");
  }

  @Test
  void qualifiersOnAudienceClaims() {
    String anyValue =
        trust(
            GITHUB,
            "\"sts:AssumeRoleWithWebIdentity\"",
            ", \"Condition\": {\"ForAnyValue:StringEquals\": {«\"token.actions.githubusercontent.com:aud\"»:"
                + " \"sts.amazonaws.com\"}, \"StringEquals\": {\"token.actions.githubusercontent.com:sub\":"
                + " \"repo:o/r:ref:refs/heads/main\"}}");
    assertFindings(anyValue, TRUST, "FORANYVALUE_WITH_AUDIENCE_CLAIM_TYPE");
    String allValues = anyValue.replace("ForAnyValue:", "ForAllValues:");
    assertFindings(allValues, TRUST, "CONFIRM_AUDIENCE_CLAIM_TYPE");
    String plain = anyValue.replace("ForAnyValue:", "").replace("«", "").replace("»", "");
    assertFindings(plain, TRUST, "FORANYVALUE_WITH_AUDIENCE_CLAIM_TYPE");
    assertFindings(plain, TRUST, "CONFIRM_AUDIENCE_CLAIM_TYPE");
    // Cognito's amr claim is multivalued: ForAnyValue is how it is meant to be used.
    assertFindings(
        trust(
            "\"Principal\": {\"Federated\": \"cognito-identity.amazonaws.com\"}",
            "\"sts:AssumeRoleWithWebIdentity\"",
            ", \"Condition\": {\"ForAnyValue:StringLike\": {\"cognito-identity.amazonaws.com:amr\": \"authenticated\"}}"),
        TRUST,
        "FORANYVALUE_WITH_AUDIENCE_CLAIM_TYPE");
  }

  @Test
  void servicePrincipalWithoutSource() {
    assertFindings(
        bucket("\"Principal\": {\"Service\": «\"logging.s3.amazonaws.com\"»}", ""),
        RESOURCE,
        "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL");
    // Service roles trust their service without source keys: not a resource policy finding.
    assertFindings(
        trust("\"Principal\": {\"Service\": \"ec2.amazonaws.com\"}", "\"sts:AssumeRole\"", ""),
        TRUST,
        "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL");
    assertFindings(
        bucket(
            "\"Principal\": {\"Service\": \"logging.s3.amazonaws.com\"}",
            ", \"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": \"111122223333\"}}"),
        RESOURCE,
        "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL");
  }

  @Test
  void servicePrincipalLimitedByOtherKeys() {
    String referer =
        bucket(
            "\"Principal\": {\"Service\": \"cloudfront.amazonaws.com\"}",
            ", \"Condition\": {\"StringLike\": {«\"aws:Referer\"»: \"https://example.com/*\"}}");
    assertFindings(referer, RESOURCE, "RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL");
    // One finding per problem: a weak condition is a suggestion, not also "no restriction".
    assertFindings(
        referer.replace("«", "").replace("»", ""),
        RESOURCE,
        "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL");
    assertFindings(
        bucket(
            "\"Principal\": {\"Service\": \"cloudfront.amazonaws.com\"}",
            ", \"Condition\": {\"StringEquals\": {\"aws:SourceArn\": \"arn:aws:cloudfront::111122223333:distribution/E1\","
                + " \"aws:Referer\": \"x\"}}"),
        RESOURCE,
        "RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL");
  }

  @Test
  void principalKeysWithServicePrincipals() {
    String orgId =
        bucket(
            "\"Principal\": {\"Service\": \"cloudfront.amazonaws.com\"}",
            ", \"Condition\": {\"StringEquals\": {«\"aws:PrincipalOrgID\"»: \"o-abc\","
                + " \"aws:SourceAccount\": \"111122223333\"}}");
    assertFindings(orgId, RESOURCE, "UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL");
    // With an AWS principal beside the service, the key does apply to some callers.
    assertFindings(
        orgId
            .replace("«", "")
            .replace("»", "")
            .replace(
                "{\"Service\": \"cloudfront.amazonaws.com\"}",
                "{\"Service\": \"cloudfront.amazonaws.com\", \"AWS\": \"111122223333\"}"),
        RESOURCE,
        "UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL");
    // IfExists says what happens when the key is absent: deliberate.
    assertFindings(
        orgId.replace("«", "").replace("»", "").replace("StringEquals", "StringEqualsIfExists"),
        RESOURCE,
        "UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL");
  }
}
