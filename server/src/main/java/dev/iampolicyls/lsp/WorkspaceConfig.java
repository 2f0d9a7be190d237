package dev.iampolicyls.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.config.ConfigFiles;
import dev.iampolicyls.config.ConfigLoader;
import dev.iampolicyls.config.ConfigProblem;
import dev.iampolicyls.config.ProjectConfig;
import dev.iampolicyls.config.ReferencePolicy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The settings the server checks with: each workspace folder's {@value ProjectConfig#FILE_NAME} and
 * the editor's {@code iamPolicy} settings, which win over the file. Reloaded when either changes;
 * readers get an immutable snapshot.
 */
final class WorkspaceConfig {
  private static final Logger LOG = Logger.getLogger(WorkspaceConfig.class.getName());

  /** The settings section the server reads, and its key naming another configuration file. */
  static final String SECTION = "iamPolicy";

  static final String CONFIG_FILE_KEY = "configFile";

  /** {@code "inlayHints": {"enabled": false}} turns the inlay hints off; an editor setting only. */
  static final String INLAY_HINTS_KEY = "inlayHints";

  /** {@code "catalog": {"path": FILE}}: a catalog written by update-catalog. */
  static final String CATALOG_KEY = "catalog";

  private volatile Path catalogPath;

  private record Root(Path folder, AnalysisSettings settings) {}

  private volatile List<Path> folders = List.of();
  private volatile ProjectConfig clientSettings = ProjectConfig.EMPTY;
  private volatile String configFileSetting;
  private volatile boolean inlayHintsEnabled = true;
  private volatile List<Root> roots = List.of();

  void setFolders(List<Path> folders) {
    this.folders = List.copyOf(folders);
    reload();
  }

  List<Path> folders() {
    return folders;
  }

  /**
   * Takes the editor's settings: the whole settings object (with an {@code iamPolicy} member) or
   * the section itself. Unknown keys and bad values are logged and ignored.
   */
  void setClientSettings(Object settings, boolean isSection) {
    JsonElement json = settings instanceof JsonElement e ? e : new Gson().toJsonTree(settings);
    JsonObject section = null;
    if (isSection && json != null && json.isJsonObject()) {
      section = json.getAsJsonObject();
    } else if (json != null && json.isJsonObject() && json.getAsJsonObject().has(SECTION)) {
      JsonElement s = json.getAsJsonObject().get(SECTION);
      section = s.isJsonObject() ? s.getAsJsonObject() : null;
    }
    if (section == null) {
      LOG.fine("No iamPolicy settings");
      clientSettings = ProjectConfig.EMPTY;
      configFileSetting = null;
      inlayHintsEnabled = true;
      catalogPath = null;
      reload();
      return;
    }
    JsonObject copy = section.deepCopy();
    dropEmptyArrays(copy);
    JsonElement configFile = copy.remove(CONFIG_FILE_KEY);
    inlayHintsEnabled = inlayHintsEnabled(copy.remove(INLAY_HINTS_KEY));
    configFileSetting =
        configFile != null && configFile.isJsonPrimitive() ? configFile.getAsString() : null;
    Path base = folders.isEmpty() ? Path.of("").toAbsolutePath() : folders.get(0);
    catalogPath = catalogPath(copy.remove(CATALOG_KEY), base);
    ProjectConfig parsed = ConfigLoader.load(copy.toString(), base);
    for (ConfigProblem p : parsed.problems()) {
      LOG.warning(() -> "iamPolicy settings: " + p.message() + " (ignored)");
    }
    clientSettings = parsed;
    reload();
  }

  /**
   * Takes an empty array for an empty object. Lua, which configures Neovim, has one kind of table
   * for both, and its JSON encoder writes an empty one as {@code []}: so {@code checks = {}}
   * arrives as {@code "checks": []}. Either way it sets nothing, which is what leaving the key out
   * means.
   */
  private static void dropEmptyArrays(JsonObject section) {
    section
        .entrySet()
        .removeIf(e -> e.getValue().isJsonArray() && e.getValue().getAsJsonArray().isEmpty());
  }

