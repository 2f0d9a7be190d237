package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.service.CancelChecker;
import dev.iampolicyls.service.PolicyLanguageService;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A template's analysis asks the request's cancel checker and stops when told; a document that
 * cannot be a template is told apart by a look at its text, before any parse.
 */
class TemplateCancellationTest {
  private static final PolicyLanguageService SERVICE = new PolicyLanguageService(Catalog.bundled());

  private static final String TEMPLATE =
      """
      Resources:
        A:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Version: '2012-10-17'
              Statement:
                - {Effect: Allow, Action: s3:GetObject, Resource: '*'}
        B:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Version: '2012-10-17'
              Statement:
                - {Effect: Allow, Action: s3:PutObject, Resource: '*'}
      """;

  @Test
  void aCancelledAnalysisStopsAndIsNotKept() {
    AtomicInteger asked = new AtomicInteger();
    CancelChecker uncancelled = () -> asked.incrementAndGet() < 0;
    SERVICE.analyzeEmbedded(TEMPLATE, null, AnalysisSettings.DEFAULT, uncancelled).orElseThrow();
    int wholeRun = asked.get();
    assertTrue(wholeRun > 10, "asked only " + wholeRun + " times");

    AtomicInteger askedAgain = new AtomicInteger();
    CancelChecker cancelledSoon = () -> askedAgain.incrementAndGet() > 3;
    DocumentSnapshot snapshot = new DocumentSnapshot("file:///t.yaml", TEMPLATE, 1);
    assertThrows(
        CancellationException.class,
        () -> snapshot.template(SERVICE, AnalysisSettings.DEFAULT, cancelledSoon));
    assertEquals(4, askedAgain.get(), "it went on after the cancellation");
    // The next request makes the analysis anew rather than finding a cancelled one.
    assertEquals(
        2,
        snapshot
            .template(SERVICE, AnalysisSettings.DEFAULT, CancelChecker.NEVER)
            .orElseThrow()
            .policies()
            .size());
  }

  @Test
  void otherDocumentsAreToldApartWithoutAParse() {
    assertTrue(new DocumentSnapshot("file:///t.yaml", TEMPLATE, 1).isTemplate());
    String workflow = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n";
    String policy = "{\"Version\": \"2012-10-17\", \"Statement\": []}";
    for (String text : new String[] {workflow, policy}) {
      DocumentSnapshot other = new DocumentSnapshot("file:///other", text, 1);
      assertFalse(other.isTemplate(), text);
      CancelChecker mustNotBeAsked =
          () -> {
            throw new AssertionError("analysed " + text);
          };
      assertTrue(other.template(SERVICE, AnalysisSettings.DEFAULT, mustNotBeAsked).isEmpty());
    }
  }
}
