package dev.iampolicyls.config;

import dev.iampolicyls.checks.FindingType;
import java.util.Locale;
import java.util.Optional;

/**
 * What the configuration says about one check: off, or on with its finding type replaced.
 *
 * @param type the finding type to report instead of the check's own, or null when off
 */
public record CheckSetting(FindingType type) {
  public static final CheckSetting OFF = new CheckSetting(null);

  public boolean off() {
    return type == null;
  }

  /** "off" or a finding type name, in any case; empty for anything else. */
  public static Optional<CheckSetting> parse(String text) {
    String value = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    if (value.equals("OFF")) {
      return Optional.of(OFF);
    }
    try {
      return Optional.of(new CheckSetting(FindingType.valueOf(value)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
