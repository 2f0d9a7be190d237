package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.config.DocumentSettings;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyResourceType;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.service.CancelChecker;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.StringNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** What a check may look at (the policy, its type, the catalog) and where it reports. */
public final class CheckContext {
  private final Policy policy;
  private final PolicyType policyType;
  private final Catalog catalog;
  private final DocumentSettings settings;
  private final Clock clock;

  /**
   * The most findings of one code a document gets. Real policies have a few dozen at most (37 in
   * the AWS managed policies); a pasted log or a fuzzed text with thousands of {@code ${}} would
   * otherwise take seconds to check and give an editor tens of thousands of squiggles.
   */
  public static final int MAX_FINDINGS_PER_CODE = 200;

  private final List<Finding> findings = new ArrayList<>();
  private final Map<CheckCode, Integer> perCode = new HashMap<>();
  private final Map<Object, Object> shared = new HashMap<>();
  private CancelChecker cancel = CancelChecker.NEVER;

  public CheckContext(Policy policy, PolicyType policyType, Catalog catalog) {
    this(policy, policyType, catalog, DocumentSettings.DEFAULT);
  }

  public CheckContext(
      Policy policy, PolicyType policyType, Catalog catalog, DocumentSettings settings) {
    this(policy, policyType, catalog, settings, Clock.systemUTC());
  }

  /** A context whose clock says which dates have passed: a fixed one makes tests repeatable. */
  public CheckContext(
      Policy policy,
      PolicyType policyType,
      Catalog catalog,
      DocumentSettings settings,
      Clock clock) {
    this.policy = policy;
    this.policyType = policyType;
    this.catalog = catalog;
    this.settings = settings;
    this.clock = clock;
  }

  public Policy policy() {
    return policy;
  }

  public PolicyType policyType() {
    return policyType;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The resource a resource policy is attached to, when the configuration says. */
  public Optional<PolicyResourceType> resourceType() {
    return Optional.ofNullable(settings.resourceType());
  }

  /** The time now, for conditions on dates. */
  public Clock clock() {
    return clock;
  }

  /**
   * Whether the run is still wanted, for a check whose work is long (a comparison of policies) to
   * ask as it goes: an editor's document may have moved on.
   */
  public CancelChecker cancel() {
    return cancel;
  }

  void cancelWhen(CancelChecker cancel) {
    this.cancel = cancel;
  }

  /** The settings for this document (quotas, customer managed or not). */
  public DocumentSettings settings() {
    return settings;
  }

  /** Reports a finding on a node: its span and JSON path come from the tree. */
  public void report(PolicyCheck check, JsonNode at, String message) {
    add(new Finding(check.code(), check.type(), message, at.offset(), at.length(), at.path()));
  }

  /**
   * Reports that an object lacks an element, or is wrong as a whole: a statement on {@link
   * #statementMark}, the policy on its opening brace (the document's first character, which is
   * seen).
   */
  public void reportMissing(PolicyCheck check, ObjectNode object, String message) {
    int[] span =
        object.parent() == null
            ? new int[] {object.offset(), object.offset() + 1}
            : statementMark(policy.document().text(), object);
    add(
        new Finding(
            check.code(), check.type(), message, span[0], span[1] - span[0], object.path()));
  }

  /**
   * The span that marks a statement: its Sid's value, which names it; else its first line from the
   * brace, or its first key when the brace stands alone on its line. A squiggle under a lone brace
   * is one character that people miss; one under the whole statement hides the findings inside it.
   *
   * @return start and end offsets
   */
  static int[] statementMark(String text, ObjectNode statement) {
    JsonNode sid = statement.get("Sid").orElse(null);
    if (sid instanceof StringNode) {
      return new int[] {sid.offset(), sid.end()};
    }
    int start = statement.offset();
    int end = start + 1;
    for (int i = end; i < statement.end(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        break;
      }
      if (c != ' ' && c != '\t') {
        end = i + 1;
      }
    }
    if (end == start + 1 && !statement.properties().isEmpty()) {
      JsonNode firstKey = statement.properties().get(0).key();
      return new int[] {firstKey.offset(), firstKey.end()};
    }
    return new int[] {start, end};
  }

  /** Reports a finding on an explicit span, for problems that are not a whole node. */
  public void report(PolicyCheck check, int offset, int length, List<Object> path, String message) {
    add(new Finding(check.code(), check.type(), message, offset, length, path));
  }

  /** Reports a finding on a node with related locations elsewhere in the document. */
  public void report(
      PolicyCheck check, JsonNode at, String message, List<Finding.Related> related) {
    add(
        new Finding(
            check.code(), check.type(), message, at.offset(), at.length(), at.path(), related));
  }

  /**
   * Keeps a finding, unless its code has reached {@link #MAX_FINDINGS_PER_CODE}: the last one kept
   * says so, and the check reporting is stopped (it has said enough about this document).
   */
  private void add(Finding f) {
    int n = perCode.merge(f.code(), 1, Integer::sum);
    if (n < MAX_FINDINGS_PER_CODE) {
      findings.add(f);
      return;
    }
    if (n == MAX_FINDINGS_PER_CODE) {
      findings.add(
          new Finding(
              f.code(),
              f.type(),
              f.message()
                  + " ("
                  + MAX_FINDINGS_PER_CODE
                  + " findings of this code: any more in this document are not shown)",
              f.offset(),
              f.length(),
              f.path(),
              f.related()));
    }
    throw EnoughFindings.INSTANCE;
  }

  /** Stops a check that reached the limit of findings of its code; not an error. */
  static final class EnoughFindings extends RuntimeException {
    static final EnoughFindings INSTANCE = new EnoughFindings();

    private EnoughFindings() {
      super(null, null, false, false);
    }
  }

  List<Finding> findings() {
    return findings;
  }

  /**
   * A result that several checks derive from the same input (the problems of one ARN, the grants of
   * a statement), computed once per run and shared. Keys must identify the input fully. The
   * computation is handed this context and the key: a lambda that captures nothing is made once,
   * where one that captures is allocated at every call, and under C1 (the launcher's batch) each
   * such allocation is a call into the VM.
   */
  @SuppressWarnings("unchecked")
  public <K, T> T shared(K key, BiFunction<CheckContext, K, T> compute) {
    Object value = shared.get(key);
    if (value == null) {
      value = compute.apply(this, key);
      shared.put(key, value);
    }
    return (T) value;
  }
}
