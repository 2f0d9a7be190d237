package dev.iampolicyls.policy;

import java.util.Optional;

/**
 * An action string split at its colon: {@code s3:Get*} is service {@code s3}, action {@code Get*}.
 * IAM compares both parts without regard to case.
 */
public record ActionName(String service, String action) {

  /** The parts of {@code service:action}, or empty when the string has no single colon. */
  public static Optional<ActionName> parse(String text) {
    int colon = colonOf(text);
    if (colon < 0) {
      return Optional.empty();
    }
    return Optional.of(new ActionName(text.substring(0, colon), text.substring(colon + 1)));
  }

  /**
   * Where {@link #parse} splits the string (its single colon, with text on both sides), or -1 when
   * it does not parse: for callers that need only the position, not the two copies.
   */
  public static int colonOf(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) {
      return -1;
    }
    return colon;
  }

  public boolean hasWildcard() {
    return containsWildcard(service) || containsWildcard(action);
  }

  public static boolean containsWildcard(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
  }
}
