package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.PolicyVariables;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.regex.Pattern;

/**
 * Values of a global key that holds a resource identifier ({@code vpc-...}, {@code vpce-...}) that
 * do not have that identifier's form: they can never match. Patterns and variables are left alone.
 */
final class IdentifierFormatCheck extends PolicyCheck {
  private final String key;
  private final String prefix;
  private final Pattern format;

  /** An aws:SourceVpc value that is not a VPC ID (vpc- and 8 or 17 letters and digits). */
  static IdentifierFormatCheck vpc() {
    return new IdentifierFormatCheck(CheckCode.INVALID_VPC_FORMAT, "aws:SourceVpc", "vpc-");
  }

  /**
   * An aws:SourceVpce value that is not a VPC endpoint ID (vpce- and 8 or 17 letters and digits).
   */
  static IdentifierFormatCheck vpce() {
    return new IdentifierFormatCheck(CheckCode.INVALID_VPCE_FORMAT, "aws:SourceVpce", "vpce-");
  }

  private IdentifierFormatCheck(CheckCode code, String key, String prefix) {
    super(code);
    this.key = key;
    this.prefix = prefix;
    this.format = Pattern.compile(Pattern.quote(prefix) + "([A-Za-z0-9]{8}|[A-Za-z0-9]{17})");
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (ConditionEntry entry : s.conditionEntries()) {
        boolean stringTest =
            entry
                .operator()
                .filter(op -> op.category() == ConditionOperator.Category.STRING)
                .isPresent();
        if (!stringTest || !entry.key().equalsIgnoreCase(key)) {
          continue;
        }
        for (JsonNode node : entry.values()) {
          if (node instanceof StringNode str && isWrong(str.value())) {
            context.report(
                this,
                str,
                "'"
                    + str.value()
                    + "' is not a valid "
                    + key
                    + " value: use '"
                    + prefix
                    + "' followed by 8 or 17 letters and digits, as in "
                    + prefix
                    + "1a2b3c4d");
          }
        }
      }
    }
  }

  private boolean isWrong(String value) {
    if (ActionName.containsWildcard(value) || PolicyVariables.mayContain(value)) {
      return false;
    }
    return !format.matcher(value).matches();
  }
}
