package dev.iampolicyls.cli;

import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps policy text out of the log. Policies are sensitive, and exception messages quote their
 * input: a JSON library's "Expected an int but was ..." or a parser's "unexpected ...". So on a
 * handler that shows less than FINE, a logged exception is reduced to its classes and where it was
 * thrown; set the handler to FINE (java.util.logging configuration) to see the whole trace. This
 * covers every logger, ours and LSP4J's, in one place; the language server's log to the client
 * redacts its records with {@link #redact} too.
 */
public final class RedactedLogs {
  private RedactedLogs() {}

  /** Adds the redaction to the root logger's handlers. */
  static void install() {
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      Filter previous = handler.getFilter();
      handler.setFilter(
          record -> {
            if (handler.getLevel().intValue() > Level.FINE.intValue()) {
              redact(record);
            }
            return previous == null || previous.isLoggable(record);
          });
    }
  }

  public static void redact(LogRecord record) {
    Throwable thrown = record.getThrown();
    if (thrown == null) {
      return;
    }
    record.setThrown(null);
    String message = record.getMessage() == null ? "" : record.getMessage();
    record.setMessage(message + " [" + summary(thrown) + "; FINE logging shows the detail]");
  }

  /** The exception's classes, outermost first, and the frame that threw the first: no messages. */
  static String summary(Throwable thrown) {
    StringBuilder out = new StringBuilder(thrown.getClass().getName());
    int depth = 0;
    for (Throwable cause = thrown.getCause();
        cause != null && cause != thrown && depth < 8;
        cause = cause.getCause(), depth++) {
      out.append(" caused by ").append(cause.getClass().getName());
    }
    StackTraceElement[] frames = thrown.getStackTrace();
    if (frames.length > 0) {
      out.append(" at ").append(frames[0]);
    }
    return out.toString();
  }
}
