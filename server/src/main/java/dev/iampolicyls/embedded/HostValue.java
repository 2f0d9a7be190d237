package dev.iampolicyls.embedded;

import java.util.List;
import java.util.Optional;

/**
 * A value of a host document (a template), as its front end read it: maps, lists, scalars and
 * template functions, each at its span in the host's text (UTF-16 offsets). Front ends for YAML and
 * JSON templates produce these; the locating of policies and the building of their trees only read
 * these, so they work the same for every host syntax.
 */
public sealed interface HostValue
    permits HostValue.Scalar, HostValue.Mapping, HostValue.Sequence, HostValue.Function {

  int offset();

  int length();

  default int end() {
    return offset() + length();
  }

  /** How a scalar was written: it decides whether {@code true} or {@code 12} is text. */
  enum Style {
    /** Unquoted: a YAML plain scalar, a JSON number or literal. */
    PLAIN,
    /** Between one quote character on each side. */
    QUOTED,
    /** A YAML block scalar ({@code |} or {@code >}). */
    BLOCK
  }

  /**
   * A string, number or literal.
   *
   * @param valueOffsets the host offset of each character of the value plus one past the last, or
   *     null when the value is not found character by character in the source (folded lines)
   */
  record Scalar(String value, int offset, int length, Style style, int[] valueOffsets)
      implements HostValue {}

  record Entry(Scalar key, HostValue value) {}

  record Mapping(int offset, int length, List<Entry> entries) implements HostValue {
    /** The value of the first entry with this key. */
    public Optional<HostValue> get(String key) {
      for (Entry e : entries) {
        if (e.key().value().equals(key)) {
          return Optional.ofNullable(e.value());
        }
      }
      return Optional.empty();
    }

    public Optional<String> string(String key) {
      return get(key).filter(Scalar.class::isInstance).map(v -> ((Scalar) v).value());
    }
  }

  record Sequence(int offset, int length, List<HostValue> items) implements HostValue {}

  /**
   * A template function: {@code Ref}, {@code Fn::Sub}, {@code Condition}..., written as a YAML tag
   * ({@code !Sub}) or as a one-key JSON object ({@code {"Fn::Sub": ...}}); its name is always the
   * long form.
   */
  record Function(String name, HostValue argument, int offset, int length) implements HostValue {}
}
