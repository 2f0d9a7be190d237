package dev.iampolicyls.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.config.ProjectConfig;
import dev.iampolicyls.lsp.ServerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real server and CLI processes, in a working folder with their own home and temporary folders:
 * they write no file but the outputs asked for, and a policy's text never reaches their logs, even
 * when every logging path is provoked.
 */
class ProcessSecurityTest {
  /** Appears in the policies only: in a Sid, an action, a resource, a condition key and value. */
  private static final String MARKER = "Zq9SecretMarkerXw";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String POLICY =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \""
          + MARKER
          + "\", \"Effect\": \"Allow\", \"Action\": [\""
          + MARKER
          + ":GetThing\", \"s3:GetObject\", \"s3:"
          + MARKER
          + "\"], \"Resource\": \"arn:aws:s3:::"
          + MARKER
          + "/*\", \"Condition\": {\"StringEquals\": {\"aws:"
          + MARKER
          + "\": \""
          + MARKER
          + "\"}}}]}";

  @TempDir Path tmp;
  private Path work;
  private Path home;
  private Path javaTmp;
  private Path stderr;

  @BeforeEach
  void folders() throws IOException {
    work = Files.createDirectories(tmp.resolve("work"));
    home = Files.createDirectories(tmp.resolve("home"));
    javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
    stderr = Files.createDirectories(tmp.resolve("logs")).resolve("stderr.txt");
    Files.writeString(work.resolve("policy.json"), POLICY);
  }

