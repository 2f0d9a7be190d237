package dev.iampolicyls.policytest;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.evaluation.ContextArguments;
import dev.iampolicyls.evaluation.NamedPolicy;
import dev.iampolicyls.evaluation.PolicyRole;
import dev.iampolicyls.evaluation.PolicySet;
import dev.iampolicyls.evaluation.Request;
import dev.iampolicyls.evaluation.RequestContext;
import dev.iampolicyls.evaluation.RequestPrincipal;
import dev.iampolicyls.evaluation.Simulator;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import dev.iampolicyls.syntax.SyntaxError;
import dev.iampolicyls.syntax.Utf8Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A {@code *.iamtest.json} file (schema: {@code schemas/iamtest.schema.json}): the policies by
 * role, with paths relative to the file, and requests with their expected decisions. Reading never
 * stops at the first mistake: each becomes a {@link Problem} at its text, a case with a mistake is
 * left out, and the cases run only when every policy file and the defaults of all cases were read
 * ({@link #runnable}).
 *
 * @param name the file as reports name it
 * @param document the parsed test file
 * @param policies the policies every case is evaluated against
 * @param cases the requests that were read without a mistake
 * @param problems the mistakes, in the order of the text
 * @param runnable whether "policies" and the cases' defaults were read whole, so the cases can run
 */
public record PolicyTestFile(
    String name,
    JsonDocument document,
    PolicySet policies,
    List<Case> cases,
    List<Problem> problems,
    boolean runnable) {

  /** The file name that marks a policy test file. */
  public static final String SUFFIX = ".iamtest.json";

  private static final Set<String> ROOT_KEYS =
      Set.of("$schema", "policies", "principal", "resourceAccount", "cases");
  private static final Set<String> POLICY_KEYS =
      Set.of("identity", "resource", "boundary", "session", "scp", "rcp");
  private static final Set<String> CASE_KEYS =
      Set.of("name", "action", "resource", "principal", "resourceAccount", "context", "expect");

  public PolicyTestFile {
    cases = List.copyOf(cases);
    problems = List.copyOf(problems);
  }

  /**
   * One request and its expected decision.
   *
   * @param offset start of the case's name in the test file, where editors show its outcome
   * @param end end of the case's name
   * @param line 1-based line of the case in the test file
   */
  public record Case(
      String name, Request request, Expectation expect, int offset, int end, int line) {}

  /**
   * A mistake in the test file, or a policy file it names that cannot be used.
   *
   * @param offset where in the test file (a policy file's problem: at its reference)
   * @param length how much of the test file
   * @param message what is wrong; a policy file's problem names that file and its own position
   * @param inPolicyFile whether the mistake is in a policy file rather than in the test file
   */
  public record Problem(int offset, int length, String message, boolean inPolicyFile) {}

  /** Whether a path is a policy test file, by its name. */
  public static boolean isTestFile(Path path) {
    return path != null
        && path.getFileName() != null
        && path.getFileName().toString().endsWith(SUFFIX);
  }

  /** Reads a test file from disk and the policy files it names. */
  public static PolicyTestFile read(Path file, Catalog catalog) throws IOException {
    String text = Utf8Text.decode(Files.readAllBytes(file)).text();
    return parse(
        file.toString().replace('\\', '/'), text, file.toAbsolutePath().getParent(), catalog);
  }

  /**
   * Reads a test file's text; the policy files it names are read from disk.
   *
   * @param folder the folder policy file paths are relative to
   */
  public static PolicyTestFile parse(String name, String text, Path folder, Catalog catalog) {
    return parse(name, JsonDocument.parse(text), folder, catalog);
  }

  /** As {@link #parse(String, String, Path, Catalog)}, from text already parsed. */
  public static PolicyTestFile parse(
      String name, JsonDocument document, Path folder, Catalog catalog) {
    Reader reader = new Reader(document, folder, policyNames(name), catalog);
    if (document.errors().isEmpty()) {
      reader.file();
    } else {
      for (SyntaxError e : document.errors()) {
        reader.problems.add(new Problem(e.offset(), e.length(), e.message(), false));
      }
    }
    return new PolicyTestFile(
        name,
        document,
        reader.policySet(),
        reader.cases,
        reader.problems,
        document.errors().isEmpty() && reader.runnable);
  }

  /** The problem as a command line prints it: {@code file:line:column: message}. */
  public String describe(Problem p) {
    return p.inPolicyFile()
        ? p.message()
        : PolicyFileReader.at(name, document, p.offset()) + ": " + p.message();
  }

  /** Evaluates every case; nothing when some policy file could not be read. */
  public List<Outcome> run() {
    if (!runnable) {
      return List.of();
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Case c : cases) {
      outcomes.add(Outcome.of(c, Simulator.simulate(c.request(), policies)));
    }
    return outcomes;
  }

  /** A mistake at a node; the case or entry it is in is left out. */
  private static final class Mistake extends Exception {
    final JsonNode at;

    Mistake(JsonNode at, String message) {
      super(message, null, false, false);
      this.at = at;
    }
  }

  /**
   * How reports name the policy files a test file names: as written when the test file is named by
   * a URI (an editor's document: messages beside it read best relative to it), else beside the test
   * file's own name (the command line's {@code tests/app.iamtest.json} names {@code
   * tests/app.json}).
   */
  private static UnaryOperator<String> policyNames(String testFileName) {
    if (testFileName.contains("://")) {
      return written -> written;
    }
    Path parent = Path.of(testFileName).getParent();
    return written ->
        parent == null || Path.of(written).isAbsolute()
            ? written
            : parent.resolve(written).normalize().toString().replace('\\', '/');
  }

  /** Walks the syntax tree, so every problem has a place. */
  private static final class Reader {
    private final JsonDocument document;
    private final Path folder;
    private final UnaryOperator<String> policyNames;
    private final Catalog catalog;
    final List<Problem> problems = new ArrayList<>();
    final List<Case> cases = new ArrayList<>();
    boolean runnable = true;
    private final List<NamedPolicy> identity = new ArrayList<>();
    private Optional<NamedPolicy> resource = Optional.empty();
    private Optional<NamedPolicy> boundary = Optional.empty();
    private Optional<NamedPolicy> session = Optional.empty();
    private final List<List<NamedPolicy>> scp = new ArrayList<>();
    private final List<List<NamedPolicy>> rcp = new ArrayList<>();

    Reader(JsonDocument document, Path folder, UnaryOperator<String> policyNames, Catalog catalog) {
      this.document = document;
      this.folder = folder;
      this.policyNames = policyNames;
      this.catalog = catalog;
    }

    PolicySet policySet() {
      return new PolicySet(identity, resource, boundary, session, scp, rcp);
    }

    private void problem(Mistake m) {
      JsonNode at = m.at != null ? m.at : document.root();
      problems.add(
          new Problem(
              at == null ? 0 : at.offset(), at == null ? 0 : at.length(), m.getMessage(), false));
    }

    void file() {
      ObjectNode root;
      try {
        root = object(document.root(), "the file");
      } catch (Mistake m) {
        problem(m);
        runnable = false;
        return;
      }
      String defaultPrincipal = null;
      String defaultAccount = null;
      ArrayNode caseList = null;
      boolean sawPolicies = false;
      for (PropertyNode p : root.properties()) {
        try {
          switch (p.name()) {
            case "$schema" -> {}
            case "policies" -> {
              sawPolicies = true;
              policies(object(p.value(), "policies"));
            }
            case "principal" ->
                defaultPrincipal = principal(p.value(), string(p.value(), p.name()));
            case "resourceAccount" ->
                defaultAccount = account(p.value(), string(p.value(), p.name()));
            case "cases" -> {
              if (!(p.value() instanceof ArrayNode a) || a.items().isEmpty()) {
                throw new Mistake(p.value(), "cases must be a non-empty array");
              }
              caseList = a;
            }
            default -> throw unknownKey(p, ROOT_KEYS);
          }
        } catch (Mistake m) {
          problem(m);
          runnable &= p.name().equals("cases") || p.name().equals("$schema");
        }
      }
      if (!sawPolicies) {
        problem(new Mistake(root, "missing \"policies\""));
        runnable = false;
      }
      if (caseList == null) {
        if (root.get("cases").isEmpty()) {
          problem(new Mistake(root, "missing \"cases\""));
        }
        return;
      }
      for (JsonNode item : caseList.items()) {
        try {
          cases.add(testCase(object(item, "a case"), defaultPrincipal, defaultAccount));
        } catch (Mistake m) {
          problem(m);
        }
      }
    }

    private void policies(ObjectNode policies) {
      for (PropertyNode p : policies.properties()) {
        try {
          JsonNode value = p.value();
          switch (p.name()) {
            case "identity" -> {
              for (JsonNode item : value instanceof ArrayNode a ? a.items() : List.of(value)) {
                policy(item, PolicyRole.IDENTITY).ifPresent(identity::add);
              }
            }
            case "resource" -> resource = policy(value, PolicyRole.RESOURCE);
            case "boundary" -> boundary = policy(value, PolicyRole.PERMISSIONS_BOUNDARY);
            case "session" -> session = policy(value, PolicyRole.SESSION);
            case "scp" -> levels(p, PolicyRole.SCP, scp);
            case "rcp" -> levels(p, PolicyRole.RCP, rcp);
            default -> throw unknownKey(p, POLICY_KEYS);
          }
        } catch (Mistake m) {
          problem(m);
          runnable = false;
        }
      }
    }

    /** Each item is one level: a file, or an array of the files attached at that level. */
    private void levels(PropertyNode p, PolicyRole role, List<List<NamedPolicy>> levels)
        throws Mistake {
      if (!(p.value() instanceof ArrayNode array)) {
        throw new Mistake(
            p.value(), p.name() + " must be an array of levels (a file, or an array of files)");
      }
      for (JsonNode level : array.items()) {
        List<NamedPolicy> policiesOfLevel = new ArrayList<>();
        for (JsonNode f : level instanceof ArrayNode files ? files.items() : List.of(level)) {
          policy(f, role).ifPresent(policiesOfLevel::add);
        }
        levels.add(policiesOfLevel);
      }
    }

    /** The policy a reference names; empty, with a problem at the reference, when unusable. */
    private Optional<NamedPolicy> policy(JsonNode node, PolicyRole role) throws Mistake {
      String path = string(node, "a policy file");
      try {
        return Optional.of(
            PolicyFileReader.read(folder.resolve(path), policyNames.apply(path), role));
      } catch (PolicyFileReader.Unreadable e) {
        problems.add(new Problem(node.offset(), node.length(), e.getMessage(), true));
        runnable = false;
        return Optional.empty();
      }
    }

    private Case testCase(ObjectNode c, String defaultPrincipal, String defaultAccount)
        throws Mistake {
      for (PropertyNode p : c.properties()) {
        if (!CASE_KEYS.contains(p.name())) {
          throw unknownKey(p, CASE_KEYS);
        }
      }
      JsonNode nameNode = required(c, "name");
      String caseName = string(nameNode, "name");
      String action = string(required(c, "action"), "action");
      if (ActionName.parse(action).isEmpty()) {
        throw new Mistake(
            c.get("action").get(), "action must be SERVICE:ACTION, not '" + action + "'");
      }
      String resource = Optional.ofNullable(optionalString(c, "resource")).orElse("*");
      String principalText =
          c.get("principal").isPresent()
              ? principal(c.get("principal").get(), optionalString(c, "principal"))
              : defaultPrincipal;
      String account =
          c.get("resourceAccount").isPresent()
              ? account(c.get("resourceAccount").get(), optionalString(c, "resourceAccount"))
              : defaultAccount;
      JsonNode expectNode = required(c, "expect");
      String expectText = string(expectNode, "expect");
      Expectation expect;
      try {
        expect = Expectation.valueOf(expectText);
      } catch (IllegalArgumentException e) {
        throw new Mistake(
            expectNode,
            "expect must be Allowed, Denied, ImplicitDeny or ExplicitDeny, not '"
                + expectText
                + "'");
      }
      RequestContext context = RequestContext.EMPTY;
      JsonNode contextNode = c.get("context").orElse(null);
      if (contextNode != null) {
        List<RequestContext.Entry> entries = new ArrayList<>();
        for (PropertyNode key : object(contextNode, "context").properties()) {
          List<String> values = new ArrayList<>();
          for (JsonNode v : key.value() instanceof ArrayNode a ? a.items() : List.of(key.value())) {
            values.add(string(v, "a context value"));
          }
          entries.add(new RequestContext.Entry(key.name(), values));
        }
        try {
          context = ContextArguments.fromValues(entries, catalog);
        } catch (ContextArguments.Invalid e) {
          throw new Mistake(contextNode, e.getMessage());
        }
      }
      Optional<RequestPrincipal> principal =
          principalText == null ? Optional.empty() : RequestPrincipal.parse(principalText);
      Request request =
          new Request(action, resource, principal, Optional.ofNullable(account), context);
      int line = document.positionAt(c.offset()).line() + 1;
      return new Case(caseName, request, expect, nameNode.offset(), nameNode.end(), line);
    }

    /** The principal's text, checked to be one simulate knows. */
    private String principal(JsonNode at, String text) throws Mistake {
      if (RequestPrincipal.parse(text).isEmpty()) {
        throw new Mistake(at, "'" + text + "' is not a principal simulate knows");
      }
      return text;
    }

    private String account(JsonNode at, String text) throws Mistake {
      if (!text.matches("\\d{12}")) {
        throw new Mistake(at, "resourceAccount must be a 12-digit account ID, not '" + text + "'");
      }
      return text;
    }

    private static Mistake unknownKey(PropertyNode p, Set<String> known) {
      return new Mistake(
          p.key(), "unknown key \"" + p.name() + "\": expected one of " + new TreeSet<>(known));
    }

    private static JsonNode required(ObjectNode object, String key) throws Mistake {
      Optional<JsonNode> value = object.get(key);
      if (value.isEmpty()) {
        throw new Mistake(object, "missing \"" + key + "\"");
      }
      return value.get();
    }

    private static String optionalString(ObjectNode object, String key) throws Mistake {
      JsonNode value = object.get(key).orElse(null);
      return value == null ? null : string(value, key);
    }

    private static ObjectNode object(JsonNode node, String what) throws Mistake {
      if (node instanceof ObjectNode o) {
        return o;
      }
      throw new Mistake(node, what + " must be an object");
    }

    private static String string(JsonNode node, String what) throws Mistake {
      if (node instanceof StringNode s) {
        return s.value();
      }
      throw new Mistake(node, what + " must be a string");
    }
  }
}
