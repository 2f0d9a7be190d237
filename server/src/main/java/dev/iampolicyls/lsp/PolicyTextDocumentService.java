package dev.iampolicyls.lsp;

import dev.iampolicyls.service.Analysis;
import dev.iampolicyls.service.PolicyLanguageService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Keeps the open documents and publishes their diagnostics. Checking runs on one background thread
 * after a debounce, so typing never waits for it; a result is published only while its snapshot is
 * still the document's current one, so an editor never sees diagnostics for an old version.
 */
public final class PolicyTextDocumentService implements TextDocumentService {
  private static final Logger LOG = Logger.getLogger(PolicyTextDocumentService.class.getName());

  /**
   * One version of an open document. Identity, not the version number, says whether it is current:
   * a document closed and reopened starts again at the same version.
   */
  record Snapshot(String uri, String text, int version) {}

  private final PolicyLanguageService service;
  private final long debounceMillis;
  private final ScheduledExecutorService checker;

  /** Guards both maps, and every publication, so a check and a newer edit cannot interleave. */
  private final Object lock = new Object();

  private final Map<String, Snapshot> open = new HashMap<>();
  private final Map<String, ScheduledFuture<?>> pending = new HashMap<>();
  private volatile LanguageClient client;

  PolicyTextDocumentService(PolicyLanguageService service, long debounceMillis) {
    this.service = service;
    this.debounceMillis = Math.max(0, debounceMillis);
    this.checker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "iam-policy-ls-diagnostics");
              t.setDaemon(true); // never keeps the process alive after exit
              return t;
            });
  }

  void connect(LanguageClient client) {
    this.client = client;
  }

  /** Stops checking; pending checks are dropped. */
  void stop() {
    synchronized (lock) {
      pending.values().forEach(f -> f.cancel(false));
      pending.clear();
    }
    checker.shutdownNow();
  }

  /** The current version of an open document, or null; for tests. */
  Integer currentVersion(String uri) {
    synchronized (lock) {
      Snapshot s = open.get(uri);
      return s == null ? null : s.version();
    }
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    TextDocumentItem doc = params.getTextDocument();
    String text = doc.getText() == null ? "" : doc.getText();
    Snapshot snapshot = new Snapshot(doc.getUri(), text, doc.getVersion());
    synchronized (lock) {
      open.put(snapshot.uri(), snapshot);
    }
    // Opening is one event, not a burst of typing: check at once.
    schedule(snapshot, 0);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    Integer version = params.getTextDocument().getVersion();
    Snapshot next;
    synchronized (lock) {
      Snapshot current = open.get(uri);
      if (current == null) {
        LOG.warning(() -> "didChange for a document that is not open: " + uri);
        return;
      }
      String text;
      try {
        text = TextChanges.apply(current.text(), params.getContentChanges());
      } catch (RuntimeException e) {
        // A malformed change must not kill the connection; the next full sync repairs the text.
        LOG.log(Level.WARNING, "Could not apply a change to " + uri, e);
        return;
      }
      next = new Snapshot(uri, text, version != null ? version : current.version() + 1);
      open.put(uri, next);
    }
    schedule(next, debounceMillis);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    synchronized (lock) {
      open.remove(uri);
      ScheduledFuture<?> f = pending.remove(uri);
      if (f != null) {
        f.cancel(false);
      }
      // The editor keeps diagnostics of closed files unless told otherwise.
      publish(uri, List.of(), null);
    }
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // Nothing to do: diagnostics follow every edit, and save is not advertised.
  }

  /**
   * Fixes for the requested range, computed on the checker thread so the reader thread stays free;
   * an unknown document gets none.
   */
  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    Snapshot snapshot;
    synchronized (lock) {
      snapshot = open.get(params.getTextDocument().getUri());
    }
    if (snapshot == null) {
      return CompletableFuture.completedFuture(List.of());
    }
    try {
      return CompletableFuture.supplyAsync(
          () -> CodeActionMapper.toCodeActions(service, snapshot.uri(), snapshot.text(), params),
          checker);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(List.of());
    }
  }

  /** Replaces any check still waiting for the same document: only the newest one matters. */
  private void schedule(Snapshot snapshot, long delayMillis) {
    synchronized (lock) {
      if (checker.isShutdown()) {
        return;
      }
      try {
        ScheduledFuture<?> f =
            checker.schedule(() -> check(snapshot), delayMillis, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = pending.put(snapshot.uri(), f);
        if (previous != null) {
          previous.cancel(false);
        }
      } catch (RejectedExecutionException e) {
        // Shut down between the check and the call: nothing more to publish anyway.
      }
    }
  }

  private void check(Snapshot snapshot) {
    if (!isCurrent(snapshot)) {
      return; // superseded while waiting
    }
    List<Diagnostic> diagnostics;
    try {
      Analysis analysis = service.analyze(snapshot.text(), null, false);
      // Only policies get findings: other JSON (package.json, settings) stays silent.
      diagnostics =
          analysis.isPolicy()
              ? DiagnosticMapper.toDiagnostics(analysis.findings(), snapshot.text(), snapshot.uri())
              : List.of();
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.SEVERE, "Checking " + snapshot.uri() + " failed", e);
      return;
    }
    synchronized (lock) {
      // Checked again under the lock: a newer edit cannot slip in between this and the send.
      if (isCurrent(snapshot)) {
        publish(snapshot.uri(), diagnostics, snapshot.version());
      }
    }
  }

  private boolean isCurrent(Snapshot snapshot) {
    synchronized (lock) {
      return open.get(snapshot.uri()) == snapshot;
    }
  }

  private void publish(String uri, List<Diagnostic> diagnostics, Integer version) {
    LanguageClient c = client;
    if (c == null) {
      return;
    }
    try {
      c.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics, version));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not publish diagnostics for " + uri, e);
    }
  }
}
