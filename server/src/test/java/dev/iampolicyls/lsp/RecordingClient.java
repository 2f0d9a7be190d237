package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** A test client that queues every publishDiagnostics it receives. */
class RecordingClient implements LanguageClient {
  final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams params) {
    published.add(params);
  }

  /** The next publication matching the predicate; earlier, non-matching ones are dropped. */
  PublishDiagnosticsParams await(Predicate<PublishDiagnosticsParams> matching)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      long left = deadline - System.nanoTime();
      PublishDiagnosticsParams p = published.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (p == null) {
        return fail("No matching publishDiagnostics within 10 s");
      }
      if (matching.test(p)) {
        return p;
      }
    }
  }

  PublishDiagnosticsParams await(String uri, Integer version) throws InterruptedException {
    return await(p -> p.getUri().equals(uri) && java.util.Objects.equals(p.getVersion(), version));
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void showMessage(MessageParams params) {}

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams params) {}
}
