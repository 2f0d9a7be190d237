package dev.iampolicyls.codeactions;

import dev.iampolicyls.checks.Finding;
import java.util.List;

/**
 * An edit the editor can offer: a title, an LSP kind, the edits (non-overlapping, on the analysed
 * text) and the finding it fixes, if any (a rewrite offered on a token without a finding has none).
 */
public record PolicyCodeAction(String title, String kind, Finding fixes, List<TextEdit> edits) {
  public static final String QUICK_FIX = "quickfix";
  public static final String REWRITE = "refactor.rewrite";

  public PolicyCodeAction {
    edits = List.copyOf(edits);
  }
}