  @Test
  void aServerSessionWritesNoFilesAndLogsNoPolicyText() throws Exception {
    // A broken configuration, so its problems are logged too.
    Files.writeString(
        work.resolve(ProjectConfig.FILE_NAME),
        "{\"policyTypes\": 5, \"checks\": {\"NOT_A_CODE\": \"off\"}, \"oops\": ");
    Set<String> before = files();
    String uri = work.resolve("policy.json").toUri().toString();
    String configUri = work.resolve(ProjectConfig.FILE_NAME).toUri().toString();
    String bigUri = work.resolve("big.json").toUri().toString();
    try (ServerProcess server =
        ServerProcess.start(work, home, javaTmp, stderr, "serve", "--stdio")) {
      server.send(
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{},"
              + "\"rootUri\":"
              + quote(work.toUri().toString())
              + ",\"workspaceFolders\":[{\"uri\":"
              + quote(work.toUri().toString())
              + ",\"name\":\"w\"}]}}");
      server.receiveContaining("\"id\":1,");
      server.send("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
      server.send(didOpen(uri, 1, POLICY));
      server.receiveContaining("publishDiagnostics");
      server.send(didChange(uri, 2, "{\"range\":null,\"text\":" + quote(POLICY + " ") + "}"));
      // Stale, for a document never opened, and a change with half a range.
      server.send(didChange(uri, 1, "{\"text\":" + quote("{\"Sid\": \"" + MARKER + "1\"}") + "}"));
      server.send(
          didChange(
              work.resolve("never.json").toUri().toString(),
              5,
              "{\"text\":" + quote(POLICY) + "}"));
      server.send(
          didChange(
              uri,
              3,
              "{\"range\":{\"start\":{\"line\":0,\"character\":0}},\"text\":"
                  + quote(MARKER)
                  + "}"));
      int id = 10;
      for (String method :
          List.of(
              "textDocument/completion",
              "textDocument/hover",
              "textDocument/documentSymbol",
              "textDocument/codeLens",
              "textDocument/foldingRange")) {
        for (int character : new int[] {0, 40, 60, 90, 130, 170, 500}) {
          server.send(
              request(
                  id++,
                  method,
                  "{\"textDocument\":{\"uri\":"
                      + quote(uri)
                      + "},\"position\":{\"line\":0,\"character\":"
                      + character
                      + "}}"));
        }
      }
      server.send(
          request(
              id++,
              "textDocument/codeAction",
              "{\"textDocument\":{\"uri\":"
                  + quote(uri)
                  + "},\"range\":{\"start\":{\"line\":0,\"character\":0},"
                  + "\"end\":{\"line\":0,\"character\":9999}},\"context\":{\"diagnostics\":[]}}"));
      server.send(
          request(
              id++,
              "textDocument/inlayHint",
              "{\"textDocument\":{\"uri\":"
                  + quote(uri)
                  + "},\"range\":{\"start\":{\"line\":0,\"character\":0},"
                  + "\"end\":{\"line\":0,\"character\":9999}}}"));
      // Malformed requests and frames, some carrying policy text.
      server.send(request(id++, "textDocument/hover", "42"));
      server.send(
          "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
              + "{\"uri\":\"file:///odd.json\",\"version\":\""
              + MARKER
              + "\",\"text\":{\"Sid\":\""
              + MARKER
              + "\"}}}}");
      server.send(
          "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
              + "{\"uri\":\"file:///cut.json\",\"text\":\"{\\\"Sid\\\": \\\""
              + MARKER);
      server.send("{{{ " + MARKER + " }}}");
      server.send(request(id++, "no/such" + "Method", "{\"text\":" + quote(POLICY) + "}"));
      // A document over the size limit, then requests on it.
      String big = POLICY + " ".repeat(4 * 1024 * 1024 + 1);
      server.send(didOpen(bigUri, 1, big));
      server.send(
          request(
              id++,
              "textDocument/hover",
              "{\"textDocument\":{\"uri\":"
                  + quote(bigUri)
                  + "},\"position\":{\"line\":0,\"character\":50}}"));
      // The broken configuration opened, edited and reported changed.
      server.send(didOpen(configUri, 1, Files.readString(work.resolve(ProjectConfig.FILE_NAME))));
      server.send(
          "{\"jsonrpc\":\"2.0\",\"method\":\"workspace/didChangeWatchedFiles\",\"params\":"
              + "{\"changes\":[{\"uri\":"
              + quote(configUri)
              + ",\"type\":2}]}}");
      server.send(
          "{\"jsonrpc\":\"2.0\",\"method\":\"workspace/didChangeConfiguration\",\"params\":"
              + "{\"settings\":{\"iamPolicy\":{\"checks\":5,\"catalog\":{\"path\":"
              + quote(work.resolve("no-catalog.json").toString())
              + "}}}}}");
      server.send(didClose(uri));
      server.send(request(id, "shutdown", "null"));
      server.receiveContaining("\"id\":" + id + ",");
      server.send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
      assertEquals(0, server.waitForExit());
      server.drain();
      // The log goes to the client while connected, to stderr before and after.
      String log = server.stderr() + String.join("\n", server.logMessages());
      assertTrue(log.contains("catalog"), "the session logged: " + log);
      assertFalse(log.contains(MARKER), "policy text in the log:\n" + log);
    }
    assertEquals(before, files(), "files written by the server");
  }

  @Test
  void checkWritesOnlyTheBaselineItIsAskedFor() throws Exception {
    Set<String> before = files();
    try (ServerProcess check =
        ServerProcess.start(work, home, javaTmp, stderr, "check", "policy.json")) {
      String out =
          new String(check.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(1, check.waitForExit(), out);
      assertTrue(out.contains("policy.json"), out);
      assertFalse(check.stderr().contains(MARKER), check.stderr());
    }
    assertEquals(before, files(), "files written by check");

    try (ServerProcess check =
        ServerProcess.start(
            work,
            home,
            javaTmp,
            stderr,
            "check",
            "--write-baseline",
            "baseline.json",
            "policy.json")) {
      check.process().getInputStream().readAllBytes();
      check.waitForExit();
    }
    Set<String> expected = new TreeSet<>(before);
    expected.add("work/baseline.json");
    assertEquals(expected, files(), "files written by check --write-baseline");
  }

  /** Every file and folder under the working, home and temporary folders, relative to tmp. */
  private Set<String> files() throws IOException {
    Set<String> all = new TreeSet<>();
    for (Path root : List.of(work, home, javaTmp)) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.forEach(p -> all.add(tmp.relativize(p).toString().replace('\\', '/')));
      }
    }
    return all;
  }

  private static String didOpen(String uri, int version, String text) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
        + "{\"uri\":"
        + quote(uri)
        + ",\"languageId\":\"json\",\"version\":"
        + version
        + ",\"text\":"
        + quote(text)
        + "}}}";
  }

  private static String didChange(String uri, int version, String change) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":"
        + "{\"uri\":"
        + quote(uri)
        + ",\"version\":"
        + version
        + "},\"contentChanges\":["
        + change
        + "]}}";
  }

  private static String didClose(String uri) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didClose\",\"params\":{\"textDocument\":"
        + "{\"uri\":"
        + quote(uri)
        + "}}}";
  }

  private static String request(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\""
        + method
        + "\",\"params\":"
        + params
        + "}";
  }

  private static String quote(String text) {
    return JSON.writeValueAsString(text);
  }
}
