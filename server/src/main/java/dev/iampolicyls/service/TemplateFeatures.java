package dev.iampolicyls.service;

import dev.iampolicyls.codeactions.CodeActionEngine;
import dev.iampolicyls.codeactions.EditWriter;
import dev.iampolicyls.codeactions.Layout;
import dev.iampolicyls.codeactions.PolicyCodeAction;
import dev.iampolicyls.embedded.EmbeddedPolicy;
import dev.iampolicyls.outline.InlayHintEngine;
import dev.iampolicyls.outline.OutlineEngine;
import dev.iampolicyls.outline.PolicyInlayHint;
import dev.iampolicyls.outline.PolicySymbol;
import dev.iampolicyls.outline.SelectionRanges;
import dev.iampolicyls.outline.StatementLens;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The editor features of a template: the engines run on each embedded policy's trees, whose nodes
 * are already at template offsets, and the answers of a policy's readings (one per {@code Fn::If}
 * combination) are merged, each kept once.
 */
final class TemplateFeatures {
  private TemplateFeatures() {}

  /** The policies a range touches, whose nodes are at their characters in the template. */
  private static List<EmbeddedAnalysis.Checked> touched(
      EmbeddedAnalysis template, int start, int end) {
    List<EmbeddedAnalysis.Checked> out = new ArrayList<>();
    for (EmbeddedAnalysis.Checked c : template.policies()) {
      EmbeddedPolicy p = c.policy();
      if (!p.approximatePositions() && p.offset() <= end && start <= p.offset() + p.length()) {
        out.add(c);
      }
    }
    return out;
  }

  private static boolean withinLimits(Policy reading) {
    return reading.document().root() != null
        && PolicyLanguageService.countValues(reading.document().root())
            <= PolicyLanguageService.MAX_VALUES;
  }

