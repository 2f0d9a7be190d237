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
 * Every escalation method of the data set: a policy granting exactly its actions is flagged once,
 * on its first action string, with the others as related locations; the same policy without one of
 * them is flagged only if what is left still completes another method.
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
  void oneFindingOnTheFirstActionWithTheOthersRelated(EscalationMethod method) {
    String text = policyOf(method.actionNames());
    List<Finding> found = escalations(text);
    List<String> quoted = method.actionNames().stream().map(a -> "\"" + a + "\"").toList();
    // The method is named once (first or among the "also" methods); a shorter method inside it may
    // add a finding of its own on another statement (codebuild:StartBuild alone), never a second
    // one on the same statement.
    List<Finding> naming =
        found.stream()
            .filter(f -> f.message().matches("(?s).*[ (,]" + method.name() + "[ :),].*"))
            .toList();
    assertEquals(1, naming.size(), found.toString());
    Finding f = naming.get(0);
    assertEquals(quoted.get(0), text.substring(f.offset(), f.end()));
    assertEquals(
        quoted.subList(1, quoted.size()),
        f.related().stream()
            .map(r -> text.substring(r.offset(), r.offset() + r.length()))
            .toList());
    assertEquals(
        found.size(),
        found.stream().map(x -> x.path().subList(0, 2)).distinct().count(),
        "per statement");
  }

  @Test
  void methodsCompleteInOneStatementAreOneFindingThere() {
    // AWSApplicationMigrationEC2Access had one finding per launch-template action.
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": ["
            + "\"ec2:CreateLaunchTemplateVersion\", \"ec2:ModifyLaunchTemplate\", \"ssm:SendCommand\"],"
            + " \"Resource\": \"*\"}]}";
    List<Finding> found = escalations(text);
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("\"ec2:CreateLaunchTemplateVersion\"", text.substring(f.offset(), f.end()));
    assertTrue(f.message().contains("SSMSendCommandToInstance"), f.message());
    assertTrue(
        f.message()
            .contains(
                "It needs ec2:CreateLaunchTemplateVersion, ec2:ModifyLaunchTemplate,"
                    + " which this statement grants"),
        f.message());
    assertEquals(2, f.related().size());
  }

  @Test
  void theNewMethodsNeedOneActionOnEveryResource() {
    for (String action :
        List.of(
            "ssm:SendCommand",
            "ssm:StartSession",
            "cloudformation:UpdateStack",
            "codebuild:StartBuild",
            "codebuild:StartBuildBatch",
            "apprunner:UpdateService",
            "sts:AssumeRole")) {
      assertEquals(1, escalations(policyOf(List.of(action))).size(), action);
    }
    // Naming the roles it may assume is the answer; every role of the account is not.
    String named =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
            + " \"Action\": \"sts:AssumeRole\", \"Resource\": \"%s\"}]}";
    assertEquals(List.of(), escalations(named.formatted("arn:aws:iam::123456789012:role/deploy")));
    assertEquals(1, escalations(named.formatted("arn:aws:iam::123456789012:role/*")).size());
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
