package dev.iampolicyls.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.ArnNamespaces;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ResourceType;
import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.catalog.WildcardMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine against brute force: small random globs over a small alphabet, every string up to a
 * length that bounds the shortest witness; and the catalog's formats against sample ARNs built from
 * them.
 */
class ResourceGlobPropertyTest {
  /** Every character class a generated token may take, and the literals. */
  private static final int[] MASKS = {
    ResourceGlob.ANY,
    ResourceGlob.NOT_SLASH,
    ResourceGlob.NOT_SLASH_OR_COLON,
    ResourceGlob.LOWER,
    ResourceGlob.DIGIT,
    ResourceGlob.LOWER | ResourceGlob.DIGIT
  };

  private static final String LITERALS = "a0/:";

  /** The literals plus a character of each class no literal is: b, 1, -, ~. */
  private static final String ALPHABET = "a0/:b1-~";

  /** A shortest common string takes at most one character per single token of either side. */
  private static final int MAX_SINGLES = 4;

  private record Generated(ResourceGlob glob, int singles) {}

  private static Generated randomGlob(Random random) {
    ResourceGlob.Builder b = ResourceGlob.builder();
    int tokens = 1 + random.nextInt(3);
    int singles = 0;
    for (int i = 0; i < tokens; i++) {
      switch (random.nextInt(3)) {
        case 0 -> {
          b.literal(String.valueOf(LITERALS.charAt(random.nextInt(LITERALS.length()))));
          singles++;
        }
        case 1 -> {
          b.one(MASKS[random.nextInt(MASKS.length)]);
          singles++;
        }
        default -> b.run(MASKS[random.nextInt(MASKS.length)]);
      }
    }
    return new Generated(b.build(), singles);
  }

  private static List<String> stringsUpTo(int length) {
    List<String> out = new ArrayList<>();
    out.add("");
    List<String> last = List.of("");
    for (int n = 1; n <= length; n++) {
      List<String> next = new ArrayList<>();
      for (String s : last) {
        for (int i = 0; i < ALPHABET.length(); i++) {
          next.add(s + ALPHABET.charAt(i));
        }
      }
      out.addAll(next);
      last = next;
    }
    return out;
  }

  @Test
  void intersectionAndCoverAgreeWithEnumeration() {
    Random random = new Random(20261204);
    List<String> strings = stringsUpTo(MAX_SINGLES + 1);
    int compared = 0;
    while (compared < 300) {
      Generated x = randomGlob(random);
      Generated y = randomGlob(random);
      if (x.singles() + y.singles() > MAX_SINGLES) {
        continue;
      }
      compared++;
      boolean common = false;
      boolean yOutsideX = false;
      for (String s : strings) {
        boolean inX = x.glob().matches(s);
        boolean inY = y.glob().matches(s);
        common |= inX && inY;
        yOutsideX |= inY && !inX;
      }
      assertEquals(common, ResourceGlob.intersects(x.glob(), y.glob()), x + " ∩ " + y);
      assertEquals(common, ResourceGlob.intersects(y.glob(), x.glob()), y + " ∩ " + x);
      assertEquals(!yOutsideX, ResourceGlob.covers(x.glob(), y.glob()), x + " ⊇ " + y);
    }
  }

  @Test
  void starIsTheIdentityOfIntersection() {
    Random random = new Random(7);
    ResourceGlob star = ResourceGlob.builder().run(ResourceGlob.ANY).build();
    List<String> strings = stringsUpTo(4);
    for (int i = 0; i < 200; i++) {
      ResourceGlob g = randomGlob(random).glob();
      boolean nonEmpty = strings.stream().anyMatch(g::matches);
      assertEquals(nonEmpty, ResourceGlob.intersects(star, g), g.toString());
      assertTrue(ResourceGlob.covers(star, g), g.toString());
      assertTrue(ResourceGlob.covers(g, g), g.toString());
    }
    Catalog catalog = Catalog.bundled();
    for (Service s : catalog.services()) {
      for (ResourceType t : s.resourceTypes()) {
        ResourceFormat f = ResourceFormat.of(t);
        assertTrue(ResourceSemantics.intersects(ResourcePattern.of("*"), f), t.arnFormat());
        assertTrue(ResourceSemantics.covers(ResourcePattern.of("*"), f), t.arnFormat());
      }
    }
  }

