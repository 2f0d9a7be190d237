package dev.iampolicyls.completion;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * An accepted proposal replaces exactly the string being typed, also while its closing quote is
 * missing (an editor without auto-closing quotes): what the user typed after it stays.
 */
class UnterminatedStringEditTest {

  @Test
  void beforeAClosingBracket() {
    String text =
        "{\n  \"Statement\": [{\n    \"Effect\": \"Allow\",\n"
            + "    \"Action\": [\"s3:ListBucket\", \"s3:GetObj|],\n"
            + "    \"Resource\": \"*\"\n  }]\n}";
    assertEquals(
        "{\n  \"Statement\": [{\n    \"Effect\": \"Allow\",\n"
            + "    \"Action\": [\"s3:ListBucket\", \"s3:GetObject\"],\n"
            + "    \"Resource\": \"*\"\n  }]\n}",
        Completions.at(text).apply("s3:GetObject"));
  }

  @Test
  void beforeAClosingBrace() {
    String text = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObj|}]}";
    assertEquals(
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\"}]}",
        Completions.at(text).apply("s3:GetObject"));
  }

  @Test
  void beforeACommaAndTheNextMember() {
    // The next key's opening quote seems to close the string: it must survive too.
    String text =
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObj|, \"Resource\": \"*\"}]}";
    assertEquals(
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\":"
            + " \"*\"}]}",
        Completions.at(text).apply("s3:GetObject"));
  }

  @Test
  void beforeACommaInAnArray() {
    String text = "{\"Statement\": [{\"Action\": [\"s3:GetObj|, \"s3:PutObject\"]}]}";
    assertEquals(
        "{\"Statement\": [{\"Action\": [\"s3:GetObject\", \"s3:PutObject\"]}]}",
        Completions.at(text).apply("s3:GetObject"));
  }

  @Test
  void atTheEndOfTheDocument() {
    String text = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObj|";
    assertEquals(
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"",
        Completions.at(text).apply("s3:GetObject"));
  }

  @Test
  void atTheEndOfALineWithMoreLinesFollowing() {
    String text =
        "{\n  \"Statement\": [{\n    \"Action\": [\n      \"s3:GetObj|\n    ],\n"
            + "    \"Resource\": \"*\"\n  }]\n}";
    assertEquals(
        "{\n  \"Statement\": [{\n    \"Action\": [\n      \"s3:GetObject\"\n    ],\n"
            + "    \"Resource\": \"*\"\n  }]\n}",
        Completions.at(text).apply("s3:GetObject"));
  }

  @Test
  void unterminatedKeyBeforeAClosingBrace() {
    String text = "{\"Statement\": [{\"Effect\": \"Allow\", \"Reso|}]}";
    assertEquals(
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Resource\": \"\"}]}",
        Completions.at(text).apply("Resource"));
  }

  @Test
  void servicePrefixWithoutSnippetsKeepsWhatFollows() {
    // The plain-text service prefix leaves the cursor in an open string; the bracket stays.
    String text = "{\"Statement\": [{\"Action\": [\"s|]}]}";
    assertEquals("{\"Statement\": [{\"Action\": [\"s3:]}]}", Completions.at(text).apply("s3:"));
  }

  @Test
  void aClosedStringIsStillReplacedWhole() {
    String text = "{\"Statement\": [{\"Action\": [\"s3:GetObj|ect\"]}]}";
    assertEquals(
        "{\"Statement\": [{\"Action\": [\"s3:GetObject\"]}]}",
        Completions.at(text).apply("s3:GetObject"));
  }
}
