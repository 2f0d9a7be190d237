package dev.iampolicyls.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.completion.CompletionOptions;
import dev.iampolicyls.completion.CompletionResult;
import dev.iampolicyls.service.CancelChecker;
import dev.iampolicyls.service.PolicyLanguageService;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Completion given what {@link PolicyLanguageService#mayBeTemplate} said of the text (remembered
 * per version by the server) answers as reading the text as a template does, at every offset: for a
 * JSON policy (no template: empty at once), a JSON policy whose values name a template's marks
 * (read, and no template), a JSON template and a YAML one.
 */
class TemplateCompletionShortcutTest {
  private static final PolicyLanguageService SERVICE = PolicyLanguageService.bundled();

  private static final String POLICY =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
          + " \"Action\": [\"s3:GetObject\", \"ec2:Desc\"], \"Resource\": \"*\"}]}";
  private static final String POLICY_NAMING_MARKS =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Resources\", \"Effect\":"
          + " \"Allow\", \"Action\": \"tag:GetResources\", \"Resource\": \"*\", \"Condition\":"
          + " {\"StringEquals\": {\"aws:ResourceTag/kind\": \"AWS::S3::Bucket\"}}}]}";
  private static final String JSON_TEMPLATE =
      "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"Role\": {\"Type\":"
          + " \"AWS::IAM::Role\", \"Properties\": {\"AssumeRolePolicyDocument\": {\"Version\":"
          + " \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\":"
          + " \"lambda.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}, \"Policies\":"
          + " [{\"PolicyName\": \"p\", \"PolicyDocument\": {\"Version\": \"2012-10-17\","
          + " \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:Get\", \"Resource\":"
          + " \"*\"}]}}]}}}}";
  private static final String YAML_TEMPLATE =
      "Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n"
          + "      Policies:\n        - PolicyName: p\n          PolicyDocument:\n"
          + "            Statement:\n              - Effect: Allow\n"
          + "                Action: s3:Get\n                Resource: '*'\n";

  private static List<String> labels(Optional<CompletionResult> result) {
    return result.map(r -> r.items().stream().map(i -> i.label()).toList()).orElse(null);
  }

  @Test
  void answersAsReadingTheTextDoes() {
    int offered = 0;
    for (String text : List.of(POLICY, POLICY_NAMING_MARKS, JSON_TEMPLATE, YAML_TEMPLATE)) {
      boolean mayBeTemplate = PolicyLanguageService.mayBeTemplate(text);
      for (int offset = 0; offset <= text.length(); offset++) {
        Optional<CompletionResult> read =
            SERVICE.completeInTemplate(text, offset, CompletionOptions.PLAIN, CancelChecker.NEVER);
        Optional<CompletionResult> remembered =
            SERVICE.completeInTemplate(
                text, mayBeTemplate, offset, CompletionOptions.PLAIN, CancelChecker.NEVER);
        assertEquals(labels(read), labels(remembered), text + " at " + offset);
        offered += read.map(r -> r.items().size()).orElse(0);
      }
    }
    assertTrue(offered > 0, "the templates offer proposals somewhere");
  }

  @Test
  void aPlainJsonPolicyIsNoTemplateAtOnce() {
    assertFalse(PolicyLanguageService.mayBeTemplate(POLICY));
    assertTrue(PolicyLanguageService.mayBeTemplate(POLICY_NAMING_MARKS));
    assertTrue(
        SERVICE
            .completeInTemplate(POLICY, false, 80, CompletionOptions.PLAIN, CancelChecker.NEVER)
            .isEmpty());
  }
}
