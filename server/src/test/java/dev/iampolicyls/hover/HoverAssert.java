package dev.iampolicyls.hover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.util.Optional;

/** Policy text with a {@code |} where the pointer rests: hover there and check what comes back. */
final class HoverAssert {
  static final Catalog CATALOG = Catalog.bundled();
  static final HoverEngine ENGINE = new HoverEngine(CATALOG);

  private HoverAssert() {}

  /** A hover and the text it was made on. */
  record Hovered(String text, HoverResult result) {
    String markdown() {
      return result.markdown();
    }

    /** The source text the hover's range covers. */
    String covered() {
      return text.substring(result.startOffset(), result.endOffset());
    }

    /** Asserts the range covers exactly this token, at its first place in the text. */
    Hovered covers(String token) {
      assertEquals(token, covered(), "hover range");
      assertEquals(text.indexOf(token), result.startOffset(), "hover start");
      return this;
    }

    Hovered contains(String... facts) {
      for (String fact : facts) {
        assertTrue(markdown().contains(fact), () -> "no «" + fact + "» in:\n" + markdown());
      }
      return this;
    }

    Hovered lacks(String... facts) {
      for (String fact : facts) {
        assertTrue(
            !markdown().contains(fact), () -> "unexpected «" + fact + "» in:\n" + markdown());
      }
      return this;
    }
  }

  static Optional<HoverResult> hoverAt(String marked, PolicyType type) {
    int at = marked.indexOf('|');
    assertTrue(at >= 0, "mark the pointer with |");
    String text = marked.substring(0, at) + marked.substring(at + 1);
    return ENGINE.hover(Policy.parse(text), at, type);
  }

  static Hovered hover(String marked) {
    return hover(marked, null);
  }

  static Hovered hover(String marked, PolicyType type) {
    int at = marked.indexOf('|');
    String text = marked.substring(0, at) + marked.substring(at + 1);
    HoverResult result =
        hoverAt(marked, type).orElseThrow(() -> new AssertionError("no hover at | in " + marked));
    assertTrue(result.startOffset() <= at && at <= result.endOffset(), "range holds the pointer");
    return new Hovered(text, result);
  }

  static void assertNoHover(String marked) {
    assertEquals(Optional.empty(), hoverAt(marked, null), marked);
  }

  /** One statement inside a policy with a 2012-10-17 Version. */
  static String policy(String statement) {
    return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n" + statement + "\n  ]\n}";
  }
}
