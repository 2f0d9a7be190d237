package dev.iampolicyls.lsp;

import com.google.gson.Gson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * LSP4J's reflective set-up, done on a thread of its own while the main thread builds the server.
 * At start-up the protocol is the critical path: LSP4J reads the JSON-RPC methods of the server and
 * client interfaces by reflection (about 70 ms here), and Gson builds its reflective adapters for
 * the first messages (InitializeParams alone is a tree of ~100 classes) when they arrive. Both are
 * done here instead, ahead of need; what the launcher gets is exactly what it would have built
 * itself (the same methods, a handler without Gson configuration).
 */
final class ProtocolSetup {
  private static final Logger LOG = Logger.getLogger(ProtocolSetup.class.getName());

  /** The messages of a session's first second, whose adapters are built ahead. */
  private static final List<Class<?>> FIRST_MESSAGES =
      List.of(
          InitializeParams.class,
          InitializeResult.class,
          DidOpenTextDocumentParams.class,
          PublishDiagnosticsParams.class,
          MessageParams.class);

  private final CompletableFuture<Map<String, JsonRpcMethod>> methods = new CompletableFuture<>();
  private final CompletableFuture<MessageJsonHandler> handler = new CompletableFuture<>();

  private ProtocolSetup() {}

  /** Starts the set-up for a server of this class, talking to a {@link LanguageClient}. */
  static ProtocolSetup start(Class<?> serverClass) {
    ProtocolSetup setup = new ProtocolSetup();
    // Not a lambda: bootstrapping one costs milliseconds on this path.
    Thread thread =
        new Thread("iam-policy-ls-protocol-setup") {
          @Override
          public void run() {
            setup.run(serverClass);
          }
        };
    thread.setDaemon(true);
    thread.start();
    return setup;
  }

  private void run(Class<?> serverClass) {
    try {
      // In the order LSP4J's launcher builder merges them: the remote interface, then the service.
      Map<String, JsonRpcMethod> all = new LinkedHashMap<>();
      all.putAll(ServiceEndpoints.getSupportedMethods(LanguageClient.class));
      all.putAll(ServiceEndpoints.getSupportedMethods(serverClass));
      methods.complete(all);
      MessageJsonHandler json = new MessageJsonHandler(all);
      handler.complete(json);
      Gson gson = json.getGson();
      for (Class<?> type : FIRST_MESSAGES) {
        gson.getAdapter(type);
      }
    } catch (RuntimeException | LinkageError e) {
      // The launcher then builds its own, as it would without this class.
      LOG.log(Level.FINE, "protocol set-up ahead of need failed", e);
      methods.completeExceptionally(e);
      handler.completeExceptionally(e);
    }
  }

  /** The methods, or null when the set-up failed. */
  Map<String, JsonRpcMethod> supportedMethods() {
    return joinOrNull(methods);
  }

  /** The JSON handler, or null when the set-up failed. */
  MessageJsonHandler jsonHandler() {
    return joinOrNull(handler);
  }

  private static <T> T joinOrNull(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException
        | java.util.concurrent.CancellationException e) {
      return null;
    }
  }
}
