package dev.iampolicyls.cli;

import dev.iampolicyls.catalog.Catalog;
import picocli.CommandLine;

/** `--version`: the tool's version and the catalog it carries. */
final class VersionProvider implements CommandLine.IVersionProvider {
  static String toolVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v != null ? v : "dev";
  }

  @Override
  public String[] getVersion() {
    Catalog catalog = Catalog.bundled();
    return new String[] {
      "iam-policy-ls " + toolVersion(),
      "catalog: " + catalog.sourcePackage() + " " + catalog.sourceVersion()
    };
  }
}
