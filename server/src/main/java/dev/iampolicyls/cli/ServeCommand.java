package dev.iampolicyls.cli;

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
    return serve();
  }

  /** Runs the server until the client says exit or stdin closes; returns the exit code. */
  static int serve() {
    return dev.iampolicyls.lsp.ServerLauncher.runOnStdio();
  }
}
