package dev.iampolicyls.lsp;

import dev.iampolicyls.service.PolicyLanguageService;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Starts the language server on stdio. */
public final class ServerLauncher {
  private static final Logger LOG = Logger.getLogger(ServerLauncher.class.getName());

  /** Long enough to skip the checks between keystrokes, short enough to feel immediate. */
  public static final long DEFAULT_DEBOUNCE_MILLIS = 150;

  private ServerLauncher() {}

  /**
   * The debounce, which the benchmark sets to 0 ({@code -Diampolicyls.debounceMillis=0}) to time
   * the checking itself; anything unreadable means the default.
   */
  static long debounceMillis() {
    Long configured = Long.getLong("iampolicyls.debounceMillis");
    return configured != null && configured >= 0 && configured <= 10_000
        ? configured
        : DEFAULT_DEBOUNCE_MILLIS;
  }

  /** Runs until the client says exit or stdin closes; returns the process exit code. */
  public static int runOnStdio() {
    return runOnStdio(() -> {});
  }

  /**
   * As {@link #runOnStdio()}; {@code beforeListening} runs once the server and the protocol are set
   * up, just before the first message is read.
   */
  public static int runOnStdio(Runnable beforeListening) {
    // stdout belongs to JSON-RPC alone: a stray println anywhere would corrupt the stream, so
    // System.out now goes to stderr and only the launcher holds the real stdout. JUL logs go to
    // stderr until the connection is up, then to the client (window/logMessage), then to stderr
    // again once it is gone.
    OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
    System.setOut(System.err);
    ProtocolSetup setup = ProtocolSetup.start(PolicyLanguageServer.class);
    PolicyLanguageServer server =
        new PolicyLanguageServer(PolicyLanguageService.bundled(), debounceMillis());
    Launcher<LanguageClient> launcher = create(server, System.in, protocolOut, setup);
    beforeListening.run(); // logging is set up: the client's log can take its place
    ClientLogHandler clientLog = ClientLogHandler.install(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    Thread watcher =
        new Thread(
            () -> {
              Throwable failure = null;
              try {
                listening.get();
              } catch (ExecutionException e) {
                failure = e.getCause();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              clientLog.close(); // the connection is gone: what follows goes to stderr
              if (failure != null) {
                LOG.log(Level.WARNING, "The connection failed", failure);
              }
              server.inputClosed();
            },
            "iam-policy-ls-input-watcher");
    watcher.setDaemon(true);
    watcher.start();
    int exitCode = server.exitCode().join();
    clientLog.close();
    return exitCode;
  }

  /** Wires a server to a pair of streams and connects it to the client proxy; for tests too. */
  public static Launcher<LanguageClient> create(
      PolicyLanguageServer server, InputStream in, OutputStream out) {
    return create(server, in, out, null);
  }

  /** As {@link #create(PolicyLanguageServer, InputStream, OutputStream)}, set up ahead or not. */
  static Launcher<LanguageClient> create(
      PolicyLanguageServer server, InputStream in, OutputStream out, ProtocolSetup setup) {
    // The builder is what LSPLauncher.createServerLauncher uses; we need it for the exception
    // handler, because LSP4J's default one puts the server's stack trace into the response.
    Launcher<LanguageClient> launcher =
        new LSPLauncher.Builder<LanguageClient>() {
          @Override
          protected Map<String, JsonRpcMethod> getSupportedMethods() {
            Map<String, JsonRpcMethod> methods = setup == null ? null : setup.supportedMethods();
            return methods != null ? methods : super.getSupportedMethods();
          }

          @Override
          protected MessageJsonHandler createJsonHandler() {
            MessageJsonHandler handler = setup == null ? null : setup.jsonHandler();
            return handler != null ? handler : super.createJsonHandler();
          }
        }.setLocalService(server)
            .setRemoteInterface(LanguageClient.class)
            .setInput(in)
            .setOutput(out)
            .setExceptionHandler(ServerLauncher::toResponseError)
            .create();
    server.connect(launcher.getRemoteProxy());
    return launcher;
  }

  /** A failed request becomes a short error for the client; the stack trace goes to the log. */
  static ResponseError toResponseError(Throwable thrown) {
    Throwable t = thrown;
    while ((t instanceof CompletionException
            || t instanceof ExecutionException
            || t instanceof InvocationTargetException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ResponseErrorException e) {
      return e.getResponseError();
    }
    if (t instanceof UnsupportedOperationException) {
      // LSP4J's default for every request we do not implement.
      return new ResponseError(
          ResponseErrorCode.MethodNotFound, "Not supported by " + PolicyLanguageServer.NAME, null);
    }
    LOG.log(Level.SEVERE, "A request failed", t);
    return new ResponseError(
        ResponseErrorCode.InternalError,
        "Internal error in " + PolicyLanguageServer.NAME + ": " + t.getClass().getSimpleName(),
        null);
  }
}
