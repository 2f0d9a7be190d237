package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.LiteralNode;
import dev.iampolicyls.syntax.NumberNode;
import dev.iampolicyls.syntax.StringNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How condition values read: their JSON kind and whether their text fits an operator. */
final class ConditionValues {
  private ConditionValues() {}

  /** The JSON kind of a condition value. */
  enum Kind {
    STRING,
    NUMBER,
    BOOLEAN,
    OTHER
  }

  /** How a date value reads. */
  enum DateShape {
    VALID,
    /** Shaped like a date but naming none (month 13, 30 February) or far past year 9999. */
    IMPOSSIBLE,
    NOT_A_DATE
  }

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern EPOCH = Pattern.compile("-?\\d+");
  // W3C profile of ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, then Thh:mm, :ss, .s and a zone.
  private static final Pattern ISO_DATE =
      Pattern.compile(
          "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:[Tt](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?"
              + "([Zz]|[+-]\\d{2}(?::?\\d{2})?)?)?)?)?");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");

  /** Seconds of 9999-12-31T23:59:59Z: larger epoch values are likely milliseconds. */
  private static final long LAST_EPOCH_SECOND = 253402300799L;

  static Kind kind(JsonNode node) {
    if (node instanceof StringNode) {
      return Kind.STRING;
    }
    if (node instanceof NumberNode) {
      return Kind.NUMBER;
    }
    if (node instanceof LiteralNode l && l.kind() != LiteralNode.Kind.NULL) {
      return Kind.BOOLEAN;
    }
    return Kind.OTHER;
  }

  /** The text of a string, number or boolean value; null for anything else. */
  static String text(JsonNode node) {
    if (node instanceof StringNode s) {
      return s.value();
    }
    if (node instanceof NumberNode n) {
      return n.text();
    }
    if (node instanceof LiteralNode l && l.kind() != LiteralNode.Kind.NULL) {
      return l.text();
    }
    return null;
  }

  /** Policy variables are checked by their own checks; their values are not known here. */
  static boolean hasVariable(String text) {
    return text.contains("${");
  }

  static boolean isBoolean(String text) {
    return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
  }

  static boolean isNumber(String text) {
    return NUMBER.matcher(text).matches();
  }

  static DateShape date(String text) {
    if (EPOCH.matcher(text).matches()) {
      try {
        return Math.abs(Long.parseLong(text)) <= LAST_EPOCH_SECOND
            ? DateShape.VALID
            : DateShape.IMPOSSIBLE;
      } catch (NumberFormatException e) {
        return DateShape.IMPOSSIBLE;
      }
    }
    Matcher m = ISO_DATE.matcher(text);
    if (!m.matches()) {
      return DateShape.NOT_A_DATE;
    }
    try {
      int year = Integer.parseInt(m.group(1));
      int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
      LocalDate.of(year, month, day);
      if (m.group(4) != null
          && (Integer.parseInt(m.group(4)) > 23 || Integer.parseInt(m.group(5)) > 59)) {
        return DateShape.IMPOSSIBLE;
      }
      if (m.group(6) != null && Integer.parseInt(m.group(6)) > 60) {
        return DateShape.IMPOSSIBLE;
      }
      return DateShape.VALID;
    } catch (DateTimeException e) {
      return DateShape.IMPOSSIBLE;
    }
  }

  /** An IPv4 or IPv6 address, optionally with a CIDR prefix length. */
  static boolean isIpRange(String text) {
    String address = text;
    int slash = text.indexOf('/');
    Integer prefix = null;
    if (slash >= 0) {
      address = text.substring(0, slash);
      String bits = text.substring(slash + 1);
      if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
        return false;
      }
      prefix = Integer.parseInt(bits);
    }
    if (isIpv4(address)) {
      return prefix == null || prefix <= 32;
    }
    if (isIpv6(address)) {
      return prefix == null || prefix <= 128;
    }
    return false;
  }

  static boolean isIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return false;
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  static boolean isIpv6(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    int groupsNeeded = 8;
    int lastColon = t.lastIndexOf(':');
    if (lastColon >= 0 && t.indexOf('.', lastColon) > 0) {
      // An embedded IPv4 tail such as ::ffff:192.0.2.1 stands for two groups.
      if (!isIpv4(t.substring(lastColon + 1))) {
        return false;
      }
      t = t.substring(0, lastColon + 1) + "0";
      groupsNeeded = 7;
    }
    int doubleColon = t.indexOf("::");
    if (doubleColon >= 0 && t.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] halves =
        doubleColon >= 0
            ? new String[] {t.substring(0, doubleColon), t.substring(doubleColon + 2)}
            : new String[] {t};
    int groups = 0;
    for (String half : halves) {
      if (half.isEmpty()) {
        continue;
      }
      for (String g : half.split(":", -1)) {
        if (g.isEmpty()
            || g.length() > 4
            || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
          return false;
        }
        groups++;
      }
    }
    return doubleColon >= 0 ? groups < groupsNeeded : groups == groupsNeeded;
  }

  static boolean isBase64(String text) {
    return !text.isEmpty() && text.length() % 4 == 0 && BASE64.matcher(text).matches();
  }
}
