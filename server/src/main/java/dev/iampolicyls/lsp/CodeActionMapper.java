package dev.iampolicyls.lsp;

import dev.iampolicyls.codeactions.PolicyCodeAction;
import dev.iampolicyls.service.CancelChecker;
import dev.iampolicyls.syntax.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Turns the service's code actions into LSP code actions with a workspace edit. */
final class CodeActionMapper {
  private CodeActionMapper() {}

  /**
   * The code actions of this version, from the analysis whose findings the editor shows (of the
   * policy, or of the template's policies).
   */
  static List<Either<Command, CodeAction>> toCodeActions(
      String uri, DocumentFeatures features, CodeActionParams params, CancelChecker cancel) {
    LineIndex index = features.lines();
    int start = Positions.offset(index, params.getRange().getStart());
    int end = Positions.offset(index, params.getRange().getEnd());
    List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
    List<Either<Command, CodeAction>> out = new ArrayList<>();
    for (PolicyCodeAction a : features.codeActions(start, end, cancel)) {
      if (only != null && !only.isEmpty() && only.stream().noneMatch(k -> isKind(a.kind(), k))) {
        continue;
      }
      List<TextEdit> edits = new ArrayList<>();
      for (dev.iampolicyls.codeactions.TextEdit e : a.edits()) {
        edits.add(
            new TextEdit(Positions.range(index, e.offset(), e.offset() + e.length()), e.newText()));
      }
      CodeAction action = new CodeAction(a.title());
      action.setKind(a.kind());
      action.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
      if (a.fixes() != null) {
        action.setDiagnostics(List.of(DiagnosticMapper.toDiagnostic(a.fixes(), index, uri)));
      }
      out.add(Either.forRight(action));
    }
    return out;
  }

  /** LSP kinds are hierarchical: "refactor" asks for "refactor.rewrite" too. */
  private static boolean isKind(String kind, String requested) {
    return kind.equals(requested) || kind.startsWith(requested + ".");
  }
}
