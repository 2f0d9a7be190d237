package dev.iampolicyls.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.compare.CompareOptions;
import dev.iampolicyls.compare.Comparison;
import dev.iampolicyls.compare.NewAccess;
import dev.iampolicyls.compare.PolicyComparison;
import dev.iampolicyls.evaluation.Request;
import dev.iampolicyls.evaluation.RequestContext;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policytest.PolicyFileReader;
import dev.iampolicyls.service.CancelChecker;
import dev.iampolicyls.syntax.LineIndex;
import java.util.List;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * {@code workspace/executeCommand iamPolicy.compare}: does the NEW text grant anything the OLD text
 * does not? The client sends both texts (from git, another file, a saved baseline: the server reads
 * and runs nothing), as one object argument {@code {"oldText", "newText", "policyType"?,
 * "stringSemantics"?}}. The answer is compare's JSON with each NEW statement's range:
 *
 * <pre>{@code
 * {"result": "PASS" | "FAIL" | "UNKNOWN", "policyType": "IDENTITY_POLICY",
 *  "newAccess": [{"sentence", "action", "resource", "principal"?, "context": {key: [values]},
 *                 "actions", "statements": [{"path", "sid"?, "range"}]}],
 *  "unknown": [reasons]}
 * }</pre>
 */
final class CompareRequest {
  static final String COMMAND = "iamPolicy.compare";

  private CompareRequest() {}

  static JsonObject answer(List<Object> arguments, Catalog catalog, CancelChecker cancel) {
    JsonObject args =
        arguments != null && arguments.size() == 1 && arguments.get(0) instanceof JsonObject o
            ? o
            : null;
    if (args == null) {
      throw invalid(COMMAND + " takes one object: {\"oldText\", \"newText\", \"policyType\"?}");
    }
    Policy oldPolicy = policy(args, "oldText", "OLD");
    Policy newPolicy = policy(args, "newText", "NEW");
    PolicyType type = PolicyType.infer(newPolicy);
    if (args.has("policyType") && !args.get("policyType").isJsonNull()) {
      String name = string(args, "policyType");
      type = PolicyType.parse(name).orElseThrow(() -> invalid("unknown policyType '" + name + "'"));
    }
    boolean stringSemantics =
        args.has("stringSemantics")
            && args.get("stringSemantics").isJsonPrimitive()
            && args.get("stringSemantics").getAsBoolean();
    Comparison comparison =
        PolicyComparison.compare(
            oldPolicy,
            newPolicy,
            new CompareOptions(type, stringSemantics, catalog, CompareOptions.DEFAULT_MAX_CELLS),
            cancel::isCanceled);
    return toJson(comparison, type, newPolicy);
  }

  private static JsonObject toJson(Comparison comparison, PolicyType type, Policy newPolicy) {
    LineIndex lines = newPolicy.document().lines();
    JsonObject out = new JsonObject();
    out.addProperty("result", comparison.verdict().name());
    out.addProperty("policyType", type.name());
    JsonArray access = new JsonArray();
    for (NewAccess n : comparison.newAccess()) {
      Request w = n.witness();
      JsonObject item = new JsonObject();
      item.addProperty("sentence", n.sentence());
      item.addProperty("action", w.action());
      item.addProperty("resource", w.resource());
      w.principal().ifPresent(p -> item.addProperty("principal", p.text()));
      JsonObject context = new JsonObject();
      for (RequestContext.Entry e : w.context().entries()) {
        JsonArray values = new JsonArray();
        e.values().forEach(values::add);
        context.add(e.name(), values);
      }
      item.add("context", context);
      item.addProperty("actions", n.actions());
      JsonArray statements = new JsonArray();
      for (String path : n.newStatements()) {
        statements.add(statement(newPolicy, path, lines));
      }
      item.add("statements", statements);
      access.add(item);
    }
    out.add("newAccess", access);
    JsonArray unknown = new JsonArray();
    comparison.unknownReasons().forEach(unknown::add);
    out.add("unknown", unknown);
    return out;
  }

  /** A NEW statement by its path, with the range of its object in the NEW text. */
  private static JsonObject statement(Policy policy, String path, LineIndex lines) {
    JsonObject s = new JsonObject();
    s.addProperty("path", path);
    for (Statement st : policy.statements()) {
      if (PolicyComparison.path(st).equals(path)) {
        st.sidValue().ifPresent(sid -> s.addProperty("sid", sid));
        Range r = Positions.range(lines, st.node().offset(), st.node().end());
        s.add("range", range(r));
      }
    }
    return s;
  }

  private static JsonObject range(Range r) {
    JsonObject range = new JsonObject();
    range.add("start", position(r.getStart().getLine(), r.getStart().getCharacter()));
    range.add("end", position(r.getEnd().getLine(), r.getEnd().getCharacter()));
    return range;
  }

  private static JsonObject position(int line, int character) {
    JsonObject p = new JsonObject();
    p.add("line", new JsonPrimitive(line));
    p.add("character", new JsonPrimitive(character));
    return p;
  }

  private static Policy policy(JsonObject args, String key, String name) {
    try {
      return PolicyFileReader.parse(name, string(args, key));
    } catch (PolicyFileReader.Unreadable e) {
      throw invalid(e.getMessage());
    }
  }

  private static String string(JsonObject args, String key) {
    JsonElement value = args.get(key);
    if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw invalid(COMMAND + ": \"" + key + "\" must be a string");
    }
    return value.getAsString();
  }

  private static ResponseErrorException invalid(String message) {
    return new ResponseErrorException(
        new ResponseError(ResponseErrorCode.InvalidParams, message, null));
  }
}
