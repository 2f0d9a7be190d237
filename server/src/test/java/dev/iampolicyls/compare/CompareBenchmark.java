package dev.iampolicyls.compare;

import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prints how long {@code compare} of two 50-statement identity policies takes in a warm JVM (parse
 * both, compare), wall and CPU time. Not a test (tests never time); run by {@code
 * server/scripts/benchmark-compare.sh}, which also times the command as a process. With an argument
 * DIR it writes the two policies there (old.json, new.json) for that.
 *
 * <p>OLD: 50 statements over eleven services (exact actions, wildcards, NotAction, conditions on
 * strings, IP ranges, tags and Bool, a Deny). NEW: the same with four edits: one action widened to
 * its service's wildcard, a condition dropped, the Deny narrowed, and an {@code "Action": "*"}
 * statement on one bucket under a tag condition (the shape that used to take seconds).
 */
public final class CompareBenchmark {
  private static final int WARM_UP = 10;
  private static final int MEASURED = 40;

  public static void main(String[] args) throws Exception {
    String oldText = policy(false);
    String newText = policy(true);
    if (args.length == 1) {
      Files.writeString(Path.of(args[0], "old.json"), oldText);
      Files.writeString(Path.of(args[0], "new.json"), newText);
      return;
    }
    CompareOptions options = CompareOptions.defaults(PolicyType.IDENTITY_POLICY);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Comparison first = null;
    for (int i = 0; i < WARM_UP; i++) {
      first = PolicyComparison.compare(Policy.parse(oldText), Policy.parse(newText), options);
    }
    if (first.verdict() != Verdict.FAIL) {
      throw new IllegalStateException("expected FAIL: " + first);
    }
    long[] wall = new long[MEASURED];
    long[] cpu = new long[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      PolicyComparison.compare(Policy.parse(oldText), Policy.parse(newText), options);
      wall[i] = System.nanoTime() - start;
      cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf(
        "compare, warm, 50 + 50 statements, %d kinds of new access (%d runs after %d warm-up):"
            + " wall median %.1f ms, p95 %.1f ms, max %.1f ms; CPU median %.1f ms, p95 %.1f ms%n",
        first.newAccess().size(),
        MEASURED,
        WARM_UP,
        ms(wall[MEASURED / 2]),
        ms(wall[MEASURED * 95 / 100]),
        ms(wall[MEASURED - 1]),
        ms(cpu[MEASURED / 2]),
        ms(cpu[MEASURED * 95 / 100]));
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }

  private static final String[][] SHAPES = {
    {"s3:GetObject", "arn:aws:s3:::reports-%d/*"},
    {"s3:PutObject", "arn:aws:s3:::uploads-%d/home/*"},
    {"dynamodb:GetItem", "arn:aws:dynamodb:*:111122223333:table/t%d"},
    {"sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:queue-%d"},
    {"ec2:StartInstances", "arn:aws:ec2:*:111122223333:instance/*"},
    {"lambda:InvokeFunction", "arn:aws:lambda:*:111122223333:function:fn-%d"},
    {"logs:PutLogEvents", "arn:aws:logs:*:111122223333:log-group:/app/%d:*"},
    {"kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/k-%d"},
    {"sns:Publish", "arn:aws:sns:*:111122223333:topic-%d"},
    {"secretsmanager:GetSecretValue", "arn:aws:secretsmanager:*:111122223333:secret:s%d-*"},
    {"iam:PassRole", "arn:aws:iam::111122223333:role/app-%d"}
  };

  private static final String[] CONDITIONS = {
    null,
    "{\"IpAddress\": {\"aws:SourceIp\": [\"10.0.0.0/8\", \"192.0.2.0/24\"]}}",
    "{\"StringEquals\": {\"aws:ResourceTag/team\": [\"blue\", \"green\"]}}",
    "{\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}",
    "{\"StringLike\": {\"aws:RequestedRegion\": \"eu-*\"}}",
  };

  static String policy(boolean edited) {
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      String[] shape = SHAPES[i % SHAPES.length];
      String action = shape[0];
      if (edited && i == 7) {
        action = action.substring(0, action.indexOf(':')) + ":*";
      }
      String condition = CONDITIONS[i % CONDITIONS.length];
      if (edited && i == 11) {
        condition = null;
      }
      statements.add(statement("Allow", action, String.format(shape[1], i), condition));
    }
    statements.add(
        "{\"Effect\": \"Allow\", \"NotAction\": [\"iam:*\", \"organizations:*\"],"
            + " \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"aws:RequestedRegion\":"
            + " \"us-east-1\"}, \"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}}");
    statements.add(
        statement(
            "Deny",
            edited ? "s3:DeleteBucket" : "s3:Delete*",
            "*",
            "{\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}}"));
    if (edited) {
      statements.add(
          statement(
              "Allow",
              "*",
              "arn:aws:s3:::shared-data/*",
              "{\"StringEquals\": {\"aws:PrincipalTag/role\": \"analyst\"}}"));
    }
    return "{\"Version\": \"2012-10-17\", \"Statement\": [\n  "
        + String.join(",\n  ", statements)
        + "\n]}\n";
  }

  private static String statement(String effect, String action, String resource, String cond) {
    return "{\"Effect\": \""
        + effect
        + "\", \"Action\": \""
        + action
        + "\", \"Resource\": \""
        + resource
        + "\""
        + (cond == null ? "" : ", \"Condition\": " + cond)
        + "}";
  }
}
