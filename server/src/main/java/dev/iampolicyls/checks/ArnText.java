package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Text helpers for ARNs and patterns written in policies, where {@code *} and {@code ?} are
 * wildcards and {@code ${...}} is a policy variable (which may itself hold colons, as in {@code
 * ${aws:username}}).
 */
final class ArnText {
  private ArnText() {}

  /**
   * The colon-separated fields of an ARN, at most six (the last keeps any further colons); colons
   * inside a policy variable do not separate fields.
   */
  static List<String> fields(String text) {
    return dev.iampolicyls.semantics.ResourcePattern.fields(text);
  }

  /**
   * The ARN formats of a resource type, ready to compare: the catalog sometimes lists several in
   * one string ({@code arn:...a, arn:...b}), and a literal {@code *} in a format (backup's account)
   * stands for any value, as it would in a policy.
   */
  static List<String> formats(ResourceType type) {
    // Asked for every ARN and statement; a catalog has a few thousand formats, so keep them all.
    return FORMATS.computeIfAbsent(type.arnFormat(), ArnText::splitFormats);
  }

  private static final Map<String, List<String>> FORMATS = new ConcurrentHashMap<>();

  /**
   * The {@link #fields} of one of {@link #formats}' strings, kept like them: every ARN analysed
   * asks for the fields of each format of its namespace (dozens for ec2), and splitting them again
   * each time was a twentieth of a batch's allocation.
   */
  static List<String> formatFields(String format) {
    List<String> fields = FORMAT_FIELDS.get(format);
    if (fields == null) {
      fields = List.copyOf(fields(format));
      FORMAT_FIELDS.putIfAbsent(format, fields);
    }
    return fields;
  }

  private static final Map<String, List<String>> FORMAT_FIELDS = new ConcurrentHashMap<>();

  private static final Pattern FORMAT_SEPARATOR = Pattern.compile(",\\s*(?=arn:)");

  private static List<String> splitFormats(String arnFormat) {
    List<String> out = new ArrayList<>();
    for (String f : FORMAT_SEPARATOR.split(arnFormat)) {
      out.add(f.strip().replace("*", "${Any}"));
    }
    return List.copyOf(out);
  }

  /** Whether the text holds a wildcard or a policy variable, so it stands for many values. */
  static boolean isPattern(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.contains("${");
  }

  static boolean hasVariable(String s) {
    return s.contains("${");
  }

  /** The pattern with each policy variable read as {@code *}: any value it may take. */
  static String variablesAsWildcards(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        int close = s.indexOf('}', i + 2);
        if (close > 0) {
          sb.append('*');
          i = close;
          continue;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** Whether the pattern can stand for the empty string (only stars and variables in it). */
  static boolean canBeEmpty(String s) {
    String w = variablesAsWildcards(s);
    for (int i = 0; i < w.length(); i++) {
      if (w.charAt(i) != '*') {
        return false;
      }
    }
    return true;
  }

  /** Whether some string that starts with {@code arn:} can match the pattern. */
  static boolean mayStartWithArnPrefix(String s) {
    String w = variablesAsWildcards(s);
    String prefix = "arn:";
    for (int i = 0; i < prefix.length(); i++) {
      if (i >= w.length()) {
        return false;
      }
      char c = w.charAt(i);
      if (c == '*') {
        return true;
      }
      if (c != '?' && c != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static boolean isAccountId(String s) {
    if (s.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
