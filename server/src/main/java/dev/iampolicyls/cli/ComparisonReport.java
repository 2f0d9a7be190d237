package dev.iampolicyls.cli;

import dev.iampolicyls.compare.Comparison;
import dev.iampolicyls.compare.NewAccess;
import dev.iampolicyls.evaluation.Request;
import dev.iampolicyls.evaluation.RequestContext;
import dev.iampolicyls.policy.PolicyType;
import java.io.PrintWriter;
import tools.jackson.core.JsonGenerator;

/** Prints a comparison: the verdict, one line per group of new access, or why it is unknown. */
final class ComparisonReport {
  private ComparisonReport() {}

  static void text(Comparison c, PolicyType type, PrintWriter out) {
    switch (c.verdict()) {
      case PASS -> out.println("PASS: NEW allows no request that OLD denies (" + type + ")");
      case FAIL -> {
        out.println(
            "FAIL: NEW allows requests that OLD denies ("
                + c.newAccess().size()
                + (c.newAccess().size() == 1 ? " kind" : " kinds")
                + " of new access)");
        for (NewAccess n : c.newAccess()) {
          out.println("  " + n.sentence());
          out.println("    allowed by NEW " + String.join(", ", n.newStatements()));
        }
      }
      case UNKNOWN -> {
        out.println("UNKNOWN: the comparison could not decide");
        for (String reason : c.unknownReasons()) {
          out.println("  " + reason);
        }
      }
    }
  }

  static void json(Comparison c, PrintWriter out) {
    try (JsonGenerator g = JsonReport.generator(out)) {
      g.writeStartObject();
      g.writeStringProperty("result", c.verdict().name());
      g.writeName("newAccess");
      g.writeStartArray();
      for (NewAccess n : c.newAccess()) {
        Request w = n.witness();
        g.writeStartObject();
        g.writeStringProperty("action", w.action());
        g.writeStringProperty("resource", w.resource());
        if (w.principal().isPresent()) {
          g.writeStringProperty("principal", w.principal().get().text());
        }
        g.writeName("context");
        g.writeStartObject();
        for (RequestContext.Entry e : w.context().entries()) {
          g.writeName(e.name());
          if (e.values().size() == 1) {
            g.writeString(e.values().get(0));
          } else {
            g.writeStartArray();
            for (String v : e.values()) {
              g.writeString(v);
            }
            g.writeEndArray();
          }
        }
        g.writeEndObject();
        g.writeName("statements");
        g.writeStartArray();
        for (String s : n.newStatements()) {
          g.writeString(s);
        }
        g.writeEndArray();
        g.writeNumberProperty("actions", n.actions());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("unknown");
      g.writeStartArray();
      for (String r : c.unknownReasons()) {
        g.writeString(r);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }
}
