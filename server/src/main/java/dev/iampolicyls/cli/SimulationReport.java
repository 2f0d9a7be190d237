package dev.iampolicyls.cli;

import dev.iampolicyls.evaluation.Evaluation;
import dev.iampolicyls.evaluation.NamedPolicy;
import dev.iampolicyls.evaluation.Reason;
import dev.iampolicyls.evaluation.Request;
import dev.iampolicyls.evaluation.RequestContext;
import dev.iampolicyls.evaluation.Simulator;
import dev.iampolicyls.evaluation.StatementOutcome;
import dev.iampolicyls.syntax.TextPosition;
import java.io.PrintWriter;
import java.util.IdentityHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** Prints a simulation's decision, the statements that decided it, and why the others did not. */
final class SimulationReport {
  private SimulationReport() {}

  static void text(Request request, Simulator.Result result, PrintWriter out) {
    Evaluation e = result.evaluation();
    out.println(
        e.decision()
            + ": "
            + request.action()
            + " on "
            + request.resource()
            + request.principal().map(p -> " by " + p.text()).orElse(""));
    out.println("  " + accountsSentence(result));
    Map<StatementOutcome, Boolean> deciding = new IdentityHashMap<>();
    out.println(
        e.decision().denied() && e.reasons().stream().allMatch(r -> r.statement() == null)
            ? "Why:"
            : "Decided by:");
    for (Reason r : e.reasons()) {
      if (r.statement() != null) {
        deciding.put(r.statement(), true);
        out.println("  " + where(r.statement()) + ": " + r.message());
      } else {
        out.println(
            "  "
                + (r.policy() == null
                    ? ""
                    : r.policy().source() + " (" + r.policy().role().description() + "): ")
                + r.message());
      }
    }
    boolean header = false;
    for (StatementOutcome s : e.statements()) {
      if (deciding.containsKey(s)) {
        continue;
      }
      if (!header) {
        out.println("Other statements:");
        header = true;
      }
      String why =
          s.applies()
              ? "applies (" + s.effect() + ") but did not decide"
              : "does not apply: " + s.reason();
      out.println("  " + where(s) + ": " + why);
    }
  }

  private static String where(StatementOutcome s) {
    NamedPolicy p = s.policy();
    TextPosition at = p.policy().document().positionAt(s.offset());
    return p.source()
        + ":"
        + (at.line() + 1)
        + " "
        + s.label()
        + " ("
        + (s.effect() == null ? "no Effect" : s.effect())
        + ", "
        + p.role().description()
        + ")";
  }

  private static String accountsSentence(Simulator.Result result) {
    String p = result.principalAccount().orElse("?");
    String r = result.resourceAccount().orElse("?");
    return switch (result.accounts()) {
      case SAME -> "same account (" + p + ")";
      case CROSS -> "cross-account: principal in " + p + ", resource in " + r;
      case SERVICE -> "service principal: only a resource-based policy can allow it";
      case ASSUMED_SAME -> "no principal account given: evaluated as within one account";
      case EITHER ->
          "the resource's account is unknown; the decision is the same within or across accounts";
      case UNDETERMINED -> "the resource's account is unknown and the decision depends on it";
    };
  }

  static void json(Request request, Simulator.Result result, PrintWriter out) {
    Evaluation e = result.evaluation();
    try (JsonGenerator g = JsonReport.generator(out)) {
      g.writeStartObject();
      g.writeStringProperty("decision", e.decision().name());
      g.writeName("reasons");
      g.writeStartArray();
      for (Reason r : e.reasons()) {
        g.writeStartObject();
        g.writeStringProperty("file", r.policy() == null ? null : r.policy().source());
        g.writeStringProperty("policyType", r.policy() == null ? null : r.policy().role().name());
        statementFields(g, r.statement());
        g.writeStringProperty("message", r.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("request");
      g.writeStartObject();
      g.writeStringProperty("action", request.action());
      g.writeStringProperty("resource", request.resource());
      g.writeStringProperty("principal", request.principal().map(p -> p.text()).orElse(null));
      g.writeStringProperty("principalAccount", result.principalAccount().orElse(null));
      g.writeStringProperty("resourceAccount", result.resourceAccount().orElse(null));
      g.writeStringProperty("accounts", result.accounts().name());
      g.writeName("context");
      g.writeStartObject();
      for (RequestContext.Entry entry : result.context().entries()) {
        g.writeName(entry.name());
        g.writeStartArray();
        for (String v : entry.values()) {
          g.writeString(v);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeName("derivedContextKeys");
      g.writeStartArray();
      for (String k : result.derivedKeys()) {
        g.writeString(k);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeName("statements");
      g.writeStartArray();
      for (StatementOutcome s : e.statements()) {
        g.writeStartObject();
        g.writeStringProperty("file", s.policy().source());
        g.writeStringProperty("policyType", s.policy().role().name());
        statementFields(g, s);
        g.writeBooleanProperty("applies", s.applies());
        g.writeStringProperty("reason", s.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.print('\n');
  }

  /** statement (its index, null for a lone statement object), sid, effect and 1-based line. */
  private static void statementFields(JsonGenerator g, StatementOutcome s) {
    if (s == null) {
      g.writeNullProperty("statement");
      g.writeNullProperty("sid");
      g.writeNullProperty("effect");
      g.writeNullProperty("line");
      return;
    }
    if (s.index() < 0) {
      g.writeNullProperty("statement");
    } else {
      g.writeNumberProperty("statement", s.index());
    }
    g.writeStringProperty("sid", s.sid());
    g.writeStringProperty("effect", s.effect());
    g.writeNumberProperty("line", s.policy().policy().document().positionAt(s.offset()).line() + 1);
  }
}
