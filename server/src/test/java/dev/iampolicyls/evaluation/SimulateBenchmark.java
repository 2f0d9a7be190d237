package dev.iampolicyls.evaluation;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Prints how long one {@code simulate} request takes in a warm JVM: the policies parsed from text,
 * the context typed against the catalog and the request evaluated, as the command does after
 * reading its files. Not a test (tests never time); run by {@code
 * server/scripts/benchmark-simulate.sh}.
 *
 * <p>The policies: a 50-statement identity policy with conditions and variables, a resource policy,
 * a boundary, two SCP levels and an RCP level.
 */
public final class SimulateBenchmark {
  private static final int WARM_UP = 2_000;
  private static final int MEASURED = 5_000;

  public static void main(String[] args) throws Exception {
    Catalog catalog = Catalog.bundled();
    String identity = identityPolicy(50);
    String resource =
        Scenario.policy(
            Scenario.statement(
                "Allow",
                "s3:GetObject",
                "arn:aws:s3:::bucket/*",
                "\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:role/app\"}"),
            Scenario.statement(
                "Deny",
                "s3:*",
                "*",
                "\"Principal\": \"*\", \"Condition\": {\"Bool\": {\"aws:SecureTransport\":"
                    + " \"false\"}}"));
    String boundary = Scenario.policy(Scenario.allow("s3:*", "*"), Scenario.allow("ec2:*", "*"));
    String fullAccess = Scenario.policy(Scenario.allow("*", "*"));
    String denyRegions =
        Scenario.policy(
            Scenario.statement(
                "Deny",
                "*",
                "*",
                "\"Condition\": {\"StringNotEquals\": {\"aws:RequestedRegion\": [\"eu-west-1\","
                    + " \"us-east-1\"]}}"));
    String rcp =
        Scenario.policy(
            Scenario.statement("Allow", "*", "*", "\"Principal\": \"*\""),
            Scenario.statement(
                "Deny",
                "s3:*",
                "*",
                "\"Principal\": \"*\", \"Condition\": {\"StringNotEqualsIfExists\":"
                    + " {\"aws:PrincipalOrgID\": \"o-abc\"}}"));
    List<String> context =
        List.of(
            "aws:SecureTransport=true",
            "aws:RequestedRegion=eu-west-1",
            "aws:PrincipalOrgID=o-abc",
            "aws:SourceIp=10.1.2.3",
            "aws:TagKeys=team,env");
    RequestPrincipal principal =
        RequestPrincipal.parse("arn:aws:sts::111122223333:assumed-role/app/s1").orElseThrow();
    Runnable once =
        () -> {
          try {
            RequestContext ctx = ContextArguments.parse(context, catalog);
            Request request =
                new Request(
                    "s3:GetObject",
                    "arn:aws:s3:::bucket/reports/q1.csv",
                    Optional.of(principal),
                    Optional.of("111122223333"),
                    ctx);
            PolicySet policies =
                new PolicySet(
                    List.of(named("identity.json", PolicyRole.IDENTITY, identity)),
                    Optional.of(named("bucket.json", PolicyRole.RESOURCE, resource)),
                    Optional.of(named("boundary.json", PolicyRole.PERMISSIONS_BOUNDARY, boundary)),
                    Optional.empty(),
                    List.of(
                        List.of(named("full.json", PolicyRole.SCP, fullAccess)),
                        List.of(
                            named("full.json", PolicyRole.SCP, fullAccess),
                            named("regions.json", PolicyRole.SCP, denyRegions))),
                    List.of(List.of(named("rcp.json", PolicyRole.RCP, rcp))));
            Simulator.Result r = Simulator.simulate(request, policies);
            if (r.evaluation().decision() != Decision.Allowed) {
              throw new IllegalStateException("expected Allowed: " + r.evaluation().reasons());
            }
          } catch (ContextArguments.Invalid e) {
            throw new IllegalStateException(e);
          }
        };
    for (int i = 0; i < WARM_UP; i++) {
      once.run();
    }
    long[] nanos = new long[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      long start = System.nanoTime();
      once.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "simulate, warm, parse + evaluate (%d requests after %d warm-up): median %.3f ms, p95 %.3f"
            + " ms, p99 %.3f ms, max %.3f ms%n",
        MEASURED,
        WARM_UP,
        ms(nanos[MEASURED / 2]),
        ms(nanos[MEASURED * 95 / 100]),
        ms(nanos[MEASURED * 99 / 100]),
        ms(nanos[MEASURED - 1]));
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }

  private static NamedPolicy named(String source, PolicyRole role, String text) {
    return new NamedPolicy(source, role, Policy.parse(text));
  }

  /** Statements of several shapes, the last one the one that allows the request. */
  private static String identityPolicy(int statements) {
    List<String> list = new ArrayList<>();
    for (int i = 0; i < statements - 1; i++) {
      String condition =
          switch (i % 4) {
            case 0 -> "\"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}";
            case 1 ->
                "\"Condition\": {\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"team\"]}}";
            case 2 -> "\"Condition\": {\"StringLike\": {\"s3:prefix\": \"${aws:username}/*\"}}";
            default -> null;
          };
      list.add(
          Scenario.statement(
              "Allow", "dynamodb:Get*", "arn:aws:dynamodb:*:111122223333:table/t" + i, condition));
    }
    list.add(
        Scenario.statement(
            "Allow",
            "s3:Get*",
            "arn:aws:s3:::bucket/*",
            "\"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}"));
    return Scenario.policy(list.toArray(String[]::new));
  }
}
