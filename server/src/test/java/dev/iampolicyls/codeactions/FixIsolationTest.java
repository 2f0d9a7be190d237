package dev.iampolicyls.codeactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.DiagnosticsEngine;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Like the checks, each fix runs on its own: one that throws takes no other fix down with it. */
class FixIsolationTest {
  private static final String TEXT =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
          + " \"Action\": [\"s3:Get*\", \"ec2:describeinstances\"], \"Resource\": \"*\"}]}";

  private final Catalog catalog = Catalog.bundled();
  private final Policy policy = Policy.parse(TEXT);
  private final List<Finding> findings =
      new DiagnosticsEngine(catalog).run(policy, PolicyType.IDENTITY_POLICY);

  /** Adds an action, then fails: what it added must not be offered either. */
  private static final Refactoring FAILING =
      (ctx, out) -> {
        out.add(Refactoring.rewrite("half-made", List.of(new TextEdit(0, 0, "x"))));
        throw new IllegalStateException("a bug in one fix");
      };

  private static List<String> titles(List<PolicyCodeAction> actions) {
    return actions.stream().map(PolicyCodeAction::title).toList();
  }

  private List<PolicyCodeAction> actions(CodeActionEngine engine) {
    return engine.actions(
        policy, PolicyType.IDENTITY_POLICY, findings, 0, TEXT.length(), () -> false);
  }

  @Test
  void aFixThatThrowsIsSkippedAndTheOthersAreStillOffered() {
    List<String> expected = titles(actions(new CodeActionEngine(catalog)));
    assertTrue(expected.size() >= 3, "quick fixes, narrowing and rewrites: " + expected);

    List<Refactoring> withFailing = new ArrayList<>();
    withFailing.add(FAILING); // first, so every other fix runs after it
    withFailing.addAll(CodeActionEngine.REFACTORINGS);
    CodeActionEngine engine =
        new CodeActionEngine(catalog, CodeActionEngine.QUICK_FIXES, withFailing);
    assertEquals(expected, titles(actions(engine)));
  }

  @Test
  void cancellationIsNotTakenForAFailingFix() {
    CodeActionEngine engine = new CodeActionEngine(catalog);
    assertThrows(
        CancellationException.class,
        () ->
            engine.actions(
                policy, PolicyType.IDENTITY_POLICY, findings, 0, TEXT.length(), () -> true));
  }
}
