package dev.iampolicyls.completion;

/**
 * How proposals are written where the cursor is: JSON (a policy, a JSON template), or YAML in block
 * or flow style, where a value is a plain scalar when that is safe and quoted otherwise, and a new
 * key's value goes on the lines below it.
 *
 * @param quote the quote the scalar being typed opened with, or 0 (JSON always has its own)
 * @param keyHasColon for a YAML key: its colon is already there, so only the name is replaced
 * @param column the column of the YAML key or dash that owns what is typed; nested lines go two
 *     columns deeper
 * @param spaceBefore a YAML value is typed right after its colon and needs a space first
 * @param tagged a YAML value follows a tag ({@code !Sub}): no template function can be put there
 */
public record HostSyntax(
    Style style, char quote, boolean keyHasColon, int column, boolean spaceBefore, boolean tagged) {

  public enum Style {
    JSON,
    YAML_BLOCK,
    YAML_FLOW
  }

  public static final HostSyntax JSON =
      new HostSyntax(Style.JSON, (char) 0, false, 0, false, false);

  boolean yaml() {
    return style != Style.JSON;
  }

  boolean flow() {
    return style == Style.YAML_FLOW;
  }

  /** The indentation of the lines nested under the owning key or dash. */
  String childIndent() {
    return " ".repeat(column + 2);
  }

  /**
   * Whether {@code value} may be written as a YAML plain scalar here and still read as that string:
   * it starts with no indicator, holds no ": " or " #", does not end in a colon, and in flow style
   * holds no flow delimiter. Dates and zero-led numbers would be read as other types.
   */
  static boolean plainSafe(String value, boolean flow) {
    if (value.isEmpty() || value.isBlank() || !value.strip().equals(value)) {
      return false;
    }
    char first = value.charAt(0);
    if ("[]{},#&*!|>'\"%@`".indexOf(first) >= 0) {
      return false;
    }
    if ((first == '-' || first == '?' || first == ':')
        && (value.length() == 1 || value.charAt(1) == ' ')) {
      return false;
    }
    if (value.contains(": ") || value.contains(" #") || value.endsWith(":")) {
      return false;
    }
    if (flow && value.chars().anyMatch(c -> ",[]{}".indexOf(c) >= 0)) {
      return false;
    }
    return !value.matches("\\d{4}-\\d\\d-\\d\\d.*|0\\d+|~|null|Null|NULL");
  }

  /** A YAML single-quoted scalar: quotes inside are doubled. */
  static String singleQuoted(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
