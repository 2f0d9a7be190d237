package dev.iampolicyls.embedded;

import java.util.Arrays;

/**
 * A string value assembled from pieces of a template ({@code !Sub}, {@code !Join}), keeping the
 * host offset of every character it writes, so a finding on part of the value points at the
 * characters of the template that produced it.
 */
final class TextBuilder {
  private final StringBuilder value = new StringBuilder();

  /** The value as the template writes it: references as ${Name}, for messages to quote. */
  private final StringBuilder written = new StringBuilder();

  private int[] offsets = new int[16];
  private int end;
  private boolean exact = true;
  private boolean opaque;
  private boolean referenceStartsResource;

  /** Text copied from the template: {@code map} holds each character's host offset and the end. */
  void literal(String text, int[] map, int spanStart, int spanEnd) {
    written.append(text);
    for (int i = 0; i < text.length(); i++) {
      push(text.charAt(i), map != null ? map[i] : spanStart);
    }
    if (map == null) {
      exact = false;
      end = spanEnd;
    } else {
      end = map[text.length()];
    }
  }

  /**
   * Text that stands for the template characters {@code [start, end)} (a replaced reference), which
   * the template writes as {@code writtenAs} ({@code ${Bucket.Arn}}).
   */
  void standIn(String text, String writtenAs, int start, int end) {
    written.append(writtenAs);
    for (int i = 0; i < text.length(); i++) {
      push(text.charAt(i), start);
    }
    this.end = end;
  }

  /** The value so far is only known once deployed. */
  void markOpaque() {
    opaque = true;
  }

  boolean isOpaque() {
    return opaque;
  }

  /** A reference of unknown shape begins the resource part of the ARN being built. */
  void markReferenceStartsResource() {
    referenceStartsResource = true;
  }

  boolean referenceStartsResource() {
    return referenceStartsResource;
  }

  boolean isEmpty() {
    return value.length() == 0;
  }

  String value() {
    return value.toString();
  }

  /** The value as the template writes it, with {@code ${...}} for each reference. */
  String written() {
    return written.toString();
  }

  /** Each character's host offset and the end, or null when some piece had no exact position. */
  int[] offsets() {
    if (!exact) {
      return null;
    }
    int[] out = Arrays.copyOf(offsets, value.length() + 1);
    out[value.length()] = end;
    return out;
  }

  private void push(char c, int offset) {
    if (value.length() + 1 >= offsets.length) {
      offsets = Arrays.copyOf(offsets, offsets.length * 2);
    }
    offsets[value.length()] = offset;
    value.append(c);
  }
}
