package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The jar's main class run as a separate JVM from the test classpath, stderr captured to a file:
 * what an editor or CI starts. The process tests of the server and of security share it.
 */
public final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final Path stderr;
  private final List<String> received = new CopyOnWriteArrayList<>();

  /**
   * Frames read from stdout as they come, so the server never blocks on a full pipe while the test
   * is still writing to it (a large document would otherwise deadlock both sides).
   */
  private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();

  private Thread frameReader;

  /** One framed message, or why stdout could not give one. */
  private record Frame(String message, Throwable failure) {}

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
    startReadingFrames();
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    OutputStream out = process.getOutputStream();
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  public void sendRaw(String raw) throws IOException {
    startReadingFrames();
    OutputStream out = process.getOutputStream();
    out.write(raw.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The next framed message; anything else on stdout fails the test. */
  public String receive() throws Exception {
    startReadingFrames();
    Frame frame = frames.poll(60, TimeUnit.SECONDS);
    if (frame == null) {
      throw new AssertionError("no message within 60 s; stderr: " + stderr());
    }
    if (frame.failure() != null) {
      frames.add(frame); // stdout is over: every later receive fails the same way
      throw new StdoutEnded("stdout gave no frame; stderr: " + stderr(), frame.failure());
    }
    received.add(frame.message());
    return frame.message();
  }

  /** Thrown by {@link #receive} once stdout has ended. */
  static final class StdoutEnded extends AssertionError {
    StdoutEnded(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Reads the messages left on stdout until it ends (after exit); they join {@link #received}. */
  public void drain() throws Exception {
    while (true) {
      try {
        receive();
      } catch (StdoutEnded e) {
        return;
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

  /**
   * Starts the reader of stdout frames with the first message exchanged: a {@code check} run never
   * exchanges one, and its stdout stays plain text for {@link #process()}.
   */
  private synchronized void startReadingFrames() {
    if (frameReader != null) {
      return;
    }
    frameReader = new Thread(this::readFrames, "server-stdout");
    frameReader.setDaemon(true);
    frameReader.start();
  }

  private void readFrames() {
    InputStream in = process.getInputStream();
    try {
      while (true) {
        frames.add(new Frame(readFrame(in), null));
      }
    } catch (IOException | RuntimeException | AssertionError e) {
      frames.add(new Frame(null, e));
    }
  }

  private static String readFrame(InputStream in) throws IOException {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    while (!header.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("stdout ended");
      }
      header.write(b);
    }
    String h = header.toString(StandardCharsets.US_ASCII);
    assertTrue(h.startsWith("Content-Length: "), "stdout holds only frames, got: " + h);
    int length = Integer.parseInt(h.substring(16, h.indexOf("\r\n")).trim());
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new EOFException("stdout ended inside a frame");
    }
    return new String(body, StandardCharsets.UTF_8);
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
