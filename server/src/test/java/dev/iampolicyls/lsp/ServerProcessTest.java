package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `iam-policy-ls serve --stdio` as a real process: stdout carries only framed JSON-RPC, even though
 * the program prints elsewhere, and the exit code follows the LSP rule.
 */
class ServerProcessTest {
  @TempDir Path tmp;
  private ServerProcess server;
  private Process process;

  @BeforeEach
  void start() throws IOException {
    server = ServerProcess.start(tmp.resolve("stderr.txt"), "serve", "--stdio");
    process = server.process();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void send(String json) throws IOException {
    server.send(json);
  }

  /** The next message that is not a log or other notification. */
  private String receiveContaining(String part) throws Exception {
    return server.receiveContaining(part);
  }

  @Test
  void servesDiagnosticsAndExitsZeroAfterShutdown() throws Exception {
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
    String init = receiveContaining("\"id\":1");
    assertTrue(init.contains("\"textDocumentSync\""), init);
    send("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
    send(
        "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
            + "{\"uri\":\"file:///p.json\",\"languageId\":\"json\",\"version\":1,\"text\":"
            + "\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":{\\\"Action\\\":\\\"s3:*\\\","
            + "\\\"Resource\\\":\\\"*\\\"}}\"}}}");
    String diagnostics = receiveContaining("publishDiagnostics");
    assertTrue(diagnostics.contains("MISSING_EFFECT"), diagnostics);
    send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
    receiveContaining("\"id\":2");
    send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    assertTrue(process.waitFor(20, TimeUnit.SECONDS), "exits after exit");
    assertEquals(0, process.exitValue());
  }

  @Test
  void exitsOneWhenStdinClosesWithoutShutdown() throws Exception {
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
    receiveContaining("\"id\":1");
    process.getOutputStream().close();
    assertTrue(process.waitFor(20, TimeUnit.SECONDS), "exits when stdin closes");
    assertEquals(1, process.exitValue());
  }

  @Test
  void logsGoToTheClientAsLogMessagesNotToStderr() throws Exception {
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
    receiveContaining("\"id\":1");
    send("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
    // An info line of every session.
    String log = receiveContaining("IAM catalog in use");
    assertTrue(log.contains("\"method\":\"window/logMessage\""), log);
    assertTrue(log.contains("\"type\":3"), "MessageType.Info: " + log);
    send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
    receiveContaining("\"id\":2");
    send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    assertEquals(0, server.waitForExit());
    assertFalse(server.stderr().contains("IAM catalog in use"), server.stderr());
  }
}
