package dev.iampolicyls.catalog;

/**
 * A condition key. {@code type} is spelled as in the source package: String, ARN, Bool, Date,
 * Numeric, IPAddress, ArrayOfString, ArrayOfARN, ArrayOfBool, ...
 */
public record ConditionKey(String name, String type, String description) {}
