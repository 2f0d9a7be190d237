package dev.iampolicyls.cli;

import dev.iampolicyls.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipException;

/** Which IAM catalog a command uses: the one named with --catalog, else the bundled one. */
final class CatalogChoice {
  private CatalogChoice() {}

  static Catalog load(Path file) throws IOException {
    if (file == null) {
      return Catalog.bundled();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Catalog.load(in);
    } catch (ZipException | IllegalArgumentException | IllegalStateException e) {
      throw new IOException(
          file + " is not a catalog written by update-catalog: " + e.getMessage());
    }
  }

  /**
   * Where update-catalog writes by default: $XDG_CONFIG_HOME/iam-policy-ls/catalog.bin, else
   * ~/.config/iam-policy-ls/catalog.bin (%APPDATA% on Windows).
   */
  static Path defaultUserCatalog() {
    String xdg = System.getenv("XDG_CONFIG_HOME");
    String appData = System.getenv("APPDATA");
    Path base;
    if (xdg != null && !xdg.isBlank()) {
      base = Path.of(xdg);
    } else if (appData != null && !appData.isBlank()) {
      base = Path.of(appData);
    } else {
      base = Path.of(System.getProperty("user.home"), ".config");
    }
    return base.resolve("iam-policy-ls").resolve("catalog.bin");
  }
}
