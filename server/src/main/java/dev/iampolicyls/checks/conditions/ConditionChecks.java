package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.PolicyCheck;
import java.util.List;

/** The checks of condition operators, keys, value types and condition structure. */
public final class ConditionChecks {
  private ConditionChecks() {}

  public static List<PolicyCheck> create() {
    return List.of(
        // operators
        new InvalidConditionOperatorCheck(),
        NullOperatorCheck.withIfExists(),
        NullOperatorCheck.withQualifier(),
        new MissingQualifierCheck(),
        new ForAllValuesWithSingleValuedKeyCheck(),
        new StringLikeOperatorWithArnConditionKeysCheck(),
        new WildcardWithoutLikeOperatorCheck(),
        // keys
        new InvalidConditionKeyFormatCheck(),
        new InvalidGlobalConditionKeyCheck(),
        new InvalidServiceConditionKeyCheck(),
        new UnsupportedGlobalConditionKeyCheck(),
        new UnsupportedActionForConditionKeyCheck(),
        new MissingActionForConditionKeyCheck(),
        new UntrustworthyConditionKeyCheck(),
        new MissingPairedConditionKeysCheck(),
        UnsupportedTagConditionKeyCheck.deny(),
        UnsupportedTagConditionKeyCheck.denyNotAction(),
        UnsupportedTagConditionKeyCheck.allow(),
        UnsupportedTagConditionKeyCheck.allowNotAction(),
        // types
        new TypeMismatchCheck(),
        new DataTypeMismatchCheck(),
        new InvalidConditionDataTypeCheck(),
        ValueFormatCheck.bool(),
        ValueFormatCheck.number(),
        ValueFormatCheck.date(),
        ValueFormatCheck.impossibleDate(),
        ValueFormatCheck.ipRange(),
        ValueFormatCheck.binary(),
        new InvalidConditionMultipleBooleanCheck(),
        EquivalentToNullCheck.nullFalse(),
        EquivalentToNullCheck.nullTrue(),
        // structure
        EmptyConditionArrayCheck.plain(),
        EmptyConditionArrayCheck.forAllValues(),
        EmptyConditionArrayCheck.forAnyValue(),
        EmptyConditionArrayCheck.ifExists(),
        new EmptyObjectConditionCheck());
  }
}
