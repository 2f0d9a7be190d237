package dev.iampolicyls.grants;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The instants a date value of a condition may stand for. A value with no zone is read in any zone
 * (a day either side of UTC covers them all) and a bare date as any time of its day, so a verdict
 * drawn from the earliest and latest readings holds for every reading.
 */
final class DateReading {
  private static final Duration MARGIN = Duration.ofDays(1);

  private DateReading() {}

  /** The latest instant the value may stand for; null when it is not a date IAM reads. */
  static Instant latest(String value) {
    return read(value, MARGIN);
  }

  /** The earliest instant the value may stand for; null when it is not a date IAM reads. */
  static Instant earliest(String value) {
    return read(value, MARGIN.negated());
  }

  private static Instant read(String value, Duration margin) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.chars().allMatch(Character::isDigit)) {
      return value.length() > 12 ? null : Instant.ofEpochSecond(Long.parseLong(value));
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      // no zone: try the forms without one
    }
    try {
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).plus(margin);
    } catch (DateTimeParseException e) {
      // not a date-time
    }
    try {
      return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC).plus(margin);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
