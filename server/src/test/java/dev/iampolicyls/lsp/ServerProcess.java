package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The jar's main class run as a separate JVM from the test classpath, stderr captured to a file:
 * what an editor or CI starts. The process tests of the server and of security share it.
 */
public final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final Path stderr;
  private final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();

  private ServerProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
  }

  /**
   * Starts {@code dev.iampolicyls.cli.Main args} with {@code home} as HOME and user.home and {@code
   * tmpdir} as java.io.tmpdir.
   */
  public static ServerProcess start(
      Path workDir, Path home, Path tmpdir, Path stderr, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.add("-Duser.home=" + home);
    command.add("-Djava.io.tmpdir=" + tmpdir);
    command.addAll(mainClass(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectError(stderr.toFile());
    builder.environment().put("HOME", home.toString());
    builder.environment().put("TMPDIR", tmpdir.toString());
    return new ServerProcess(builder.start(), stderr);
  }

  /** Starts {@code dev.iampolicyls.cli.Main args} in this JVM's folder and environment. */
  public static ServerProcess start(Path stderr, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(mainClass(args));
    return new ServerProcess(
        new ProcessBuilder(command).redirectError(stderr.toFile()).start(), stderr);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static List<String> mainClass(String... args) {
    List<String> out = new ArrayList<>();
    out.add("-cp");
    out.add(System.getProperty("java.class.path"));
    out.add("dev.iampolicyls.cli.Main");
    out.addAll(List.of(args));
    return out;
  }

  public Process process() {
    return process;
  }

  public String stderr() throws IOException {
    return Files.readString(stderr, StandardCharsets.UTF_8);
  }

  public void send(String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    OutputStream out = process.getOutputStream();
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  public void sendRaw(String raw) throws IOException {
    OutputStream out = process.getOutputStream();
    out.write(raw.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Reads one framed message; anything else on stdout fails the test. */
  public String receive() throws Exception {
    String message = CompletableFuture.supplyAsync(this::readFrame).get(60, TimeUnit.SECONDS);
    received.add(message);
    return message;
  }

  /** Reads the messages left on stdout until it ends (after exit); they join {@link #received}. */
  public void drain() throws Exception {
    while (true) {
      try {
        receive();
      } catch (java.util.concurrent.ExecutionException e) {
        return; // stdout ended
      }
    }
  }

  /** Every message read so far, in order. */
  public List<String> received() {
    return List.copyOf(received);
  }

  /** The window/logMessage notifications read so far: the server's log while connected. */
  public List<String> logMessages() {
    return received.stream().filter(m -> m.contains("\"window/logMessage\"")).toList();
  }

  /** The next message containing {@code part}, skipping the others (notifications, logs). */
  public String receiveContaining(String part) throws Exception {
    while (true) {
      String message = receive();
      if (message.contains(part)) {
        return message;
      }
    }
  }

  private String readFrame() {
    try {
      InputStream in = process.getInputStream();
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      while (!header.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("stdout ended; stderr: " + stderr());
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

  /** Waits for the process to end and returns its exit code. */
  public int waitForExit() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("the process did not exit");
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