  /** Whether inlay hints are shown: on unless the settings say {@code "enabled": false}. */
  boolean inlayHintsEnabled() {
    return inlayHintsEnabled;
  }

  private static boolean inlayHintsEnabled(JsonElement setting) {
    if (setting != null && setting.isJsonObject()) {
      JsonElement enabled = setting.getAsJsonObject().get("enabled");
      if (enabled != null
          && enabled.isJsonPrimitive()
          && enabled.getAsJsonPrimitive().isBoolean()) {
        return enabled.getAsBoolean();
      }
    }
    return true;
  }

  /** The catalog file the editor's settings name, or null for the bundled catalog. */
  Path catalogPath() {
    return catalogPath;
  }

  private static Path catalogPath(JsonElement catalog, Path base) {
    if (catalog == null || !catalog.isJsonObject()) {
      return null;
    }
    JsonElement path = catalog.getAsJsonObject().get("path");
    if (path == null || !path.isJsonPrimitive() || path.getAsString().isBlank()) {
      return null;
    }
    Path p = Path.of(path.getAsString().replaceFirst("^~(?=/|$)", System.getProperty("user.home")));
    return p.isAbsolute() ? p.normalize() : base.resolve(p).normalize();
  }

  /** Reads the configuration files again. */
  void reload() {
    List<Root> next = new ArrayList<>();
    for (Path folder : folders) {
      Path file = configFile(folder);
      ProjectConfig fromFile = ProjectConfig.EMPTY;
      if (file != null && Files.isRegularFile(file)) {
        fromFile = ConfigFiles.read(file);
        for (ConfigProblem p : fromFile.problems()) {
          LOG.warning(() -> file + ": " + p.message());
        }
      }
      next.add(new Root(folder, AnalysisSettings.of(fromFile, clientSettings)));
    }
    roots = List.copyOf(next);
  }

  private Path configFile(Path folder) {
    String setting = configFileSetting;
    if (setting == null || setting.isBlank()) {
      return folder.resolve(ProjectConfig.FILE_NAME);
    }
    Path p = Path.of(setting);
    return p.isAbsolute() ? p : folder.resolve(p).normalize();
  }

  /** Whether a path is one of the configuration files the server reads. */
  boolean isConfigFile(Path path) {
    if (path == null) {
      return false;
    }
    Path p = path.toAbsolutePath().normalize();
    for (Path folder : folders) {
      Path file = configFile(folder);
      if (file != null && file.toAbsolutePath().normalize().equals(p)) {
        return true;
      }
    }
    return ConfigFiles.isConfigFile(p);
  }

  /** The settings for a document: those of the innermost workspace folder holding it. */
  /** Whether a file is a reference policy of the settings: saving it reloads them. */
  boolean isReferencePolicy(Path path) {
    if (path == null) {
      return false;
    }
    Path p = path.toAbsolutePath().normalize();
    for (Root r : roots) {
      for (ReferencePolicy reference : r.settings().referencePolicies()) {
        if (reference.path().equals(p)) {
          return true;
        }
      }
    }
    return false;
  }

  AnalysisSettings settingsFor(Path document) {
    Root best = null;
    if (document != null) {
      for (Root r : roots) {
        if (document.toAbsolutePath().normalize().startsWith(r.folder())
            && (best == null || r.folder().getNameCount() > best.folder().getNameCount())) {
          best = r;
        }
      }
    }
    if (best != null) {
      return best.settings();
    }
    return AnalysisSettings.of(clientSettings);
  }

  /** The file a {@code file:} URI names, or null for other schemes and bad URIs. */
  static Path path(String uri) {
    try {
      URI u = URI.create(uri);
      return "file".equalsIgnoreCase(u.getScheme())
          ? Path.of(u).toAbsolutePath().normalize()
          : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
