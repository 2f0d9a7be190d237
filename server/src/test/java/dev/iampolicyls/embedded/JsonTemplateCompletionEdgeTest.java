package dev.iampolicyls.embedded;

import static dev.iampolicyls.embedded.TemplateCompletions.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Completion at the edges of a policy in a JSON template, whose policy is parsed from its own span
 * of the template: the cursor just outside its braces, a policy on one line, as a JSON string or
 * empty, a key or value half typed, resources that hold no policy document, and the template's
 * first and last resources.
 */
class JsonTemplateCompletionEdgeTest {
  /** A topic, then a managed policy whose {@code POLICY} the tests write, then its roles. */
  private static final String TEMPLATE =
      """
      {
        "Resources": {
          "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "t"}},
          "Reader": {
            "Type": "AWS::IAM::ManagedPolicy",
            "Properties": {
              "PolicyDocument": POLICY,
              "Roles": []
            }
          }
        }
      }
      """;

  private static final String ONE_LINE =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
          + " \"s3:GetObject\", \"Resource\": \"*\"}]}";

  private static TemplateCompletions withPolicy(String policy) {
    return at(TEMPLATE.replace("POLICY", policy));
  }

  private static void nothingAt(String marked) {
    assertEquals(List.of(), at(marked).labels(), marked);
  }

  // ---- just outside the policy -----------------------------------------------------------------

  @Test
  void rightAfterThePolicysClosingBraceNothing() {
    nothingAt(TEMPLATE.replace("POLICY", ONE_LINE + "‸"));
    nothingAt(TEMPLATE.replace("POLICY", "{\n          \"Statement\": []\n        }‸"));
  }

  @Test
  void rightBeforeItsOpeningBraceNothing() {
    nothingAt(TEMPLATE.replace("POLICY", "‸" + ONE_LINE));
    nothingAt(TEMPLATE.replace("POLICY", "‸{\n          \"Statement\": []\n        }"));
  }

  // ---- the policy's shapes ---------------------------------------------------------------------

  @Test
  void aPolicyOnOneLineCompletesAsOneOnManyLines() {
    withPolicy(ONE_LINE.replace("s3:GetObject", "s3:GetOb‸"))
        .applies(
            "s3:GetObjectAcl",
            "        \"PolicyDocument\": {\"Version\": \"2012-10-17\", \"Statement\":"
                + " [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObjectAcl\", \"Resource\":"
                + " \"*\"}]},");
  }

  /** Its characters are escaped in the string: a proposal written as JSON would break it. */
  @Test
  void aPolicyWrittenAsAJsonStringGetsNothing() {
    String asString = '"' + ONE_LINE.replace("\"", "\\\"") + '"';
    nothingAt(TEMPLATE.replace("POLICY", asString.replace("s3:GetObject", "s3:GetOb‸")));
    nothingAt(TEMPLATE.replace("POLICY", asString.replace("{", "{‸")));
  }

  @Test
  void anEmptyPolicyGetsTheDocumentsKeys() {
    withPolicy("{‸}")
        .has("Version", "Statement")
        .applies("Statement", "        \"PolicyDocument\": {\"Statement\": []},");
    withPolicy("{\n          ‸\n        }")
        .applies("Version", "          \"Version\": \"2012-10-17\"");
  }

  // ---- half typed ------------------------------------------------------------------------------

  /** The string runs to the line's end: only what is typed before the cursor is replaced. */
  @Test
  void aValueWithoutItsClosingQuoteReplacesOnlyWhatIsTyped() {
    withPolicy(ONE_LINE.replace("s3:GetObject\"", "s3:GetOb‸"))
        .applies(
            "s3:GetObjectAcl",
            "        \"PolicyDocument\": {\"Version\": \"2012-10-17\", \"Statement\":"
                + " [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObjectAcl\", \"Resource\":"
                + " \"*\"}]},");
    withPolicy(
            "{\n          \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sqs:SendMes‸\n"
                + "          ]\n        }")
        .applies(
            "sqs:SendMessage",
            "          \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\"");
  }

  @Test
  void aKeyWithoutItsClosingQuoteIsCompleted() {
    withPolicy(ONE_LINE.replace("\"Version\"", "\"Ver‸"))
        .applies(
            "Version",
            "        \"PolicyDocument\": {\"Version\": \"2012-10-17\", \"Statement\":"
                + " [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\":"
                + " \"*\"}]},");
  }

  // ---- resources that hold no policy document --------------------------------------------------

  @Test
  void inAResourceWithNoPolicyNothing() {
    nothingAt(TEMPLATE.replace("POLICY", ONE_LINE).replace("\"t\"}", "\"t\", ‸}"));
    nothingAt(TEMPLATE.replace("POLICY", ONE_LINE).replace("AWS::SNS::Topic", "AWS::SNS::To‸"));
  }

  /** A permission's properties are one statement of the function's policy, not a document. */
  @Test
  void aLambdaPermissionsPropertiesGetNoPolicyKeys() {
    String permission =
        """
        {
          "Resources": {
            "Perm": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "Action": "lambda:InvokeFunction",
                "FunctionName": {"Ref": "Fn"},
                "Principal": "s3.amazonaws.com"
              }
            }
          }
        }
        """;
    nothingAt(permission.replace("\"Action\"", "‸\"Action\""));
    nothingAt(permission.replace("\"s3.amazonaws.com\"\n", "\"s3.amazonaws.com\",\n        \"‸\n"));
  }

  /** An event bus policy's Statement is a statement: the document's keys have no place in it. */
  @Test
  void anEventBusPolicysStatementGetsNoDocumentKeys() {
    nothingAt(
        """
        {
          "Resources": {
            "Bus": {
              "Type": "AWS::Events::EventBusPolicy",
              "Properties": {
                "StatementId": "s",
                "Statement": {"Effect": "Allow", "Principal": "*", "Resource": "*", "‸}
              }
            }
          }
        }
        """);
  }

  // ---- the new statement ---------------------------------------------------------------------

  /** Its members are indented one step of the template's own indentation, not the policy's. */
  @Test
  void aNewStatementIsIndentedByTheTemplatesStep() {
    TemplateCompletions c = withPolicy("{\n          \"Statement\": [‸\n          ]\n        }");
    String expected =
        TEMPLATE.replace(
            "POLICY",
            """
            {
                      "Statement": [{
                        "Effect": "Allow",
                        "Action": [],
                        "Resource": []
                      }
                      ]
                    }""");
    assertEquals(expected, c.apply("New statement"));
  }

  // ---- the template's first and last resources -------------------------------------------------

  @Test
  void aPolicyInTheFirstOrLastResourceOfAOneLineTemplate() {
    String reader =
        "\"Reader\": {\"Type\": \"AWS::IAM::ManagedPolicy\", \"Properties\": {\"PolicyDocument\":"
            + " {\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sqs:SendMes‸\"}]}}}";
    String topic = "\"Topic\": {\"Type\": \"AWS::SNS::Topic\"}";
    for (String resources : List.of(reader + ", " + topic, topic + ", " + reader)) {
      String marked = "{\"Resources\": {" + resources + "}}";
      TemplateCompletions c = at(marked).has("sqs:SendMessage");
      assertEquals(
          marked.replace("sqs:SendMes‸", "sqs:SendMessage"), c.apply("sqs:SendMessage"), marked);
      String typed = marked.replace("sqs:SendMes‸\"}]}}}", "sqs:SendMessage\"}]}}}‸");
      nothingAt(typed); // just past the last brace of the resource
    }
  }
}
