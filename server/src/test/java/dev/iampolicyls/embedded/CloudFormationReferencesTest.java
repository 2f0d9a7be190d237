package dev.iampolicyls.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ResourceType;
import dev.iampolicyls.embedded.CloudFormationReferences.Kind;
import dev.iampolicyls.embedded.CloudFormationReferences.ReturnValue;
import dev.iampolicyls.semantics.ResourceFit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table of what Ref and Fn::GetAtt give agrees with itself and with the catalog. */
class CloudFormationReferencesTest {
  @Test
  void everyArnHasTheShapeOfItsCatalogResourceType() {
    Catalog catalog = Catalog.bundled();
    List<String> wrong = new ArrayList<>();
    for (ReturnValue v : CloudFormationReferences.all()) {
      if (!v.namesResource()) {
        continue;
      }
      ResourceType type =
          catalog.service(v.service()).flatMap(s -> s.resourceType(v.iamTypeName())).orElse(null);
      if (type == null) {
        wrong.add(v + ": no such catalog resource type");
        continue;
      }
      // A log group's Arn adds :* for its streams, and an alias's name holds alias/ already;
      // every other ARN is the catalog's own shape.
      String shape = fieldsBlanked(v.arn().replaceFirst(":\\*$", ""));
      boolean matches = false;
      for (String format : type.arnFormat().split(",\\s*")) {
        matches |= fieldsBlanked(format.replace(":alias/", ":")).equals(shape);
      }
      if (!matches) {
        wrong.add(v + " vs " + type.arnFormat());
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyStandInArnNamesItsOwnTypeAsTheChecksReadIt() {
    // A template reference stands in as arnWith(aws, us-east-1, account, logical id), a name or
    // id inside an ARN as its valueStandIn: the checks must read that ARN as the row's type, or
    // RESOURCE_MISMATCH would misfire on it.
    Catalog catalog = Catalog.bundled();
    List<String> wrong = new ArrayList<>();
    for (ReturnValue v : CloudFormationReferences.all()) {
      if (!v.namesResource()) {
        continue;
      }
      String name = v.kind() == Kind.ARN ? "Logical" : v.valueStandIn("Logical");
      String standIn = v.arnWith("aws", "us-east-1", "123456789012", name);
      List<String> named =
          ResourceFit.typesNamedBy(catalog, standIn).orElse(List.of()).stream()
              .map(f -> f.type().name())
              .toList();
      if (!named.contains(v.iamTypeName())) {
        wrong.add(v.resourceType() + " " + v.value() + ": " + standIn + " names " + named);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void kindsAgreeWithTheArnColumnAndEachValueIsListedOnce() {
    Set<String> seen = new HashSet<>();
    for (ReturnValue v : CloudFormationReferences.all()) {
      assertTrue(seen.add(v.resourceType() + " " + v.value()), v::toString);
      boolean resource = v.kind() != Kind.URL && v.kind() != Kind.OTHER;
      assertEquals(resource, v.namesResource(), v::toString);
      assertEquals(resource, !v.iamResourceType().isEmpty(), v::toString);
      if (resource) {
        assertTrue(v.arn().contains("${Name}"), v::toString);
      }
    }
    assertTrue(seen.size() > 150, "rows: " + seen.size());
  }

  @Test
  void commonTypesAnswerRefAndArn() {
    ReturnValue bucketRef = CloudFormationReferences.ref("AWS::S3::Bucket").orElseThrow();
    assertEquals(Kind.NAME, bucketRef.kind());
    ReturnValue bucketArn =
        CloudFormationReferences.attribute("AWS::S3::Bucket", "Arn").orElseThrow();
    assertEquals(Kind.ARN, bucketArn.kind());
    assertEquals("s3", bucketArn.service());
    assertEquals("bucket", bucketArn.iamTypeName());
    assertEquals(
        "arn:aws:s3:::DataBucket",
        bucketArn.arnWith("aws", "us-east-1", "123456789012", "DataBucket"));

    assertEquals(Kind.URL, CloudFormationReferences.ref("AWS::SQS::Queue").orElseThrow().kind());
    assertEquals(Kind.ARN, CloudFormationReferences.ref("AWS::SNS::Topic").orElseThrow().kind());
    assertEquals(
        "arn:aws:logs:us-east-1:123456789012:log-group:Logs:*",
        CloudFormationReferences.attribute("AWS::Logs::LogGroup", "Arn")
            .orElseThrow()
            .arnWith("aws", "us-east-1", "123456789012", "Logs"));
    assertEquals(
        "dynamodb:stream",
        CloudFormationReferences.attribute("AWS::DynamoDB::Table", "StreamArn")
            .orElseThrow()
            .iamResourceType());
    assertEquals(
        Kind.OTHER, CloudFormationReferences.ref("AWS::CodeCommit::Repository").get().kind());
    assertFalse(CloudFormationReferences.ref("AWS::Made::Up").isPresent());
    assertFalse(CloudFormationReferences.attribute("AWS::S3::Bucket", "Nothing").isPresent());
    assertEquals(
        CloudFormationReferences.REF, CloudFormationReferences.of("AWS::IAM::Role").get(0).value());
  }

  /** The ARN with every ${...} field as one mark, so names of fields do not matter. */
  private static String fieldsBlanked(String arn) {
    return arn.replaceAll("\\$\\{[^}]*}", "\\${}");
  }
}
