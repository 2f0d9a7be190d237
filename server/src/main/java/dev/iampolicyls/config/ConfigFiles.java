package dev.iampolicyls.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finding and reading the configuration file. */
public final class ConfigFiles {
  private ConfigFiles() {}

  /** The configuration file in this folder or the nearest folder above it. */
  public static Optional<Path> findFrom(Path folder) {
    for (Path dir = folder.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(ProjectConfig.FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Reads a configuration file; globs are relative to its folder. Never throws. */
  public static ProjectConfig read(Path file) {
    Path base = file.toAbsolutePath().normalize().getParent();
    try {
      return ConfigLoader.load(Files.readString(file, StandardCharsets.UTF_8), base);
    } catch (IOException | RuntimeException e) {
      String why = e instanceof NoSuchFileException ? "no such file" : e.toString();
      return new ProjectConfig(
          List.of(),
          Map.of(),
          List.of(),
          null,
          List.of(new ConfigProblem(0, 0, "Cannot read the configuration: " + why)));
    }
  }

  public static boolean isConfigFile(Path file) {
    return file != null
        && file.getFileName() != null
        && file.getFileName().toString().equals(ProjectConfig.FILE_NAME);
  }
}
