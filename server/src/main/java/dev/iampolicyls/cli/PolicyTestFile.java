package dev.iampolicyls.cli;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.evaluation.ContextArguments;
import dev.iampolicyls.evaluation.NamedPolicy;
import dev.iampolicyls.evaluation.PolicyRole;
import dev.iampolicyls.evaluation.PolicySet;
import dev.iampolicyls.evaluation.Request;
import dev.iampolicyls.evaluation.RequestContext;
import dev.iampolicyls.evaluation.RequestPrincipal;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code *.iamtest.json} file (schema: {@code schemas/iamtest.schema.json}): the policies by
 * role, with paths relative to the file, and requests with their expected decisions.
 *
 * @param name the file as reports name it
 * @param policies the policies every case is evaluated against
 * @param cases the requests
 */
record PolicyTestFile(String name, PolicySet policies, List<Case> cases) {

  /**
   * One request and its expected decision.
   *
   * @param line 1-based line of the case in the test file
   */
  record Case(String name, Request request, SimulateCommand.Expectation expect, int line) {}

  /** Reads and checks a test file and the policies it names; any problem stops with a message. */
  static PolicyTestFile read(Path file, Catalog catalog) throws UnusableInput {
    String name = file.toString().replace('\\', '/');
    String text;
    try {
      text = Utf8Text.decode(Files.readAllBytes(file)).text();
    } catch (IOException e) {
      throw new UnusableInput("cannot read " + name + ": " + PolicyFileReader.describe(e));
    }
    JsonDocument document = JsonDocument.parse(text);
    if (!document.errors().isEmpty()) {
      throw new UnusableInput(
          PolicyFileReader.at(name, document, document.errors().get(0).offset())
              + ": "
              + document.errors().get(0).message());
    }
    Reader r = new Reader(name, document, file.toAbsolutePath().getParent(), catalog);
    return r.file();
  }

  /** Walks the syntax tree, so every problem has a line and column. */
  private static final class Reader {
    private final String name;
    private final JsonDocument document;
    private final Path folder;
    private final Catalog catalog;

    Reader(String name, JsonDocument document, Path folder, Catalog catalog) {
      this.name = name;
      this.document = document;
      this.folder = folder;
      this.catalog = catalog;
    }

    private UnusableInput problem(JsonNode at, String message) {
      return new UnusableInput(
          PolicyFileReader.at(name, document, at == null ? 0 : at.offset()) + ": " + message);
    }

    PolicyTestFile file() throws UnusableInput {
      ObjectNode root = object(document.root(), "the file");
      ObjectNode policies = object(required(root, "policies"), "policies");
      PolicySet set =
          new PolicySet(
              policyList(policies, "identity", PolicyRole.IDENTITY),
              single(policies, "resource", PolicyRole.RESOURCE),
              single(policies, "boundary", PolicyRole.PERMISSIONS_BOUNDARY),
              single(policies, "session", PolicyRole.SESSION),
              levels(policies, "scp", PolicyRole.SCP),
              levels(policies, "rcp", PolicyRole.RCP));
      String defaultPrincipal = optionalString(root, "principal");
      String defaultAccount = optionalString(root, "resourceAccount");
      if (!(required(root, "cases") instanceof ArrayNode cases) || cases.items().isEmpty()) {
        throw problem(root, "cases must be a non-empty array");
      }
      List<Case> list = new ArrayList<>();
      for (JsonNode item : cases.items()) {
        list.add(testCase(object(item, "a case"), defaultPrincipal, defaultAccount));
      }
      return new PolicyTestFile(name, set, list);
    }

