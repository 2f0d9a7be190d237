package dev.iampolicyls.evaluation;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ConditionKey;
import dev.iampolicyls.policy.Arn;
import dev.iampolicyls.policy.IpRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code KEY=VALUE} context arguments, typed as the catalog says where it knows the key. A
 * key the catalog calls multi-valued ({@code ArrayOf...}), or does not know, takes several values
 * as {@code KEY=V1,V2}; a single-valued key keeps its commas ({@code aws:UserAgent}). Values of
 * Bool, Numeric, Date, IPAddress and ARN keys must read as such.
 */
public final class ContextArguments {
  private ContextArguments() {}

  /** A context argument that cannot be used; the message says why. */
  public static final class Invalid extends Exception {
    public Invalid(String message) {
      super(message);
    }
  }

  public static RequestContext parse(List<String> arguments, Catalog catalog) throws Invalid {
    Map<String, RequestContext.Entry> entries = new LinkedHashMap<>();
    for (String argument : arguments) {
      int eq = argument.indexOf('=');
      if (eq <= 0) {
        throw new Invalid("--context takes KEY=VALUE, not '" + argument + "'");
      }
      String key = argument.substring(0, eq).strip();
      String raw = argument.substring(eq + 1);
      Optional<ConditionKey> known = catalog.conditionKey(key);
      String type = known.map(ConditionKey::type).orElse("");
      boolean multi = known.isEmpty() || type.startsWith("ArrayOf");
      List<String> values = new ArrayList<>();
      if (multi) {
        for (String v : raw.split(",", -1)) {
          values.add(v.strip());
        }
      } else {
        values.add(raw);
      }
      String single = type.startsWith("ArrayOf") ? type.substring("ArrayOf".length()) : type;
      for (String v : values) {
        String problem = problem(single, v);
        if (problem != null) {
          throw new Invalid("--context " + key + ": '" + v + "' is not " + problem);
        }
      }
      String lower = key.toLowerCase(Locale.ROOT);
      RequestContext.Entry before = entries.get(lower);
      if (before != null) {
        List<String> joined = new ArrayList<>(before.values());
        joined.addAll(values);
        values = joined;
      }
      if (!multi && values.size() > 1) {
        throw new Invalid(
            "--context " + key + " is single-valued (" + type + "), but was given more than once");
      }
      entries.put(lower, new RequestContext.Entry(key, values));
    }
    return RequestContext.of(new ArrayList<>(entries.values()));
  }

  /**
   * Keys with their values as a test file lists them (no splitting at commas), typed the same way:
   * a single-valued key takes one value.
   */
  public static RequestContext fromValues(List<RequestContext.Entry> entries, Catalog catalog)
      throws Invalid {
    for (RequestContext.Entry e : entries) {
      Optional<ConditionKey> known = catalog.conditionKey(e.name());
      String type = known.map(ConditionKey::type).orElse("");
      boolean multi = known.isEmpty() || type.startsWith("ArrayOf");
      if (!multi && e.values().size() > 1) {
        throw new Invalid(e.name() + " is single-valued (" + type + "), but has several values");
      }
      String single = type.startsWith("ArrayOf") ? type.substring("ArrayOf".length()) : type;
      for (String v : e.values()) {
        String problem = problem(single, v);
        if (problem != null) {
          throw new Invalid(e.name() + ": '" + v + "' is not " + problem);
        }
      }
    }
    return RequestContext.of(entries);
  }

  /** What a value of the type should be, when it is not; null when it is fine. */
  private static String problem(String type, String value) {
    switch (type.toLowerCase(Locale.ROOT)) {
      case "bool", "boolean" -> {
        return Conditions.isBool(value) ? null : "true or false";
      }
      case "numeric", "long", "integer" -> {
        return Conditions.number(value) != null ? null : "a number";
      }
      case "date" -> {
        return Conditions.instant(value) != null
            ? null
            : "a date (2026-01-31, 2026-01-31T12:00:00Z or epoch seconds)";
      }
      case "ipaddress" -> {
        return IpRange.parse(value).isPresent() ? null : "an IP address";
      }
      case "arn" -> {
        return value.equals("*") || Arn.parse(value).isPresent() ? null : "an ARN";
      }
      default -> {
        return null;
      }
    }
  }
}
