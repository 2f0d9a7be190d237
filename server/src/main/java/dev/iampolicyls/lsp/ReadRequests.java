package dev.iampolicyls.lsp;

import dev.iampolicyls.service.CancelChecker;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;

/**
 * The one path every request on a document takes: hover, completion, code actions, outline, inlay
 * hints, code lenses, folding and selection ranges. The document's current snapshot is taken on the
 * thread that reads the client's messages, so it holds every change sent before the request; the
 * work then runs on a small pool with the request's cancel checker, which the engines poll. A
 * failure is logged (its class and place, never the policy) and answered with the request's empty
 * result, never an error the client would show; a request the client cancelled ends as LSP says,
 * with RequestCancelled.
 *
 * <p>Two threads, so that a slow request (a code action on a large policy) does not hold up the
 * hover behind it, and no more, since the diagnostics thread shares two cores with them. The
 * threads are fixed and long-lived rather than pooled threads that come and go: the response is
 * written by whichever thread completes it, and a piped transport reports a writer that has ended
 * as a dead pipe.
 */
final class ReadRequests {
  private static final Logger LOG = Logger.getLogger(ReadRequests.class.getName());

  static final int THREADS = 2;

  /** A request's work on one snapshot. */
  @FunctionalInterface
  interface Read<T> {
    T apply(DocumentSnapshot snapshot, CancelChecker cancel);
  }

  private final DocumentStore documents;
  private final ExecutorService pool;

  ReadRequests(DocumentStore documents) {
    this.documents = documents;
    AtomicInteger count = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "iam-policy-ls-requests-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Answers a request on the document {@code uri}: {@code empty} when it is not open, when the work
   * fails, or once the server has stopped.
   *
   * @param what the request, for the log
   */
  <T> CompletableFuture<T> answer(String uri, String what, T empty, Read<T> read) {
    DocumentSnapshot snapshot = documents.get(uri);
    if (snapshot == null) {
      return CompletableFuture.completedFuture(empty);
    }
    try {
      return CompletableFutures.computeAsync(
          pool,
          lsp4jCancel -> {
            CancelChecker cancel = lsp4jCancel::isCanceled;
            try {
              T result = read.apply(snapshot, cancel);
              cancel.checkCanceled();
              return result;
            } catch (CancellationException e) {
              throw e;
            } catch (RuntimeException | StackOverflowError e) {
              LOG.log(Level.SEVERE, what + " on " + uri + " failed; answered with nothing", e);
              return empty;
            }
          });
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(empty);
    }
  }

  /**
   * Work on no document (a command), with the request's cancel checker: its failures reach the
   * client as the request's error.
   */
  <T> CompletableFuture<T> compute(java.util.function.Function<CancelChecker, T> work) {
    return CompletableFutures.computeAsync(
        pool, lsp4jCancel -> work.apply(lsp4jCancel::isCanceled));
  }

  void stop() {
    pool.shutdownNow();
  }
}
