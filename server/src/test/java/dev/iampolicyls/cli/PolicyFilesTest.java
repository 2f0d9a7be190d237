package dev.iampolicyls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a folder walk yields: names as the user wrote the folder, each file once. */
class PolicyFilesTest {
  @TempDir Path tmp;
  private String relative; // the temporary folder as a path relative to the working directory

  @BeforeEach
  void tree() throws IOException {
    Files.createDirectories(tmp.resolve("tree/sub"));
    Files.writeString(tmp.resolve("tree/a.json"), "{}");
    Files.writeString(tmp.resolve("tree/sub/b.JSON"), "{}");
    Files.writeString(tmp.resolve("tree/notes.txt"), "not json");
    relative = Path.of("").toAbsolutePath().relativize(tmp).toString().replace('\\', '/');
  }

  private static List<String> displays(List<PolicyFiles.Input> inputs) {
    return inputs.stream().map(PolicyFiles.Input::displayPath).sorted().toList();
  }

  @Test
  void namesExtendTheFolderAsWrittenNormalised() {
    String abs = tmp.toString().replace('\\', '/');
    List<String> expected = List.of(abs + "/tree/a.json", abs + "/tree/sub/b.JSON");
    assertEquals(expected, displays(PolicyFiles.discover(List.of(abs + "/tree"))));
    assertEquals(expected, displays(PolicyFiles.discover(List.of(abs + "/tree/"))));
    assertEquals(expected, displays(PolicyFiles.discover(List.of(abs + "/tree/sub/../"))));
    assertEquals(
        List.of(relative + "/tree/a.json", relative + "/tree/sub/b.JSON"),
        displays(PolicyFiles.discover(List.of(relative + "/./tree"))));
  }

  @Test
  void aFileReachedTwiceIsCheckedOnceAndKeepsItsExplicitFlag() {
    String abs = tmp.toString();
    List<PolicyFiles.Input> inputs =
        PolicyFiles.discover(
            List.of(
                relative + "/tree/a.json",
                abs + "/tree",
                relative + "/tree/sub/../",
                abs + "/tree/sub/b.JSON"));
    assertEquals(2, inputs.size(), inputs::toString);
    assertTrue(inputs.stream().allMatch(PolicyFiles.Input::explicit), inputs::toString);
  }

  @Test
  void excludesApplyBelowTheFolder() {
    List<PolicyFiles.Input> inputs =
        PolicyFiles.discover(List.of(tmp + "/tree"), new Excludes(List.of("sub")));
    assertEquals(List.of(tmp.toString().replace('\\', '/') + "/tree/a.json"), displays(inputs));
  }
}
