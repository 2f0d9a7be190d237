package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.grants.ActionIndex;
import dev.iampolicyls.grants.RiskSets;
import dev.iampolicyls.grants.RiskSets.EscalationMethod;
import dev.iampolicyls.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every escalation method of the data set: a policy granting exactly its actions is flagged, with a
 * finding on each action string; the same policy without one of them is flagged only if what is
 * left still completes another method.
 */
class PrivilegeEscalationMethodsTest {
  private static final RiskSets RISKS = RiskSets.of(ActionIndex.of(Catalog.bundled()));

  static Stream<EscalationMethod> methods() {
    return RISKS.escalationMethods().stream();
  }

  /** One Allow statement per action, so each action is its own token. */
  private static String policyOf(List<String> actions) {
    List<String> statements = new ArrayList<>();
    for (String a : actions) {
      statements.add("{\"Effect\": \"Allow\", \"Action\": \"" + a + "\", \"Resource\": \"*\"}");
    }
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements) + "]}";
  }

  private static List<Finding> escalations(String text) {
    return CheckAssert.run(text, PolicyType.IDENTITY_POLICY).stream()
        .filter(f -> f.code().id().equals("PRIVILEGE_ESCALATION"))
        .toList();
  }

  @Test
  void everyMethodResolvesAgainstTheCatalogAndIsExplained() {
    // codestar:CreateProjectFromTemplate is not an IAM action the catalog knows (CodeStar is
    // retired): that method can never be granted, so it is left out.
    List<String> unresolved = new ArrayList<>(RISKS.allMethodNames());
    unresolved.removeAll(methods().map(EscalationMethod::name).toList());
    assertEquals(List.of("CodeStarCreateProjectFromTemplate"), unresolved);
    methods().forEach(m -> assertFalse(m.how().isBlank(), m.name()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void allItsActionsAreFlaggedOnEachAction(EscalationMethod method) {
    String text = policyOf(method.actionNames());
    List<Finding> found = escalations(text);
    List<String> flagged = found.stream().map(f -> text.substring(f.offset(), f.end())).toList();
    List<String> expected = method.actionNames().stream().map(a -> "\"" + a + "\"").toList();
    assertEquals(expected, flagged);
    if (method.actionNames().size() > 1) {
      assertTrue(found.stream().allMatch(f -> !f.related().isEmpty()), "related locations");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void withoutOneActionItIsNotFlagged(EscalationMethod method) {
    List<String> names = method.actionNames();
    for (int drop = 0; drop < names.size(); drop++) {
      List<String> rest = new ArrayList<>(names);
      rest.remove(drop);
      boolean anotherMethodComplete =
          methods()
              .anyMatch(
                  m ->
                      m != method
                          && rest.stream()
                              .map(String::toLowerCase)
                              .toList()
                              .containsAll(
                                  m.actionNames().stream().map(String::toLowerCase).toList()));
      List<Finding> found = rest.isEmpty() ? List.of() : escalations(policyOf(rest));
      assertEquals(
          anotherMethodComplete, !found.isEmpty(), method.name() + " without " + names.get(drop));
    }
  }

  @Test
  void actionsOnNamedResourcesDoNotCount() {
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": ["
            + "{\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\","
            + " \"Resource\": \"arn:aws:iam::123456789012:role/app\"},"
            + "{\"Effect\": \"Allow\", \"Action\": \"ec2:RunInstances\", \"Resource\": \"*\"}]}";
    assertEquals(List.of(), escalations(text));
  }

  @Test
  void wildcardsAndNotActionAreExpandedAcrossStatements() {
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": ["
            + "{\"Effect\": \"Allow\", \"Action\": \"iam:Pass*\", \"Resource\": \"*\"},"
            + "{\"Effect\": \"Allow\", \"NotAction\": [\"iam:*\", \"lambda:*\", \"ec2:*\"],"
            + " \"Resource\": \"*\"}]}";
    List<Finding> found = escalations(text);
    assertEquals(
        List.of("\"iam:Pass*\"", "\"NotAction\""),
        found.stream().map(f -> text.substring(f.offset(), f.end())).toList());
  }

  @Test
  void anUnconditionalDenyOfOneActionRemovesTheMethod() {
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": ["
            + "{\"Effect\": \"Allow\", \"Action\": [\"iam:PassRole\", \"ec2:RunInstances\"],"
            + " \"Resource\": \"*\"},"
            + "{\"Effect\": \"Deny\", \"Action\": \"iam:PassRole\", \"Resource\": \"*\"}]}";
    assertEquals(List.of(), escalations(text));
  }
}
