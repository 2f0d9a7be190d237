package dev.iampolicyls.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The layout of random JSON templates agrees with parsing them whole: at every offset it finds the
 * resource a full parse puts there (from its key's quote to its closing brace), or none elsewhere;
 * that resource read alone gives the policies the whole template gives for it, at the same offsets;
 * and its line index is the text's. A text whose strings or brackets do not close has no resources
 * in its layout (it is read whole). Seeded, so a failure names a template that can be made again.
 */
class JsonTemplateLayoutTest {
  private static final String LOAD_BALANCER = "AWS::ElasticLoadBalancingV2::LoadBalancer";

  private static final String[] TYPES = {
    "AWS::S3::Bucket", "AWS::SQS::Queue", "AWS::IAM::Role", "AWS::IAM::ManagedPolicy", LOAD_BALANCER
  };

  @Test
  void agreesWithAFullParseAtEveryOffset() {
    for (long seed = 1; seed <= 60; seed++) {
      check(template(new Random(seed)), "seed " + seed);
    }
  }

  @Test
  void agreesOnTemplatesWithCrlfLineEnds() {
    for (long seed = 100; seed <= 110; seed++) {
      check(template(new Random(seed)).replace("\n", "\r\n"), "CRLF seed " + seed);
    }
  }

  @Test
  void findsNoResourceWhereAStringABracketOrTheResourcesDoNotClose() {
    String template = template(new Random(7));
    int action = template.indexOf("\"Action\": \"") + "\"Action\": \"".length();
    // A string being typed runs into its line's end.
    int lineEnd = template.indexOf('\n', action);
    String open =
        template.substring(0, action)
            + (lineEnd < 0 ? "" : template.substring(lineEnd)); // compact: to the text's end
    // The text stops inside the Resources object.
    String cut = template.substring(0, action - 1);
    // A statement list's bracket taken out: its brace then closes what a bracket opened.
    int bracket = template.lastIndexOf(']');
    String unmatched = template.substring(0, bracket) + template.substring(bracket + 1);
    for (String text : List.of(open, cut, unmatched)) {
      TemplateLayout layout = TemplateLayout.of(text);
      for (int offset = 0; offset <= text.length(); offset++) {
        assertNull(layout.resourceAt(offset), "at " + offset);
        assertNull(layout.excerptAt(offset), "at " + offset);
      }
    }
  }

  /** A Type that is no string, or has an escape, is read as a parse reads it. */
  @Test
  void readsATypeOnlyAParseReadsAlikeAsAParseDoes() {
    for (String type : List.of("5", "\"AWS::S3::Bucket\\u0020\"", "{\"Ref\": \"T\"}")) {
      String text =
          "{\"Resources\": {\"A\": {\"Type\": \"AWS::SQS::Queue\"}, \"B\": {\"Type\": "
              + type
              + "}}}";
      assertEquals(TemplateResources.of(text), TemplateLayout.of(text).resourceTypes(), text);
    }
  }

  @Test
  void findsNoResourceInAJsonPolicy() {
    String policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Resource\": {\"a\": {}}}]}";
    TemplateLayout layout = TemplateLayout.of(policy);
    for (int offset = 0; offset <= policy.length(); offset++) {
      assertNull(layout.resourceAt(offset));
    }
  }

  private static void check(String text, String what) {
    TemplateLayout layout = TemplateLayout.of(text);
    assertTrue(layout.json(), what);
    HostValue.Mapping root = (HostValue.Mapping) JsonFrontEnd.read(JsonDocument.parse(text));
    HostValue.Mapping resources = (HostValue.Mapping) root.get("Resources").orElseThrow();
    HostDocument whole = new CloudFormationFormat().read(text).orElseThrow();
    Map<String, String> parsedTypes = TemplateResources.of(text);
    boolean[] inResource = new boolean[text.length() + 1];
    for (HostValue.Entry e : resources.entries()) {
      String name = e.key().value();
      String type = parsedTypes.get(name); // or the table's variant the properties pick
      int start = e.key().offset();
      for (int offset = start; offset <= e.value().end(); offset++) {
        inResource[offset] = true;
        TemplateLayout.Resource r = layout.resourceAt(offset);
        assertNotNull(r, what + " at " + offset);
        assertEquals(name, r.name(), what + " at " + offset);
        assertEquals(type, r.type(), what + " at " + offset);
        assertEquals(start, r.start(), what + " at " + offset);
        assertEquals(e.value().end(), r.end(), what + " at " + offset);
      }
      // Read alone, the resource gives the whole template's policies for it, at its offsets.
      TemplateLayout.Excerpt excerpt = layout.excerptAt(start);
      List<String> expected = new ArrayList<>();
      for (EmbeddedPolicy p : whole.policies()) {
        if (p.name().startsWith("Resources/" + name + "/")) {
          expected.add(describe(p));
        }
      }
      List<String> read = new ArrayList<>();
      excerpt.read(excerpt.text()).ifPresent(d -> d.policies().forEach(p -> read.add(describe(p))));
      assertEquals(expected, read, what + ": " + name);
      assertEquals(
          text.substring(start, e.value().end()),
          excerpt.text().substring(start - excerpt.shift(), e.value().end() - excerpt.shift()),
          what + ": " + name);
    }
    assertEquals(parsedTypes, layout.resourceTypes(), what);
    for (int offset = 0; offset <= text.length(); offset++) {
      if (!inResource[offset]) {
        assertNull(layout.resourceAt(offset), what + " at " + offset);
        assertNull(layout.excerptAt(offset), what + " at " + offset);
      }
    }
    LineIndex lines = new LineIndex(text);
    for (int offset = 0; offset <= text.length(); offset++) {
      assertEquals(
          lines.positionAt(offset), layout.lines().positionAt(offset), what + " at " + offset);
    }
  }

  /** A policy's name, place, span and number of statements. */
  private static String describe(EmbeddedPolicy p) {
    return p.name()
        + " "
        + p.path()
        + " at "
        + p.offset()
        + "-"
        + (p.offset() + p.length())
        + " "
        + p.readings().get(0).statements().size()
        + " statements";
  }

  /**
   * A template of a few resources: buckets (some with a description holding braces, quotes and
   * escapes), queues, roles with inline policies, managed policies; indented by 2 or 4, or written
   * on as few lines as JSON allows; sometimes a format version and Parameters before the Resources,
   * and Outputs after.
   */
  private static String template(Random random) {
    boolean compact = random.nextInt(4) == 0;
    String nl = compact ? " " : "\n";
    String unit = compact ? "" : random.nextBoolean() ? "  " : "    ";
    List<String> sections = new ArrayList<>();
    if (random.nextBoolean()) {
      sections.add(unit + "\"AWSTemplateFormatVersion\": \"2010-09-09\"");
    }
    if (random.nextBoolean()) {
      sections.add(unit + "\"Parameters\": {\"Stage\": {\"Type\": \"String\"}}");
    }
    int count = 1 + random.nextInt(6);
    List<String> members = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String type = i == 0 ? "AWS::IAM::ManagedPolicy" : TYPES[random.nextInt(TYPES.length)];
      members.add(resource(random, unit + unit, nl, "Res" + i, type));
    }
    sections.add(
        unit
            + "\"Resources\":"
            + (random.nextBoolean() ? " " : nl)
            + "{"
            + nl
            + String.join("," + nl, members)
            + nl
            + unit
            + "}");
    if (random.nextBoolean()) {
      sections.add(unit + "\"Outputs\": {\"Out\": {\"Value\": {\"Ref\": \"Res0\"}}}");
    }
    return "{" + nl + String.join("," + nl, sections) + nl + "}" + nl;
  }

  private static String resource(Random random, String in, String nl, String name, String type) {
    String properties =
        switch (type) {
          case "AWS::IAM::ManagedPolicy" ->
              "{\"PolicyDocument\": " + policy(random, in + "  ", nl) + "}";
          case "AWS::IAM::Role" ->
              "{"
                  + nl
                  + in
                  + "  \"AssumeRolePolicyDocument\": {\"Statement\": [{\"Effect\": \"Allow\","
                  + " \"Principal\": {\"Service\": \"lambda.amazonaws.com\"},"
                  + " \"Action\": \"sts:AssumeRole\"}]}"
                  + (random.nextBoolean()
                      ? ","
                          + nl
                          + in
                          + "  \"Policies\": [{\"PolicyName\": \"inline\", \"PolicyDocument\": "
                          + policy(random, in + "    ", nl)
                          + "}]"
                      : "")
                  + nl
                  + in
                  + "}";
          case LOAD_BALANCER ->
              // The table's variant that the Type property picks; a string "Type" as a value.
              "{\"Name\": \"Type\", \"Type\": \""
                  + (random.nextBoolean() ? "network" : "application")
                  + "\"}";
          default ->
              random.nextBoolean()
                  ? "{\"Tags\": [], \"Description\": \"a \\\"{quoted\\\"} [bracket] \\\\\"}"
                  : null;
        };
    return in
        + "\""
        + name
        + "\": {"
        + nl
        + in
        + "  \"Type\": \""
        + type
        + "\""
        + (properties == null ? "" : "," + nl + in + "  \"Properties\": " + properties)
        + nl
        + in
        + "}";
  }

  private static String policy(Random random, String in, String nl) {
    List<String> statements = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      statements.add(
          in
              + "  {\"Effect\": \"Allow\", \"Action\": "
              + (random.nextBoolean()
                  ? "\"s3:GetObject\""
                  : "[\"sqs:SendMessage\", \"sqs:ReceiveMessage\"]")
              + ", \"Resource\": "
              + (random.nextBoolean() ? "\"*\"" : "{\"Fn::GetAtt\": [\"Res0\", \"Arn\"]}")
              + "}");
    }
    return "{"
        + nl
        + in
        + "\"Version\": \"2012-10-17\","
        + nl
        + in
        + "\"Statement\": ["
        + nl
        + String.join("," + nl, statements)
        + nl
        + in
        + "]"
        + nl
        + in.substring(2)
        + "}";
  }
}
