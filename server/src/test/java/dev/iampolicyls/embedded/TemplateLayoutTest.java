package dev.iampolicyls.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.syntax.LineIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The layout of random YAML templates agrees with reading them whole: at every offset it finds the
 * resource a full parse puts there (its name and Type), or none outside the Resources section; one
 * resource read alone gives the policies the whole template gives for it, at the same offsets; the
 * cursor's place found in that resource alone is the one found in the whole text; and its line
 * index is the text's. Seeded, so a failure names a template that can be made again.
 */
class TemplateLayoutTest {
  private static final String[] TYPES = {
    "AWS::S3::Bucket", "AWS::SQS::Queue", "AWS::IAM::Role", "AWS::IAM::ManagedPolicy"
  };

  @Test
  void agreesWithAFullParseAtEveryOffset() {
    for (long seed = 1; seed <= 60; seed++) {
      String text = template(new Random(seed));
      check(text, "seed " + seed);
    }
  }

  @Test
  void agreesOnTemplatesWithCrlfLineEnds() {
    for (long seed = 100; seed <= 110; seed++) {
      String text = template(new Random(seed)).replace("\n", "\r\n");
      check(text, "CRLF seed " + seed);
    }
  }

  @Test
  void findsNoResourceInATextWithoutAResourcesSection() {
    TemplateLayout layout = TemplateLayout.of("name: build\non: [push]\n");
    for (int offset = 0; offset <= 20; offset++) {
      assertNull(layout.resourceAt(offset));
    }
    assertTrue(layout.resourceTypes().isEmpty());
  }

  private static void check(String text, String what) {
    TemplateLayout layout = TemplateLayout.of(text);
    HostValue.Mapping root =
        (HostValue.Mapping)
            YamlFrontEnd.read(text).root().orElseThrow(() -> new AssertionError(what));
    HostValue.Mapping resources = (HostValue.Mapping) root.get("Resources").orElseThrow();
    Map<String, String> types = new LinkedHashMap<>();
    for (HostValue.Entry e : resources.entries()) {
      String name = e.key().value();
      String type = ((HostValue.Mapping) e.value()).string("Type").orElse(null);
      types.put(name, type);
      int lineStart = text.lastIndexOf('\n', e.key().offset()) + 1;
      // A block map's span runs on to the next key's token: only its own characters are compared.
      int end = e.value().end();
      while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      for (int offset = lineStart; offset <= end; offset++) {
        TemplateLayout.Resource r = layout.resourceAt(offset);
        assertNotNull(r, what + " at " + offset);
        assertEquals(name, r.name(), what + " at " + offset);
        assertEquals(type, r.type(), what + " at " + offset);
      }
    }
    assertEquals(types, layout.resourceTypes(), what);
    int resourcesLine = text.indexOf("Resources:");
    for (int offset = 0; offset <= resourcesLine; offset++) {
      assertNull(layout.resourceAt(offset), what + " at " + offset);
    }
    int outputs = text.indexOf("Outputs:");
    for (int offset = Math.max(0, outputs); outputs >= 0 && offset <= text.length(); offset++) {
      assertNull(layout.resourceAt(offset), what + " at " + offset);
    }
    checkExcerpts(text, layout, what);
    LineIndex lines = new LineIndex(text);
    for (int offset = 0; offset <= text.length(); offset++) {
      assertEquals(
          lines.positionAt(offset), layout.lines().positionAt(offset), what + " at " + offset);
    }
  }

  /** Each resource read alone: its policies, and the cursor's place at each of its offsets. */
  private static void checkExcerpts(String text, TemplateLayout layout, String what) {
    HostDocument whole = new CloudFormationFormat().read(text).orElseThrow();
    for (int offset = 0; offset <= text.length(); offset++) {
      TemplateLayout.Excerpt excerpt = layout.excerptAt(offset);
      if (excerpt == null) {
        continue;
      }
      TemplateLayout.Resource resource = layout.resourceAt(offset);
      if (offset == resource.start()) {
        List<String> expected = new ArrayList<>();
        for (EmbeddedPolicy p : whole.policies()) {
          if (p.name().startsWith("Resources/" + resource.name() + "/")) {
            expected.add(describe(text, p));
          }
        }
        List<String> read = new ArrayList<>();
        excerpt
            .read(excerpt.text())
            .ifPresent(d -> d.policies().forEach(p -> read.add(describe(text, p))));
        assertEquals(expected, read, what + ": " + resource.name());
      }
      int shift = excerpt.shift();
      YamlCursor alone = YamlCursor.find(excerpt.text(), offset - shift);
      assertEquals(
          YamlCursor.find(text, offset),
          alone == null ? null : alone.shifted(shift),
          what + " at " + offset);
    }
  }

