package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
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
  private Process process;
  private Path stderr;

  @BeforeEach
  void start() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    stderr = tmp.resolve("stderr.txt");
    process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.iampolicyls.cli.Main",
                "serve",
                "--stdio")
            .redirectError(stderr.toFile())
            .start();
  }

  @AfterEach
  void stop() {
    process.destroyForcibly();
  }

  private void send(String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    OutputStream out = process.getOutputStream();
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** Reads one framed message; anything else on stdout fails the parse. */
  private String receive() throws Exception {
    return CompletableFuture.supplyAsync(this::readFrame).get(20, TimeUnit.SECONDS);
  }

  private String readFrame() {
    try {
      InputStream in = process.getInputStream();
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      while (!header.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("stdout ended; stderr: " + Files.readString(stderr));
        }
        header.write(b);
      }
      String h = header.toString(StandardCharsets.US_ASCII);
      assertTrue(h.startsWith("Content-Length: "), "stdout holds only frames, got: " + h);
      int length = Integer.parseInt(h.substring(16, h.indexOf("\r\n")).trim());
      return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }

  /** The next message that is not a log or other notification. */
  private String receiveContaining(String part) throws Exception {
    while (true) {
      String message = receive();
      if (message.contains(part)) {
        return message;
      }
    }
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
}