  /**
   * {@link ResourceGlob#covers} first tries two strings of the inner side against the outer one:
   * its answer is the subset construction's, for random globs and for patterns made from each of
   * the catalog's formats against the formats as the breadth classes hold them fixed.
   */
  @Test
  void sampleStringsShortcutAgreesWithTheSubsetConstruction() {
    Random random = new Random(16);
    for (int i = 0; i < 3000; i++) {
      ResourceGlob x = randomGlob(random).glob();
      ResourceGlob y = randomGlob(random).glob();
      boolean expected = ResourceGlob.coversBySubsetSets(x, y);
      assertEquals(expected, ResourceGlob.coversBySubsets(x, y), x + " ⊇ " + y);
      assertEquals(expected, ResourceGlob.covers(x, y), x + " ⊇ " + y);
    }
    int[] answers = new int[2];
    Catalog catalog = Catalog.bundled();
    List<ResourceFormat> formats = new ArrayList<>();
    for (Service s : catalog.services()) {
      for (ResourceType t : s.resourceTypes()) {
        formats.add(ResourceFormat.of(t));
      }
    }
    for (int i = 0; i < 1500; i++) {
      ResourceFormat own = formats.get(random.nextInt(formats.size()));
      ResourceFormat other =
          random.nextInt(4) == 0 ? formats.get(random.nextInt(formats.size())) : own;
      String first = own.type().arnFormat().split("\\|")[0].strip();
      String[] fills = {"*", "x*", "*/*", "123456789012", "${aws:username}"};
      String pattern =
          first.replaceAll(
              "\\$\\{[^}]*\\}",
              java.util.regex.Matcher.quoteReplacement(fills[random.nextInt(fills.length)]));
      ResourcePattern p = ResourcePattern.of(pattern);
      boolean fixAccount = random.nextBoolean();
      ResourceGlob outer = p.surely(fixAccount);
      for (ResourceGlob inner : other.fixing(p.fixesPartition(), fixAccount)) {
        boolean expected = ResourceGlob.coversBySubsetSets(outer, inner);
        assertEquals(expected, ResourceGlob.coversBySubsets(outer, inner), pattern + " ⊇ " + inner);
        assertEquals(expected, ResourceGlob.covers(outer, inner), pattern + " ⊇ " + inner);
        answers[expected ? 1 : 0]++;
      }
    }
    assertTrue(answers[0] > 100 && answers[1] > 100, () -> java.util.Arrays.toString(answers));
  }

  /**
   * One ARN of the format: each placeholder filled with a value of its type; {@code variant} picks
   * among a few values so that samples differ.
   */
  private static String sample(String format, int variant) {
    String f = format.split(",\\s*(?=arn:)")[0].strip();
    StringBuilder sb = new StringBuilder();
    int field = 0;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == '$' && i + 1 < f.length() && f.charAt(i + 1) == '{') {
        int close = f.indexOf('}', i + 2);
        String name = f.substring(i + 2, close);
        sb.append(value(field, name, variant));
        i = close;
        continue;
      }
      if (c == ':' && field < 5) {
        field++;
      }
      sb.append(c == '*' ? "any" : String.valueOf(c));
    }
    return sb.toString();
  }

  private static String value(int field, String name, int variant) {
    return switch (field) {
      case 1 -> variant % 2 == 0 ? "aws" : "aws-cn";
      case 2 -> "svc";
      case 3 -> variant % 2 == 0 ? "us-east-1" : "eu-west-2";
      case 4 -> variant % 3 == 0 ? "123456789012" : variant % 3 == 1 ? "210987654321" : "aws";
      default -> name.equals("BucketName") ? "bkt" + variant : "n" + variant + name.length();
    };
  }

  /** IAM's matching, read field by field as the engine does: a star stays in its field. */
  private static boolean oracle(String pattern, String arn) {
    List<String> p = ResourcePattern.fields(pattern);
    String[] a = arn.split(":", 6);
    if (p.size() != 6 || a.length != 6) {
      return WildcardMatcher.matches(pattern, arn);
    }
    for (int i = 0; i < 6; i++) {
      if (!WildcardMatcher.matches(p.get(i), a[i])) {
        return false;
      }
    }
    return true;
  }

  /** A pattern from a sample ARN: a random part of the resource or a whole field made a star. */
  private static String randomPattern(String arn, Random random) {
    String[] f = arn.split(":", 6);
    if (f.length < 6) {
      return arn;
    }
    int field = random.nextInt(6);
    String v = f[field];
    if (field < 5 || v.isEmpty()) {
      f[field] = random.nextBoolean() ? "*" : v;
    } else {
      int from = random.nextInt(v.length());
      int to = from + random.nextInt(v.length() - from + 1);
      f[field] = v.substring(0, from) + (random.nextBoolean() ? "*" : "?") + v.substring(to);
    }
    return String.join(":", f);
  }

  @Test
  void catalogFormatsAgreeWithSampleArns() {
    Catalog catalog = Catalog.bundled();
    ArnNamespaces namespaces = ArnNamespaces.of(catalog);
    Random random = new Random(42);
    int checked = 0;
    for (Service s : catalog.services()) {
      for (ResourceType t : s.resourceTypes()) {
        ResourceFormat format = ResourceFormat.of(t);
        if (format.namespace() == null) {
          continue;
        }
        for (int variant = 0; variant < 2; variant++) {
          String arn = sample(t.arnFormat(), variant);
          ResourceGlob arnGlob = ResourcePattern.of(arn).glob();
          assertTrue(
              format.globs().stream().anyMatch(g -> g.matches(arn)), arn + " in " + t.arnFormat());
          assertTrue(ResourceSemantics.intersects(ResourcePattern.of(arn), format), arn);
          String pattern = randomPattern(arn, random);
          ResourcePattern p = ResourcePattern.of(pattern);
          // Whenever a sample of any type of the namespace matches the pattern, the engine says
          // the pattern may name that type.
          List<ResourceType> others = namespaces.resourceTypes(format.namespace());
          for (int k = 0; k < Math.min(others.size(), 60); k++) {
            // EC2 has hundreds of types: a random sixty of them per pattern
            ResourceType other =
                others.size() <= 60 ? others.get(k) : others.get(random.nextInt(others.size()));
            ResourceFormat o = ResourceFormat.of(other);
            for (int v = 0; v < 2; v++) {
              String otherArn = sample(other.arnFormat(), v);
              if (oracle(pattern, otherArn)) {
                assertTrue(ResourceSemantics.intersects(p, o), pattern + " matches " + otherArn);
                checked++;
              }
            }
          }
          assertTrue(arnGlob.matches(arn), arn);
        }
      }
    }
    assertTrue(checked > 2000, "compared " + checked);
  }
}
