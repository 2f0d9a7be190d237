package dev.iampolicyls.lsp;

import dev.iampolicyls.outline.PolicyInlayHint;
import dev.iampolicyls.outline.PolicySymbol;
import dev.iampolicyls.outline.StatementLens;
import dev.iampolicyls.service.ParsedText;
import dev.iampolicyls.service.PolicyLanguageService;
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
      PolicyLanguageService service, String uri, ParsedText text, boolean hierarchical) {
    LineIndex lines = text.lines();
    List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
    for (PolicySymbol s : service.documentSymbols(text)) {
      if (hierarchical) {
        out.add(Either.forRight(toDocumentSymbol(s, lines)));
        continue;
      }
      out.add(Either.forLeft(info(s, uri, lines, null)));
      for (PolicySymbol c : s.children()) {
        out.add(Either.forLeft(info(c, uri, lines, s.name())));
      }
    }
    return out;
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
    return s.kind() == PolicySymbol.Kind.STATEMENT ? SymbolKind.Object : SymbolKind.Property;
  }

  static List<InlayHint> inlayHints(PolicyLanguageService service, ParsedText text, Range range) {
    LineIndex lines = text.lines();
    int start = Positions.offset(lines, range.getStart());
    int end = Positions.offset(lines, range.getEnd());
    List<InlayHint> out = new ArrayList<>();
    for (PolicyInlayHint h : service.inlayHints(text, start, end)) {
      InlayHint hint =
          new InlayHint(Positions.position(lines, h.offset()), Either.forLeft(h.label()));
      hint.setKind(InlayHintKind.Type);
      hint.setPaddingLeft(true);
      out.add(hint);
    }
    return out;
  }

  /** A lens over each statement; its command only shows the sentence (nothing to run). */
  static List<CodeLens> codeLenses(PolicyLanguageService service, ParsedText text) {
    LineIndex lines = text.lines();
    List<CodeLens> out = new ArrayList<>();
    for (StatementLens l : service.statementLenses(text)) {
      out.add(
          new CodeLens(
              Positions.range(lines, l.offset(), l.end()), new Command(l.summary(), ""), null));
    }
    return out;
  }

  static List<FoldingRange> foldingRanges(PolicyLanguageService service, ParsedText text) {
    List<FoldingRange> out = new ArrayList<>();
    for (int[] r : service.foldingRanges(text)) {
      out.add(new FoldingRange(r[0], r[1]));
    }
    return out;
  }

  /** One answer per position, as LSP wants; an empty range where there is nothing to grow. */
  static List<SelectionRange> selectionRanges(
      PolicyLanguageService service, ParsedText text, List<Position> positions) {
    LineIndex lines = text.lines();
    List<SelectionRange> out = new ArrayList<>();
    for (Position p : positions) {
      SelectionRange parent = null;
      List<int[]> spans = service.selectionRanges(text, Positions.offset(lines, p));
      for (int i = spans.size() - 1; i >= 0; i--) {
        parent =
            new SelectionRange(Positions.range(lines, spans.get(i)[0], spans.get(i)[1]), parent);
      }
      out.add(parent != null ? parent : new SelectionRange(new Range(p, p), null));
    }
    return out;
  }
}
