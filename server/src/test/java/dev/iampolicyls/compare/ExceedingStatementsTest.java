package dev.iampolicyls.compare;

import static dev.iampolicyls.compare.PolicyComparisonTest.allow;
import static dev.iampolicyls.compare.PolicyComparisonTest.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PolicyComparison#exceedingStatements} on cases the generated policies of its differential
 * test do not reach: statements whose only witnesses need particular values.
 */
class ExceedingStatementsTest {
  private static Comparison exceeding(Policy reference, Policy policy) {
    return PolicyComparison.exceedingStatements(
        reference, policy, CompareOptions.defaults(PolicyType.IDENTITY_POLICY), () -> false);
  }

  @Test
  void aConditionValueWithAVariableInsideIsMetByItsSubstitutedText() {
    Policy reference = policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::other/*\""));
    Policy checked =
        policy(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\":"
                + " \"arn:aws:s3:::data/*\", \"Condition\": {\"StringEquals\":"
                + " {\"s3:ExistingObjectTag/owner\": \"team-${aws:username}\"}}}");
    Comparison c = exceeding(reference, checked);
    assertEquals(Verdict.FAIL, c.verdict(), c.toString());
    NewAccess witness = c.newAccess().get(0);
    assertEquals(List.of("Statement[0]"), witness.newStatements());
    String sentence = witness.sentence();
    assertTrue(sentence.contains("aws:username="), sentence);
    String user = sentence.replaceAll(".*aws:username=([^ ,]+).*", "$1");
    assertTrue(sentence.contains("s3:ExistingObjectTag/owner=team-" + user), sentence);
  }

  @Test
  void aStatementThatNeverAppliesUnderAnyVariableValueIsNotReported() {
    // s3:ListBucket acts on buckets, which the object pattern never matches; the other statement
    // brings a variable, so the search runs under several of its values.
    Policy reference = policy(allow("\"s3:GetObject\"", "\"*\""));
    Policy checked =
        policy(
            allow("\"s3:ListBucket\"", "\"arn:aws:s3:::data/*\""),
            allow("\"s3:PutObject\"", "\"arn:aws:s3:::home/${aws:username}/*\""));
    Comparison c = exceeding(reference, checked);
    assertEquals(Verdict.FAIL, c.verdict(), c.toString());
    assertEquals(1, c.newAccess().size(), c.toString());
    assertEquals(List.of("Statement[1]"), c.newAccess().get(0).newStatements());
  }
}
