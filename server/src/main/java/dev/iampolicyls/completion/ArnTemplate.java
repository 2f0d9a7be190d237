package dev.iampolicyls.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A value with placeholders, such as the catalog's ARN format {@code
 * arn:${Partition}:s3:::${BucketName}/${ObjectName}}, completed from what is typed: the typed text
 * must fit the template's start, and the part of it that falls on a placeholder replaces that
 * placeholder. So {@code arn:aws:s3:::my-bucket/} gives {@code
 * arn:aws:s3:::my-bucket/${ObjectName}}, and the typed text is always a prefix of the result.
 */
final class ArnTemplate {
  private sealed interface Part permits Literal, Placeholder {}

  private record Literal(String text) implements Part {}

  private record Placeholder(String name) implements Part {}

  private final List<Part> parts;

  private ArnTemplate(List<Part> parts) {
    this.parts = parts;
  }

  /** Splits a template at its {@code ${Name}} placeholders. */
  static ArnTemplate parse(String template) {
    List<Part> parts = new ArrayList<>();
    int i = 0;
    StringBuilder literal = new StringBuilder();
    while (i < template.length()) {
      int open = template.indexOf("${", i);
      int close = open < 0 ? -1 : template.indexOf('}', open + 2);
      if (open < 0 || close < 0) {
        literal.append(template, i, template.length());
        break;
      }
      literal.append(template, i, open);
      if (!literal.isEmpty()) {
        parts.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
      parts.add(new Placeholder(template.substring(open + 2, close)));
      i = close + 1;
    }
    if (!literal.isEmpty()) {
      parts.add(new Literal(literal.toString()));
    }
    return new ArnTemplate(parts);
  }

  /**
   * The template as the text of a CloudFormation {@code Fn::Sub}: Partition, Region and Account
   * become the pseudo parameters, every other placeholder a tab stop written as {@code plain} (a
   * {@code ${Name}} left in a Sub would be taken for a reference to a parameter).
   *
   * @param plain the text of an open placeholder without snippets, or null for its name
   */
  Snippet forSub(String plain) {
    Snippet out = new Snippet();
    for (Part part : parts) {
      if (part instanceof Literal lit) {
        out.text(lit.text());
        continue;
      }
      String name = ((Placeholder) part).name();
      switch (name) {
        case "Partition" -> out.text("${AWS::Partition}");
        case "Region" -> out.text("${AWS::Region}");
        case "Account" -> out.text("${AWS::AccountId}");
        default -> out.placeholder(name, plain != null ? plain : name);
      }
    }
    return out;
  }

  /**
   * The template completed from the typed text, or empty when the typed text does not fit it.
   * Partition becomes {@code aws} unless typed; other open placeholders stay tab stops.
   */
  Optional<Snippet> complete(String typed) {
    return complete(typed, true);
  }

  /**
   * As {@link #complete(String)}; without snippets an open placeholder is written as {@code
   * ${Name}}, or as {@code Name} where braces cannot go (inside a policy variable).
   */
  Optional<Snippet> complete(String typed, boolean bracedPlain) {
    Snippet out = new Snippet();
    int j = 0;
    for (int k = 0; k < parts.size(); k++) {
      Part part = parts.get(k);
      if (part instanceof Literal lit) {
        String s = lit.text();
        for (int c = 0; c < s.length() && j < typed.length(); c++, j++) {
          if (Character.toLowerCase(s.charAt(c)) != Character.toLowerCase(typed.charAt(j))) {
            return Optional.empty();
          }
        }
        out.text(s);
        continue;
      }
      String name = ((Placeholder) part).name();
      if (j >= typed.length()) {
        if (name.equals("Partition")) {
          out.text("aws");
        } else {
          out.placeholder(name, bracedPlain ? "${" + name + "}" : name);
        }
        continue;
      }
      // The typed text fills the placeholder up to the template's next literal character.
      char stop =
          k + 1 < parts.size() && parts.get(k + 1) instanceof Literal next
              ? next.text().charAt(0)
              : 0;
      int from = j;
      while (j < typed.length()
          && (stop == 0 || Character.toLowerCase(typed.charAt(j)) != Character.toLowerCase(stop))) {
        j++;
      }
      out.text(typed.substring(from, j));
    }
    if (j < typed.length()) {
      return Optional.empty(); // typed past the end of the template
    }
    return Optional.of(out);
  }
}
