package dev.iampolicyls.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: the benchmark's floor. Reads and parses every *.json under a folder with Jackson in
 * one JVM, doing nothing else, so `check` on the same folder can be compared with the least any JVM
 * tool must do. Run by server/scripts/benchmark.sh.
 */
public final class JacksonParseFloor {
  private JacksonParseFloor() {}

  public static void main(String[] args) throws IOException {
    JsonMapper mapper = JsonMapper.builder().build();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    long nodes = 0;
    for (Path file : files) {
      JsonNode root = mapper.readTree(Files.readString(file));
      nodes += root.size();
    }
    // Printed so the work cannot be optimised away.
    System.out.println(files.size() + " files, " + nodes + " top-level members");
  }
}
