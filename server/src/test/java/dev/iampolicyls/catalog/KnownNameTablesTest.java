package dev.iampolicyls.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tables kept beside the catalog agree with the bundled catalog, line by line. */
class KnownNameTablesTest {
  private static final Catalog CATALOG = Catalog.bundled();

  @Test
  void everyOperationIsNoActionAndItsActionIs() {
    Map<String, String> all = OperationActions.all();
    assertTrue(all.size() > 40, "the table is read: " + all.size());
    all.forEach(
        (operation, action) -> {
          assertTrue(CATALOG.matchActions(operation).isEmpty(), operation + " is an action");
          assertFalse(CATALOG.matchActions(action).isEmpty(), action + " matches no action");
          assertEquals(
              operation.substring(0, operation.indexOf(':')),
              action.substring(0, action.indexOf(':')),
              operation + " is authorized by an action of its own service");
        });
  }

  @Test
  void operationsAreFoundInAnyCase() {
    assertEquals(
        "s3:ListAllMyBuckets", OperationActions.authorizing("S3:listbuckets").orElseThrow());
    assertTrue(OperationActions.authorizing("s3:GetObject").isEmpty());
  }

  @Test
  void everyRetiredPrefixIsUnknownAndItsSuccessorKnown() {
    assertFalse(RetiredPrefixes.all().isEmpty());
    for (RetiredPrefixes.Retired r : RetiredPrefixes.all()) {
      assertTrue(CATALOG.service(r.prefix()).isEmpty(), r.prefix() + " is a service");
      assertTrue(CATALOG.service(r.successor()).isPresent(), r.successor() + " is no service");
      assertTrue(r.why().contains(r.successor()), "the reason names " + r.successor());
    }
    assertEquals("macie2", RetiredPrefixes.of("Macie").orElseThrow().successor());
  }

  @Test
  void everyUnlistedConditionKeyIsStillUnlistedAndHasAReason() {
    assertTrue(UnlistedConditionKeys.contains("LakeFormation:GlueArn"));
    UnlistedConditionKeys.all()
        .forEach(
            (key, reason) -> {
              assertTrue(CATALOG.conditionKey(key).isEmpty(), key + " is listed now: remove it");
              assertTrue(reason.startsWith("used in the AWS managed policy"), key + ": " + reason);
            });
  }
}
