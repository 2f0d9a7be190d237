package dev.iampolicyls.evaluation;

import static dev.iampolicyls.evaluation.Scenario.allow;
import static dev.iampolicyls.evaluation.Scenario.policy;
import static dev.iampolicyls.evaluation.Scenario.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each decision names the statements that decided it and why every other one did not apply. */
class EvaluationReasonsTest {
  private static final String ALICE = "arn:aws:iam::111122223333:user/alice";

  private static Scenario request() {
    return Scenario.of("reasons").principal(ALICE).resourceAccount("111122223333");
  }

  private static StatementOutcome only(Evaluation e, String file, int index) {
    return e.statements().stream()
        .filter(s -> s.policy().source().equals(file) && s.index() == index)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anExplicitDenyIsDecidedByTheDenyStatementAndTheAllowStillApplies() {
    Evaluation e =
        request()
            .identity(
                policy(
                    allow("s3:*", "*"),
                    "{\"Sid\": \"NoSecrets\", \"Effect\": \"Deny\", \"Action\": \"s3:GetObject\","
                        + " \"Resource\": \"arn:aws:s3:::bucket/*\"}"))
            .run()
            .evaluation();
    assertEquals(Decision.ExplicitDeny, e.decision());
    assertEquals(1, e.reasons().size());
    StatementOutcome decided = e.reasons().get(0).statement();
    assertEquals("NoSecrets", decided.sid());
    assertEquals(1, decided.index());
    assertEquals("Deny", decided.effect());
    assertTrue(only(e, "identity1.json", 0).applies());
  }

  @Test
  void eachStatementThatDoesNotApplySaysWhichElementFailed() {
    Evaluation e =
        request()
            .context("aws:SourceVpc=vpc-2")
            .identity(
                policy(
                    allow("ec2:*", "*"),
                    allow("s3:GetObject", "arn:aws:s3:::other/*"),
                    statement(
                        "Allow",
                        "s3:GetObject",
                        "*",
                        "\"Condition\": {\"StringEquals\": {\"aws:SourceVpc\": \"vpc-1\"}}"),
                    statement(
                        "Allow",
                        "s3:GetObject",
                        "*",
                        "\"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}")))
            .run()
            .evaluation();
    assertEquals(Decision.ImplicitDeny, e.decision());
    assertEquals(
        "the action s3:GetObject matches no Action", only(e, "identity1.json", 0).reason());
    assertEquals(
        "the resource arn:aws:s3:::bucket/key matches no Resource",
        only(e, "identity1.json", 1).reason());
    assertEquals(
        "condition StringEquals \"aws:SourceVpc\" is false for the request's \"vpc-2\" (policy:"
            + " \"vpc-1\")",
        only(e, "identity1.json", 2).reason());
    assertEquals(
        "condition Bool \"aws:MultiFactorAuthPresent\" is false: the request has no"
            + " aws:MultiFactorAuthPresent",
        only(e, "identity1.json", 3).reason());
    assertEquals(
        List.of("no statement of the identity-based policies allows the request"),
        e.reasons().stream().map(Reason::message).toList());
  }

  @Test
  void aResourcePolicyStatementForSomeoneElseSaysThePrincipalIsNotNamed() {
    Evaluation e =
        request()
            .resourcePolicy(Scenario.grantTo("{\"AWS\": \"arn:aws:iam::111122223333:user/bob\"}"))
            .run()
            .evaluation();
    assertEquals(
        "the principal " + ALICE + " is not named in Principal",
        only(e, "resource.json", 0).reason());
  }

  @Test
  void anScpLevelWithoutAllowIsTheReasonWithNoStatement() {
    Evaluation e =
        request()
            .identity(policy(allow("*", "*")))
            .scp(policy(allow("ec2:*", "*")))
            .run()
            .evaluation();
    assertEquals(Decision.ImplicitDeny, e.decision());
    Reason reason = e.reasons().get(0);
    assertNull(reason.statement());
    assertEquals(PolicyRole.SCP, reason.policy().role());
    assertEquals(
        "no statement of this service control policy allows the request", reason.message());
  }

  @Test
  void anAllowThroughABoundaryNamesTheIdentityAndBoundaryStatements() {
    Evaluation e =
        request()
            .identity(policy(allow("s3:*", "*")))
            .boundary(policy(allow("ec2:*", "*"), allow("s3:Get*", "*")))
            .run()
            .evaluation();
    assertEquals(Decision.Allowed, e.decision());
    assertEquals(
        List.of("identity1.json#0", "boundary.json#1"),
        e.reasons().stream()
            .map(r -> r.statement().policy().source() + "#" + r.statement().index())
            .toList());
  }

  @Test
  void aBoundaryThatDoesNotAllowIsNamed() {
    Evaluation e =
        request()
            .identity(policy(allow("s3:*", "*")))
            .boundary(policy(allow("ec2:*", "*")))
            .run()
            .evaluation();
    assertEquals(
        List.of("the permissions boundary does not allow the request"),
        e.reasons().stream().map(Reason::message).toList());
  }

  @Test
  void principalAndResourceKeysAreDerivedUnlessGiven() {
    Simulator.Result r =
        Scenario.of("derived")
            .principal("arn:aws:sts::111122223333:assumed-role/app/s1")
            .resourceAccount("111122223333")
            .context("aws:PrincipalTag/team=red")
            .run();
    assertEquals(
        List.of("arn:aws:iam::111122223333:role/app"), r.context().values("aws:principalarn"));
    assertEquals(List.of("AssumedRole"), r.context().values("aws:PrincipalType"));
    assertEquals(List.of("111122223333"), r.context().values("aws:ResourceAccount"));
    assertFalse(r.derivedKeys().contains("aws:PrincipalTag/team"));
    assertTrue(r.derivedKeys().contains("aws:PrincipalArn"));
  }

  @Test
  void anUnknownResourceAccountIsAskedForOnlyWhenTheDecisionDependsOnIt() {
    Scenario identityOnly =
        Scenario.of("s3, no account").principal(ALICE).identity(policy(allow("s3:*", "*")));
    assertEquals(Simulator.Accounts.UNDETERMINED, identityOnly.run().accounts());
    Scenario denied =
        Scenario.of("denied either way")
            .principal(ALICE)
            .identity(policy(allow("s3:*", "*"), Scenario.deny("s3:*", "*")));
    assertEquals(Simulator.Accounts.EITHER, denied.run().accounts());
    assertEquals(Decision.ExplicitDeny, denied.run().evaluation().decision());
    assertEquals(
        Simulator.Accounts.ASSUMED_SAME,
        Scenario.of("no principal").identity(policy(allow("s3:*", "*"))).run().accounts());
  }

  @Test
  void acrossAccountsTheMissingSideIsNamed() {
    String carol = "arn:aws:iam::444455556666:user/carol";
    Evaluation onlyResource =
        Scenario.of("resource side only")
            .principal(carol)
            .resourceAccount("111122223333")
            .resourcePolicy(Scenario.grantTo("{\"AWS\": \"" + carol + "\"}"))
            .run()
            .evaluation();
    assertEquals(
        List.of(
            "no identity-based policy was given (across accounts the principal's account must"
                + " allow too)"),
        onlyResource.reasons().stream().map(Reason::message).toList());
    Evaluation onlyIdentity =
        Scenario.of("identity side only")
            .principal(carol)
            .resourceAccount("111122223333")
            .identity(policy(allow("s3:*", "*")))
            .run()
            .evaluation();
    assertEquals(
        List.of(
            "no resource-based policy was given (across accounts the resource's account must"
                + " allow)"),
        onlyIdentity.reasons().stream().map(Reason::message).toList());
  }
}
