package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckCode.Origin.ACCESS_ANALYZER;
import static dev.iampolicyls.checks.CheckCode.Origin.HOST;
import static dev.iampolicyls.checks.CheckCode.Origin.OWN;
import static dev.iampolicyls.checks.CheckCode.Origin.TOOL;
import static dev.iampolicyls.checks.FindingType.ERROR;
import static dev.iampolicyls.checks.FindingType.SECURITY_WARNING;
import static dev.iampolicyls.checks.FindingType.SUGGESTION;
import static dev.iampolicyls.checks.FindingType.WARNING;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every code a finding can carry, with what goes with it: its default finding type, whether it is
 * one of IAM Access Analyzer's codes (so people and scripts that know Access Analyzer read our
 * output unchanged), the one line that says what it finds, and where it is documented.
 *
 * <p>An enum rather than constants on a class: the compiler then checks every code a check, a fix
 * or a test names, a switch over codes can be exhaustive, and the constant's name is the code
 * string on the wire ({@link #id()}), so the two cannot drift apart. The list holds all of Access
 * Analyzer's codes, the few we do not check included (a configuration may name them), our own
 * codes, and the {@link Origin#TOOL} codes that are not checks at all.
 *
 * <p>An Access Analyzer code has Access Analyzer's finding type as its default: a check that used
 * another would read differently from Access Analyzer, so one type field serves as both, and {@link
 * #accessAnalyzerType()} is that type for Access Analyzer's codes only.
 *
 * <p>Links: every check code has a page of ours, {@link #docPage()}; an Access Analyzer code also
 * has its section in Access Analyzer's reference, {@link #accessAnalyzerReference()}, whose anchor
 * is named after Access Analyzer's own finding type, never the type a configuration gives the code.
 * Where one link must be chosen ({@link #helpLink()}: the editor's code description, SARIF's
 * helpUri), an Access Analyzer code links to AWS's section, the page of record for what the code
 * means, and our own codes to our page; SARIF carries the other link beside it.
 */
public enum CheckCode {
  ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE(
      ACCESS_ANALYZER,
      SUGGESTION,
      "An Allow with NotAction on a tag key: the actions that do not carry it are never allowed."),
  ALLOW_WITH_NOT_ACTION(
      OWN,
      SECURITY_WARNING,
      "An Allow with NotAction, which grants every other action, future ones included."),
  ALLOW_WITH_NOT_PRINCIPAL(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "An Allow with NotPrincipal, which grants everyone else, anonymous users included."),
  ALLOW_WITH_NOT_RESOURCE(
      OWN,
      SECURITY_WARNING,
      "An Allow with NotResource, which reaches every other resource, future ones included."),
  ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE(
      ACCESS_ANALYZER,
      SUGGESTION,
      "An Allow on a tag key with actions that do not carry it: those actions are never allowed."),
  ARN_ACCOUNT_NOT_ALLOWED(
      ACCESS_ANALYZER,
      ERROR,
      "An account in a Resource ARN whose service's formats have none (S3 buckets)."),
  ARN_REGION_NOT_ALLOWED(
      ACCESS_ANALYZER,
      ERROR,
      "A Region in a Resource ARN whose service's formats have none (IAM)."),
  CONDITION_ALWAYS_TRUE(
      OWN,
      WARNING,
      "A negated, IfExists or Null true test of a service key no action of the statement carries: it narrows nothing."),
  CONFIRM_AUDIENCE_CLAIM_TYPE(
      ACCESS_ANALYZER,
      SUGGESTION,
      "ForAllValues on an audience (aud) claim: right only if the provider's tokens carry several audiences."),
  CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE(
      ACCESS_ANALYZER,
      WARNING,
      "An Allow with NotAction that leaves iam:CreateServiceLinkedRole in, with NotResource."),
  CREATE_SLR_WITH_NOT_RESOURCE(
      ACCESS_ANALYZER, WARNING, "An Allow of iam:CreateServiceLinkedRole with NotResource."),
  CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE(
      ACCESS_ANALYZER,
      WARNING,
      "An Allow whose wildcard action grants iam:CreateServiceLinkedRole, with NotResource."),
  CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE(
      ACCESS_ANALYZER,
      WARNING,
      "An Allow whose wildcard action grants iam:CreateServiceLinkedRole on every role."),
  CREATE_SLR_WITH_STAR_IN_RESOURCE(
      ACCESS_ANALYZER,
      WARNING,
      "An Allow of iam:CreateServiceLinkedRole on every role without an iam:AWSServiceName condition."),
  CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION(
      ACCESS_ANALYZER,
      WARNING,
      "An Allow with NotAction that leaves iam:CreateServiceLinkedRole in, on every role."),
  CREDENTIALS_EXPOSURE(
      OWN,
      SECURITY_WARNING,
      "Actions that return credentials (access keys, tokens, passwords) granted on every resource."),
  DATA_EXFILTRATION(
      OWN,
      WARNING,
      "Reads that return data or secrets granted on every resource with no perimeter condition."),
  DATA_TYPE_MISMATCH(
      ACCESS_ANALYZER,
      ERROR,
      "A condition value of a JSON type its operator cannot take, such as a number for Bool."),
  DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "A Deny with NotAction on a tag key: the actions that do not carry it are never denied."),
  DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "A Deny on a tag key with actions that do not carry it: those actions are never denied."),
  DEPRECATED_GLOBAL_CONDITION_KEY(
      ACCESS_ANALYZER,
      WARNING,
      "A deprecated global condition key (not checked: UNSUPPORTED_GLOBAL_CONDITION_KEY covers aws:ARN)."),
  DUPLICATE_KEYS_WITH_DIFFERENT_CASE(
      ACCESS_ANALYZER,
      ERROR,
      "One operator block tests the same condition key twice, spelled in different case."),
  DYNAMODB_ATTRIBUTES_WITHOUT_SELECT(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "An Allow limiting dynamodb:Attributes without requiring dynamodb:Select SPECIFIC_ATTRIBUTES."),
  EMPTY_ARRAY_ACTION(ACCESS_ANALYZER, SUGGESTION, "An Action or NotAction that is an empty list."),
  EMPTY_ARRAY_CONDITION(
      ACCESS_ANALYZER,
      SUGGESTION,
      "A condition key with no values under a plain operator: the test is never met."),
  EMPTY_ARRAY_CONDITION_FORALLVALUES(
      ACCESS_ANALYZER,
      SUGGESTION,
      "ForAllValues with no values: true only when the key is absent, as Null says plainly."),
  EMPTY_ARRAY_CONDITION_FORANYVALUE(
      ACCESS_ANALYZER,
      SUGGESTION,
      "ForAnyValue with no values: never true, so the statement never applies."),
  EMPTY_ARRAY_CONDITION_IFEXISTS(
      ACCESS_ANALYZER,
      SUGGESTION,
      "An IfExists operator with no values: true only when the key is absent."),
  EMPTY_ARRAY_PRINCIPAL(ACCESS_ANALYZER, SUGGESTION, "A Principal list that is empty."),
  EMPTY_ARRAY_RESOURCE(
      ACCESS_ANALYZER, SUGGESTION, "A Resource or NotResource that is an empty list."),
  EMPTY_OBJECT_CONDITION(
      ACCESS_ANALYZER,
      SUGGESTION,
      "An empty Condition block, or an operator with no keys: it tests nothing."),
  EMPTY_OBJECT_PRINCIPAL(
      ACCESS_ANALYZER,
      SUGGESTION,
      "\"Principal\": {} in a resource or trust policy: it names no one, so the statement does nothing."),
  EMPTY_SID_VALUE(ACCESS_ANALYZER, SUGGESTION, "A Sid that is an empty string."),
  EMPTY_VARIABLE(ACCESS_ANALYZER, ERROR, "A policy variable with no name between its braces: ${}."),
  EQUIVALENT_TO_NULL_FALSE(
      ACCESS_ANALYZER,
      SUGGESTION,
      "A \"*\" test that only says the key is present: \"Null\": false says it plainly."),
  EQUIVALENT_TO_NULL_TRUE(
      ACCESS_ANALYZER,
      SUGGESTION,
      "A \"*\" test that only says the key is absent: \"Null\": true says it plainly."),
  EXCEEDS_REFERENCE_POLICY(
      OWN,
      SECURITY_WARNING,
      "An Allow of access that a reference policy of the configuration does not grant, with an example request."),
  FEDERATED_PRINCIPAL_NOT_SUPPORTED(
      ACCESS_ANALYZER,
      ERROR,
      "A Federated principal outside a role trust policy, the only policy type that accepts one."),
  FORALLVALUES_WITH_SINGLE_VALUED_KEY(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "ForAllValues on a single-valued key: also true when the key is absent, letting requests through."),
  FORANYVALUE_WITH_AUDIENCE_CLAIM_TYPE(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "ForAnyValue on a web identity audience (aud) claim, which holds one value and may match too much."),
  FULL_ADMIN_ACCESS(
      OWN,
      SECURITY_WARNING,
      "An identity policy Allow of every action (or all of IAM via NotAction) on every resource."),
  GUARDRAIL_VIOLATION(
      OWN,
      SECURITY_WARNING,
      "An Allow of access that a guardrail in the configuration forbids, with an example action and resource."),
  IMPROVE_IP_RANGE(
      ACCESS_ANALYZER,
      SUGGESTION,
      "An IP range with bits set after its prefix (10.0.0.1/8), which IAM reads as 10.0.0.0/8."),
  INVALID_ACTION(
      ACCESS_ANALYZER,
      ERROR,
      "An action the service does not have, a wildcard matching none of its actions, or no service:action."),
  INVALID_ARN_ACCOUNT(
      ACCESS_ANALYZER,
      ERROR,
      "A Resource ARN's account is not a 12-digit account ID, aws, or a wildcard."),
  INVALID_ARN_PREFIX(
      ACCESS_ANALYZER, ERROR, "A Resource that is neither \"*\" nor starts with arn:."),
  INVALID_ARN_REGION(
      ACCESS_ANALYZER,
      ERROR,
      "A Resource ARN's Region is no Region, or one of another partition (cn-north-1 under aws)."),
  INVALID_ARN_RESOURCE(
      ACCESS_ANALYZER, ERROR, "A Resource ARN's resource part fits no ARN format of its service."),
  INVALID_ARN_SERVICE_CASE(
      ACCESS_ANALYZER, ERROR, "A Resource ARN's service is not all lowercase."),
  INVALID_CONDITION_DATA_TYPE(
      ACCESS_ANALYZER,
      ERROR,
      "A list of condition values that mixes JSON types, such as [\"true\", false]."),
  INVALID_CONDITION_KEY_FORMAT(
      ACCESS_ANALYZER,
      ERROR,
      "A condition key that is not service:name (no colon, an empty part, or spaces)."),
  INVALID_CONDITION_MULTIPLE_BOOLEAN(
      ACCESS_ANALYZER, ERROR, "Bool with several values for a key that holds one."),
  INVALID_CONDITION_OPERATOR(
      ACCESS_ANALYZER,
      ERROR,
      "A condition operator IAM does not know, or one spelled in the wrong case (stringEquals)."),
  INVALID_DATE_VALUE(
      ACCESS_ANALYZER,
      WARNING,
      "A date-shaped value that names no real time (month 13, 30 February, epoch milliseconds)."),
  INVALID_EFFECT(
      ACCESS_ANALYZER,
      ERROR,
      "An Effect other than \"Allow\" or \"Deny\" (which are case-sensitive)."),
  INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY(
      ACCESS_ANALYZER,
      ERROR,
      "A Federated principal that is no SAML or OIDC provider ARN nor a web identity provider domain."),
  INVALID_GLOBAL_CONDITION_KEY(
      ACCESS_ANALYZER, ERROR, "An aws: condition key that is not a global condition key."),
  INVALID_KMS_KEY_VALUE(
      ACCESS_ANALYZER,
      ERROR,
      "An S3 server-side encryption KMS key value that is a key ID or alias: only a key ARN matches."),
  INVALID_PARTITION(
      ACCESS_ANALYZER,
      ERROR,
      "A Resource ARN's partition is not one AWS has (aws, aws-cn, aws-us-gov...)."),
  INVALID_POLICY_ELEMENT(
      ACCESS_ANALYZER,
      ERROR,
      "An element IAM does not know, or an element of the wrong JSON type."),
  INVALID_PRINCIPAL_FORMAT(
      ACCESS_ANALYZER,
      ERROR,
      "A Principal that is neither \"*\" nor an object, or an AWS or CanonicalUser value of the wrong shape."),
  INVALID_PRINCIPAL_KEY(
      ACCESS_ANALYZER,
      ERROR,
      "A principal object key other than AWS, Service, Federated or CanonicalUser (spelled exactly)."),
  INVALID_REGION(
      ACCESS_ANALYZER,
      ERROR,
      "A Region condition value (aws:RequestedRegion...) that is no Region, such as us-east-7."),
  INVALID_ROLE_REFERENCE(
      ACCESS_ANALYZER,
      WARNING,
      "A role's unique ID (AROA...) as a principal: it stops matching once the role is recreated."),
  INVALID_SERVICE(
      ACCESS_ANALYZER,
      ERROR,
      "A Resource ARN's service is no service namespace the catalog knows."),
  INVALID_SERVICE_CONDITION_KEY(
      ACCESS_ANALYZER,
      ERROR,
      "A key of a known service that the catalog does not list for it (a typo, or an invented key)."),
  INVALID_SERVICE_IN_ACTION(
      ACCESS_ANALYZER, ERROR, "An action whose service prefix names no AWS service."),
  INVALID_SERVICE_PRINCIPAL_FORMAT(
      ACCESS_ANALYZER,
      ERROR,
      "A Service principal that is not a lowercase DNS name under an AWS domain (s3.amazonaws.com)."),
  INVALID_USER_REFERENCE(
      ACCESS_ANALYZER,
      WARNING,
      "A user's unique ID (AIDA...) as a principal: it stops matching once the user is recreated."),
  INVALID_VARIABLE_FOR_OPERATOR(
      ACCESS_ANALYZER,
      ERROR,
      "A policy variable in a value of an operator that does not resolve it (Numeric, Date, Bool, IP...)."),
  INVALID_VERSION(ACCESS_ANALYZER, ERROR, "Version is neither \"2012-10-17\" nor \"2008-10-17\"."),
  INVALID_VPCE_FORMAT(
      ACCESS_ANALYZER,
      ERROR,
      "An aws:SourceVpce value that is not a VPC endpoint ID (vpce- and 8 or 17 letters and digits)."),
  INVALID_VPC_FORMAT(
      ACCESS_ANALYZER,
      ERROR,
      "An aws:SourceVpc value that is not a VPC ID (vpc- and 8 or 17 letters and digits)."),
  IRRELEVANT_CONDITION_KEY_IN_POLICY(
      ACCESS_ANALYZER,
      SUGGESTION,
      "A condition key irrelevant to the policy type (not checked: AWS publishes no list)."),
  JSON_SYNTAX_ERROR(
      ACCESS_ANALYZER,
      ERROR,
      "The text is not valid JSON (a missing comma, quote or brace...) or its top level is not an object."),
  MISMATCHED_ACTION_FOR_PRINCIPAL(
      ACCESS_ANALYZER,
      ERROR,
      "An AssumeRole action that does not fit the principal (AssumeRoleWithSAML for an OIDC provider...)."),
  MISSING_ACTION(ACCESS_ANALYZER, ERROR, "A statement with neither Action nor NotAction."),
  MISSING_ACTION_FOR_CONDITION_KEY(
      ACCESS_ANALYZER,
      ERROR,
      "A service condition key that no action of that service in the statement carries."),
  MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY(
      ACCESS_ANALYZER,
      ERROR,
      "Roles Anywhere trusted without all of sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession."),
  MISSING_ARN_ACCOUNT(
      ACCESS_ANALYZER,
      ERROR,
      "A Resource ARN with an empty account where every format it can match has one."),
  MISSING_ARN_FIELD(
      ACCESS_ANALYZER, ERROR, "A Resource ARN with fewer than its six colon-separated fields."),
  MISSING_ARN_REGION(
      ACCESS_ANALYZER,
      ERROR,
      "A Resource ARN with an empty Region where every format it can match has one."),
  MISSING_BRACE_IN_VARIABLE(
      ACCESS_ANALYZER,
      ERROR,
      "A policy variable without its closing brace, so IAM does not resolve it."),
  MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "An OIDC provider trusted with no condition on its claims: any token from it assumes the role."),
  MISSING_EFFECT(ACCESS_ANALYZER, ERROR, "A statement without an Effect."),
  MISSING_GITHUB_REPO_CONDITION_KEY(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "GitHub's OIDC provider trusted with no condition on the sub claim: any repository assumes the role."),
  MISSING_PAIRED_CONDITION_KEYS(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "aws:VpcSourceIp without a VPC key in the same block: the address matches in any VPC."),
  MISSING_PRINCIPAL(
      ACCESS_ANALYZER, ERROR, "A resource or trust policy statement that names no Principal."),
  MISSING_QUALIFIER(
      ACCESS_ANALYZER,
      ERROR,
      "A multivalued key (aws:TagKeys...) tested without ForAllValues or ForAnyValue."),
  MISSING_QUOTE_IN_VARIABLE(
      ACCESS_ANALYZER, ERROR, "A policy variable's default value not wrapped in single quotes."),
  MISSING_RESOURCE(
      ACCESS_ANALYZER,
      ERROR,
      "A statement with neither Resource nor NotResource, outside a role trust policy."),
  MISSING_STATEMENT(
      ACCESS_ANALYZER, ERROR, "The policy has no Statement element, or an empty one."),
  MISSING_TAG_KEY_IN_CONDITION(
      ACCESS_ANALYZER,
      ERROR,
      "A tag condition key without its tag key (aws:ResourceTag or aws:ResourceTag/): it matches nothing."),
  MISSING_VERSION(
      ACCESS_ANALYZER,
      WARNING,
      "The policy has no Version element, so policy variables are taken literally."),
  NULL_WITH_IF_EXISTS(
      ACCESS_ANALYZER,
      ERROR,
      "NullIfExists, which IAM refuses: Null already tests whether the key exists."),
  NULL_WITH_QUALIFIER(
      ACCESS_ANALYZER,
      SUGGESTION,
      "ForAllValues:Null or ForAnyValue:Null, which is always true or always false."),
  PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "An Allow with NotAction that leaves iam:PassRole in, with NotResource."),
  PASS_ROLE_WITH_NOT_RESOURCE(
      ACCESS_ANALYZER, SECURITY_WARNING, "An Allow of iam:PassRole with NotResource."),
  PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "An Allow whose wildcard action grants iam:PassRole, with NotResource."),
  PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "An Allow whose wildcard action grants iam:PassRole on every role."),
  PASS_ROLE_WITH_STAR_IN_RESOURCE(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "An Allow of iam:PassRole on every role without an iam:PassedToService condition."),
  PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "An Allow with NotAction that leaves iam:PassRole in, on every role."),
  PERMISSIONS_MANAGEMENT(
      OWN,
      SECURITY_WARNING,
      "Actions that change permissions (policies, grants, ACLs) granted on every resource."),
  POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA(
      ACCESS_ANALYZER,
      WARNING,
      "An identity policy over 10,240 characters without whitespace (6,144 if customer managed)."),
  POLICY_SIZE_EXCEEDS_RCP_QUOTA(
      ACCESS_ANALYZER,
      ERROR,
      "A resource control policy over 5,120 characters, whitespace included."),
  POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA(
      ACCESS_ANALYZER,
      WARNING,
      "A resource policy over its service's quota (S3 bucket, DynamoDB table: 20 KB)."),
  POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA(
      ACCESS_ANALYZER,
      WARNING,
      "A role trust policy over its quota (2,048 characters without whitespace, configurable)."),
  POLICY_SIZE_EXCEEDS_SCP_QUOTA(
      ACCESS_ANALYZER,
      ERROR,
      "A service control policy over 5,120 characters, whitespace included."),
  PRIVATE_IP_ADDRESS(
      ACCESS_ANALYZER,
      ERROR,
      "IpAddress on aws:SourceIp with only private or loopback ranges: the test never matches."),
  PRIVATE_IP_ADDRESS_SUBSET(
      ACCESS_ANALYZER,
      SUGGESTION,
      "A private range among public ones under IpAddress on aws:SourceIp: it never matches."),
  PRIVATE_NOT_IP_ADDRESS(
      ACCESS_ANALYZER,
      ERROR,
      "NotIpAddress on aws:SourceIp with only private ranges: the test always matches."),
  PRIVATE_NOT_IP_ADDRESS_SUBSET(
      ACCESS_ANALYZER,
      SUGGESTION,
      "A private range among public ones under NotIpAddress on aws:SourceIp: it has no effect."),
  PRIVILEGE_ESCALATION(
      OWN,
      SECURITY_WARNING,
      "A known privilege escalation method on every resource, on the caller itself, or via a resource's policy."),
  PUBLIC_ACCESS(
      OWN,
      SECURITY_WARNING,
      "A resource or trust policy Allow to \"Principal\": \"*\" with no condition pinning the caller."),
  RCP_MISSING_RELATED_PRINCIPAL_CONDITION_KEY(
      ACCESS_ANALYZER,
      WARNING,
      "An RCP Deny on a principal key that would also deny AWS services acting for you."),
  RCP_MISSING_RELATED_SERVICE_PRINCIPAL_CONDITION_KEY(
      ACCESS_ANALYZER,
      WARNING,
      "An RCP Deny on a source key that would also deny your own principals."),
  RCP_MISSING_SERVICE_CONDITION_KEY_NULL_CHECK(
      ACCESS_ANALYZER,
      WARNING,
      "An RCP Deny on a source key without a Null check that a source is given."),
  RCP_SYNTAX_ERROR_ACTION(
      ACCESS_ANALYZER, ERROR, "An RCP action of a service that RCPs do not apply to."),
  RCP_SYNTAX_ERROR_ALLOW(
      ACCESS_ANALYZER,
      ERROR,
      "An RCP Allow statement narrower than all principals and resources without conditions."),
  RCP_SYNTAX_ERROR_NOTACTION(
      ACCESS_ANALYZER, ERROR, "An RCP statement with NotAction, which RCPs do not support."),
  RCP_SYNTAX_ERROR_PRINCIPAL(
      ACCESS_ANALYZER, ERROR, "An RCP Principal other than \"*\", or a NotPrincipal."),
  RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL(
      ACCESS_ANALYZER,
      SUGGESTION,
      "A service principal limited only by other keys (a tag, aws:Referer...), not by aws:Source* keys."),
  REDUNDANT_ACTION(
      ACCESS_ANALYZER,
      SUGGESTION,
      "An action that another action or wildcard of the same list already covers."),
  REDUNDANT_CONDITION_VALUE_NUM(
      ACCESS_ANALYZER,
      SUGGESTION,
      "Several values for a less-than or greater-than operator, where only the widest one counts."),
  REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION(
      ACCESS_ANALYZER,
      SUGGESTION,
      "A Like test on \"*\" that is always true (such as StringLikeIfExists): the key can go."),
  REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY(
      ACCESS_ANALYZER,
      SUGGESTION,
      "An assumed-role session principal next to its own role, which already covers every session."),
  REDUNDANT_RESOURCE(
      ACCESS_ANALYZER,
      SUGGESTION,
      "A resource that another ARN pattern of the same list already covers."),
  REDUNDANT_STATEMENT(
      ACCESS_ANALYZER,
      SUGGESTION,
      "A statement that another statement with the same effect already covers entirely."),
  REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION(
      ACCESS_ANALYZER,
      SUGGESTION,
      "A NotLike test on \"*\" that is never true (ForAnyValue:StringNotLike): the statement never applies."),
  REFERENCE_POLICY_UNDECIDED(
      OWN,
      SUGGESTION,
      "Whether the policy stays within a reference policy of the configuration could not be decided, and why."),
  RESOURCE_MISMATCH(
      OWN,
      ERROR,
      "A Resource no action of the statement acts on, or an action none of its Resources fits."),
  RESOURCE_STAR(
      OWN,
      WARNING,
      "Write, Tagging or Permissions management actions on \"*\" (or as broad) though they can name resources."),
  RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "A service principal granted access with no aws:Source* condition saying whom it acts for."),
  ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL(
      ACCESS_ANALYZER,
      ERROR,
      "A role trust policy statement with NotPrincipal, which trust policies do not support."),
  ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE(
      ACCESS_ANALYZER,
      ERROR,
      "A role trust policy statement with Resource or NotResource: the role itself is the resource."),
  ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL(
      ACCESS_ANALYZER,
      ERROR,
      "A role trust policy with the bare \"Principal\": \"*\", which IAM rejects."),
  S3_PREFIX_IN_NEGATIVE_CONTEXT(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "s3:prefix in a Deny with a positive operator or an Allow with a negated one: a shorter prefix escapes."),
  SCP_SYNTAX_ERROR_ACTION_WILDCARD(
      ACCESS_ANALYZER,
      ERROR,
      "An RCP action with a wildcard other than a trailing * (SCPs accept them since September 2025)."),
  SCP_SYNTAX_ERROR_PRINCIPAL(
      ACCESS_ANALYZER,
      ERROR,
      "An SCP statement with Principal or NotPrincipal, which SCPs do not support."),
  SERVICE_WILDCARD(
      OWN,
      SECURITY_WARNING,
      "An Allow of service:*, every action of the service including future ones."),
  SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED(
      ACCESS_ANALYZER,
      WARNING,
      "A wildcard in GitHub's sub claim that lets other repositories, or unnamed branches, assume the role."),
  STATEMENT_NEVER_APPLIES(
      OWN,
      WARNING,
      "A statement whose Condition never holds: a past date, tests no value passes, a key no action carries."),
  STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "StringLike with wildcards on an ARN key, where * runs across ARN fields: use ArnLike."),
  TYPE_MISMATCH(
      ACCESS_ANALYZER,
      WARNING,
      "An operator that does not suit the key's type, e.g. Numeric on a string key."),
  TYPE_MISMATCH_BOOLEAN(
      ACCESS_ANALYZER, WARNING, "A Bool or Null operator with a value other than true or false."),
  TYPE_MISMATCH_DATE(
      ACCESS_ANALYZER,
      WARNING,
      "A Date operator with a value that is neither an ISO 8601 date nor epoch seconds."),
  TYPE_MISMATCH_IP_RANGE(
      ACCESS_ANALYZER,
      ERROR,
      "An IpAddress or NotIpAddress value that is not an IPv4 or IPv6 address or CIDR range."),
  TYPE_MISMATCH_NUMBER(
      ACCESS_ANALYZER, WARNING, "A Numeric operator with a value that is not a number."),
  TYPE_MISMATCH_STRING(ACCESS_ANALYZER, WARNING, "A BinaryEquals value that is not base64."),
  UNESCAPED_POLICY_VARIABLE_IN_SUB(
      HOST,
      ERROR,
      "A policy variable inside a template's Fn::Sub without the ! that keeps it from CloudFormation."),
  UNIQUE_SIDS_RECOMMENDED(
      ACCESS_ANALYZER,
      WARNING,
      "Two statements share a Sid in a policy type that accepts it (resource policy, SCP, RCP)."),
  UNIQUE_SIDS_REQUIRED(
      ACCESS_ANALYZER,
      ERROR,
      "Two statements of an identity or role trust policy share a Sid, which IAM rejects."),
  UNSUPPORTED_ACTION_FOR_CONDITION_KEY(
      ACCESS_ANALYZER,
      ERROR,
      "A service condition key next to actions of that service that do not carry it, so they never match."),
  UNSUPPORTED_ACTION_IN_POLICY(
      ACCESS_ANALYZER,
      ERROR,
      "An action the attached resource type does not support (not checked: no catalog has it)."),
  UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL(
      ACCESS_ANALYZER,
      ERROR,
      "A statement naming only services that tests caller identity keys (tags, MFA...) services never send."),
  UNSUPPORTED_ELEMENT_COMBINATION(
      ACCESS_ANALYZER,
      ERROR,
      "An element and its Not-form in one statement, such as Action and NotAction."),
  UNSUPPORTED_GLOBAL_CONDITION_KEY(
      ACCESS_ANALYZER,
      ERROR,
      "aws:ARN, which no request carries: aws:PrincipalArn or aws:SourceArn is what was meant."),
  UNSUPPORTED_PRINCIPAL(
      ACCESS_ANALYZER,
      ERROR,
      "A Principal or NotPrincipal in an identity policy, which applies to whoever it is attached to."),
  UNSUPPORTED_RESOURCE_ARN_IN_POLICY(
      ACCESS_ANALYZER,
      ERROR,
      "A resource ARN the attached resource type does not support (not checked: no catalog has it)."),
  UNSUPPORTED_SID(
      ACCESS_ANALYZER,
      ERROR,
      "A Sid with characters other than ASCII letters and digits (resource policies are left alone)."),
  UNSUPPORTED_SPACE_IN_VARIABLE(
      ACCESS_ANALYZER,
      ERROR,
      "A space in a policy variable's name (only the default value may hold spaces)."),
  UNSUPPORTED_WILDCARD_IN_PRINCIPAL(
      ACCESS_ANALYZER,
      ERROR,
      "A wildcard in a principal other than AWS \"*\", such as role/dev-*: principals match literally."),
  UNTRUSTWORTHY_CONDITION_KEY(
      ACCESS_ANALYZER,
      SECURITY_WARNING,
      "aws:UserAgent or aws:Referer, HTTP headers the caller writes, used to control access."),
  USE_CONDITION_KEY_ONLY_WITH_SUPPORTED_SERVICES(
      ACCESS_ANALYZER,
      WARNING,
      "A condition key used with services that do not support it (not checked: no catalog has it)."),
  VARIABLE_UNSUPPORTED_IN_ELEMENT(
      ACCESS_ANALYZER,
      ERROR,
      "A policy variable in Action, NotAction, Principal or NotPrincipal, where it is taken literally."),
  VARIABLE_UNSUPPORTED_IN_VERSION(
      ACCESS_ANALYZER,
      ERROR,
      "A policy variable in a policy without Version \"2012-10-17\", where it is taken literally."),
  VARIABLE_USAGE_TOO_PERMISSIVE(
      ACCESS_ANALYZER,
      ERROR,
      "A policy variable too permissive for a sensitive key (not checked: AWS does not name the keys)."),
  WILDCARD_IN_SERVICE_NAME(
      ACCESS_ANALYZER,
      SUGGESTION,
      "A wildcard inside a service name, in an action (s3*:Get*) or a Resource ARN."),
  WILDCARD_USAGE_TOO_PERMISSIVE(
      ACCESS_ANALYZER,
      ERROR,
      "A wildcard too permissive for a sensitive key (not checked: AWS does not name the keys)."),
  WILDCARD_WITHOUT_LIKE_OPERATOR(
      ACCESS_ANALYZER,
      WARNING,
      "A * or ? in a value of StringEquals or kin, which compare literally."),

  // Not checks: problems with a file or the configuration, reported like findings.
  CONFIG_ERROR(
      TOOL, ERROR, "A mistake in the project configuration file (.iam-policy-ls.json) itself."),
  INVALID_ENCODING(TOOL, ERROR, "A policy file that is not valid UTF-8."),
  UNREADABLE_FILE(TOOL, ERROR, "A file named for checking that cannot be read."),
  YAML_SYNTAX_ERROR(HOST, ERROR, "A YAML template that cannot be read, at the first mistake.");

  /** Where a code comes from. */
  public enum Origin {
    /** One of IAM Access Analyzer's policy-check codes. */
    ACCESS_ANALYZER,
    /** A check of ours with no Access Analyzer counterpart. */
    OWN,
    /** Not a policy check: a file or configuration problem reported like a finding; no page. */
    TOOL,
    /**
     * Found by a host format's front end (a CloudFormation template) in the host's own text,
     * outside the policy checks; it has a page like our checks.
     */
    HOST
  }

  static final String ACCESS_ANALYZER_REFERENCE =
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";

  private static final Map<String, CheckCode> BY_ID =
      Stream.of(values()).collect(Collectors.toUnmodifiableMap(CheckCode::id, Function.identity()));

  private final Origin origin;
  private final FindingType type;
  private final String description;

  CheckCode(Origin origin, FindingType type, String description) {
    this.origin = origin;
    this.type = type;
    this.description = description;
  }

  /** The code as it appears in output and configuration, such as {@code MISSING_VERSION}. */
  public String id() {
    return name();
  }

  /** The code with this id, if there is one. */
  public static Optional<CheckCode> of(String id) {
    return Optional.ofNullable(id == null ? null : BY_ID.get(id));
  }

  public Origin origin() {
    return origin;
  }

  /** The finding type a finding of this code has unless the configuration says otherwise. */
  public FindingType type() {
    return type;
  }

  /** One line in our words on what the code finds, for `check --list-checks` and reports. */
  public String description() {
    return description;
  }

  public boolean isAccessAnalyzer() {
    return origin == ACCESS_ANALYZER;
  }

  /** Access Analyzer's finding type for its codes; empty for ours. */
  public Optional<FindingType> accessAnalyzerType() {
    return isAccessAnalyzer() ? Optional.of(type) : Optional.empty();
  }

  /** The code's section in Access Analyzer's policy check reference, for its codes only. */
  public Optional<String> accessAnalyzerReference() {
    if (!isAccessAnalyzer()) {
      return Optional.empty(); // our own codes get no dead link
    }
    return Optional.of(
        ACCESS_ANALYZER_REFERENCE
            + "#access-analyzer-reference-policy-checks-"
            + anchorType(type)
            + "-"
            + id().replace('_', '-').toLowerCase(Locale.ROOT));
  }

  /** Our page on the code, {@code docs/checks/CODE.md}; none for {@link Origin#TOOL} codes. */
  public Optional<String> docPage() {
    return origin == TOOL
        ? Optional.empty()
        : Optional.of(ProjectLinks.DOCS_BASE + "checks/" + id() + ".md");
  }

  /** The one link to show where there is room for one: AWS's section, else our page. */
  public Optional<String> helpLink() {
    return accessAnalyzerReference().or(this::docPage);
  }

  private static String anchorType(FindingType type) {
    return switch (type) {
      case ERROR -> "error";
      case SECURITY_WARNING -> "security-warning";
      case WARNING -> "general-warning";
      case SUGGESTION -> "suggestion";
    };
  }
}
