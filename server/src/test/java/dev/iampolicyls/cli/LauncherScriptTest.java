package dev.iampolicyls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script ({@code src/main/sh/iam-policy-ls}) run against a stand-in {@code java} that
 * prints its arguments: which JVM options each kind of command line gets.
 */
class LauncherScriptTest {
  private static final Path SCRIPT = Path.of("src/main/sh/iam-policy-ls");

  @TempDir Path dir;
  private Path launcher;
  private Path javaHome;

  @BeforeEach
  void install() throws IOException {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    launcher = lib.resolve("iam-policy-ls");
    Files.copy(SCRIPT, launcher);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    javaHome = dir.resolve("jdk");
    Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private List<String> jvmArguments(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().remove("IAM_POLICY_LS_JAVA_OPTS");
    Process p = builder.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out.lines().toList();
  }

  @Test
  void theServerAndSmallChecksGetTheSerialCollector() throws Exception {
    Path one = Files.writeString(dir.resolve("one.json"), "{}");
    for (List<String> args :
        List.of(
            List.of("serve"),
            List.of("check", one.toString()),
            List.of("check", "--format", "json"))) {
      List<String> jvm = jvmArguments(args.toArray(String[]::new));
      assertTrue(jvm.contains("-XX:+UseSerialGC"), args + " -> " + jvm);
      assertFalse(jvm.contains("-XX:+UseParallelGC"), args + " -> " + jvm);
      assertFalse(String.join(" ", jvm).contains("C1MaxInlineSize"), args + " -> " + jvm);
      assertFalse(String.join(" ", jvm).contains("MaxTenuringThreshold"), args + " -> " + jvm);
      assertFalse(jvm.contains("-Xmn64m"), args + " -> " + jvm);
      assertTrue(jvm.contains("-XX:TieredStopAtLevel=1"), args + " -> " + jvm);
      // JVM warnings must never reach stdout, which carries the protocol.
      assertTrue(jvm.contains("-Xlog:all=warning:stderr"), args + " -> " + jvm);
      // The command line is passed on unchanged after the jar.
      int jar = jvm.indexOf("-jar");
      assertEquals(launcher.resolveSibling("iam-policy-ls.jar").toString(), jvm.get(jar + 1));
      assertEquals(args, jvm.subList(jar + 2, jvm.size()));
    }
  }

  @Test
  void aFolderOrManyFilesGetTheParallelCollector() throws Exception {
    Files.createDirectories(dir.resolve("policies"));
    assertTrue(jvmArguments("check", "policies").contains("-XX:+UseParallelGC"));
    List<String> files = new ArrayList<>(List.of("check"));
    for (int i = 0; i < 9; i++) {
      files.add(Files.writeString(dir.resolve("p" + i + ".json"), "{}").toString());
    }
    List<String> jvm = jvmArguments(files.toArray(String[]::new));
    assertTrue(jvm.contains("-XX:+UseParallelGC"), jvm.toString());
    assertFalse(jvm.contains("-XX:+UseSerialGC"), jvm.toString());
    assertTrue(jvm.contains("-XX:C1MaxInlineSize=20"), jvm.toString());
    assertTrue(jvm.contains("-XX:MaxTenuringThreshold=0"), jvm.toString());
    assertTrue(jvm.contains("-Xmn64m"), jvm.toString());
    // Eight files are still a small check.
    assertTrue(
        jvmArguments(files.subList(0, 9).toArray(String[]::new)).contains("-XX:+UseSerialGC"));
  }

  @Test
  void theArchiveIsUsedOnlyWhenItIsThere() throws Exception {
    assertFalse(String.join(" ", jvmArguments("serve")).contains("SharedArchiveFile"));
    Files.writeString(launcher.resolveSibling("iam-policy-ls.jsa"), "");
    assertTrue(
        jvmArguments("serve")
            .contains("-XX:SharedArchiveFile=" + launcher.resolveSibling("iam-policy-ls.jsa")));
  }
}