  static List<PolicyCodeAction> codeActions(
      CodeActionEngine engine,
      EmbeddedAnalysis template,
      int start,
      int end,
      CancelChecker cancel) {
    List<PolicyCodeAction> out = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    for (EmbeddedAnalysis.Checked c : touched(template, start, end)) {
      EmbeddedPolicy p = c.policy();
      EditWriter edits = EditWriter.forEmbedded(template.document(), p);
      if (edits == null || isResourceItself(p)) {
        continue;
      }
      for (Policy reading : p.readings()) {
        if (!withinLimits(reading)) {
          continue;
        }
        for (PolicyCodeAction a :
            engine.actions(reading, p.policyType(), c.findings(), start, end, edits, cancel)) {
          a = asWritten(p, a);
          if (seen.add(List.of(a.title(), a.edits()))) {
            out.add(a);
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether the policy is a resource's own properties read as a statement (a Lambda permission):
   * they are no policy document, so a fix that adds Effect or makes Action a list would break the
   * resource.
   */
  private static boolean isResourceItself(EmbeddedPolicy p) {
    return "Properties".equals(p.path().get(p.path().size() - 1));
  }

  /**
   * The action with each value its title quotes as the template writes it ({@code
   * "${Bucket.Arn}/*"}), not as the stand-in read for its references.
   */
  private static PolicyCodeAction asWritten(EmbeddedPolicy p, PolicyCodeAction a) {
    int at =
        a.fixes() != null
            ? a.fixes().offset()
            : a.edits().isEmpty() ? -1 : a.edits().get(0).offset();
    String title = p.asWritten(a.title(), at);
    return title.equals(a.title())
        ? a
        : new PolicyCodeAction(title, a.kind(), a.fixes(), a.edits());
  }

  /** Resource, then policy, then its statements, in the template's order. */
  static List<PolicySymbol> symbols(OutlineEngine outline, EmbeddedAnalysis template) {
    String text = template.document().text();
    Map<String, List<PolicySymbol>> byResource = new LinkedHashMap<>();
    Map<String, int[]> spans = new LinkedHashMap<>();
    for (EmbeddedAnalysis.Checked c : touched(template, 0, text.length())) {
      EmbeddedPolicy p = c.policy();
      List<PolicySymbol> statements = new ArrayList<>();
      Set<Integer> at = new HashSet<>();
      for (Policy reading : p.readings()) {
        if (withinLimits(reading)) {
          for (PolicySymbol s : outline.symbols(reading)) {
            if (at.add(s.offset())) {
              statements.add(trimmed(text, s));
            }
          }
        }
      }
      statements.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
      String resource = logicalId(p);
      int end = Layout.contentEnd(text, p.offset() + p.length());
      String name = p.name();
      String prefix = "Resources/" + resource + "/";
      int cut = name.lastIndexOf(prefix);
      // A policy's name below its resource; a resource that is itself the policy's statement
      // (a Lambda permission) names it by the place that holds it.
      String own = cut >= 0 ? name.substring(cut + prefix.length()) : "";
      PolicySymbol policy =
          new PolicySymbol(
              own.isEmpty() ? String.valueOf(p.path().get(p.path().size() - 1)) : own,
              describe(p.policyType()),
              PolicySymbol.Kind.POLICY,
              p.offset(),
              end,
              p.offset(),
              Math.min(end, p.offset() + 1),
              statements);
      String key = name.substring(0, Math.max(0, cut)) + resource;
      byResource.computeIfAbsent(key, k -> new ArrayList<>()).add(policy);
      int[] span = spans.computeIfAbsent(key, k -> new int[] {idOffset(text, resource, p), end});
      span[1] = Math.max(span[1], end);
    }
    List<PolicySymbol> out = new ArrayList<>();
    for (Map.Entry<String, List<PolicySymbol>> e : byResource.entrySet()) {
      int[] span = spans.get(e.getKey());
      String id = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
      int n = e.getValue().size();
      out.add(
          new PolicySymbol(
              id,
              n + (n == 1 ? " policy" : " policies"),
              PolicySymbol.Kind.RESOURCE,
              span[0],
              span[1],
              span[0],
              span[0] + (text.startsWith(id, span[0]) ? id.length() : 0),
              e.getValue()));
    }
    return out;
  }

  /** The symbol and its children ending at their last written character, not the next token. */
  private static PolicySymbol trimmed(String text, PolicySymbol s) {
    List<PolicySymbol> children = new ArrayList<>();
    for (PolicySymbol c : s.children()) {
      children.add(trimmed(text, c));
    }
    int end = Layout.contentEnd(text, s.end());
    return new PolicySymbol(
        s.name(),
        s.detail(),
        s.kind(),
        s.offset(),
        end,
        s.selectionOffset(),
        Math.min(end, s.selectionEnd()),
        children);
  }

  /** The logical id of the resource holding the policy: what follows the last "Resources". */
  private static String logicalId(EmbeddedPolicy p) {
    List<Object> path = p.path();
    for (int i = path.size() - 3; i >= 0; i--) {
      if ("Resources".equals(path.get(i)) && "Properties".equals(path.get(i + 2))) {
        return String.valueOf(path.get(i + 1));
      }
    }
    return p.name();
  }

  /** Where the resource's logical id is written as a key, nearest before its policy. */
  private static int idOffset(String text, String id, EmbeddedPolicy p) {
    for (int i = text.lastIndexOf(id, p.offset()); i >= 0; i = text.lastIndexOf(id, i - 1)) {
      int after = i + id.length();
      while (after < text.length() && (text.charAt(after) == '"' || text.charAt(after) == '\'')) {
        after++;
      }
      boolean key = after < text.length() && text.charAt(after) == ':';
      char before = i > 0 ? text.charAt(i - 1) : '\n';
      if (key && (Character.isWhitespace(before) || before == '"' || before == '\'')) {
        return i;
      }
      if (i == 0) {
        break;
      }
    }
    return p.offset();
  }

  private static String describe(PolicyType type) {
    return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static List<PolicyInlayHint> inlayHints(
      InlayHintEngine hints, EmbeddedAnalysis template, int start, int end) {
    List<PolicyInlayHint> out = new ArrayList<>();
    Set<Integer> at = new HashSet<>();
    for (EmbeddedAnalysis.Checked c : touched(template, start, end)) {
      for (Policy reading : c.policy().readings()) {
        if (withinLimits(reading)) {
          for (PolicyInlayHint h : hints.hints(reading, start, end)) {
            if (at.add(h.offset())) {
              out.add(h);
            }
          }
        }
      }
    }
    out.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
    return out;
  }

  static List<StatementLens> lenses(OutlineEngine outline, EmbeddedAnalysis template) {
    List<StatementLens> out = new ArrayList<>();
    Set<Integer> at = new HashSet<>();
    for (EmbeddedAnalysis.Checked c : touched(template, 0, template.document().text().length())) {
      for (Policy reading : c.policy().readings()) {
        if (withinLimits(reading)) {
          for (StatementLens l : outline.lenses(reading)) {
            if (at.add(l.offset())) {
              String text = template.document().text();
              out.add(new StatementLens(l.offset(), Layout.contentEnd(text, l.end()), l.summary()));
            }
          }
        }
      }
    }
    out.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
    return out;
  }

  /**
   * The spans a selection grows through: inside a policy, its tree's spans and then the whole
   * policy; none elsewhere in the template.
   */
  static List<int[]> selectionRanges(EmbeddedAnalysis template, int offset) {
    for (EmbeddedAnalysis.Checked c : touched(template, offset, offset)) {
      EmbeddedPolicy p = c.policy();
      for (Policy reading : p.readings()) {
        if (!withinLimits(reading)) {
          continue;
        }
        String text = template.document().text();
        List<int[]> spans = new ArrayList<>();
        for (int[] span : SelectionRanges.at(reading.document(), offset)) {
          add(spans, span[0], Layout.contentEnd(text, span[1]));
        }
        if (!spans.isEmpty()) {
          add(spans, p.offset(), Layout.contentEnd(text, p.offset() + p.length()));
          return spans;
        }
      }
    }
    return List.of();
  }

  /** Adds the span unless it is the last one again (spans that only differed by trailing space). */
  private static void add(List<int[]> spans, int start, int end) {
    int[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
    if (last == null || last[0] != start || last[1] != end) {
      spans.add(new int[] {start, end});
    }
  }

  /**
   * The folds of a YAML text by indentation: a line folds over the lines indented deeper that
   * follow it (blank and comment lines included); {@code [startLine, endLine]}, outermost first.
   */
  static List<int[]> yamlFolds(String text) {
    String[] lines = text.split("\n", -1);
    int[] indent = new int[lines.length];
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int k = 0;
      while (k < line.length() && line.charAt(k) == ' ') {
        k++;
      }
      String rest = line.substring(k).strip();
      indent[i] = rest.isEmpty() || rest.startsWith("#") ? -1 : k; // -1: takes no part
    }
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (indent[i] < 0) {
        continue;
      }
      int last = i;
      for (int j = i + 1; j < lines.length; j++) {
        if (indent[j] < 0) {
          continue;
        }
        if (indent[j] <= indent[i] && !(indent[j] == indent[i] && dashUnder(lines, i, j))) {
          break;
        }
        last = j;
      }
      if (last > i) {
        out.add(new int[] {i, last});
      }
    }
    return out;
  }

  /** A block list written at its key's indentation ({@code Key:\n- a}) still belongs to the key. */
  private static boolean dashUnder(String[] lines, int key, int item) {
    return lines[key].strip().endsWith(":")
        && lines[item].stripLeading().startsWith("-")
        && !lines[key].stripLeading().startsWith("-");
  }
}
