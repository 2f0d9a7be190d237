package dev.iampolicyls.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README is the entry point: short enough to read at once, the details live in docs/. It keeps
 * the two commands a newcomer runs first.
 */
class ReadmeTest {
  private static final Path README = Path.of("..", "README.md");
  private static final long MAX_BYTES = 15 * 1024;

  @Test
  void readmeStaysAnEntryPoint() throws IOException {
    long size = Files.size(README);
    assertTrue(size <= MAX_BYTES, "README.md is " + size + " bytes; move details into docs/");
  }

  @Test
  void readmeGivesTheBuildAndTestCommands() throws IOException {
    String readme = Files.readString(README);
    for (String command :
        new String[] {
          "mvn -B -q package -DskipTests && server/target/iam-policy-ls check server/examples",
          "mvn -B verify"
        }) {
      assertTrue(readme.contains("```sh\n" + command + "\n```"), "README lacks: " + command);
    }
  }
}
