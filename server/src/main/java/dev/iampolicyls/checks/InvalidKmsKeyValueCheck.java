package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Arn;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.PolicyVariables;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.Locale;
import java.util.Set;

/**
 * A value of the S3 key that names the KMS key of a request's server-side encryption that is not a
 * KMS key ARN: S3 puts the key ARN in the request, so a key ID or an alias never matches.
 */
final class InvalidKmsKeyValueCheck extends PolicyCheck {
  /** The keys whose request value is always a full key ARN (S3's documented format). */
  private static final Set<String> KEY_ARN_KEYS =
      Set.of(
          "s3:x-amz-server-side-encryption-aws-kms-key-id",
          "s3express:x-amz-server-side-encryption-aws-kms-key-id");

  InvalidKmsKeyValueCheck() {
    super(CheckCode.INVALID_KMS_KEY_VALUE);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (ConditionEntry entry : s.conditionEntries()) {
        boolean comparesValues =
            entry
                .operator()
                .filter(
                    op ->
                        op.category() == ConditionOperator.Category.STRING
                            || op.category() == ConditionOperator.Category.ARN)
                .isPresent();
        if (!comparesValues || !KEY_ARN_KEYS.contains(entry.key().toLowerCase(Locale.ROOT))) {
          continue;
        }
        for (JsonNode node : entry.values()) {
          if (node instanceof StringNode str && !isKeyArnOrPattern(str.value())) {
            context.report(
                this,
                str,
                "'"
                    + str.value()
                    + "' is not a KMS key ARN, so "
                    + entry.key()
                    + " never matches it: use the key ARN,"
                    + " as in arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
          }
        }
      }
    }
  }

  private static boolean isKeyArnOrPattern(String value) {
    if (ActionName.containsWildcard(value) || PolicyVariables.mayContain(value)) {
      return true;
    }
    return Arn.parse(value)
        .filter(a -> a.service().equals("kms"))
        .filter(a -> !a.region().isEmpty() && !a.account().isEmpty())
        .filter(a -> a.resource().startsWith("key/") && a.resource().length() > 4)
        .isPresent();
  }
}
