package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CheckDescriptionsTest {
  /**
   * The codes that must have a written description. Checks added in parallel branches may still
   * lack one; they are listed on stderr so whoever merges adds their lines to
   * check-descriptions.tsv (and then to this list, or makes the test strict).
   */
  private static final Set<String> MUST_BE_DESCRIBED =
      Set.of(
          "JSON_SYNTAX_ERROR",
          "MISSING_VERSION",
          "INVALID_VERSION",
          "MISSING_STATEMENT",
          "INVALID_POLICY_ELEMENT",
          "MISSING_EFFECT",
          "INVALID_EFFECT",
          "MISSING_ACTION",
          "MISSING_RESOURCE",
          "MISSING_PRINCIPAL",
          "UNSUPPORTED_ELEMENT_COMBINATION",
          "DUPLICATE_KEYS_WITH_DIFFERENT_CASE",
          "INVALID_SERVICE_IN_ACTION",
          "INVALID_ACTION",
          "UNIQUE_SIDS_REQUIRED",
          "UNSUPPORTED_SID",
          "EMPTY_SID_VALUE",
          "EMPTY_ARRAY_ACTION",
          "EMPTY_ARRAY_RESOURCE",
          "EMPTY_ARRAY_PRINCIPAL",
          "UNIQUE_SIDS_RECOMMENDED",
          "REDUNDANT_STATEMENT",
          "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA",
          "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA",
          "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA",
          "POLICY_SIZE_EXCEEDS_SCP_QUOTA",
          "POLICY_SIZE_EXCEEDS_RCP_QUOTA",
          "SCP_SYNTAX_ERROR_PRINCIPAL",
          "SCP_SYNTAX_ERROR_ACTION_WILDCARD",
          "RCP_SYNTAX_ERROR_PRINCIPAL",
          "RCP_SYNTAX_ERROR_ALLOW",
          "RCP_SYNTAX_ERROR_NOTACTION",
          "RCP_SYNTAX_ERROR_ACTION",
          "RCP_MISSING_RELATED_PRINCIPAL_CONDITION_KEY",
          "RCP_MISSING_RELATED_SERVICE_PRINCIPAL_CONDITION_KEY",
          "RCP_MISSING_SERVICE_CONDITION_KEY_NULL_CHECK");

  @Test
  void everyCheckHasADescription() {
    Set<String> missing = new TreeSet<>();
    for (PolicyCheck check : AllChecks.create()) {
      if (CheckDescriptions.written(check.code()).isEmpty()) {
        missing.add(check.code());
      }
      assertTrue(!check.description().isBlank(), check.code());
    }
    if (!missing.isEmpty()) {
      System.err.println("checks without a line in check-descriptions.tsv: " + missing);
    }
    Set<String> required = new TreeSet<>(missing);
    required.retainAll(MUST_BE_DESCRIBED);
    assertEquals(Set.of(), required);
  }

  @Test
  void descriptionsAreOneLineAndGenericTextComesFromTheCode() {
    for (PolicyCheck check : AllChecks.create()) {
      assertEquals(List.of(check.description()), check.description().lines().toList());
    }
    assertEquals("Missing version.", CheckDescriptions.generic("MISSING_VERSION"));
  }
}
