package dev.iampolicyls.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final Service SQS = Catalog.bundled().service("sqs").orElseThrow();

  @Test
  void aTypoGetsTheNearestNamesNotEveryNameInReach() {
    // DeleteMessage is within reach of "RecieveMessage" (four edits) but much further than
    // ReceiveMessage (two): offering it would be noise.
    assertEquals(List.of("ReceiveMessage"), Suggestions.closestActions(SQS, "RecieveMessage", 3));
  }

  @Test
  void namesOneEditFurtherThanTheNearestAreStillOffered() {
    // Nearest at one edit, so two edits still count; three are out of reach for four letters.
    assertEquals(
        List.of("abcd", "abce", "abxx"),
        Suggestions.closest(List.of("abxx", "abce", "abcd", "wxyz"), "abcz", 3));
    // An exact match leaves out what is two edits away.
    assertEquals(List.of("abcd"), Suggestions.closest(List.of("abxx", "abcd"), "abcd", 3));
  }

  @Test
  void caseIsIgnoredAndNothingFarIsOffered() {
    assertEquals(List.of("SendMessage"), Suggestions.closestActions(SQS, "sendmesage", 3));
    assertEquals(List.of(), Suggestions.closestActions(SQS, "CompletelyUnrelated", 3));
  }
}
