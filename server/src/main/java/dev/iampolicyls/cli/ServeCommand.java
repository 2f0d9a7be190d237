package dev.iampolicyls.cli;

import dev.iampolicyls.lsp.ServerLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `serve`: the language server over stdio. */
@Command(name = "serve", description = "Run the language server over stdin/stdout.")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--stdio", description = "Accepted and ignored: stdio is the only transport.")
  boolean stdio;

  @Override
  public Integer call() {
    return serve(() -> {}); // Main has set logging up already
  }

  /**
   * Runs the server until the client says exit or stdin closes; returns the exit code.
   *
   * @param beforeListening run once the server is set up, before it reads the first message
   */
  static int serve(Runnable beforeListening) {
    return ServerLauncher.runOnStdio(beforeListening);
  }
}
