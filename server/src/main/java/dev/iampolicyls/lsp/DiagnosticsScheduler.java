package dev.iampolicyls.lsp;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.config.ConfigLoader;
import dev.iampolicyls.config.ConfigProblem;
import dev.iampolicyls.service.Analysis;
import dev.iampolicyls.service.CancelChecker;
import dev.iampolicyls.service.EmbeddedAnalysis;
import dev.iampolicyls.service.PolicyLanguageService;
import dev.iampolicyls.service.Warmup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Checks open documents and publishes their diagnostics. Checking runs on one background thread
 * after a debounce, so typing never waits for it. A run asks between checks whether its snapshot is
 * still the document's current one and stops as soon as it is not, so an outdated version is never
 * checked to the end; and a result is published only while its snapshot is current, so an editor
 * never sees diagnostics for an old version. Catalog switches run on the same thread, ahead of the
 * checks they affect, so the thread that reads the client's messages never loads a catalog.
 */
final class DiagnosticsScheduler {
  private static final Logger LOG = Logger.getLogger(DiagnosticsScheduler.class.getName());

  /** Our code for a mistake in the configuration file, shown in that file. */
  static final CheckCode CONFIG_ERROR = CheckCode.CONFIG_ERROR;

  /** What happens to each run; tests listen to it. */
  interface RunListener {
    RunListener NONE = new RunListener() {};

    /** A run starts on a snapshot that was current when it was scheduled. */
    default void started(DocumentSnapshot snapshot) {}

    /** A run ended unpublished because its snapshot went out of date. */
    default void stopped(DocumentSnapshot snapshot) {}
  }

  private final DocumentStore documents;
  private final WorkspaceConfig config;
  private final CatalogSetting catalog;
  private final long debounceMillis;
  private final ScheduledExecutorService checker;

  /** The run waiting for each document; guarded by this. */
  private final Map<String, ScheduledFuture<?>> pending = new HashMap<>();

  private volatile LanguageClient client;
  private volatile RunListener listener = RunListener.NONE;

  DiagnosticsScheduler(
      DocumentStore documents,
      WorkspaceConfig config,
      CatalogSetting catalog,
      long debounceMillis) {
    this.documents = documents;
    this.config = config;
    this.catalog = catalog;
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

  void listen(RunListener listener) {
    this.listener = listener;
  }

  /** Opening is one event, not a burst of typing: checked at once. */
  void opened(DocumentSnapshot snapshot) {
    schedule(snapshot, 0);
  }

  void changed(DocumentSnapshot snapshot) {
    schedule(snapshot, debounceMillis);
  }

  /** Drops the document's pending run and clears its diagnostics, which editors otherwise keep. */
  void close(String uri) {
    documents.close(
        uri,
        () -> {
          cancelPending(uri);
          publish(uri, List.of(), null);
        });
  }

  /**
   * Switches to the catalog at {@code path} (null: the bundled one) on the checker thread, then
   * checks every open document again: the settings or the catalog changed.
   */
  void reloadAndRecheck(Path path) {
    execute(
        () -> {
          catalog.use(path);
          documents.all().forEach(s -> schedule(s, 0));
        });
  }

  /**
   * Runs the open policy test files again: a policy file they may name was saved. Their cached
   * outcomes are dropped at once, so a code lens asked for from now on reads the files again too.
   *
   * @return whether a policy test file is open
   */
  boolean recheckPolicyTests() {
    boolean any = false;
    for (DocumentSnapshot s : documents.all()) {
      if (s.namedAsPolicyTest()) {
        s.forgetPolicyTests();
        schedule(s, 0);
        any = true;
      }
    }
    return any;
  }

  /** Runs a task on the checker thread, after what is already queued; dropped once stopped. */
  void execute(Runnable task) {
    try {
      checker.execute(task);
    } catch (RejectedExecutionException e) {
      // Shut down: nothing more to do.
    }
  }

  /** Stops checking; pending runs are dropped. */
  void stop() {
    synchronized (this) {
      pending.values().forEach(f -> f.cancel(false));
      pending.clear();
    }
    checker.shutdownNow();
  }

  /** Replaces any run still waiting for the same document: only the newest one matters. */
  private synchronized void schedule(DocumentSnapshot snapshot, long delayMillis) {
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

  private synchronized void cancelPending(String uri) {
    ScheduledFuture<?> f = pending.remove(uri);
    if (f != null) {
      f.cancel(false);
    }
  }

  private void check(DocumentSnapshot snapshot) {
    if (!documents.isCurrent(snapshot)) {
      return; // superseded while waiting
    }
    listener.started(snapshot);
    CancelChecker outdated = () -> !documents.isCurrent(snapshot);
    List<Diagnostic> diagnostics;
    try {
      diagnostics = diagnostics(snapshot, outdated);
    } catch (CancellationException e) {
      listener.stopped(snapshot);
      return;
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.SEVERE, "Checking " + snapshot.uri() + " failed", e);
      return;
    }
    if (!documents.whileCurrent(
        snapshot, () -> publish(snapshot.uri(), diagnostics, snapshot.version()))) {
      listener.stopped(snapshot); // went out of date after the last check
    }
  }

  private List<Diagnostic> diagnostics(DocumentSnapshot snapshot, CancelChecker cancel) {
    Path path = snapshot.path();
    if (config.isConfigFile(path)) {
      return configDiagnostics(snapshot, path);
    }
    if (snapshot.isPolicyTest()) {
      return PolicyTestMapper.diagnostics(
          snapshot.policyTests(catalog.current().catalog()), snapshot.parsed().lines());
    }
    PolicyLanguageService service = catalog.current();
    Optional<EmbeddedAnalysis> template =
        snapshot.template(service, config.settingsFor(path), cancel);
    if (template.isPresent()) {
      cancel.checkCanceled();
      return templateDiagnostics(snapshot, template.get());
    }
    Analysis analysis = snapshot.analysis(service, config.settingsFor(path), cancel);
    // Only policies get findings: other JSON (package.json, settings) stays silent.
    return analysis.isPolicy()
        ? DiagnosticMapper.toDiagnostics(
            analysis.findings(), snapshot.parsed().lines(), snapshot.uri())
        : List.of();
  }

  /**
   * Every finding of a template: those of the template itself (a YAML syntax error) and of each
   * policy in it, already at template offsets.
   */
  private static List<Diagnostic> templateDiagnostics(
      DocumentSnapshot snapshot, EmbeddedAnalysis template) {
    List<Finding> findings = new ArrayList<>(template.document().syntaxFindings());
    for (EmbeddedAnalysis.Checked policy : template.policies()) {
      findings.addAll(policy.findings());
    }
    return DiagnosticMapper.toDiagnostics(findings, snapshot.lines(), snapshot.uri());
  }

  /** The configuration file's own mistakes, shown in it as errors. */
  private static List<Diagnostic> configDiagnostics(DocumentSnapshot snapshot, Path path) {
    List<Finding> findings = new ArrayList<>();
    for (ConfigProblem p : ConfigLoader.load(snapshot.text(), path.getParent()).problems()) {
      findings.add(
          new Finding(
              CONFIG_ERROR, FindingType.ERROR, p.message(), p.offset(), p.length(), List.of()));
    }
    return DiagnosticMapper.toDiagnostics(findings, snapshot.text());
  }

  private void publish(String uri, List<Diagnostic> diagnostics, Integer version) {
    LanguageClient c = client;
    if (c == null) {
      return;
    }
    try {
      c.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics, version));
      Warmup.firstResultDelivered();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not publish diagnostics for " + uri, e);
    }
  }
}
