package dev.iampolicyls.lsp;

/** Starts the language server on stdio. */
public final class ServerLauncher {
  private ServerLauncher() {}

  /** Runs until the client says exit or stdin closes; returns the process exit code. */
  public static int runOnStdio() {
    return 1; // implemented by the LSP work
  }
}
