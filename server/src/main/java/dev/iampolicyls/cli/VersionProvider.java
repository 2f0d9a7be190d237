package dev.iampolicyls.cli;

import dev.iampolicyls.catalog.Catalog;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine;

/** `--version`: the tool's version and the catalog in use (the one --catalog names, if given). */
final class VersionProvider implements CommandLine.IVersionProvider {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  static String toolVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v != null ? v : "dev";
  }

  @Override
  public String[] getVersion() {
    Path file = null;
    if (spec != null && spec.findOption("--catalog") != null) {
      file = spec.findOption("--catalog").getValue();
    }
    String catalogLine;
    try {
      Catalog catalog = CatalogChoice.load(file);
      catalogLine =
          "catalog: "
              + catalog.sourcePackage()
              + " "
              + catalog.sourceVersion()
              + (file == null ? " (bundled)" : " (" + file + ")")
              + (catalog.usageSource().isEmpty()
                  ? ", no usage ranking"
                  : ", usage ranking from " + catalog.usageSource() + " " + catalog.usageVersion());
    } catch (IOException e) {
      catalogLine = "catalog: cannot read " + file + ": " + e.getMessage();
    }
    return new String[] {"iam-policy-ls " + toolVersion(), catalogLine};
  }
}
