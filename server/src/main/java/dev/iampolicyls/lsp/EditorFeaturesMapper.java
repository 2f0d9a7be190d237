package dev.iampolicyls.lsp;

import dev.iampolicyls.outline.PolicyInlayHint;
import dev.iampolicyls.outline.PolicySymbol;
import dev.iampolicyls.outline.StatementLens;
import dev.iampolicyls.syntax.LineIndex;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Outline, inlay hints, code lenses, folding and selection ranges in LSP's terms. */
final class EditorFeaturesMapper {
  private EditorFeaturesMapper() {}

  /** A tree when the client takes one, else the flat list older clients expect. */
  @SuppressWarnings("deprecation")
  static List<Either<SymbolInformation, DocumentSymbol>> symbols(
      DocumentFeatures features, String uri, boolean hierarchical) {
    LineIndex lines = features.lines();
    List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
    for (PolicySymbol s : features.symbols()) {
      if (hierarchical) {
        out.add(Either.forRight(toDocumentSymbol(s, lines)));
      } else {
        flatten(s, uri, lines, null, out);
      }
    }
    return out;
  }

  @SuppressWarnings("deprecation")
  private static void flatten(
      PolicySymbol s,
      String uri,
      LineIndex lines,
      String container,
      List<Either<SymbolInformation, DocumentSymbol>> out) {
    out.add(Either.forLeft(info(s, uri, lines, container)));
    for (PolicySymbol c : s.children()) {
      flatten(c, uri, lines, s.name(), out);
    }
  }

  private static DocumentSymbol toDocumentSymbol(PolicySymbol s, LineIndex lines) {
    DocumentSymbol d =
        new DocumentSymbol(
            s.name(),
            kind(s),
            Positions.range(lines, s.offset(), s.end()),
            Positions.range(lines, s.selectionOffset(), s.selectionEnd()),
            s.detail());
    List<DocumentSymbol> children = new ArrayList<>();
    for (PolicySymbol c : s.children()) {
      children.add(toDocumentSymbol(c, lines));
    }
    d.setChildren(children);
    return d;
  }

  @SuppressWarnings("deprecation")
  private static SymbolInformation info(
      PolicySymbol s, String uri, LineIndex lines, String container) {
    return new SymbolInformation(
        s.name(),
        kind(s),
        new Location(uri, Positions.range(lines, s.offset(), s.end())),
        container);
  }

  private static SymbolKind kind(PolicySymbol s) {
    return switch (s.kind()) {
      case RESOURCE -> SymbolKind.Class;
      case POLICY -> SymbolKind.Namespace;
      case STATEMENT -> SymbolKind.Object;
      case ELEMENT -> SymbolKind.Property;
    };
  }

  static List<InlayHint> inlayHints(DocumentFeatures features, Range range) {
    LineIndex lines = features.lines();
    int start = Positions.offset(lines, range.getStart());
    int end = Positions.offset(lines, range.getEnd());
    List<InlayHint> out = new ArrayList<>();
    for (PolicyInlayHint h : features.inlayHints(start, end)) {
      InlayHint hint =
          new InlayHint(Positions.position(lines, h.offset()), Either.forLeft(h.label()));
      hint.setKind(InlayHintKind.Type);
      hint.setPaddingLeft(true);
      out.add(hint);
    }
    return out;
  }

  /** A lens over each statement; its command only shows the sentence (nothing to run). */
  static List<CodeLens> codeLenses(DocumentFeatures features) {
    LineIndex lines = features.lines();
    List<CodeLens> out = new ArrayList<>();
    for (StatementLens l : features.lenses()) {
      out.add(
          new CodeLens(
              Positions.range(lines, l.offset(), l.end()), new Command(l.summary(), ""), null));
    }
    return out;
  }

  /** Null where the features have no folds to give (the editor's own folding stays). */
  static List<FoldingRange> foldingRanges(DocumentFeatures features) {
    List<int[]> folds = features.foldingRanges();
    if (folds == null) {
      return null;
    }
    List<FoldingRange> out = new ArrayList<>();
    for (int[] r : folds) {
      out.add(new FoldingRange(r[0], r[1]));
    }
    return out;
  }

  /** One answer per position, as LSP wants; an empty range where there is nothing to grow. */
  static List<SelectionRange> selectionRanges(DocumentFeatures features, List<Position> positions) {
    LineIndex lines = features.lines();
    List<SelectionRange> out = new ArrayList<>();
    for (Position p : positions) {
      SelectionRange parent = null;
      List<int[]> spans = features.selectionRanges(Positions.offset(lines, p));
      for (int i = spans.size() - 1; i >= 0; i--) {
        parent =
            new SelectionRange(Positions.range(lines, spans.get(i)[0], spans.get(i)[1]), parent);
      }
      out.add(parent != null ? parent : new SelectionRange(new Range(p, p), null));
    }
    return out;
  }
}
