package dev.iampolicyls.robustness;

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
 * The jar's main class run as a separate JVM from the test classpath, in a chosen working folder
 * with its own home and temporary folders, stderr captured to a file: what an editor or CI starts.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final Path stderr;

  private ServerProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
  }

  /**
   * Starts {@code dev.iampolicyls.cli.Main args} with {@code home} as HOME and user.home and {@code
   * tmpdir} as java.io.tmpdir.
   */
  static ServerProcess start(Path workDir, Path home, Path tmpdir, Path stderr, String... args)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Duser.home=" + home);
    command.add("-Djava.io.tmpdir=" + tmpdir);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.iampolicyls.cli.Main");
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectError(stderr.toFile());
    builder.environment().put("HOME", home.toString());
    builder.environment().put("TMPDIR", tmpdir.toString());
    return new ServerProcess(builder.start(), stderr);
  }

  Process process() {
    return process;
  }

  String stderr() throws IOException {
    return Files.readString(stderr, StandardCharsets.UTF_8);
  }

  void send(String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    OutputStream out = process.getOutputStream();
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  void sendRaw(String raw) throws IOException {
    OutputStream out = process.getOutputStream();
    out.write(raw.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The next message containing {@code part}, skipping the others (notifications, logs). */
  String receiveContaining(String part) throws Exception {
    while (true) {
      String message = CompletableFuture.supplyAsync(this::readFrame).get(60, TimeUnit.SECONDS);
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
      int length = Integer.parseInt(h.substring(16, h.indexOf("\r\n")).trim());
      return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }

  /** Waits for the process to end and returns its exit code. */
  int waitForExit() throws InterruptedException {
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
