package dev.iampolicyls.completion;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceAndPrincipalCompletionTest {
  private static final String OBJECT_ARN = "arn:aws:s3:::${BucketName}/${ObjectName}";

  private static String statement(String body) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{" + body + "}]}";
  }

  @Test
  void arnsOfTheResourceTypesTheActionsSupport() {
    Completions c = Completions.at(statement("\"Action\": \"s3:GetObject\", \"Resource\": \"|\""));
    c.has("*", OBJECT_ARN).lacks("arn:aws:s3:::${BucketName}");
    assertEquals("s3 object", c.item(OBJECT_ARN).detail());
    assertEquals(
        statement("\"Action\": \"s3:GetObject\", \"Resource\": \"" + OBJECT_ARN + "\""),
        c.apply(OBJECT_ARN));
  }

  @Test
  void withSnippetsThePlaceholdersAreTabStops() {
    Completions c =
        Completions.withSnippets(statement("\"Action\": \"s3:GetObject\", \"Resource\": \"|\""));
    CompletionItem item = c.item(OBJECT_ARN);
    assertTrue(item.snippet());
    assertEquals("\"arn:aws:s3:::${1:BucketName}/${2:ObjectName}\"", item.edit().newText());
    // The star has no tab stop: it stays plain text.
    assertFalse(c.item("*").snippet());
  }

  @Test
  void typedTextFillsThePlaceholders() {
    Completions c =
        Completions.at(
            statement(
                "\"Action\": [\"s3:GetObject\", \"s3:ListBucket\"], \"Resource\":"
                    + " [\"arn:aws:s3:::my-bucket/|\"]"));
    c.has("arn:aws:s3:::my-bucket/${ObjectName}").lacks("arn:aws:s3:::${BucketName}", "*");
    assertTrue(c.result.incomplete());
    Completions bucket =
        Completions.at(
            statement(
                "\"Action\": [\"s3:GetObject\", \"s3:ListBucket\"], \"Resource\":"
                    + " [\"ARN:aws:s3:::my-b|\"]"));
    bucket.has("arn:aws:s3:::my-b", "arn:aws:s3:::my-b/${ObjectName}");
  }

  @Test
  void aTypedServiceInTheArnAddsItsResourceTypes() {
    Completions.at(statement("\"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:dynamodb:|\""))
        .has("arn:aws:dynamodb:${Region}:${Account}:table/${TableName}")
        .lacks(OBJECT_ARN);
  }

  @Test
  void withoutKnownActionsOnlyTheStar() {
    assertEquals(
        List.of("*"), Completions.at(statement("\"Action\": \"*\", \"Resource\": |")).labels());
    assertEquals(List.of("*"), Completions.at(statement("\"NotResource\": \"|\"")).labels());
  }

  @Test
  void principalStarAsTheWholePrincipal() {
    Completions c = Completions.at(statement("\"Principal\": |"));
    assertEquals(List.of("*"), c.labels());
    assertEquals(statement("\"Principal\": \"*\""), c.apply("*"));
  }

  @Test
  void servicePrincipals() {
    Completions c = Completions.at(statement("\"Principal\": {\"Service\": \"ec|\"}"));
    c.has("ec2.amazonaws.com", "ecs-tasks.amazonaws.com", "ecs.amazonaws.com")
        .lacks("lambda.amazonaws.com");
    assertEquals(
        statement("\"Principal\": {\"Service\": \"ecs-tasks.amazonaws.com\"}"),
        c.apply("ecs-tasks.amazonaws.com"));
    Completions.at(statement("\"Principal\": {\"Service\": [\"lambda.amazonaws.com\", |]}"))
        .has("lambda.amazonaws.com", "states.amazonaws.com");
  }

  @Test
  void awsPrincipals() {
    Completions c = Completions.at(statement("\"Principal\": {\"AWS\": \"|\"}"));
    c.has(
        "arn:aws:iam::${Account}:root",
        "arn:aws:iam::${Account}:role/${RoleName}",
        "arn:aws:iam::${Account}:user/${UserName}",
        "*");
    Completions typed =
        Completions.at(statement("\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:r|\"}"));
    typed.has("arn:aws:iam::${Account}:root", "arn:aws:iam::${Account}:role/${RoleName}");
    assertEquals(
        statement("\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:role/${RoleName}\"}"),
        typed.apply("arn:aws:iam::${Account}:role/${RoleName}"));
  }

  @Test
  void federatedPrincipals() {
    Completions.at(statement("\"Principal\": {\"Federated\": \"|\"}"))
        .has(
            "cognito-identity.amazonaws.com",
            "arn:aws:iam::${Account}:saml-provider/${ProviderName}",
            "arn:aws:iam::${Account}:oidc-provider/${ProviderHost}",
            "accounts.google.com",
            "graph.facebook.com",
            "www.amazon.com");
  }

  @Test
  void aCanonicalUserBeingTypedHasNoProposals() {
    // An empty one gets the 64-hex placeholder (SkeletonAndExampleCompletionTest); a typed one
    // has nothing to add.
    assertEquals(
        List.of(),
        Completions.at(statement("\"Principal\": {\"CanonicalUser\": \"79a5|\"}")).labels());
  }
}
