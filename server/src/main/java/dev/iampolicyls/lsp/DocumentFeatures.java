package dev.iampolicyls.lsp;

import dev.iampolicyls.codeactions.PolicyCodeAction;
import dev.iampolicyls.outline.PolicyInlayHint;
import dev.iampolicyls.outline.PolicySymbol;
import dev.iampolicyls.outline.StatementLens;
import dev.iampolicyls.service.Analysis;
import dev.iampolicyls.service.CancelChecker;
import dev.iampolicyls.service.EmbeddedAnalysis;
import dev.iampolicyls.service.ParsedText;
import dev.iampolicyls.service.PolicyLanguageService;
import dev.iampolicyls.syntax.LineIndex;
import java.util.List;
import java.util.function.Supplier;

/**
 * The answers of the editor features for one document version, in offsets of its text: a policy's,
 * or those of every policy inside a template. The handlers and mappers use this and never ask which
 * it is ({@link DocumentSnapshot#features} decides).
 */
interface DocumentFeatures {
  LineIndex lines();

  List<PolicyCodeAction> codeActions(int start, int end, CancelChecker cancel);

  List<PolicySymbol> symbols();

  List<PolicyInlayHint> inlayHints(int start, int end);

  List<StatementLens> lenses();

  /**
   * The folds, or null for a document that is neither JSON nor a template (other YAML): the editor
   * then folds it by itself, as it would without this server.
   */
  List<int[]> foldingRanges();

  List<int[]> selectionRanges(int offset);

  /**
   * A policy document (or other JSON, for which most features answer nothing).
   *
   * @param analysis the analysis whose findings the editor shows, made only if code actions ask
   */
  static DocumentFeatures ofPolicy(
      PolicyLanguageService service,
      ParsedText parsed,
      Supplier<Analysis> analysis,
      LineIndex lines) {
    return new DocumentFeatures() {
      @Override
      public LineIndex lines() {
        return lines;
      }

      @Override
      public List<PolicyCodeAction> codeActions(int start, int end, CancelChecker cancel) {
        return service.codeActions(analysis.get(), start, end, cancel);
      }

      @Override
      public List<PolicySymbol> symbols() {
        return service.documentSymbols(parsed);
      }

      @Override
      public List<PolicyInlayHint> inlayHints(int start, int end) {
        return service.inlayHints(parsed, start, end);
      }

      @Override
      public List<StatementLens> lenses() {
        return service.statementLenses(parsed);
      }

      @Override
      public List<int[]> foldingRanges() {
        boolean json = parsed.tooLarge() || parsed.policy().document().root() != null;
        return json ? service.foldingRanges(parsed) : null;
      }

      @Override
      public List<int[]> selectionRanges(int offset) {
        return service.selectionRanges(parsed, offset);
      }
    };
  }

  /** A template: the features of the policies inside it, at their places in its text. */
  static DocumentFeatures ofTemplate(
      PolicyLanguageService service,
      EmbeddedAnalysis template,
      ParsedText parsed,
      LineIndex lines) {
    return new DocumentFeatures() {
      @Override
      public LineIndex lines() {
        return lines;
      }

      @Override
      public List<PolicyCodeAction> codeActions(int start, int end, CancelChecker cancel) {
        return service.codeActions(template, start, end, cancel);
      }

      @Override
      public List<PolicySymbol> symbols() {
        return service.documentSymbols(template);
      }

      @Override
      public List<PolicyInlayHint> inlayHints(int start, int end) {
        return service.inlayHints(template, start, end);
      }

      @Override
      public List<StatementLens> lenses() {
        return service.statementLenses(template);
      }

      @Override
      public List<int[]> foldingRanges() {
        return service.foldingRanges(template, parsed);
      }

      @Override
      public List<int[]> selectionRanges(int offset) {
        return service.selectionRanges(template, offset);
      }
    };
  }
}
