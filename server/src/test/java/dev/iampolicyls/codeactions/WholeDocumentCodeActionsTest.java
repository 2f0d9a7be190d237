package dev.iampolicyls.codeactions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.service.PolicyLanguageService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A request over the whole of a long policy (an editor's "fix all"): every finding a narrowing fix
 * links to is found on its own token, however many tokens and findings the policy has.
 */
class WholeDocumentCodeActionsTest {
  private static final PolicyLanguageService SERVICE = new PolicyLanguageService(Catalog.bundled());
  private static final List<String> SERVICES =
      List.of("cloudtrail", "sqs", "sns", "kms", "ec2", "lambda", "dynamodb", "logs");

  private static final int COUNT = 200;

  @Test
  void eachServiceWildcardGetsItsLinkedFixInAWholeDocumentRequest() {
    List<String> statements = new ArrayList<>();
    // As many as a document keeps of one code (CheckContext.MAX_FINDINGS_PER_CODE, 200).
    for (int i = 0; i < COUNT; i++) {
      statements.add(
          "{\"Sid\": \"S"
              + i
              + "\", \"Effect\": \"Allow\", \"Action\": [\""
              + SERVICES.get(i % SERVICES.size())
              + ":*\"], \"Resource\": \"*\"}");
    }
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements) + "]}";
    Set<Integer> wildcards = new TreeSet<>();
    for (Finding f : SERVICE.analyze(text, null, false).findings()) {
      if (f.code().id().equals("SERVICE_WILDCARD")) {
        wildcards.add(f.offset());
      }
    }
    assertEquals(COUNT, wildcards.size());

    Set<Integer> fixed = new TreeSet<>();
    for (PolicyCodeAction a : SERVICE.codeActions(text, 0, text.length(), null)) {
      if (a.fixes() != null && a.fixes().code().id().equals("SERVICE_WILDCARD")) {
        assertEquals(PolicyCodeAction.QUICK_FIX, a.kind(), a.title());
        fixed.add(a.fixes().offset());
        // The fix rewrites the very token its finding is on.
        assertEquals(a.fixes().offset(), a.edits().get(0).offset(), a.title());
      }
    }
    assertEquals(wildcards, fixed);
  }
}