  /**
   * A policy's name, place, span and statements. Its span ends at its last character: a block map
   * ends at the next key's token, which reading one resource alone does not have.
   */
  private static String describe(String text, EmbeddedPolicy p) {
    int end = p.offset() + p.length();
    while (end > p.offset() && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return p.name()
        + " "
        + p.path()
        + " at "
        + p.offset()
        + "-"
        + end
        + " "
        + p.readings().get(0).statements().size()
        + " statements";
  }

  /**
   * A template of a few resources: buckets, queues, roles with inline policies, managed policies,
   * blank and comment lines between them, an indentation of 2 or 4, sometimes a Parameters section
   * before and an Outputs section after.
   */
  private static String template(Random random) {
    String unit = random.nextBoolean() ? "  " : "    ";
    StringBuilder t = new StringBuilder();
    if (random.nextBoolean()) {
      t.append("AWSTemplateFormatVersion: \"2010-09-09\"\n");
    }
    if (random.nextBoolean()) {
      t.append("Parameters:\n").append(unit).append("Stage:\n");
      t.append(unit).append(unit).append("Type: String\n");
    }
    t.append("Resources:\n");
    if (random.nextBoolean()) {
      t.append("\n# the stack's resources\n");
    }
    int count = 1 + random.nextInt(6);
    for (int i = 0; i < count; i++) {
      String type = TYPES[random.nextInt(TYPES.length)];
      if (i == 0) {
        type = "AWS::IAM::ManagedPolicy"; // a policy in every template
      }
      resource(t, random, unit, "Res" + i, type);
      if (random.nextInt(3) == 0) {
        t.append(random.nextBoolean() ? "\n" : unit + "# between resources\n");
      }
    }
    if (random.nextBoolean()) {
      t.append("Outputs:\n").append(unit).append("Out:\n");
      t.append(unit).append(unit).append("Value: !Ref Res0\n");
    }
    return t.toString();
  }

  private static void resource(
      StringBuilder t, Random random, String unit, String name, String type) {
    String in = unit + unit;
    t.append(unit).append(name).append(":\n");
    String quote = random.nextInt(4) == 0 ? "\"" : "";
    t.append(in).append("Type: ").append(quote).append(type).append(quote).append('\n');
    switch (type) {
      case "AWS::IAM::ManagedPolicy" -> {
        t.append(in).append("Properties:\n");
        t.append(in).append(unit).append("PolicyDocument:\n");
        statements(t, random, in + unit + unit);
      }
      case "AWS::IAM::Role" -> {
        t.append(in).append("Properties:\n");
        t.append(in).append(unit).append("AssumeRolePolicyDocument:\n");
        String doc = in + unit + unit;
        t.append(doc).append("Statement:\n");
        t.append(doc).append("  - Effect: Allow\n");
        t.append(doc).append("    Principal: {Service: lambda.amazonaws.com}\n");
        t.append(doc).append("    Action: sts:AssumeRole\n");
        if (random.nextBoolean()) {
          t.append(in).append(unit).append("Policies:\n");
          t.append(in).append(unit).append("  - PolicyName: inline\n");
          t.append(in).append(unit).append("    PolicyDocument:\n");
          statements(t, random, in + unit + "      ");
        }
      }
      default -> {
        if (random.nextBoolean()) {
          t.append(in).append("Properties:\n");
          t.append(in).append(unit).append("Tags: []\n");
        }
      }
    }
  }

  private static void statements(StringBuilder t, Random random, String indent) {
    t.append(indent).append("Version: \"2012-10-17\"\n");
    t.append(indent).append("Statement:\n");
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      t.append(indent).append("  - Effect: Allow\n");
      t.append(indent)
          .append("    Action: ")
          .append(random.nextBoolean() ? "s3:GetObject" : "[sqs:SendMessage, sqs:ReceiveMessage]")
          .append('\n');
      if (random.nextBoolean()) {
        t.append(indent).append("    # where\n");
      }
      t.append(indent)
          .append("    Resource: ")
          .append(random.nextBoolean() ? "'*'" : "!GetAtt Res0.Arn")
          .append('\n');
    }
  }
}
