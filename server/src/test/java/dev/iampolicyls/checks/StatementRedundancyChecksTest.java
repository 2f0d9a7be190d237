package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;

import dev.iampolicyls.policy.PolicyType;
import org.junit.jupiter.api.Test;

class StatementRedundancyChecksTest {
  @Test
  void redundantStatement() {
    assertFindings(
        """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "All", "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"},
          {"Sid": «"Read"», "Effect": "Allow", "Action": ["s3:GetObject", "S3:List*"],
           "Resource": "arn:aws:s3:::b/*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
          {"Sid": «"Again"», "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}]}
        """,
        "REDUNDANT_STATEMENT");
  }

  @Test
  void statementsThatDifferAreNotRedundant() {
    assertFindings(
        """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::b/*",
           "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
          {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
          {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
          {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::B/*"},
          {"Effect": "Allow", "Action": "s3:*Object", "Resource": "arn:aws:s3:::c/*"},
          {"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::c/*"}]}
        """,
        "REDUNDANT_STATEMENT");
  }

  @Test
  void uniqueSidsRecommendedWhereDuplicatesAreAccepted() {
    String policy =
        """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "A", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"},
          {"Sid": «"A"», "Effect": "Deny", "Principal": "*", "Action": "sqs:*", "Resource": "*"},
          {"Sid": "a", "Effect": "Deny", "Principal": "*", "Action": "kms:*", "Resource": "*"}]}
        """;
    assertFindings(policy, PolicyType.RESOURCE_POLICY, "UNIQUE_SIDS_RECOMMENDED");
    assertFindings(policy, PolicyType.RESOURCE_CONTROL_POLICY, "UNIQUE_SIDS_RECOMMENDED");
    String plain = policy.replace("«", "").replace("»", "");
    assertFindings(plain, PolicyType.RESOURCE_POLICY, "UNIQUE_SIDS_REQUIRED");
    // Where duplicates are rejected the error says so instead.
    assertFindings(plain, PolicyType.TRUST_POLICY, "UNIQUE_SIDS_RECOMMENDED");
    assertFindings(
        policy.replace("\"Principal\": \"*\", ", ""),
        PolicyType.IDENTITY_POLICY,
        "UNIQUE_SIDS_REQUIRED");
  }
}
