package dev.iampolicyls.cli;

import dev.iampolicyls.checks.FindingType;

/**
 * ANSI colours for the text report, or none: decided once per run from --color, NO_COLOR and the
 * terminal.
 */
final class Colors {
  enum Mode {
    auto,
    always,
    never
  }

  static final Colors NONE = new Colors(false);

  private static final String RESET = "\u001b[0m";

  private final boolean on;

  private Colors(boolean on) {
    this.on = on;
  }

  /**
   * {@code always} and {@code never} are obeyed; {@code auto} colours only on a terminal and only
   * when NO_COLOR (https://no-color.org) is unset or empty.
   */
  static Colors choose(Mode mode, String noColorVariable, boolean terminal) {
    return switch (mode) {
      case always -> new Colors(true);
      case never -> NONE;
      case auto -> new Colors(terminal && (noColorVariable == null || noColorVariable.isEmpty()));
    };
  }

  boolean enabled() {
    return on;
  }

  String type(FindingType type, String text) {
    return paint(
        switch (type) {
          case ERROR -> "\u001b[1;31m";
          case SECURITY_WARNING -> "\u001b[1;35m";
          case WARNING -> "\u001b[1;33m";
          case SUGGESTION -> "\u001b[1;36m";
        },
        text);
  }

  String bold(String text) {
    return paint("\u001b[1m", text);
  }

  String marker(String text) {
    return paint("\u001b[32m", text);
  }

  private String paint(String code, String text) {
    return on ? code + text + RESET : text;
  }
}
