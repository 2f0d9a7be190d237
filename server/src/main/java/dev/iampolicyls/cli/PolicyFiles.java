package dev.iampolicyls.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the command line's paths into the inputs to check: files as named, folders walked for
 * {@code *.json} and for templates ({@code *.yaml}, {@code *.yml}, {@code *.template}), {@code -}
 * for stdin. Paths that cannot be walked become inputs with a problem, so they are reported rather
 * than silently lost.
 */
final class PolicyFiles {
  static final String STDIN = "-";
  static final String STDIN_NAME = "<stdin>";

  /**
   * One thing to check.
   *
   * @param displayPath how reports name it
   * @param file the file, or null for stdin or a path that does not exist
   * @param explicit named on the command line, so checked even when it does not look like a policy
   * @param problem why it cannot be read, or null
   */
  record Input(String displayPath, Path file, boolean explicit, String problem) {
    boolean isStdin() {
      return file == null && problem == null;
    }
  }

  private PolicyFiles() {}

  static List<Input> discover(List<String> args) {
    return discover(args, Excludes.NONE);
  }

  static List<Input> discover(List<String> args, Excludes excludes) {
    // Keyed by the real location so a file named twice, or named and also inside a named folder,
    // is checked once; a file named explicitly keeps its explicit flag.
    Map<String, Input> inputs = new LinkedHashMap<>();
    for (String arg : args) {
      if (arg.equals(STDIN)) {
        inputs.putIfAbsent(STDIN, new Input(STDIN_NAME, null, true, null));
        continue;
      }
      Path path;
      try {
        path = Path.of(arg);
      } catch (InvalidPathException e) {
        inputs.put("invalid:" + arg, new Input(arg, null, true, "not a valid path"));
        continue;
      }
      if (Files.isDirectory(path)) {
        walk(path, excludes, inputs);
      } else if (Files.exists(path)) {
        inputs.put(key(path), new Input(display(path), path, true, null));
      } else {
        inputs.put("missing:" + arg, new Input(arg, null, true, "no such file or directory"));
      }
    }
    return new ArrayList<>(inputs.values());
  }

  private static void walk(Path root, Excludes excludes, Map<String, Input> inputs) {
    // A folder of thousands of files is walked before any is checked, in code the JVM has not
    // compiled yet: each file's key and display name extend the root's, worked out once, rather
    // than being made absolute and normalised again (~100 ms for the 1,594 managed policies).
    String rootText = root.toString();
    String rootKey = key(root);
    String rootDisplay = display(root);
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return excludes.excludes(root, dir)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()
                  && (isJson(file) || isTemplateCandidate(file))
                  && !excludes.excludes(root, file)) {
                inputs.putIfAbsent(key(file), new Input(display(file), file, false, null));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              inputs.putIfAbsent(key(file), new Input(display(file), file, false, describe(e)));
              return FileVisitResult.CONTINUE;
            }

            /** The walk resolves names against the root as given: extend the root's forms. */
            private String key(Path file) {
              String below = below(file);
              return below == null ? PolicyFiles.key(file) : join(rootKey, File.separator, below);
            }

            private String display(Path file) {
              String below = below(file);
              return below == null
                  ? PolicyFiles.display(file)
                  : join(rootDisplay, "/", below.replace('\\', '/'));
            }

            /** The part of the path after the root and its separator, or null if none such. */
            private String below(Path file) {
              String text = file.toString();
              int n = rootText.length();
              if (n == 0
                  || text.length() <= n + 1
                  || !text.startsWith(rootText)
                  || (text.charAt(n) != '/' && text.charAt(n) != '\\')) {
                return null;
              }
              return text.substring(n + 1);
            }
          });
    } catch (IOException e) {
      inputs.putIfAbsent(key(root), new Input(display(root), root, true, describe(e)));
    }
  }

  /** {@code folder/below}; just {@code below} under the current folder, which displays as "". */
  private static String join(String folder, String separator, String below) {
    if (folder.isEmpty()) {
      return below;
    }
    return folder.endsWith(separator) ? folder + below : folder + separator + below;
  }

  static boolean isJson(Path file) {
    return file != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /**
   * A file that may be a CloudFormation or SAM template in YAML ({@code .json} ones are found as
   * JSON): whether it is one is decided by its content.
   */
  static boolean isTemplateCandidate(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".template");
  }

  /** A short reason for a read failure, without the exception class names. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String message = e.getMessage();
    return message != null ? message : e.getClass().getSimpleName();
  }

  private static String key(Path path) {
    return path.toAbsolutePath().normalize().toString();
  }

  /** The path as the user wrote it (plus the part under a folder), with '/' on every platform. */
  private static String display(Path path) {
    return path.normalize().toString().replace('\\', '/');
  }
}
