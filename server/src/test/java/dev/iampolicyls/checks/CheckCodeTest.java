package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CheckCodeTest {
  private static final String AA_REFERENCE =
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";

  @Test
  void everyRegisteredCheckHasAPolicyCheckCode() {
    for (PolicyCheck check : AllChecks.create()) {
      assertNotEquals(CheckCode.Origin.TOOL, check.code().origin(), check.code().id());
      assertEquals(check.code().type(), check.type());
      assertEquals(check.code().description(), check.description());
    }
  }

  @Test
  void everyOwnCodeHasACheck() {
    Set<CheckCode> registered = EnumSet.noneOf(CheckCode.class);
    AllChecks.create().forEach(check -> registered.add(check.code()));
    Set<String> stale = new TreeSet<>();
    for (CheckCode code : CheckCode.values()) {
      if (code.origin() == CheckCode.Origin.OWN && !registered.contains(code)) {
        stale.add(code.id());
      }
    }
    assertEquals(Set.of(), stale, "our own codes that no check reports");
  }

  @Test
  void descriptionsAreOneShortLine() {
    for (CheckCode code : CheckCode.values()) {
      String description = code.description();
      assertFalse(description.isBlank(), code.id());
      assertEquals(List.of(description), description.lines().toList(), code.id());
      assertTrue(description.length() <= 110, code.id());
      assertFalse(description.contains("|"), "breaks the README table: " + code.id());
    }
  }

  @Test
  void idsAreTheWireStringsAndLookUpBack() {
    assertEquals("MISSING_VERSION", CheckCode.MISSING_VERSION.id());
    assertEquals(Optional.of(CheckCode.MISSING_VERSION), CheckCode.of("MISSING_VERSION"));
    assertEquals(Optional.empty(), CheckCode.of("missing_version"));
    assertEquals(Optional.empty(), CheckCode.of(null));
  }

  @Test
  void everyAccessAnalyzerCodeIsKnownWithItsType() {
    // The reference names 152 checks but lists 153 distinct codes; we keep every one.
    assertEquals(
        153, EnumSet.allOf(CheckCode.class).stream().filter(CheckCode::isAccessAnalyzer).count());
    assertEquals(Optional.of(FindingType.WARNING), CheckCode.MISSING_VERSION.accessAnalyzerType());
    assertEquals(
        Optional.of(FindingType.SECURITY_WARNING),
        CheckCode.PASS_ROLE_WITH_NOT_RESOURCE.accessAnalyzerType());
    assertEquals(Optional.empty(), CheckCode.PUBLIC_ACCESS.accessAnalyzerType());
  }

  @Test
  void accessAnalyzerCodesLinkToTheSectionOfTheirOwnType() {
    assertEquals(
        AA_REFERENCE + "#access-analyzer-reference-policy-checks-error-json-syntax-error",
        CheckCode.JSON_SYNTAX_ERROR.accessAnalyzerReference().orElseThrow());
    assertEquals(
        AA_REFERENCE
            + "#access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-resource",
        CheckCode.PASS_ROLE_WITH_STAR_IN_RESOURCE.accessAnalyzerReference().orElseThrow());
    assertEquals(
        AA_REFERENCE + "#access-analyzer-reference-policy-checks-general-warning-missing-version",
        CheckCode.MISSING_VERSION.accessAnalyzerReference().orElseThrow());
    assertEquals(
        AA_REFERENCE + "#access-analyzer-reference-policy-checks-suggestion-empty-array-action",
        CheckCode.EMPTY_ARRAY_ACTION.accessAnalyzerReference().orElseThrow());
    assertEquals(Optional.empty(), CheckCode.RESOURCE_MISMATCH.accessAnalyzerReference());
  }

  @Test
  void checkCodesHaveOurPageAndToolCodesNone() {
    String docs = "https://github.com/iam-policy-ls/iam-policy-ls/blob/main/docs/";
    assertEquals(docs, ProjectLinks.DOCS_BASE);
    assertEquals(
        Optional.of(docs + "checks/MISSING_VERSION.md"), CheckCode.MISSING_VERSION.docPage());
    assertEquals(Optional.of(docs + "checks/PUBLIC_ACCESS.md"), CheckCode.PUBLIC_ACCESS.docPage());
    for (CheckCode tool :
        List.of(CheckCode.CONFIG_ERROR, CheckCode.INVALID_ENCODING, CheckCode.UNREADABLE_FILE)) {
      assertEquals(Optional.empty(), tool.docPage(), tool.id());
      assertEquals(Optional.empty(), tool.helpLink(), tool.id());
    }
  }

  @Test
  void theOneLinkIsAwsSectionForItsCodesAndOurPageForOurs() {
    assertEquals(
        CheckCode.MISSING_VERSION.accessAnalyzerReference(), CheckCode.MISSING_VERSION.helpLink());
    assertEquals(CheckCode.PUBLIC_ACCESS.docPage(), CheckCode.PUBLIC_ACCESS.helpLink());
  }

  static Set<String> registeredCodes() {
    Set<String> codes = new TreeSet<>();
    AllChecks.create().forEach(check -> codes.add(check.code().id()));
    return codes;
  }
}
