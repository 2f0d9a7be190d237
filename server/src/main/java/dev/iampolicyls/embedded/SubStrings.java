package dev.iampolicyls.embedded;

import java.util.ArrayList;
import java.util.List;

/**
 * A policy written as JSON text inside {@code Fn::Sub}: CloudFormation substitutes the whole text,
 * but each JSON string is a value of its own, so each string holding {@code ${...}} is read as a
 * Sub of its own (with the same variables). {@code "${Bucket.Arn}/*"} is then a value of its own
 * (the bucket's objects, or opaque), rather than a name in the middle of the text.
 */
final class SubStrings {
  private SubStrings() {}

  static HostValue wrap(HostValue value, HostValue.Mapping variables) {
    if (value instanceof HostValue.Scalar s) {
      if (s.style() != HostValue.Style.QUOTED || !s.value().contains("${")) {
        return s;
      }
      HostValue argument =
          variables == null
              ? s
              : new HostValue.Sequence(s.offset(), s.length(), List.of(s, variables));
      return new HostValue.Function(Functions.SUB, argument, s.offset(), s.length());
    }
    if (value instanceof HostValue.Mapping m) {
      List<HostValue.Entry> entries = new ArrayList<>();
      for (HostValue.Entry e : m.entries()) {
        entries.add(new HostValue.Entry(e.key(), wrap(e.value(), variables)));
      }
      return new HostValue.Mapping(m.offset(), m.length(), entries);
    }
    if (value instanceof HostValue.Sequence q) {
      List<HostValue> items = new ArrayList<>();
      for (HostValue item : q.items()) {
        items.add(wrap(item, variables));
      }
      return new HostValue.Sequence(q.offset(), q.length(), items);
    }
    return value;
  }
}
