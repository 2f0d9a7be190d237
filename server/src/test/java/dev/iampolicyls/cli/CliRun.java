package dev.iampolicyls.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One in-process run of the command line, with its exit code and both output streams. */
record CliRun(int exitCode, String out, String err) {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  static CliRun run(String... args) {
    return runWithStdin(new byte[0], args);
  }

  static CliRun runWithStdin(String stdin, String... args) {
    return runWithStdin(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  static CliRun runWithStdin(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new ByteArrayInputStream(stdin),
            args);
    return new CliRun(code, out.toString(), err.toString());
  }

  JsonNode json() {
    return MAPPER.readTree(out);
  }

  static JsonNode parseJson(String text) {
    return MAPPER.readTree(text);
  }

  static JsonNode readJson(java.nio.file.Path file) throws java.io.IOException {
    return MAPPER.readTree(java.nio.file.Files.readString(file, StandardCharsets.UTF_8));
  }
}
