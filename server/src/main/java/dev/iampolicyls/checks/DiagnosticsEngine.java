package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.config.DocumentSettings;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.service.CancelChecker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs every check over a policy. A check that fails is logged and skipped, so one bug never takes
 * the other findings down with it.
 */
public final class DiagnosticsEngine {
  /** Findings in document order; built once, not per run (each link allocates a lambda). */
  private static final Comparator<Finding> FINDING_ORDER =
      Comparator.comparingInt(Finding::offset)
          .thenComparingInt(Finding::length)
          .thenComparing(f -> f.code().id());

  private static final Logger LOG = Logger.getLogger(DiagnosticsEngine.class.getName());

  private final Catalog catalog;
  private final List<PolicyCheck> checks;
  private final Clock clock;

  public DiagnosticsEngine(Catalog catalog) {
    this(catalog, AllChecks.create());
  }

  public DiagnosticsEngine(Catalog catalog, List<PolicyCheck> checks) {
    this(catalog, checks, Clock.systemUTC());
  }

  private DiagnosticsEngine(Catalog catalog, List<PolicyCheck> checks, Clock clock) {
    this.catalog = catalog;
    this.checks = List.copyOf(checks);
    this.clock = clock;
  }

  /** The same checks, judging dates by this clock (tests fix the time). */
  public DiagnosticsEngine withClock(Clock clock) {
    return new DiagnosticsEngine(catalog, checks, clock);
  }

  public List<PolicyCheck> checks() {
    return checks;
  }

  public List<Finding> run(Policy policy, PolicyType policyType) {
    return run(policy, policyType, DocumentSettings.DEFAULT);
  }

  /**
   * Runs the checks the settings leave on; findings of ignored codes are dropped and finding types
   * are replaced where the settings say.
   */
  public List<Finding> run(Policy policy, PolicyType policyType, DocumentSettings settings) {
    return run(policy, policyType, settings, CancelChecker.NEVER);
  }

  /**
   * As {@link #run(Policy, PolicyType, DocumentSettings)}, asking {@code cancel} before each check:
   * once the document has moved on, the remaining checks are not run and {@link
   * java.util.concurrent.CancellationException} is thrown instead of a partial result.
   */
  public List<Finding> run(
      Policy policy, PolicyType policyType, DocumentSettings settings, CancelChecker cancel) {
    CheckContext context = new CheckContext(policy, policyType, catalog, settings, clock);
    context.cancelWhen(cancel);
    for (PolicyCheck check : checks) {
      if (!settings.reports(check.code().id())) {
        continue;
      }
      cancel.checkCanceled();
      try {
        check.run(context);
      } catch (CheckContext.EnoughFindings e) {
        // The check reached the limit of findings of one code: the rest would add nothing.
      } catch (CancellationException e) {
        throw e; // a long check asked and the run is no longer wanted
      } catch (RuntimeException | StackOverflowError e) {
        LOG.log(
            Level.WARNING,
            "check "
                + check.code()
                + " ("
                + check.getClass().getSimpleName()
                + ") failed; its findings are skipped",
            e);
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Finding f : context.findings()) {
      if (!settings.reports(f.code().id())) {
        continue; // a check may report under another code than its own
      }
      findings.add(f.withType(settings.typeFor(f.code().id(), f.type())));
    }
    findings.sort(FINDING_ORDER);
    return findings;
  }
}
