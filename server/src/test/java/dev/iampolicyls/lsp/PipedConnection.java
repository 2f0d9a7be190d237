package dev.iampolicyls.lsp;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.service.PolicyLanguageService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real server and a real LSP4J client joined by two in-process pipes, so protocol tests exercise
 * the actual JSON-RPC framing and dispatch in one JVM without spawning a process. Close it after
 * each test: that stops the server's threads and both listeners.
 */
final class PipedConnection<C extends LanguageClient> implements AutoCloseable {
  private static final int PIPE_BUFFER = 1 << 16;

  private final PolicyLanguageServer server;
  private final C client;
  private final Launcher<LanguageServer> clientLauncher;
  private final LanguageServer remote;
  private final PipedOutputStream clientOut;
  private final PipedOutputStream serverOut;
  private final Future<Void> serverListening;
  private final Future<Void> clientListening;

  private PipedConnection(PolicyLanguageServer server, C client) throws IOException {
    PipedInputStream serverIn = new PipedInputStream(PIPE_BUFFER);
    clientOut = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(PIPE_BUFFER);
    serverOut = new PipedOutputStream(clientIn);
    this.server = server;
    serverListening = ServerLauncher.create(server, serverIn, serverOut).startListening();
    this.client = client;
    clientLauncher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
    clientListening = clientLauncher.startListening();
    remote = clientLauncher.getRemoteProxy();
  }

  /** The bundled-catalog server, without debounce, talking to a {@link RecordingClient}. */
  static PipedConnection<RecordingClient> open() throws IOException {
    return open(new RecordingClient());
  }

  /** The bundled-catalog server, without debounce, talking to the given client. */
  static <C extends LanguageClient> PipedConnection<C> open(C client) throws IOException {
    return open(new PolicyLanguageService(Catalog.bundled()), client);
  }

  /** A server over the given service, without debounce, talking to the given client. */
  static <C extends LanguageClient> PipedConnection<C> open(PolicyLanguageService service, C client)
      throws IOException {
    return new PipedConnection<>(new PolicyLanguageServer(service, 0), client);
  }

  PolicyLanguageServer server() {
    return server;
  }

  C client() {
    return client;
  }

  /** The server as the client sees it: every call goes through the pipes. */
  LanguageServer remote() {
    return remote;
  }

  /** For requests and notifications that {@link LanguageServer} has no method for. */
  RemoteEndpoint remoteEndpoint() {
    return clientLauncher.getRemoteEndpoint();
  }

  /** The raw client-to-server stream, for writing bytes the LSP4J client would never send. */
  OutputStream clientToServer() {
    return clientOut;
  }

  @Override
  public void close() throws IOException {
    server.shutdown(); // stops the checker thread even when a test did not
    clientOut.close();
    serverOut.close();
    serverListening.cancel(true);
    clientListening.cancel(true);
  }
}
