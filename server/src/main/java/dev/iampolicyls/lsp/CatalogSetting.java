package dev.iampolicyls.lsp;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.service.PolicyLanguageService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The service for the {@code iamPolicy.catalog.path} setting: a user catalog written by {@code
 * update-catalog}, or the bundled catalog when the setting is unset or the file cannot be read. A
 * catalog is loaded again only when the setting names another file. Loading runs on the diagnostics
 * thread; requests meanwhile read the service in use without waiting for it.
 */
final class CatalogSetting {
  private static final Logger LOG = Logger.getLogger(CatalogSetting.class.getName());

  private final PolicyLanguageService bundled;
  private Path path;
  private volatile PolicyLanguageService current;

  CatalogSetting(PolicyLanguageService bundled) {
    this.bundled = bundled;
    this.current = bundled;
  }

  /**
   * Logs the catalog in use. Called once the session is up rather than at construction, so that
   * loading the bundled catalog does not hold up the protocol's set-up.
   */
  synchronized void logInUse() {
    log(current.catalog(), path == null ? "bundled" : path.toString());
  }

  /** The service in use; never waits for a catalog being loaded. */
  PolicyLanguageService current() {
    return current;
  }

  /**
   * Switches to the catalog at {@code next} (null: the bundled one); returns the service to use.
   */
  synchronized PolicyLanguageService use(Path next) {
    if (Objects.equals(next, path)) {
      return current;
    }
    path = next;
    PolicyLanguageService loaded = bundled;
    if (next != null) {
      try (InputStream in = Files.newInputStream(next)) {
        loaded = new PolicyLanguageService(Catalog.load(in));
        log(loaded.catalog(), next.toString());
      } catch (IOException e) {
        // A user mistake (wrong path, not a catalog): one line, no stack trace.
        LOG.warning(
            "iamPolicy.catalog.path: cannot read "
                + next
                + " ("
                + e
                + "); using the bundled catalog");
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "iamPolicy.catalog.path: " + next + " is not a catalog", e);
      }
    } else {
      log(bundled.catalog(), "bundled");
    }
    current = loaded; // switched only once loaded: requests meanwhile use the previous one
    return loaded;
  }

  private static void log(Catalog catalog, String from) {
    LOG.info(
        () ->
            "IAM catalog in use: "
                + catalog.sourcePackage()
                + " "
                + catalog.sourceVersion()
                + " ("
                + from
                + ")");
  }
}
