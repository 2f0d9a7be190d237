package dev.iampolicyls.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading one resource of a template keeps every offset: the excerpt is the {@code Resources:} line
 * and the resource's lines, and what is read from it lies at the template's offsets, in documents
 * whose text is the template.
 */
class ResourceBlankingTest {
  @Test
  void theResourceReadAloneIsAtItsOffsetsInTheTemplate() {
    for (String eol : new String[] {"\n", "\r\n"}) {
      String text =
          String.join(
              eol,
              "AWSTemplateFormatVersion: \"2010-09-09\"",
              "Resources:",
              "  First:",
              "    Type: AWS::S3::Bucket",
              "",
              "  Second:",
              "    Type: AWS::IAM::ManagedPolicy",
              "    Properties:",
              "      PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject}]}",
              "Outputs: {}",
              "");
      String what = eol.replace("\r", "CR");
      int offset = text.indexOf("ManagedPolicy");
      TemplateLayout.Excerpt excerpt = TemplateLayout.of(text).excerptAt(offset);
      int start = text.indexOf("  Second:");
      int end = text.indexOf("Outputs");
      assertEquals("Resources:" + eol + text.substring(start, end), excerpt.text(), what);
      assertEquals(start, excerpt.shift() + ("Resources:" + eol).length(), what);
      HostDocument read = excerpt.read(excerpt.text()).orElseThrow();
      assertEquals(text, read.text(), what);
      EmbeddedPolicy policy = read.policies().get(0);
      assertEquals(List.of("Resources", "Second", "Properties", "PolicyDocument"), policy.path());
      assertEquals(text.indexOf("{Statement"), policy.offset(), what);
      assertEquals(
          "{Statement: [{Effect: Allow, Action: s3:GetObject}]}".length(), policy.length());
    }
  }
}
