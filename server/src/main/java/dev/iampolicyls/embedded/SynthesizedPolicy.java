package dev.iampolicyls.embedded;

import java.util.List;

/**
 * Policy documents that a service writes around what a template gives it: a statement or a list of
 * statements (an event bus policy, SAM's custom API statements, a Lambda permission). The parts the
 * template does not write are empty values at a given offset, so no finding can sit on them and
 * findings on the template's own values keep their places.
 */
final class SynthesizedPolicy {
  private SynthesizedPolicy() {}

  /** {@code {Version: 2012-10-17, Statement: statements}}, spanning the given range. */
  static HostValue.Mapping around(HostValue statements, int offset, int length) {
    return new HostValue.Mapping(
        offset,
        length,
        List.of(
            entry("Version", offset, scalar("2012-10-17", offset)),
            entry("Statement", offset, statements)));
  }

  static HostValue.Entry entry(String key, int at, HostValue value) {
    return new HostValue.Entry(scalar(key, at), value);
  }

  /** A value the template does not write: empty, at {@code at}. */
  static HostValue.Scalar scalar(String value, int at) {
    return new HostValue.Scalar(value, at, 0, HostValue.Style.PLAIN, null);
  }
}
