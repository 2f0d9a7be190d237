package dev.iampolicyls.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** ResourceType writes out the equality a record would generate, and the same hash. */
class ResourceTypeTest {
  private static final ResourceType OBJECT =
      new ResourceType(
          "object", "arn:${Partition}:s3:::${BucketName}/${ObjectName}", List.of("s3:a", "s3:b"));

  /** What java.lang.runtime.ObjectMethods computes for a record: 0, then times 31 plus each. */
  private static int recordHash(ResourceType t) {
    int h = 0;
    for (Object component : new Object[] {t.name(), t.arnFormat(), t.conditionKeys()}) {
      h = 31 * h + Objects.hashCode(component);
    }
    return h;
  }

  @Test
  void hashIsTheRecordFormulaSoHashedSetsKeepTheirOrder() {
    assertEquals(recordHash(OBJECT), OBJECT.hashCode());
    ResourceType bucket =
        new ResourceType("bucket", "arn:${Partition}:s3:::${BucketName}", List.of());
    assertEquals(recordHash(bucket), bucket.hashCode());
    ResourceType unnamed = new ResourceType(null, null, List.of("k"));
    assertEquals(recordHash(unnamed), unnamed.hashCode());
  }

  @Test
  void equalByEveryComponent() {
    ResourceType same =
        new ResourceType(
            "object",
            "arn:${Partition}:s3:::${BucketName}/${ObjectName}",
            new java.util.ArrayList<>(List.of("s3:a", "s3:b")));
    assertEquals(OBJECT, same);
    assertEquals(same.hashCode(), OBJECT.hashCode());
    assertNotEquals(
        OBJECT, new ResourceType("objects", OBJECT.arnFormat(), OBJECT.conditionKeys()));
    assertNotEquals(OBJECT, new ResourceType(OBJECT.name(), "arn:x", OBJECT.conditionKeys()));
    assertNotEquals(OBJECT, new ResourceType(OBJECT.name(), OBJECT.arnFormat(), List.of("s3:a")));
    assertNotEquals(OBJECT, new ResourceType(null, OBJECT.arnFormat(), OBJECT.conditionKeys()));
    assertNotEquals(OBJECT, (Object) "object");
    assertEquals(new ResourceType(null, null, List.of()), new ResourceType(null, null, List.of()));
  }
}
