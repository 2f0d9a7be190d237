package dev.iampolicyls.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DocumentationUrlsTest {

  @Test
  void slugDropsSpacesAndParenthesesButKeepsHyphensAndDots() {
    assertEquals("amazons3", DocumentationUrls.slug("s3", "Amazon S3"));
    assertEquals(
        "awsidentityandaccessmanagementiam",
        DocumentationUrls.slug("iam", "AWS Identity and Access Management (IAM)"));
    assertEquals("awsx-ray", DocumentationUrls.slug("xray", "AWS X-Ray"));
    assertEquals("amazonappstream2.0", DocumentationUrls.slug("appstream", "Amazon AppStream 2.0"));
    assertEquals(
        "awsmicroserviceextractorfor.net",
        DocumentationUrls.slug("serviceextract", "AWS Microservice Extractor for .NET"));
    assertEquals(
        "amazonapplicationrecoverycontroller-zonalshift",
        DocumentationUrls.slug(
            "arc-zonal-shift", "Amazon Application Recovery Controller - Zonal Shift"));
  }

  @Test
  void exceptionsComeFromTheTable() {
    assertEquals(
        "awsservice-oracledatabase_aws",
        DocumentationUrls.slug("odb", "AWS Service - Oracle Database@AWS"));
  }

  @Test
  void actionAnchorKeepsTheActionCase() {
    assertEquals(
        "https://docs.aws.amazon.com/service-authorization/latest/reference/"
            + "list_amazons3.html#amazons3-GetObject",
        DocumentationUrls.action("amazons3", "GetObject"));
  }
}
