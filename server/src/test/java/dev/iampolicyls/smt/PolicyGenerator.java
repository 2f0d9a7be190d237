package dev.iampolicyls.smt;

import dev.iampolicyls.smt.GeneratedPolicy.Condition;
import dev.iampolicyls.smt.GeneratedPolicy.Statement;
import dev.iampolicyls.smt.Universe.Key;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random policies and requests over {@link Universe}: one to three statements, each with an
 * Action or NotAction, a Resource or NotResource, and up to two condition tests (any operator that
 * fits the key, sometimes IfExists, ForAllValues or ForAnyValue on the multi-valued key, Null on
 * any key). Pairs for comparison are mostly a policy and a small edit of it, where new access is
 * near the border, and sometimes two unrelated policies.
 */
final class PolicyGenerator {
  private final Random random;

  PolicyGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** A concrete request: the action, the resource and each present key's values. */
  record GeneratedRequest(String action, String resource, Map<String, List<String>> context) {}

  GeneratedPolicy policy() {
    List<Statement> statements = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      statements.add(statement());
    }
    return new GeneratedPolicy(statements);
  }

  /** OLD and NEW: NEW a few edits away from OLD, or (one time in five) unrelated. */
  GeneratedPolicy[] pair() {
    GeneratedPolicy old = policy();
    if (random.nextInt(5) == 0) {
      return new GeneratedPolicy[] {old, policy()};
    }
    GeneratedPolicy neu = old;
    int edits = 1 + random.nextInt(2);
    for (int i = 0; i < edits; i++) {
      neu = edit(neu);
    }
    return new GeneratedPolicy[] {old, neu};
  }

  private Statement statement() {
    String effect = random.nextInt(4) == 0 ? "Deny" : "Allow";
    List<Condition> conditions = new ArrayList<>();
    int c = random.nextInt(3) == 0 ? 0 : random.nextInt(3);
    for (int i = 0; i < c; i++) {
      Condition cond = condition();
      if (conditions.stream()
          .noneMatch(x -> x.operator().equals(cond.operator()) && x.key().equals(cond.key()))) {
        conditions.add(cond);
      }
    }
    return new Statement(
        effect,
        random.nextInt(7) == 0,
        some(Universe.ACTION_PATTERNS, 2),
        random.nextInt(7) == 0,
        some(Universe.RESOURCE_PATTERNS, 2),
        conditions);
  }

  private Condition condition() {
    Key key = pick(Universe.KEYS);
    if (random.nextInt(8) == 0) {
      return new Condition("Null", key.name(), List.of(random.nextBoolean() ? "true" : "false"));
    }
    String operator = pick(key.operators());
    if (key.maxValues() > 1 && random.nextInt(3) > 0) {
      operator = (random.nextBoolean() ? "ForAllValues:" : "ForAnyValue:") + operator;
    }
    if (random.nextInt(5) == 0) {
      operator += "IfExists";
    }
    return new Condition(operator, key.name(), some(key.policyValues(), 2));
  }

  /** One change that may widen or narrow what the policy allows. */
  private GeneratedPolicy edit(GeneratedPolicy p) {
    List<Statement> statements = new ArrayList<>(p.statements());
    int i = random.nextInt(statements.size());
    Statement s = statements.get(i);
    switch (random.nextInt(8)) {
      case 0 -> statements.add(statement());
      case 1 -> {
        if (statements.size() > 1) {
          statements.remove(i);
        } else {
          statements.set(i, statement());
        }
      }
      case 2 ->
          statements.set(
              i,
              new Statement(
                  s.effect(),
                  s.notAction(),
                  replaceOne(s.actions(), Universe.ACTION_PATTERNS),
                  s.notResource(),
                  s.resources(),
                  s.conditions()));
      case 3 ->
          statements.set(
              i,
              new Statement(
                  s.effect(),
                  s.notAction(),
                  s.actions(),
                  s.notResource(),
                  replaceOne(s.resources(), Universe.RESOURCE_PATTERNS),
                  s.conditions()));
      case 4 -> {
        List<Condition> conditions = new ArrayList<>(s.conditions());
        if (!conditions.isEmpty()) {
          conditions.remove(random.nextInt(conditions.size()));
        } else {
          conditions.add(condition());
        }
        dedupe(conditions);
        statements.set(i, withConditions(s, conditions));
      }
      case 5 -> {
        List<Condition> conditions = new ArrayList<>(s.conditions());
        if (conditions.isEmpty()) {
          conditions.add(condition());
        } else {
          int k = random.nextInt(conditions.size());
          Condition c = conditions.get(k);
          Key key = key(c.key());
          List<String> values =
              c.operator().equals("Null")
                  ? List.of(c.values().get(0).equals("true") ? "false" : "true")
                  : replaceOne(c.values(), key.policyValues());
          conditions.set(k, new Condition(c.operator(), c.key(), values));
        }
        statements.set(i, withConditions(s, conditions));
      }
      case 6 -> {
        List<Condition> conditions = new ArrayList<>(s.conditions());
        if (conditions.isEmpty()) {
          conditions.add(condition());
        } else {
          int k = random.nextInt(conditions.size());
          Condition c = conditions.get(k);
          conditions.set(
              k,
              c.operator().equals("Null") || random.nextBoolean()
                  ? condition()
                  : changedOperator(c));
        }
        dedupe(conditions);
        statements.set(i, withConditions(s, conditions));
      }
      default ->
          statements.set(
              i,
              new Statement(
                  s.effect().equals("Allow") ? "Deny" : "Allow",
                  s.notAction(),
                  s.actions(),
                  s.notResource(),
                  s.resources(),
                  s.conditions()));
    }
    return new GeneratedPolicy(statements);
  }

  /** The same key tested with another operator of its type (qualifier and IfExists kept). */
  private Condition changedOperator(Condition c) {
    Key key = key(c.key());
    String base = pick(key.operators());
    String prefix =
        c.operator().contains(":") ? c.operator().substring(0, c.operator().indexOf(':') + 1) : "";
    String suffix = c.operator().endsWith("IfExists") ? "IfExists" : "";
    return new Condition(prefix + base + suffix, c.key(), c.values());
  }

  private static void dedupe(List<Condition> conditions) {
    Map<String, Condition> byOperatorAndKey = new LinkedHashMap<>();
    for (Condition c : conditions) {
      byOperatorAndKey.putIfAbsent(c.operator() + "\n" + c.key(), c);
    }
    conditions.clear();
    conditions.addAll(byOperatorAndKey.values());
  }

  private static Statement withConditions(Statement s, List<Condition> conditions) {
    return new Statement(
        s.effect(), s.notAction(), s.actions(), s.notResource(), s.resources(), conditions);
  }

  static Key key(String name) {
    return Universe.KEYS.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * A request likely to meet the policy's borders: an action of the universe (in any case), a
   * resource of the universe or made from a pattern, and each key absent or given values near the
   * policy's.
   */
  GeneratedRequest request(GeneratedPolicy near) {
    String action = pick(Universe.ACTIONS);
    action =
        switch (random.nextInt(4)) {
          case 0 -> action.toLowerCase(java.util.Locale.ROOT);
          case 1 -> action.toUpperCase(java.util.Locale.ROOT);
          default -> action;
        };
    String resource;
    List<String> written = new ArrayList<>();
    for (Statement s : near.statements()) {
      written.addAll(s.resources());
    }
    resource = random.nextBoolean() ? fill(pick(written)) : pick(Universe.RESOURCES);
    if (!resource.equals("*") && resource.split(":", 6).length < 6) {
      resource = pick(Universe.RESOURCES); // the encoding's resources are "*" or ARNs
    }
    Map<String, List<String>> context = new LinkedHashMap<>();
    for (Key k : Universe.KEYS) {
      if (random.nextInt(3) == 0) {
        continue; // absent
      }
      int n = 1 + random.nextInt(k.maxValues());
      List<String> values = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        values.add(value(k));
      }
      context.put(k.name(), values);
    }
    return new GeneratedRequest(action, resource, context);
  }

  /** A pattern with its wildcards filled in (a request never has a wildcard of its own). */
  private String fill(String pattern) {
    StringBuilder out = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*') {
        out.append(pick(List.of("", "x", "home", "alice/", "home/alice/f", "us-east-1", "a:b")));
      } else if (c == '?') {
        out.append(pick(List.of("k", "u", "/", ":")));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A value of the key's type near one the policies write. */
  private String value(Key k) {
    String near = pick(k.policyValues());
    return switch (k.type()) {
      case STRING -> {
        String base =
            random.nextBoolean() ? near : pick(List.of("eng", "ENG", "x", "", "home/alice/"));
        yield base.replace("*", pick(List.of("", "x", "/secret"))).replace("?", "e");
      }
      case NUMERIC -> Long.toString(Long.parseLong(near) + random.nextInt(3) - 1);
      case DATE -> {
        long t = SmtEncoding.epochSeconds(near);
        yield Instant.ofEpochSecond(t + (random.nextInt(3) - 1) * 86_400L).toString();
      }
      case BOOL -> random.nextBoolean() ? "true" : "false";
      case IP -> {
        long base = SmtEncoding.ipRange(near)[random.nextBoolean() ? 0 : 1];
        long shifted = Math.max(0, Math.min(0xFFFF_FFFFL, base + random.nextInt(3) - 1));
        yield SmtEncoding.ipText(shifted);
      }
    };
  }

  private List<String> some(List<String> from, int max) {
    int n = 1 + random.nextInt(max);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String v = pick(from);
      if (!out.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  private List<String> replaceOne(List<String> values, List<String> from) {
    List<String> out = new ArrayList<>(values);
    String v = pick(from);
    if (random.nextBoolean()) {
      out.add(v); // widened (or unchanged when v is there already)
    } else {
      out.set(random.nextInt(out.size()), v);
    }
    return out.stream().distinct().toList();
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
