package dev.iampolicyls.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Reading one resource of a template keeps every offset: the text its policies are read from is the
 * template with only characters before the resource made spaces.
 */
class ResourceBlankingTest {
  @Test
  void everyLineEndStaysAndEveryOtherCharacterBeforeTheResourceIsASpace() {
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
              "Outputs: {}",
              "");
      int offset = text.indexOf("ManagedPolicy");
      TemplateLayout.Excerpt excerpt = TemplateLayout.of(text).excerptAt(offset);
      String only = excerpt.read(excerpt.text()).orElseThrow().text();
      int start = text.indexOf("  Second:");
      int end = text.indexOf("Outputs");
      assertEquals(text.substring(start, end), only.substring(start), eol.replace("\r", "CR"));
      String expectedBefore =
          text.substring(0, start)
                  .replaceAll("[^\r\n]", " ")
                  .substring(0, text.indexOf("Resources:"))
              + "Resources:"
              + text.substring(text.indexOf("Resources:") + 10, start).replaceAll("[^\r\n]", " ");
      assertEquals(expectedBefore, only.substring(0, start), eol.replace("\r", "CR"));
    }
  }
}
