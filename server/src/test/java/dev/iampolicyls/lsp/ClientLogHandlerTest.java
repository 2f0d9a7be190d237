package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The log goes to the client as window/logMessage while connected, at the matching type, without
 * policy text; the handlers it replaced (stderr) get nothing until the connection is gone. A logger
 * of the test's own stands for the root logger.
 */
class ClientLogHandlerTest {
  /** Stands for the stderr handler. */
  static final class Recorded extends Handler {
    final List<LogRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  static class LoggedClient extends RecordingClient {
    final List<MessageParams> logged = new CopyOnWriteArrayList<>();

    @Override
    public void logMessage(MessageParams params) {
      logged.add(params);
    }
  }

  private final Logger logger = Logger.getLogger("dev.iampolicyls.test.ClientLogHandlerTest");
  private final Recorded stderr = new Recorded();

  @BeforeEach
  void setUp() {
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    stderr.setLevel(Level.INFO);
    logger.addHandler(stderr);
  }

  @AfterEach
  void tearDown() {
    for (Handler h : logger.getHandlers()) {
      logger.removeHandler(h);
    }
  }

  @Test
  void eachLevelArrivesAsItsMessageTypeAndNothingOnStderr() {
    LoggedClient client = new LoggedClient();
    ClientLogHandler handler = ClientLogHandler.install(client, logger);
    logger.info("IAM catalog in use: bundled");
    logger.warning("The client process 12 ended");
    logger.severe("A request failed");
    logger.fine("below the level of the replaced handler: not sent");
    handler.flush();
    assertEquals(
        List.of(MessageType.Info, MessageType.Warning, MessageType.Error),
        client.logged.stream().map(MessageParams::getType).toList());
    assertEquals("IAM catalog in use: bundled", client.logged.get(0).getMessage());
    assertEquals(List.of(), stderr.records);
    assertEquals(MessageType.Log, ClientLogHandler.type(Level.FINE));
    assertEquals(MessageType.Log, ClientLogHandler.type(Level.CONFIG));
  }

  @Test
  void anExceptionIsSentAsItsClassesAndPlaceNotItsMessage() {
    LoggedClient client = new LoggedClient();
    ClientLogHandler handler = ClientLogHandler.install(client, logger);
    logger.log(
        Level.SEVERE,
        "Checking file:///p.json failed",
        new IllegalStateException("bad \"Sid\": \"SECRET-1\""));
    handler.flush();
    String sent = client.logged.get(0).getMessage();
    assertFalse(sent.contains("SECRET"), sent);
    assertTrue(sent.startsWith("Checking file:///p.json failed"), sent);
    assertTrue(sent.contains("java.lang.IllegalStateException"), sent);
    assertTrue(sent.contains("ClientLogHandlerTest"), "names where it was thrown: " + sent);
  }

  @Test
  void onceClosedOrUnreachableTheLogGoesBackToStderr() {
    LoggedClient client = new LoggedClient();
    ClientLogHandler handler = ClientLogHandler.install(client, logger);
    handler.close();
    logger.info("after the session");
    assertEquals(List.of(), client.logged);
    assertEquals(List.of("after the session"), messages(stderr));
    assertEquals(List.of(stderr), List.of(logger.getHandlers()));

    stderr.records.clear();
    LoggedClient gone =
        new LoggedClient() {
          @Override
          public void logMessage(MessageParams params) {
            throw new IllegalStateException("stream closed");
          }
        };
    ClientLogHandler broken = ClientLogHandler.install(gone, logger);
    logger.info("the connection just went");
    broken.flush();
    logger.info("and after it");
    assertEquals(List.of("the connection just went", "and after it"), messages(stderr));
    assertEquals(List.of(stderr), List.of(logger.getHandlers()));
  }

  private static List<String> messages(Recorded handler) {
    return handler.records.stream().map(LogRecord::getMessage).toList();
  }
}
