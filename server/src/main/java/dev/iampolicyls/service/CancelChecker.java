package dev.iampolicyls.service;

import java.util.concurrent.CancellationException;

/**
 * Says whether the work in progress is still wanted: the client cancelled the request, or the
 * document moved on to a newer version. Engines poll it between units of work (a check, a fix, a
 * statement) so that unwanted work stops early. Our own, so that the engines stay free of LSP4J;
 * the language server adapts LSP4J's checker to it.
 */
@FunctionalInterface
public interface CancelChecker {
  /** For callers that never cancel: the CLI, the warm-up, tests. */
  CancelChecker NEVER = () -> false;

  boolean isCanceled();

  /** Throws {@link CancellationException} when the work is no longer wanted. */
  default void checkCanceled() {
    if (isCanceled()) {
      throw new CancellationException();
    }
  }
}
