package dev.iampolicyls.evaluation;

/**
 * How a Resource value or an Arn* condition value matches an ARN: the five fields before the
 * resource part are matched one by one (a wildcard never crosses their colons), the resource part
 * as a whole (its wildcards may span colons and slashes). Case-sensitive. A pattern or value
 * without the six fields of an ARN is matched as one glob.
 */
final class ArnMatching {
  private static final int FIELDS = 6;

  private ArnMatching() {}

  static boolean matches(PolicyPattern pattern, String arn) {
    if (pattern.isLoneStar()) {
      return true;
    }
    int[] patternColons = fieldEnds(pattern.text());
    int[] arnColons = fieldEnds(arn);
    if (patternColons == null || arnColons == null) {
      return pattern.matches(arn, false);
    }
    int patternStart = 0;
    int arnStart = 0;
    String text = pattern.text();
    for (int field = 0; field < FIELDS; field++) {
      int patternEnd = patternColons[field];
      int arnEnd = arnColons[field];
      if (hasWildcard(text, patternStart, patternEnd)) {
        PolicyPattern part = pattern.slice(patternStart, patternEnd);
        if (!part.matches(arn.substring(arnStart, arnEnd), false)) {
          return false;
        }
      } else if (patternEnd - patternStart != arnEnd - arnStart
          || !text.regionMatches(patternStart, arn, arnStart, patternEnd - patternStart)) {
        // Without a wildcard character the glob matches only the same text: compared in place.
        return false;
      }
      patternStart = patternColons[field] + 1;
      arnStart = arnColons[field] + 1;
    }
    return true;
  }

  private static boolean hasWildcard(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?') {
        return true;
      }
    }
    return false;
  }

  /** The end of each of the six fields (the last one runs to the end), or null for fewer. */
  private static int[] fieldEnds(String text) {
    int[] ends = new int[FIELDS];
    int from = 0;
    for (int field = 0; field < FIELDS - 1; field++) {
      int colon = text.indexOf(':', from);
      if (colon < 0) {
        return null;
      }
      ends[field] = colon;
      from = colon + 1;
    }
    ends[FIELDS - 1] = text.length();
    return ends;
  }
}
