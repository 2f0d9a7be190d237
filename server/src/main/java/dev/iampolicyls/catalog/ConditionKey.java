package dev.iampolicyls.catalog;

/**
 * A condition key. {@code type} is spelled as in the source package: String, ARN, Bool, Date,
 * Numeric, IPAddress, ArrayOfString, ArrayOfARN, ArrayOfBool, ...
 *
 * @param usage how many AWS managed policies use the key ({@link UsageCounts}), 0 if unknown
 */
public record ConditionKey(String name, String type, String description, int usage) {
  public ConditionKey(String name, String type, String description) {
    this(name, type, description, 0);
  }
}
