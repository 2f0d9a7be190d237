package dev.iampolicyls.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.codeactions.PolicyCodeAction;
import dev.iampolicyls.completion.CompletionItem;
import dev.iampolicyls.completion.CompletionOptions;
import dev.iampolicyls.service.PolicyLanguageService;
import dev.iampolicyls.syntax.JsonDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties over every offset of the small corpus (the examples and the hand-written policies):
 * findings lie inside the document, and applying any offered plain completion or code action to a
 * document without syntax errors leaves it without syntax errors.
 */
class EditPropertyTest {
  private static PolicyLanguageService service;
  private static List<String> policies;

  @BeforeAll
  static void load() throws Exception {
    service = new PolicyLanguageService(Catalog.bundled());
    policies = new ArrayList<>();
    for (Path dir : List.of(Path.of("examples"), Path.of("src/test/resources/robustness/corpus"))) {
      try (var files = Files.list(dir)) {
        for (Path f : files.sorted().toList()) {
          policies.add(Files.readString(f));
        }
      }
    }
  }

  @Test
  void everyFindingLiesInsideTheDocument() {
    for (String text : policies) {
      for (Finding f : service.analyze(text, null, true).findings()) {
        assertTrue(f.offset() >= 0 && f.offset() + f.length() <= text.length(), f.toString());
      }
    }
  }

  @Test
  void everyPlainCompletionKeepsACleanDocumentClean() {
    for (String text : policies) {
      if (!JsonDocument.parse(text).errors().isEmpty()) {
        continue;
      }
      for (int offset = 0; offset <= text.length(); offset++) {
        for (CompletionItem item :
            service.complete(text, offset, null, CompletionOptions.PLAIN).items()) {
          EditProperties.assertStillParses(text, item, offset);
        }
      }
    }
  }

  @Test
  void everyCodeActionKeepsACleanDocumentClean() {
    for (String text : policies) {
      if (!JsonDocument.parse(text).errors().isEmpty()) {
        continue;
      }
      for (int offset = 0; offset <= text.length(); offset += 7) {
        for (PolicyCodeAction action : service.codeActions(text, offset, offset, null)) {
          EditProperties.assertStillParses(text, action);
        }
      }
    }
  }
}
