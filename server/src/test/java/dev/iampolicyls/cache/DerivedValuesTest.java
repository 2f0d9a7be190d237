package dev.iampolicyls.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DerivedValuesTest {
  @Test
  void eachValueIsComputedOnceAndKept() {
    DerivedValues values = new DerivedValues();
    AtomicInteger computed = new AtomicInteger();
    Object first = values.get("key", () -> new Object[] {computed.incrementAndGet()});
    Object again = values.get("key", () -> new Object[] {computed.incrementAndGet()});
    assertSame(first, again);
    assertEquals(1, computed.get());
  }

  @Test
  void aComputationMayDeriveAnotherValueAndBothAreKept() {
    DerivedValues values = new DerivedValues();
    String outer = values.get("outer", () -> values.get("inner", () -> "in") + "+out");
    assertEquals("in+out", outer);
    assertEquals("in", values.get("inner", () -> "computed again"));
    assertEquals("in+out", values.get("outer", () -> "computed again"));
  }
}
