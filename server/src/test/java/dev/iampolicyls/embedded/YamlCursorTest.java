package dev.iampolicyls.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cursor's place in YAML, read from the text around it, half-typed lines included. */
class YamlCursorTest {
  private static YamlCursor at(String marked) {
    int offset = marked.indexOf('‸');
    return YamlCursor.find(marked.replace("‸", ""), offset);
  }

  private static void assertPlace(
      String marked, YamlCursor.Place place, List<Object> path, String prefix) {
    YamlCursor c = at(marked);
    assertEquals(place, c.place(), marked);
    assertEquals(path, c.path(), marked);
    assertEquals(prefix, c.prefix(), marked);
  }

  @Test
  void itemsAreNumberedByTheDashesOfTheirSequenceAbove() {
    assertPlace(
        """
        Policies:
          - PolicyName: a
            PolicyDocument:
              Statement:
                - Effect: Allow
                  Action:
                    - s3:GetObject
          - PolicyName: b
            PolicyDocument:
              Statement:
                - Effect: Deny
                  Action: x
                - Effect: Allow
                  Action:
                    - ec2:Desc‸
        """,
        YamlCursor.Place.ITEM,
        List.of("Policies", 1, "PolicyDocument", "Statement", 1, "Action"),
        "ec2:Desc");
  }

  /** The walk up skips lines at a step's column: earlier siblings, whatever they hold. */
  @Test
  void earlierSiblingsAtEachStepsColumnAddNothing() {
    assertPlace(
        """
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              Policies: !If [c, [], []]
              Statement:
          Reader:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Resource: x
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: ‸
        """,
        YamlCursor.Place.VALUE,
        List.of("Resources", "Reader", "Properties", "PolicyDocument", "Statement", 1, "Resource"),
        "");
    // A sequence at its owner key's column: the key at the dash's column is its owner.
    assertPlace(
        """
        Statement:
        - Effect: Allow
        Other:
        - Effect: Deny
        - Effect: Allow
          Act‸
        """,
        YamlCursor.Place.KEY,
        List.of("Other", 1),
        "Act");
  }

  @Test
  void anIndentlessSequenceBelongsToTheKeyAtItsColumn() {
    assertPlace(
        """
        Statement:
        - Effect: Allow
        - Effect: Allow
          Act‸
        """,
        YamlCursor.Place.KEY,
        List.of("Statement", 1),
        "Act");
  }

  @Test
  void aBlankLineIsANewKeyOfTheMapAtTheCursorsColumn() {
    assertPlace(
        """
        Statement:
          - Effect: Allow
            Condition:
              StringEquals:
                aws:x: y
            ‸
        """,
        YamlCursor.Place.KEY,
        List.of("Statement", 0),
        "");
  }

  @Test
  void aValueAfterItsKeyWithQuoteAndTag() {
    YamlCursor c =
        at(
            """
            Statement:
              - Resource: !Sub 'arn:${AWS::Partition}:s3:::b‸'
            """);
    assertEquals(YamlCursor.Place.VALUE, c.place());
    assertEquals(List.of("Statement", 0, "Resource"), c.path());
    assertEquals('\'', c.quote());
    assertEquals("!Sub", c.tag());
    assertEquals("arn:${AWS::Partition}:s3:::b", c.prefix());
  }

  @Test
  void aLowercaseWordEndingInAColonIsStillBeingTyped() {
    assertPlace(
        """
        Action:
          - s3:‸
        """,
        YamlCursor.Place.ITEM,
        List.of("Action"),
        "s3:");
    assertPlace("Effect:‸\n", YamlCursor.Place.VALUE, List.of("Effect"), "");
    assertEquals(true, at("Effect:‸\n").spaceBefore());
  }

  @Test
  void flowCollectionsOnTheLine() {
    assertPlace(
        "Statement:\n  - {Effect: Allow, Principal: {Service: [ec2.amazonaws.com, lam‸]}}\n",
        YamlCursor.Place.ITEM,
        List.of("Statement", 0, "Principal", "Service"),
        "lam");
    assertPlace(
        "Statement:\n  - {Effect: Allow, Act‸}\n",
        YamlCursor.Place.KEY,
        List.of("Statement", 0),
        "Act");
    assertEquals(true, at("Action: [a, b‸]").flow());
  }

  @Test
  void aFlowCollectionSpreadOverLinesOrATagsArgumentIsNoPlace() {
    assertNull(at("Action: [s3:GetObject, ‸\n  s3:PutObject]\n"));
    assertNull(at("Resource: !Join ['', [arn:aws:s3:::, ‸]]\n"));
  }

  @Test
  void commentsAndBlockScalarsAreNoPlace() {
    assertNull(at("Statement: # Act‸\n"));
    assertNull(at("Policy: |‸\n"));
  }

  @Test
  void crlfLineEnds() {
    assertPlace(
        "Statement:\r\n  - Effect: Allow\r\n    Act‸\r\n",
        YamlCursor.Place.KEY,
        List.of("Statement", 0),
        "Act");
  }
}
