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
 * A hostile or vanishing client, against the real server process: broken frames and unknown methods
 * get an error or are skipped, never a crash; the server exits when its client's process dies even
 * though stdin stays open.
 */
class HostileClientProcessTest {
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

  private void sendRaw(String raw) throws IOException {
    server.sendRaw(raw);
  }

  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}";

  @Test
  void malformedFramesAndUnknownMethodsLeaveTheServerServing() throws Exception {
    send("{{{ not json");
    send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/hover\",\"params\":42}");
    send("[1,2,3]");
    send("{\"jsonrpc\":\"2.0\",\"id\":\"x\"}");
    send("\"just a string\"");
    send("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"no/suchMethod\",\"params\":{}}");
    String unknown = receiveContaining("\"id\":8");
    assertTrue(unknown.contains("\"error\""), unknown);
    send("{\"jsonrpc\":\"2.0\",\"method\":\"no/suchNotification\",\"params\":{}}");
    send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":12345}}");
    send(INITIALIZE);
    String init = receiveContaining("\"id\":1,");
    assertTrue(init.contains("\"textDocumentSync\""), init);
    // A document with awkward characters, then requests past its end and for unopened ones.
    send(
        "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
            + "{\"uri\":\"file:///p.json\",\"languageId\":\"json\",\"version\":1,\"text\":"
            + "\"\\uFEFF{\\u0000\\r\\\"Statement\\\":\\uD800\"}}}");
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"textDocument/hover\",\"params\":"
            + "{\"textDocument\":{\"uri\":\"file:///p.json\"},\"position\":{\"line\":99,\"character\":-5}}}");
    receiveContaining("\"id\":9");
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"textDocument/completion\",\"params\":"
            + "{\"textDocument\":{\"uri\":\"file:///never-opened.json\"},"
            + "\"position\":{\"line\":0,\"character\":0}}}");
    receiveContaining("\"id\":10");
    send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
    receiveContaining("\"id\":2");
    send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    assertTrue(process.waitFor(20, TimeUnit.SECONDS), "exits after exit");
    assertEquals(0, process.exitValue());
  }

  @Test
  void aBrokenHeaderEndsTheSessionWithoutAHang() throws Exception {
    send(INITIALIZE);
    receiveContaining("\"id\":1");
    sendRaw("Content-Length: banana\r\n\r\n{}");
    sendRaw("Content-Length: 99999999999999999999\r\n\r\n{}");
    sendRaw("\r\n\r\n\r\nno header at all\r\n\r\n");
    process.getOutputStream().close();
    assertTrue(process.waitFor(20, TimeUnit.SECONDS), "exits when stdin closes");
    assertEquals(1, process.exitValue());
  }

  @Test
  void exitsWhenTheClientProcessDies() throws Exception {
    Process parent = new ProcessBuilder("sleep", "600").start();
    try {
      send(
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":"
              + parent.pid()
              + ",\"capabilities\":{}}}");
      receiveContaining("\"id\":1");
      assertTrue(process.isAlive(), "serves while the client lives");
      parent.destroyForcibly();
      parent.waitFor();
      // stdin is still open: only the dead client can end the server.
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "exits when the client process dies");
      assertEquals(1, process.exitValue());
    } finally {
      parent.destroyForcibly();
    }
  }

  @Test
  void exitsAtOnceWhenTheClientProcessIsAlreadyGone() throws Exception {
    Process parent = new ProcessBuilder("true").start();
    parent.waitFor();
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":"
            + parent.pid()
            + ",\"capabilities\":{}}}");
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "exits when the client process is gone");
    assertEquals(1, process.exitValue());
  }
}
