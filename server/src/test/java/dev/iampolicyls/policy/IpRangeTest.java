package dev.iampolicyls.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpRangeTest {

  private static IpRange r(String text) {
    return IpRange.parse(text).orElseThrow(() -> new AssertionError("not a range: " + text));
  }

  @Test
  void parsesIpv4AndIpv6RangesAndSingleAddresses() {
    assertEquals("203.0.113.0/24", r("203.0.113.0/24").text());
    assertEquals("203.0.113.7/32", r("203.0.113.7").text());
    assertEquals("2001:db8::/32", r("2001:DB8::/32").text());
    assertEquals("2001:db8:1234:5678::/64", r("2001:db8:1234:5678:0:0:0:0/64").text());
    assertEquals("::ffff:c000:201/128", r("::ffff:192.0.2.1").text());
    assertEquals("::/0", r("::/0").text());
  }

  @Test
  void rejectsWhatIsNotARange() {
    for (String bad :
        new String[] {
          "",
          "10.0.0",
          "10.0.0.256",
          "10.0.0.0/33",
          "10.0.0.0/",
          "1.2.3.4/a",
          "2001:db8::/129",
          "1::2::3",
          "12345::",
          "1:2:3:4:5:6:7:8:9",
          "example.com",
          "*",
          "10.0.0.*"
        }) {
      assertTrue(IpRange.parse(bad).isEmpty(), bad);
    }
  }

  @Test
  void hostBitsAndTheirNetwork() {
    assertTrue(r("10.0.0.1/8").hasHostBits());
    assertEquals("10.0.0.0/8", r("10.0.0.1/8").network().text());
    assertFalse(r("10.0.0.0/8").hasHostBits());
    assertFalse(r("203.0.113.9").hasHostBits());
    assertTrue(r("2001:db8::1/64").hasHostBits());
    assertEquals("2001:db8::/64", r("2001:db8::1/64").network().text());
  }

  @Test
  void privateMeansWhollyInsideAPrivateBlock() {
    assertTrue(r("10.1.2.0/24").isPrivate());
    assertTrue(r("172.31.255.255").isPrivate());
    assertTrue(r("192.168.0.0/16").isPrivate());
    assertTrue(r("fd12:3456::/48").isPrivate());
    assertFalse(r("172.32.0.0/16").isPrivate());
    assertFalse(r("10.0.0.0/7").isPrivate());
    assertFalse(r("0.0.0.0/0").isPrivate());
    assertFalse(r("203.0.113.0/24").isPrivate());
    assertFalse(r("2001:db8::/32").isPrivate());
  }
}
