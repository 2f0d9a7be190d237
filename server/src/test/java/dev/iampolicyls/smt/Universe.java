package dev.iampolicyls.smt;

import java.util.List;

/**
 * The small world the differential tests draw policies and requests from: a few actions of three
 * services, Action and Resource patterns that overlap in the ways that matter (wildcards at either
 * end, {@code ?}, case, other services, other partitions and accounts), and condition keys of every
 * type with the operators that fit them and values that sit on each other's borders.
 */
final class Universe {
  private Universe() {}

  enum Type {
    STRING,
    NUMERIC,
    DATE,
    BOOL,
    IP
  }

  /**
   * A condition key.
   *
   * @param maxValues how many values a request may give it (2 for a multi-valued key)
   * @param alwaysPresent whether AWS sets it in every request (the comparison never leaves it out)
   * @param policyValues the values policies compare it with
   * @param operators the operators policies test it with (their base names)
   */
  record Key(
      String name,
      Type type,
      int maxValues,
      boolean alwaysPresent,
      List<String> policyValues,
      List<String> operators) {}

  static final List<String> STRING_OPERATORS =
      List.of(
          "StringEquals",
          "StringNotEquals",
          "StringEqualsIgnoreCase",
          "StringNotEqualsIgnoreCase",
          "StringLike",
          "StringNotLike");

  static final List<Key> KEYS =
      List.of(
          new Key(
              "aws:PrincipalTag/team",
              Type.STRING,
              1,
              false,
              List.of("eng", "Eng", "sales", "e*", "?ng", "*", ""),
              STRING_OPERATORS),
          new Key(
              "s3:prefix",
              Type.STRING,
              1,
              false,
              List.of("home/", "home/*", "home/alice/", "docs", "*/secret"),
              STRING_OPERATORS),
          new Key(
              "aws:TagKeys",
              Type.STRING,
              2,
              false,
              List.of("team", "Team", "env", "cost*"),
              STRING_OPERATORS),
          new Key(
              "s3:max-keys",
              Type.NUMERIC,
              1,
              false,
              List.of("10", "100", "-5", "0"),
              List.of(
                  "NumericEquals",
                  "NumericNotEquals",
                  "NumericLessThan",
                  "NumericLessThanEquals",
                  "NumericGreaterThan",
                  "NumericGreaterThanEquals")),
          new Key(
              "aws:CurrentTime",
              Type.DATE,
              1,
              true,
              List.of("2026-01-01T00:00:00Z", "2027-06-30", "1800000000"),
              List.of(
                  "DateEquals",
                  "DateNotEquals",
                  "DateLessThan",
                  "DateLessThanEquals",
                  "DateGreaterThan",
                  "DateGreaterThanEquals")),
          new Key(
              "aws:SecureTransport",
              Type.BOOL,
              1,
              true,
              List.of("true", "false", "True"),
              List.of("Bool")),
          new Key(
              "aws:MultiFactorAuthPresent",
              Type.BOOL,
              1,
              false,
              List.of("true", "false"),
              List.of("Bool")),
          new Key(
              "aws:SourceIp",
              Type.IP,
              1,
              false,
              List.of("10.0.0.0/8", "10.1.0.0/16", "192.0.2.0/24", "203.0.113.7"),
              List.of("IpAddress", "NotIpAddress")));

  /** The actions requests ask for (the catalog knows each). */
  static final List<String> ACTIONS =
      List.of(
          "s3:GetObject",
          "s3:PutObject",
          "s3:DeleteObject",
          "s3:ListBucket",
          "s3:ListAllMyBuckets",
          "s3:GetBucketPolicy",
          "sqs:SendMessage",
          "sqs:ListQueues",
          "dynamodb:GetItem");

  static final List<String> ACTION_PATTERNS =
      List.of(
          "s3:GetObject",
          "s3:getobject",
          "S3:PutObject",
          "s3:DeleteObject",
          "s3:ListBucket",
          "s3:ListAllMyBuckets",
          "s3:Get*",
          "s3:*Object",
          "s3:Put*",
          "s3:List*",
          "s3:*",
          "s3:?etObject",
          "sqs:SendMessage",
          "sqs:*",
          "sqs:List*",
          "dynamodb:GetItem",
          "dynamodb:*",
          "*:Get*",
          "*");

  static final List<String> RESOURCE_PATTERNS =
      List.of(
          "*",
          "arn:aws:s3:::bkt/*",
          "arn:aws:s3:::bkt/home/*",
          "arn:aws:s3:::bkt/home/alice/*",
          "arn:aws:s3:::b?t/*",
          "arn:aws:s3:::bkt",
          "arn:aws:s3:::*",
          "arn:aws:s3:::*/secret*",
          "arn:aws:s3:::bkt/a*b",
          "arn:*:s3:::logs*",
          "arn:aws-cn:s3:::bkt/*",
          "arn:aws:sqs:*:111122223333:q1",
          "arn:aws:sqs:us-east-1:*:*",
          "arn:aws:sqs:*:*:q*",
          "arn:aws:dynamodb:*:111122223333:table/t1",
          "arn:aws:dynamodb:*:*:table/*",
          "arn:aws:*:*:111122223333:*",
          "arn:aws:s3:*:*:accesspoint/*");

  /** Resources requests name besides those made from the patterns. */
  static final List<String> RESOURCES =
      List.of(
          "*",
          "arn:aws:s3:::bkt",
          "arn:aws:s3:::bkt/home/alice/f.txt",
          "arn:aws:s3:::bkt/home/bob/f.txt",
          "arn:aws:s3:::bkt/x/secret.txt",
          "arn:aws:s3:::bkt/a:b",
          "arn:aws:s3:::logs-2026/x",
          "arn:aws-cn:s3:::bkt/x",
          "arn:aws:sqs:us-east-1:111122223333:q1",
          "arn:aws:sqs:eu-west-1:444455556666:q2",
          "arn:aws:dynamodb:us-east-1:111122223333:table/t1",
          "arn:aws:s3:us-east-1:111122223333:accesspoint/ap/object/k");
}
