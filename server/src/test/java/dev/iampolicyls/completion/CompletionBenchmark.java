package dev.iampolicyls.completion;

import dev.iampolicyls.catalog.Catalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prints completion latency (median and p99, parse included, as the server does per request) at
 * many positions of a ~6 KB policy and of a large policy file given as the argument, e.g. {@code
 * java -cp server/target/classes:server/target/test-classes
 * dev.iampolicyls.completion.CompletionBenchmark
 * server/target/aws-managed-policies/AWSSupportServiceRolePolicy.json}. Not a test: numbers depend
 * on the machine.
 */
public final class CompletionBenchmark {
  private static final int POSITIONS = 2000;

  private CompletionBenchmark() {}

  public static void main(String[] args) throws IOException {
    CompletionEngine engine = new CompletionEngine(Catalog.bundled());
    String small = samplePolicy();
    run(engine, "sample policy", small);
    if (args.length > 0) {
      String large = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
      run(engine, Path.of(args[0]).getFileName().toString(), large);
    }
  }

  private static void run(CompletionEngine engine, String name, String text) {
    int[] offsets = positions(text);
    // Warm-up: every position, twice, with and without snippets.
    for (int round = 0; round < 2; round++) {
      for (int offset : offsets) {
        engine.complete(text, offset, null, CompletionOptions.PLAIN);
        engine.complete(text, offset, null, CompletionOptions.SNIPPETS);
      }
    }
    // Each position three times: the first run is what a request sees; the best of three
    // filters out the scheduler stalls of a machine shared with other work.
    long[] first = new long[offsets.length];
    long[] best = new long[offsets.length];
    long items = 0;
    for (int i = 0; i < offsets.length; i++) {
      best[i] = Long.MAX_VALUE;
      for (int repeat = 0; repeat < 3; repeat++) {
        long t0 = System.nanoTime();
        CompletionResult r = engine.complete(text, offsets[i], null, CompletionOptions.PLAIN);
        long t = System.nanoTime() - t0;
        if (repeat == 0) {
          first[i] = t;
          items += r.items().size();
        }
        best[i] = Math.min(best[i], t);
      }
    }
    System.out.printf(
        "%s (%.1f KB, %d positions, %d items in all)%n  single run:     %s%n  best of three:  %s%n",
        name, text.length() / 1024.0, offsets.length, items, summary(first), summary(best));
  }

  private static String summary(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        "median %.2f ms, p99 %.2f ms, max %.2f ms",
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  /** Offsets spread evenly over the text, plus the middle of strings, where completion is used. */
  private static int[] positions(String text) {
    List<Integer> list = new ArrayList<>();
    int step = Math.max(1, text.length() / (POSITIONS / 2));
    for (int i = 0; i <= text.length(); i += step) {
      list.add(i);
    }
    int strings = 0;
    for (int i = 0; i < text.length() && strings < POSITIONS / 2; i++) {
      if (text.charAt(i) == '"') {
        int close = text.indexOf('"', i + 1);
        if (close < 0) {
          break;
        }
        if ((strings++ % Math.max(1, countQuotes(text) / POSITIONS)) == 0) {
          list.add(i + 1 + (close - i - 1) / 2);
        }
        i = close;
      }
    }
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int countQuotes(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '"') {
        n++;
      }
    }
    return n / 2;
  }

  /** About 6 KB: the identity-policy size limit, with every kind of element. */
  static String samplePolicy() {
    StringBuilder sb = new StringBuilder("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
    String[] services = {
      "s3", "ec2", "dynamodb", "lambda", "sqs", "sns", "kms", "logs", "iam", "secretsmanager"
    };
    for (int i = 0; i < services.length; i++) {
      String s = services[i];
      sb.append("    {\n      \"Sid\": \"Statement")
          .append(i)
          .append("\",\n      \"Effect\": \"Allow\",\n      \"Action\": [\n")
          .append("        \"")
          .append(s)
          .append(":Get*\",\n        \"")
          .append(s)
          .append(":List*\",\n        \"")
          .append(s)
          .append(":Describe*\",\n        \"")
          .append(s)
          .append(":Put*\"\n      ],\n      \"Resource\": [\n        \"arn:aws:")
          .append(s)
          .append(":us-east-1:111122223333:*\",\n        \"arn:aws:")
          .append(s)
          .append(":*:111122223333:${aws:username}/*\"\n      ],\n")
          .append("      \"Condition\": {\n        \"StringEquals\": {\n")
          .append("          \"aws:PrincipalTag/team\": \"platform\",\n")
          .append("          \"aws:RequestedRegion\": [\"us-east-1\", \"eu-west-1\"]\n")
          .append("        },\n        \"Bool\": {\"aws:SecureTransport\": \"true\"},\n")
          .append("        \"ArnLike\": {\"aws:SourceArn\": \"arn:aws:")
          .append(s)
          .append(":*:111122223333:*\"}\n      }\n    }")
          .append(i + 1 < services.length ? ",\n" : "\n");
    }
    return sb.append("  ]\n}\n").toString();
  }
}
