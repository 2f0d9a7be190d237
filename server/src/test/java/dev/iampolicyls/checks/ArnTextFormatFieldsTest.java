package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ResourceType;
import dev.iampolicyls.catalog.Service;
import org.junit.jupiter.api.Test;

/** The kept fields of a catalog ARN format are the plain split of it, for every format. */
class ArnTextFormatFieldsTest {
  @Test
  void everyBundledFormatsKeptFieldsAreItsFields() {
    int formats = 0;
    for (Service service : Catalog.bundled().services()) {
      for (ResourceType type : service.resourceTypes()) {
        for (String format : ArnText.formats(type)) {
          assertEquals(ArnText.fields(format), ArnText.formatFields(format), format);
          assertSame(ArnText.formatFields(format), ArnText.formatFields(format), format);
          formats++;
        }
      }
    }
    assertEquals(true, formats > 1_000, formats + " formats");
  }
}
