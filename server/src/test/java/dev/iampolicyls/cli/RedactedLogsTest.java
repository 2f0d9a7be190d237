package dev.iampolicyls.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** A logged exception keeps its classes and place, never its message (which may quote a policy). */
class RedactedLogsTest {
  @Test
  void anExceptionIsReducedToItsClassesAndFrame() {
    RuntimeException thrown =
        new IllegalStateException(
            "bad \"Sid\": \"SECRET-1\"", new NumberFormatException("For input string: SECRET-2"));
    LogRecord record = new LogRecord(Level.SEVERE, "Checking file:///p.json failed");
    record.setThrown(thrown);
    RedactedLogs.redact(record);
    String shown = new SimpleFormatter().format(record);
    assertNull(record.getThrown());
    assertFalse(shown.contains("SECRET"), shown);
    assertTrue(shown.contains("Checking file:///p.json failed"), shown);
    assertTrue(shown.contains("java.lang.IllegalStateException"), shown);
    assertTrue(shown.contains("caused by java.lang.NumberFormatException"), shown);
    assertTrue(shown.contains("RedactedLogsTest"), "names where it was thrown: " + shown);
  }

  @Test
  void aRecordWithoutAnExceptionIsLeftAlone() {
    LogRecord record = new LogRecord(Level.WARNING, "The client process 12 ended; exiting");
    RedactedLogs.redact(record);
    assertTrue(record.getMessage().equals("The client process 12 ended; exiting"));
  }
}
