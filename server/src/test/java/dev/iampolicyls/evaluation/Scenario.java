package dev.iampolicyls.evaluation;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A request and its policies written inline, for the evaluation tests. */
final class Scenario {
  final String name;
  String action = "s3:GetObject";
  String resource = "arn:aws:s3:::bucket/key";
  String principal;
  String resourceAccount;
  final List<String> context = new ArrayList<>();
  final List<String> identity = new ArrayList<>();
  final List<List<String>> scps = new ArrayList<>();
  final List<List<String>> rcps = new ArrayList<>();
  String resourcePolicy;
  String boundary;
  String session;
  Decision expected;

  Scenario(String name) {
    this.name = name;
  }

  static Scenario of(String name) {
    return new Scenario(name);
  }

  Scenario action(String a) {
    action = a;
    return this;
  }

  Scenario resource(String r) {
    resource = r;
    return this;
  }

  Scenario principal(String p) {
    principal = p;
    return this;
  }

  Scenario resourceAccount(String a) {
    resourceAccount = a;
    return this;
  }

  Scenario context(String... keyValues) {
    context.addAll(List.of(keyValues));
    return this;
  }

  Scenario identity(String... policies) {
    identity.addAll(List.of(policies));
    return this;
  }

  /** One level of SCPs (call again for the next level). */
  Scenario scp(String... policies) {
    scps.add(List.of(policies));
    return this;
  }

  /** One level of RCPs (call again for the next level). */
  Scenario rcp(String... policies) {
    rcps.add(List.of(policies));
    return this;
  }

  Scenario resourcePolicy(String p) {
    resourcePolicy = p;
    return this;
  }

  Scenario boundary(String p) {
    boundary = p;
    return this;
  }

  Scenario session(String p) {
    session = p;
    return this;
  }

  Scenario expect(Decision d) {
    expected = d;
    return this;
  }

  Simulator.Result run() {
    RequestContext ctx;
    try {
      ctx = ContextArguments.parse(context, Catalog.bundled());
    } catch (ContextArguments.Invalid e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Optional<RequestPrincipal> who =
        principal == null
            ? Optional.empty()
            : Optional.of(RequestPrincipal.parse(principal).orElseThrow());
    Request request = new Request(action, resource, who, Optional.ofNullable(resourceAccount), ctx);
    return Simulator.simulate(request, policies());
  }

  PolicySet policies() {
    return new PolicySet(
        named(identity, "identity", PolicyRole.IDENTITY),
        named(resourcePolicy, "resource.json", PolicyRole.RESOURCE),
        named(boundary, "boundary.json", PolicyRole.PERMISSIONS_BOUNDARY),
        named(session, "session.json", PolicyRole.SESSION),
        levels(scps, "scp", PolicyRole.SCP),
        levels(rcps, "rcp", PolicyRole.RCP));
  }

  private static List<NamedPolicy> named(List<String> texts, String prefix, PolicyRole role) {
    List<NamedPolicy> list = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      list.add(new NamedPolicy(prefix + (i + 1) + ".json", role, Policy.parse(texts.get(i))));
    }
    return list;
  }

  private static List<List<NamedPolicy>> levels(
      List<List<String>> levels, String prefix, PolicyRole role) {
    List<List<NamedPolicy>> list = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      list.add(named(levels.get(i), prefix + "-level" + (i + 1) + "-", role));
    }
    return list;
  }

  private static Optional<NamedPolicy> named(String text, String name, PolicyRole role) {
    return text == null
        ? Optional.empty()
        : Optional.of(new NamedPolicy(name, role, Policy.parse(text)));
  }

  @Override
  public String toString() {
    return name;
  }

  // ---- policy text helpers ----

  /** A policy of Version 2012-10-17 with these statements (each a JSON object). */
  static String policy(String... statements) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", statements) + "]}";
  }

  static String allow(String action, String resource) {
    return statement("Allow", action, resource, null);
  }

  static String deny(String action, String resource) {
    return statement("Deny", action, resource, null);
  }

  /** A statement; {@code extra} is more members, such as a Condition or Principal, or null. */
  static String statement(String effect, String action, String resource, String extra) {
    return "{\"Effect\": \""
        + effect
        + "\", \"Action\": \""
        + action
        + "\", \"Resource\": \""
        + resource
        + "\""
        + (extra == null ? "" : ", " + extra)
        + "}";
  }

  /** An Allow of s3:GetObject on everything with this Condition block. */
  static String allowIf(String condition) {
    return policy(statement("Allow", "s3:GetObject", "*", "\"Condition\": " + condition));
  }

  /** A resource-policy Allow of s3:GetObject on everything for this Principal value. */
  static String grantTo(String principal) {
    return policy(statement("Allow", "s3:GetObject", "*", "\"Principal\": " + principal));
  }
}
