package dev.iampolicyls.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ResourceType;
import org.junit.jupiter.api.Test;

/** Typed ARN formats against Resource patterns, and the breadth classes built on them. */
class ResourceSemanticsTest {
  private final Catalog catalog = Catalog.bundled();

  private Action action(String name) {
    return catalog.action(name).orElseThrow();
  }

  private ResourceFormat type(String service, String name) {
    ResourceType t = catalog.service(service).orElseThrow().resourceType(name).orElseThrow();
    return ResourceFormat.of(t);
  }

  private static boolean names(String pattern, ResourceFormat format) {
    return ResourceSemantics.intersects(ResourcePattern.of(pattern), format);
  }

  @Test
  void bucketNamesHoldNoSlash() {
    ResourceFormat bucket = type("s3", "bucket");
    ResourceFormat object = type("s3", "object");
    assertFalse(names("arn:aws:s3:::my-bucket/*", bucket));
    assertTrue(names("arn:aws:s3:::my-bucket/*", object));
    assertTrue(names("arn:aws:s3:::my-bucket*", bucket));
    assertTrue(names("arn:aws:s3:::my-bucket*", object));
    assertFalse(names("arn:aws:s3:::my-bucket", object));
    // A policy variable is some value without a slash.
    assertFalse(names("arn:aws:s3:::${aws:username}/x", bucket));
    assertTrue(names("arn:aws:s3:::b/${aws:username}", object));
  }

  @Test
  void accountsRegionsAndPartitionsAreTyped() {
    ResourceFormat role = type("iam", "role");
    ResourceFormat queue = type("sqs", "queue");
    assertTrue(names("arn:aws:iam::123456789012:role/r", role));
    assertFalse(names("arn:aws:iam::12345:role/r", role)); // not 12 digits
    assertTrue(names("arn:aws:iam::aws:role/r", role)); // AWS-owned
    assertTrue(names("arn:aws:iam::????????????:role/r", role));
    assertFalse(names("arn:aws:iam::us-east-1:123456789012:role/r", role));
    assertTrue(names("arn:aws:sqs:us-east-1:123456789012:q", queue));
    assertFalse(names("arn:aws:sqs::123456789012:q", queue)); // a queue has a Region
    assertFalse(names("arn:aws:sqs:us_east_1:123456789012:q", queue));
    assertFalse(names("arn:a1:sqs:us-east-1:123456789012:q", queue));
    // A star in a field stays in it: it cannot swallow the colons after the account.
    assertFalse(names("arn:aws:iam::*:instance-profile/p", role));
  }

  @Test
  void breadthClasses() {
    Action passRole = action("iam:PassRole");
    assertEquals(ResourceBreadth.EVERY_RESOURCE, ResourceSemantics.breadth("*", passRole));
    assertEquals(
        ResourceBreadth.EVERY_RESOURCE,
        ResourceSemantics.breadth("arn:aws:iam::*:role/*", passRole));
    assertEquals(
        ResourceBreadth.EVERY_RESOURCE, ResourceSemantics.breadth("arn:*:iam::*:role*", passRole));
    assertEquals(
        ResourceBreadth.EVERY_RESOURCE_OF_TYPE_IN_ACCOUNT,
        ResourceSemantics.breadth("arn:aws:iam::123456789012:role/*", passRole));
    assertEquals(
        ResourceBreadth.EVERY_RESOURCE_OF_TYPE_IN_ACCOUNT,
        ResourceSemantics.breadth("arn:aws:iam::${aws:PrincipalAccount}:role/*", passRole));
    assertEquals(
        ResourceBreadth.NAMED,
        ResourceSemantics.breadth("arn:aws:iam::123456789012:role/app-*", passRole));
    assertEquals(
        ResourceBreadth.NAMED,
        ResourceSemantics.breadth("arn:aws:iam::123456789012:role/app", passRole));
    // A variable is one value, whatever it holds: it never covers every role.
    assertEquals(
        ResourceBreadth.NAMED,
        ResourceSemantics.breadth("arn:aws:iam::123456789012:role/${aws:username}", passRole));
    // Roles with a path are roles too: role/service-role/* leaves the others out.
    assertEquals(
        ResourceBreadth.NAMED,
        ResourceSemantics.breadth("arn:aws:iam::123456789012:role/service-role/*", passRole));
    assertEquals(
        ResourceBreadth.NO_RESOURCE,
        ResourceSemantics.breadth("arn:aws:iam::123456789012:user/*", passRole));
  }

  @Test
  void breadthCoversEveryTypeTheActionsAccept() {
    Action stopLogging = action("cloudtrail:StopLogging");
    assertEquals(
        ResourceBreadth.EVERY_RESOURCE,
        ResourceSemantics.breadth("arn:*:cloudtrail:*:*:trail/*", stopLogging));
    // One Region of an account is not every trail of it.
    assertEquals(
        ResourceBreadth.NAMED,
        ResourceSemantics.breadth(
            "arn:aws:cloudtrail:us-east-1:123456789012:trail/*", stopLogging));
    // s3:GetObject acts on objects and on objects through access points: */* is not both.
    Action getObject = action("s3:GetObject");
    assertEquals(ResourceBreadth.NAMED, ResourceSemantics.breadth("arn:aws:s3:::*/*", getObject));
    assertEquals(
        ResourceBreadth.EVERY_RESOURCE, ResourceSemantics.breadth("arn:aws:s3:*:*:*", getObject));
    // An action the catalog lists without resource types: only "*" is broad.
    Action listBuckets = action("s3:ListAllMyBuckets");
    assertEquals(ResourceBreadth.EVERY_RESOURCE, ResourceSemantics.breadth("*", listBuckets));
    assertEquals(ResourceBreadth.NAMED, ResourceSemantics.breadth("arn:*:s3:::*", listBuckets));
  }
}
