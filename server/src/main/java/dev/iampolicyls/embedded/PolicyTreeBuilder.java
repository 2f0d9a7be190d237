package dev.iampolicyls.embedded;

import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.LiteralNode;
import dev.iampolicyls.syntax.NumberNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import dev.iampolicyls.syntax.SyntaxTrees;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the syntax tree of one reading of an embedded policy: each {@code Fn::If} takes the branch
 * its condition has in {@code branches}, {@code AWS::NoValue} removes what it stands in, and other
 * functions become typed string values ({@link Interpolation}). Every node keeps its span in the
 * host's text, so the engines' answers are in host positions.
 */
final class PolicyTreeBuilder {
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

  private final Interpolation interpolation;

  private final Set<EmbeddedPolicy.Written> written;

  /**
   * @param resourceTypes the template's resources: logical id to resource type
   * @param written where each value built from template functions goes, with the text the template
   *     writes for it, when the two differ
   */
  PolicyTreeBuilder(
      Map<String, Boolean> branches,
      List<Finding> templateFindings,
      Map<String, String> resourceTypes,
      Set<EmbeddedPolicy.Written> written) {
    this.interpolation = new Interpolation(branches, templateFindings, resourceTypes);
    this.written = written;
  }

  /** The tree, or null when the value is removed ({@code AWS::NoValue}) in this reading. */
  JsonNode build(HostValue value) {
    if (value instanceof HostValue.Mapping m) {
      ObjectNode object = SyntaxTrees.object(m.offset(), m.length());
      for (HostValue.Entry e : m.entries()) {
        JsonNode v = e.value() == null ? null : keyword(e.key().value(), build(e.value()));
        if (v != null) {
          SyntaxTrees.property(object, string(e.key()), v);
        }
      }
      return object;
    }
    if (value instanceof HostValue.Sequence q) {
      ArrayNode array = SyntaxTrees.array(q.offset(), q.length());
      for (HostValue item : q.items()) {
        JsonNode v = build(item);
        if (v != null) {
          SyntaxTrees.add(array, v);
        }
      }
      return array;
    }
    if (value instanceof HostValue.Scalar s) {
      return scalar(s);
    }
    HostValue.Function f = (HostValue.Function) value;
    if (Interpolation.isNoValue(f)) {
      return null;
    }
    if (f.name().equals(Functions.IF)) {
      HostValue branch = interpolation.branch(f);
      if (branch != null) {
        return build(branch);
      }
    }
    TextBuilder text = interpolation.evaluate(f);
    if (!text.isOpaque() && !text.value().equals(text.written())) {
      written.add(new EmbeddedPolicy.Written(f.offset(), text.value(), text.written()));
    }
    return SyntaxTrees.string(
        f.offset(), f.length(), text.value(), 0, text.offsets(), text.isOpaque());
  }

  /**
   * An opaque value where IAM expects a keyword stands in as a valid one, so that no check calls a
   * template's reference an invalid Effect, Version or Sid: Effect reads as Allow (the broader
   * reading), Version as the current one, a Sid as the letters and digits of the reference.
   */
  private static JsonNode keyword(String key, JsonNode value) {
    if (!(value instanceof StringNode s) || !s.opaque()) {
      return value;
    }
    String standIn =
        switch (key) {
          case "Effect" -> "Allow";
          case "Version" -> "2012-10-17";
          case "Sid" -> s.value().replaceAll("[^A-Za-z0-9]", "");
          default -> null;
        };
    return standIn == null
        ? value
        : SyntaxTrees.string(s.offset(), s.length(), standIn, 0, null, false);
  }

  private JsonNode scalar(HostValue.Scalar s) {
    if (s.style() == HostValue.Style.PLAIN) {
      String v = s.value();
      switch (v.toLowerCase(Locale.ROOT)) {
        case "true":
          return SyntaxTrees.literal(s.offset(), s.length(), LiteralNode.Kind.TRUE);
        case "false":
          return SyntaxTrees.literal(s.offset(), s.length(), LiteralNode.Kind.FALSE);
        case "null", "~", "":
          return SyntaxTrees.literal(s.offset(), s.length(), LiteralNode.Kind.NULL);
        default:
          if (JSON_NUMBER.matcher(v).matches()) {
            return SyntaxTrees.number(s.offset(), s.length(), v);
          }
      }
    }
    if (s.value().contains("{{resolve:")) {
      return SyntaxTrees.string(s.offset(), s.length(), s.value(), 0, null, true);
    }
    return string(s);
  }

  private static StringNode string(HostValue.Scalar s) {
    int quoteWidth = s.style() == HostValue.Style.QUOTED ? 1 : 0;
    return SyntaxTrees.string(
        s.offset(), s.length(), s.value(), quoteWidth, s.valueOffsets(), false);
  }

  /** The policy as compact JSON text, for what counts a policy's characters. */
  static String render(JsonNode node) {
    StringBuilder out = new StringBuilder();
    render(node, out);
    return out.toString();
  }

  private static void render(JsonNode node, StringBuilder out) {
    if (node instanceof ObjectNode o) {
      out.append('{');
      boolean first = true;
      for (PropertyNode p : o.properties()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        quote(p.name(), out);
        out.append(':');
        render(p.value(), out);
      }
      out.append('}');
    } else if (node instanceof ArrayNode a) {
      out.append('[');
      for (int i = 0; i < a.items().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        render(a.items().get(i), out);
      }
      out.append(']');
    } else if (node instanceof StringNode s) {
      quote(s.value(), out);
    } else if (node instanceof NumberNode n) {
      out.append(n.text());
    } else if (node instanceof LiteralNode l) {
      out.append(l.text());
    }
  }

  private static void quote(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
