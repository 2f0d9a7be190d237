package dev.iampolicyls.lsp;

import dev.iampolicyls.cli.RedactedLogs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Sends the log to the client as {@code window/logMessage} while the connection is up: editors show
 * it in the server's output with its level, where stderr would be one undifferentiated stream (VS
 * Code tags all of it as errors). Installed, it takes the place of the logger's handlers (stderr)
 * and gives it back when closed, or as soon as a message cannot be sent: stderr then has only what
 * happens before the connection exists or after it is gone.
 *
 * <p>Records are sent from a thread of their own, in order: logging never waits for the client to
 * read, so the thread that reads the client's messages cannot block on its own log line while the
 * client is busy writing to us. Should the client fall a thousand records behind, the excess goes
 * to stderr rather than wait.
 *
 * <p>A logged exception is redacted as on stderr ({@link RedactedLogs}): its classes and place,
 * never its message, unless this handler logs at FINE or finer.
 */
final class ClientLogHandler extends Handler {
  private static final int QUEUE = 1000;
  private static final long FLUSH_WAIT_SECONDS = 5;

  private final LanguageClient client;
  private final Logger logger;
  private final List<Handler> replaced;
  private final Formatter formatter = new SimpleFormatter();
  private final BlockingQueue<LogRecord> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Thread sender;

  /** Records queued and records handled (sent or passed on); guarded by this. */
  private long queued;

  private long handled;

  private volatile boolean open = true;

  private ClientLogHandler(LanguageClient client, Logger logger, List<Handler> replaced) {
    this.client = client;
    this.logger = logger;
    this.replaced = replaced;
    this.sender =
        new Thread("iam-policy-ls-log") {
          @Override
          public void run() {
            sendQueued();
          }
        };
    sender.setDaemon(true);
  }

  /** Sends the root logger's records to the client instead of its handlers. */
  static ClientLogHandler install(LanguageClient client) {
    return install(client, Logger.getLogger(""));
  }

  /** Sends {@code logger}'s records to the client instead of its handlers until closed. */
  static ClientLogHandler install(LanguageClient client, Logger logger) {
    List<Handler> replaced = List.of(logger.getHandlers());
    ClientLogHandler handler = new ClientLogHandler(client, logger, replaced);
    // As detailed as the handlers it replaces: FINE set there means FINE (and whole traces) here.
    Level level = Level.INFO;
    for (Handler h : replaced) {
      if (h.getLevel().intValue() < level.intValue()) {
        level = h.getLevel();
      }
    }
    handler.setLevel(level);
    handler.sender.start();
    logger.addHandler(handler); // added before the others go, so no record is lost between
    replaced.forEach(logger::removeHandler);
    return handler;
  }

  @Override
  public void publish(LogRecord record) {
    if (!isLoggable(record)) {
      return;
    }
    // A record raised by the sending itself goes to stderr: it could not be sent either.
    if (Thread.currentThread() != sender) {
      synchronized (this) {
        if (open && queue.offer(record)) {
          queued++;
          return;
        }
      }
    }
    toReplaced(record); // closed, or the client is far behind
  }

  private void sendQueued() {
    try {
      while (open) {
        LogRecord record = queue.take();
        if (open) {
          send(record);
        } else {
          toReplaced(record);
        }
        handledOne();
      }
    } catch (InterruptedException e) {
      // Closed: close() passes on what is left.
    }
  }

  private synchronized void handledOne() {
    handled++;
    notifyAll();
  }

  private void send(LogRecord record) {
    try {
      client.logMessage(new MessageParams(type(record.getLevel()), text(record)));
    } catch (RuntimeException e) {
      // The connection is gone: stderr again, for this record and the ones after it.
      close();
      toReplaced(record);
    }
  }

  private void toReplaced(LogRecord record) {
    for (Handler h : replaced) {
      h.publish(record);
    }
  }

  /** The record's message, its exception redacted unless this handler is at FINE or finer. */
  private String text(LogRecord record) {
    LogRecord copy = new LogRecord(record.getLevel(), record.getMessage());
    copy.setParameters(record.getParameters());
    copy.setResourceBundle(record.getResourceBundle());
    copy.setThrown(record.getThrown());
    if (getLevel().intValue() > Level.FINE.intValue()) {
      RedactedLogs.redact(copy);
    }
    String text = formatter.formatMessage(copy);
    if (copy.getThrown() != null) {
      StringWriter trace = new StringWriter();
      copy.getThrown().printStackTrace(new PrintWriter(trace));
      text += "\n" + trace;
    }
    return text;
  }

  static MessageType type(Level level) {
    int v = level.intValue();
    if (v >= Level.SEVERE.intValue()) {
      return MessageType.Error;
    }
    if (v >= Level.WARNING.intValue()) {
      return MessageType.Warning;
    }
    if (v >= Level.INFO.intValue()) {
      return MessageType.Info;
    }
    return MessageType.Log;
  }

  /** Waits (a few seconds at most) until the records published so far have been handled. */
  @Override
  public synchronized void flush() {
    long target = queued;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FLUSH_WAIT_SECONDS);
    try {
      while (handled < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Gives the logger its handlers back, with the records not sent yet. */
  @Override
  public void close() {
    synchronized (this) {
      if (!open) {
        return;
      }
      open = false; // from now on nothing is queued
    }
    for (Handler h : replaced) {
      logger.addHandler(h);
    }
    logger.removeHandler(this);
    if (Thread.currentThread() != sender) {
      sender.interrupt();
    }
    for (LogRecord record = queue.poll(); record != null; record = queue.poll()) {
      toReplaced(record);
      handledOne();
    }
  }
}