    private Case testCase(ObjectNode c, String defaultPrincipal, String defaultAccount)
        throws UnusableInput {
      String caseName = string(required(c, "name"), "name");
      String action = string(required(c, "action"), "action");
      if (ActionName.parse(action).isEmpty()) {
        throw problem(c.get("action").get(), "action must be SERVICE:ACTION, not '" + action + "'");
      }
      String resource = Optional.ofNullable(optionalString(c, "resource")).orElse("*");
      String principalText =
          Optional.ofNullable(optionalString(c, "principal")).orElse(defaultPrincipal);
      Optional<RequestPrincipal> principal = Optional.empty();
      if (principalText != null) {
        principal = RequestPrincipal.parse(principalText);
        if (principal.isEmpty()) {
          throw problem(c, "'" + principalText + "' is not a principal simulate knows");
        }
      }
      String account =
          Optional.ofNullable(optionalString(c, "resourceAccount")).orElse(defaultAccount);
      if (account != null && !account.matches("\\d{12}")) {
        throw problem(c, "resourceAccount must be a 12-digit account ID, not '" + account + "'");
      }
      String expectText = string(required(c, "expect"), "expect");
      SimulateCommand.Expectation expect;
      try {
        expect = SimulateCommand.Expectation.valueOf(expectText);
      } catch (IllegalArgumentException e) {
        throw problem(
            c.get("expect").get(),
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
          if (key.value() instanceof ArrayNode array) {
            for (JsonNode v : array.items()) {
              values.add(string(v, "a context value"));
            }
          } else {
            values.add(string(key.value(), "a context value"));
          }
          entries.add(new RequestContext.Entry(key.name(), values));
        }
        try {
          context = ContextArguments.fromValues(entries, catalog);
        } catch (ContextArguments.Invalid e) {
          throw problem(contextNode, e.getMessage());
        }
      }
      Request request =
          new Request(action, resource, principal, Optional.ofNullable(account), context);
      int line = document.positionAt(c.offset()).line() + 1;
      return new Case(caseName, request, expect, line);
    }

    private List<NamedPolicy> policyList(ObjectNode policies, String key, PolicyRole role)
        throws UnusableInput {
      JsonNode value = policies.get(key).orElse(null);
      List<NamedPolicy> list = new ArrayList<>();
      if (value == null) {
        return list;
      }
      if (value instanceof ArrayNode array) {
        for (JsonNode item : array.items()) {
          list.add(policy(item, role));
        }
      } else {
        list.add(policy(value, role));
      }
      return list;
    }

    private Optional<NamedPolicy> single(ObjectNode policies, String key, PolicyRole role)
        throws UnusableInput {
      JsonNode value = policies.get(key).orElse(null);
      return value == null ? Optional.empty() : Optional.of(policy(value, role));
    }

    /** Each item is one level: a file, or an array of the files attached at that level. */
    private List<List<NamedPolicy>> levels(ObjectNode policies, String key, PolicyRole role)
        throws UnusableInput {
      JsonNode value = policies.get(key).orElse(null);
      List<List<NamedPolicy>> levels = new ArrayList<>();
      if (value == null) {
        return levels;
      }
      if (!(value instanceof ArrayNode array)) {
        throw problem(value, key + " must be an array of levels (a file, or an array of files)");
      }
      for (JsonNode level : array.items()) {
        List<NamedPolicy> policiesOfLevel = new ArrayList<>();
        if (level instanceof ArrayNode files) {
          for (JsonNode f : files.items()) {
            policiesOfLevel.add(policy(f, role));
          }
        } else {
          policiesOfLevel.add(policy(level, role));
        }
        levels.add(policiesOfLevel);
      }
      return levels;
    }

    private NamedPolicy policy(JsonNode node, PolicyRole role) throws UnusableInput {
      String path = string(node, "a policy file");
      return PolicyFileReader.read(folder.resolve(path), role);
    }

    private JsonNode required(ObjectNode object, String key) throws UnusableInput {
      return object.get(key).orElseThrow(() -> problem(object, "missing \"" + key + "\""));
    }

    private String optionalString(ObjectNode object, String key) throws UnusableInput {
      JsonNode value = object.get(key).orElse(null);
      return value == null ? null : string(value, key);
    }

    private ObjectNode object(JsonNode node, String what) throws UnusableInput {
      if (node instanceof ObjectNode o) {
        return o;
      }
      throw problem(node, what + " must be an object");
    }

    private String string(JsonNode node, String what) throws UnusableInput {
      if (node instanceof StringNode s) {
        return s.value();
      }
      throw problem(node, what + " must be a string");
    }
  }
}
