package dev.iampolicyls.hover;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.service.PolicyLanguageService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prints hover latency (median, p99, max) at many positions of a ~6 KB policy and of a policy file
 * given as an argument (the largest AWS managed policy is a good one), after warm-up. Two figures
 * each: through the facade (parses the text, as the LSP server does for every hover) and the engine
 * alone on an already parsed policy. Run it on its own, e.g. {@code java -cp
 * server/target/classes:server/target/test-classes:$(cat cp.txt)
 * dev.iampolicyls.hover.HoverBenchmark
 * server/target/aws-managed-policies/AWSSupportServiceRolePolicy.json}. Not a test: numbers depend
 * on the machine.
 */
public final class HoverBenchmark {
  private static final int POSITIONS = 2000;
  private static final int WARM_UP_ROUNDS = 3;
  private static final int ROUNDS = 5;

  private HoverBenchmark() {}

  public static void main(String[] args) throws IOException {
    PolicyLanguageService service = new PolicyLanguageService(Catalog.bundled());
    HoverEngine engine = new HoverEngine(Catalog.bundled());
    measure("generated policy", samplePolicy(), service, engine);
    for (String file : args) {
      Path path = Path.of(file);
      measure(path.getFileName().toString(), Files.readString(path), service, engine);
    }
  }

  private static void measure(
      String name, String text, PolicyLanguageService service, HoverEngine engine) {
    int step = Math.max(1, text.length() / POSITIONS);
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < text.length(); i += step) {
      offsets.add(i);
    }
    Policy parsed = Policy.parse(text);
    int shown = 0;
    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      for (int offset : offsets) {
        shown += service.hover(text, offset, null).isPresent() ? 1 : 0;
        engine.hover(parsed, offset, null);
      }
    }
    long[] facade = new long[offsets.size() * ROUNDS];
    long[] alone = new long[offsets.size() * ROUNDS];
    int n = 0;
    for (int round = 0; round < ROUNDS; round++) {
      for (int offset : offsets) {
        long t0 = System.nanoTime();
        service.hover(text, offset, null);
        long t1 = System.nanoTime();
        engine.hover(parsed, offset, null);
        long t2 = System.nanoTime();
        facade[n] = t1 - t0;
        alone[n] = t2 - t1;
        n++;
      }
    }
    System.out.printf(
        "%s: %,d chars, %d positions x %d rounds (%d%% with a hover)%n",
        name,
        text.length(),
        offsets.size(),
        ROUNDS,
        100 * shown / (offsets.size() * WARM_UP_ROUNDS));
    report("  parse + hover", facade);
    report("  hover alone  ", alone);
    // On a busy machine p99 mostly measures the scheduler; the best of the rounds at each
    // position, worst over positions, is what the slowest hover itself costs.
    System.out.printf(
        "  slowest position (best of %d rounds): parse + hover %.3f ms, hover alone %.3f ms%n",
        ROUNDS,
        slowestBest(facade, offsets.size()) / 1e6,
        slowestBest(alone, offsets.size()) / 1e6);
  }

  private static long slowestBest(long[] nanos, int positions) {
    long worst = 0;
    for (int p = 0; p < positions; p++) {
      long best = Long.MAX_VALUE;
      for (int r = 0; r < ROUNDS; r++) {
        best = Math.min(best, nanos[r * positions + p]);
      }
      worst = Math.max(worst, best);
    }
    return worst;
  }

  private static void report(String label, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%s median %.3f ms, p99 %.3f ms, max %.3f ms%n",
        label,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  /** A realistic identity policy of about 6 KB: S3, DynamoDB, KMS, EC2, IAM, conditions. */
  public static String samplePolicy() {
    String[] statements = {
      "{\"Sid\": \"ReadReports%d\", \"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\","
          + " \"s3:GetObjectVersion\", \"s3:ListBucket\"], \"Resource\":"
          + " [\"arn:aws:s3:::reports-%d\", \"arn:aws:s3:::reports-%d/home/${aws:username}/*\"],"
          + " \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}}",
      "{\"Sid\": \"Tables%d\", \"Effect\": \"Allow\", \"Action\": [\"dynamodb:GetItem\","
          + " \"dynamodb:Query\", \"dynamodb:PutItem\"], \"Resource\":"
          + " \"arn:aws:dynamodb:us-east-1:111122223333:table/orders-%d\", \"Condition\":"
          + " {\"ForAllValues:StringEquals\": {\"dynamodb:LeadingKeys\": [\"${aws:userid}\"]}}}",
      "{\"Sid\": \"Ops%d\", \"Effect\": \"Allow\", \"Action\": [\"ec2:Describe*\","
          + " \"ec2:*Instance?\", \"cloudwatch:Get*\"], \"Resource\": \"*\", \"Condition\":"
          + " {\"StringEquals\": {\"aws:RequestedRegion\": [\"us-east-1\", \"eu-west-%d\"]},"
          + " \"IpAddress\": {\"aws:SourceIp\": [\"203.0.113.0/24\", \"198.51.100.%d/32\"]}}}",
      "{\"Sid\": \"Keys%d\", \"Effect\": \"Deny\", \"NotAction\": [\"kms:Decrypt\","
          + " \"kms:GenerateDataKey*\", \"iam:PassRole\"], \"NotResource\":"
          + " \"arn:aws:kms:*:111122223333:key/%d\", \"Condition\": {\"BoolIfExists\":"
          + " {\"aws:MultiFactorAuthPresent\": \"false\"}, \"StringNotLike\": {\"aws:PrincipalArn\":"
          + " \"arn:aws:iam::111122223333:role/admin-%d\"}}}",
    };
    StringBuilder sb = new StringBuilder("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
    int i = 0;
    while (sb.length() < 5800) {
      if (i > 0) {
        sb.append(",\n");
      }
      sb.append("    ").append(statements[i % statements.length].replace("%d", String.valueOf(i)));
      i++;
    }
    return sb.append("\n  ]\n}\n").toString();
  }
}
