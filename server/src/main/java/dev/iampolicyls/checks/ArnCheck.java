package dev.iampolicyls.checks;

import java.util.List;

/**
 * The checks of Resource ARNs against the catalog's ARN formats: {@link ArnProblems} finds every
 * problem of an ARN once, under its code, and each check reports the problems of its own code. The
 * twelve codes differ in nothing else, so they are one class.
 */
final class ArnCheck extends PolicyCheck {
  private ArnCheck(CheckCode code) {
    super(code);
  }

  /** The twelve checks, in the order an ARN is read: prefix, fields, partition... resource. */
  static List<PolicyCheck> all() {
    return List.of(
        // The resource is not an ARN (no arn: prefix) and not *.
        new ArnCheck(CheckCode.INVALID_ARN_PREFIX),
        // A resource ARN with fewer than its six colon-separated fields.
        new ArnCheck(CheckCode.MISSING_ARN_FIELD),
        // The partition of a resource ARN is not one AWS has (aws, aws-cn, aws-us-gov, ...).
        new ArnCheck(CheckCode.INVALID_PARTITION),
        // The service of a resource ARN is not all lowercase, as ARNs write it.
        new ArnCheck(CheckCode.INVALID_ARN_SERVICE_CASE),
        // The service of a resource ARN is no service namespace the catalog knows.
        new ArnCheck(CheckCode.INVALID_SERVICE),
        // The Region of a resource ARN is no AWS Region, or one of another partition.
        new ArnCheck(CheckCode.INVALID_ARN_REGION),
        // A resource ARN with an empty Region where every ARN format it can match has one.
        new ArnCheck(CheckCode.MISSING_ARN_REGION),
        // A Region in a resource ARN whose service's ARNs (of the types it can name) have none, as
        // IAM's.
        new ArnCheck(CheckCode.ARN_REGION_NOT_ALLOWED),
        // The account of a resource ARN is not a 12-digit account ID (nor aws, nor a wildcard).
        new ArnCheck(CheckCode.INVALID_ARN_ACCOUNT),
        // A resource ARN with an empty account where every ARN format it can match has one.
        new ArnCheck(CheckCode.MISSING_ARN_ACCOUNT),
        // An account in a resource ARN whose service's ARNs (of the types it can name) have none,
        // as S3 buckets.
        new ArnCheck(CheckCode.ARN_ACCOUNT_NOT_ALLOWED),
        // The resource part of an ARN fits no ARN format of its service in the catalog.
        new ArnCheck(CheckCode.INVALID_ARN_RESOURCE));
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
