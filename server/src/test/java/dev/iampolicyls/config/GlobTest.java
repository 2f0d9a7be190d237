package dev.iampolicyls.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {
  @Test
  void starAndQuestionMarkStayInOneName() {
    assertTrue(Glob.of("buckets/*.json").matches("buckets/logs.json"));
    assertFalse(Glob.of("buckets/*.json").matches("buckets/old/logs.json"));
    assertTrue(Glob.of("p?.json").matches("p1.json"));
    assertFalse(Glob.of("p?.json").matches("p12.json"));
    assertFalse(Glob.of("*.json").matches("a/b.json"));
    assertFalse(Glob.of("Buckets/*.json").matches("buckets/a.json"));
  }

  @Test
  void doubleStarMatchesAnyNumberOfFolders() {
    Glob scp = Glob.of("policies/scp/**/*.json");
    assertTrue(scp.matches("policies/scp/a.json"));
    assertTrue(scp.matches("policies/scp/x/y/a.json"));
    assertFalse(scp.matches("policies/rcp/a.json"));
    assertTrue(Glob.of("legacy/**").matches("legacy/a/b/c.json"));
    assertTrue(Glob.of("**/trust-*.json").matches("roles/app/trust-lambda.json"));
    assertTrue(Glob.of("./**/*.json").matches("a.json"));
  }

  @Test
  void manyStarsDoNotBlowUp() {
    String path = "a/".repeat(2_000) + "b";
    assertFalse(Glob.of("**/".repeat(50) + "c").matches(path));
    assertFalse(Glob.of("*a*a*a*a*a*a*a*a*a*a*a*b").matches("a".repeat(5_000)));
  }
}
