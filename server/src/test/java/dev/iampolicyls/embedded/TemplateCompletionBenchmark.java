package dev.iampolicyls.embedded;

import dev.iampolicyls.completion.CompletionOptions;
import dev.iampolicyls.service.CancelChecker;
import dev.iampolicyls.service.ParsedText;
import dev.iampolicyls.service.PolicyLanguageService;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Prints completion latency (median, p95, p99) for the same typing in a plain JSON policy and in a
 * YAML template, and in a JSON template, holding that policy after {@code roles} other roles: after
 * a keystroke (a new text: the plain policy's parse, the template's layout and line index included)
 * and again on the same version (the layout kept, as the server keeps it), with the template's p99
 * over the plain policy's (issue 18 asks for at most 2), e.g. {@code java -cp
 * server/target/test-classes:server/target/iam-policy-ls.jar
 * dev.iampolicyls.embedded.TemplateCompletionBenchmark 100}. Not a test: numbers depend on the
 * machine.
 */
public final class TemplateCompletionBenchmark {
  private static final int RUNS = 1000;

  /** Each case: what is typed where, as a JSON policy and as the YAML statement's lines. */
  public static final String[][] CASES = {
    {"action", "\"Action\": \"s3:Get‸\"", "Action: s3:Get‸"},
    {"key", "\"Action\": \"s3:GetObject\", \"Con‸\"", "Action: s3:GetObject\n            Con‸"},
    {
      "resource",
      "\"Action\": \"s3:GetObject\", \"Resource\": \"‸\"",
      "Action: s3:GetObject\n            Resource: ‸"
    },
    {
      "condition key",
      "\"Action\": \"s3:GetObject\", \"Condition\": {\"StringEquals\": {\"aws:Pr‸\"}}",
      "Action: s3:GetObject\n            Condition:\n              StringEquals:\n                aws:Pr‸"
    },
  };

  private TemplateCompletionBenchmark() {}

  public static void main(String[] args) {
    int roles = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    PolicyLanguageService service = PolicyLanguageService.bundled();
    for (String[] c : CASES) {
      String json = plainPolicy(c[1]);
      String yaml = template(roles, c[2]);
      int jsonAt = json.indexOf('‸');
      int yamlAt = yaml.indexOf('‸');
      String jsonText = json.replace("‸", "");
      String yamlText = yaml.replace("‸", "");
      long[][] plain =
          time(
              () -> {
                ParsedText parsed = new ParsedText(copy(jsonText));
                return () ->
                    service.complete(parsed, jsonAt, null, CompletionOptions.PLAIN).items().size();
              });
      String jsonTemplate = jsonTemplate(roles, c[1]);
      System.out.printf("%-14s plain policy: %s%n", c[0], summary(plain[0]));
      long[] plainCpu = plain[1];
      timeTemplate(service, "YAML", yamlText, yamlAt, plain[0], plainCpu);
      timeTemplate(
          service,
          "JSON",
          jsonTemplate.replace("‸", ""),
          jsonTemplate.indexOf('‸'),
          plain[0],
          plainCpu);
      System.out.printf("%-14s   CPU, plain: %s%n", "", summary(plainCpu));
    }
  }

  /**
   * Times one template after a keystroke (a new text, whose layout and line index the request
   * makes) and again on the same version (its layout made by an earlier request), and prints both
   * beside the plain policy's p99.
   */
  private static void timeTemplate(
      PolicyLanguageService service,
      String format,
      String text,
      int offset,
      long[] plainWall,
      long[] plainCpu) {
    long[][] keystroke =
        time(
            () -> {
              String version = copy(text);
              return () -> {
                TemplateLayout layout = TemplateLayout.of(version);
                layout.lines();
                return complete(service, layout, offset);
              };
            });
    TemplateLayout kept = TemplateLayout.of(text);
    long[][] sameVersion = time(() -> () -> complete(service, kept, offset));
    System.out.printf(
        "%-14s   %s template (%d lines) after a keystroke: %s | p99 ratio %.2f%n",
        "",
        format,
        text.split("\n").length,
        summary(keystroke[0]),
        (double) percentile(keystroke[0], 0.99) / percentile(plainWall, 0.99));
    System.out.printf(
        "%-14s   %s same version: %s | p99 ratio %.2f%n",
        "",
        format,
        summary(sameVersion[0]),
        (double) percentile(sameVersion[0], 0.99) / percentile(plainWall, 0.99));
    System.out.printf(
        "%-14s   %s CPU after a keystroke: %s | same version: %s | CPU p99 ratio %.2f%n",
        "",
        format,
        summary(keystroke[1]),
        summary(sameVersion[1]),
        (double) percentile(keystroke[1], 0.99) / percentile(plainCpu, 0.99));
  }

  private static int complete(PolicyLanguageService service, TemplateLayout layout, int offset) {
    return service
        .completeInTemplate(layout, offset, CompletionOptions.PLAIN, CancelChecker.NEVER)
        .orElseThrow()
        .items()
        .size();
  }

  /** A text equal to {@code text} but another object, as each version an editor sends is. */
  private static String copy(String text) {
    return new String(text.toCharArray());
  }

  /**
   * A template of {@code roles} roles with inline policies, then a managed policy whose one
   * statement holds {@code typed} (YAML lines; the cursor marked {@code ‸}).
   */
  public static String template(int roles, String typed) {
    StringBuilder t = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n");
    t.append("  DataBucket:\n    Type: AWS::S3::Bucket\n");
    for (int i = 0; i < roles; i++) {
      t.append(
          """
            Role%d:
              Type: AWS::IAM::Role
              Properties:
                AssumeRolePolicyDocument:
                  Statement:
                    - Effect: Allow
                      Principal: {Service: lambda.amazonaws.com}
                      Action: sts:AssumeRole
                Policies:
                  - PolicyName: read
                    PolicyDocument:
                      Statement:
                        - Effect: Allow
                          Action: [s3:GetObject, s3:ListBucket]
                          Resource: !Sub "${DataBucket.Arn}/*"
          """
              .formatted(i));
    }
    t.append(
        """
          Reader:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    TYPED
        """
            .replace("TYPED", typed));
    return t.toString();
  }

  /**
   * The JSON form of {@link #template}: the same {@code roles} roles and managed policy, whose
   * statement holds {@code typed} (a JSON fragment, as in {@link #plainPolicy}; the cursor marked
   * {@code ‸}), one key a line.
   */
  public static String jsonTemplate(int roles, String typed) {
    StringBuilder t = new StringBuilder("{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n");
    t.append("  \"Resources\": {\n");
    t.append("    \"DataBucket\": {\n      \"Type\": \"AWS::S3::Bucket\"\n    },\n");
    for (int i = 0; i < roles; i++) {
      t.append(
          """
              "Role%d": {
                "Type": "AWS::IAM::Role",
                "Properties": {
                  "AssumeRolePolicyDocument": {
                    "Statement": [
                      {
                        "Effect": "Allow",
                        "Principal": {"Service": "lambda.amazonaws.com"},
                        "Action": "sts:AssumeRole"
                      }
                    ]
                  },
                  "Policies": [
                    {
                      "PolicyName": "read",
                      "PolicyDocument": {
                        "Statement": [
                          {
                            "Effect": "Allow",
                            "Action": ["s3:GetObject", "s3:ListBucket"],
                            "Resource": {"Fn::Sub": "${DataBucket.Arn}/*"}
                          }
                        ]
                      }
                    }
                  ]
                }
              },
          """
              .formatted(i));
    }
    t.append(
        """
            "Reader": {
              "Type": "AWS::IAM::ManagedPolicy",
              "Properties": {
                "PolicyDocument": {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      TYPED
                    }
                  ]
                }
              }
            }
          }
        }
        """
            .replace("TYPED", typed));
    return t.toString();
  }

  /** The plain policy of one statement holding {@code typed} (JSON; the cursor marked ‸). */
  public static String plainPolicy(String typed) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", " + typed + "}]}";
  }

  /**
   * Wall times and the thread's CPU times of the runs after a warm-up, in nanoseconds: each run
   * prepared first (untimed), then its request timed.
   */
  private static long[][] time(Supplier<IntSupplier> prepare) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < RUNS / 2; i++) {
      prepare.get().getAsInt();
    }
    long[] wall = new long[RUNS];
    long[] cpu = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      IntSupplier request = prepare.get();
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      request.getAsInt();
      wall[i] = System.nanoTime() - t0;
      cpu[i] = threads.getCurrentThreadCpuTime() - c0;
    }
    return new long[][] {wall, cpu};
  }

  private static String summary(long[] nanos) {
    return String.format(
        "median %.2f ms, p95 %.2f ms, p99 %.2f ms",
        percentile(nanos, 0.5) / 1e6, percentile(nanos, 0.95) / 1e6, percentile(nanos, 0.99) / 1e6);
  }

  private static long percentile(long[] nanos, double fraction) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.max(0, (int) Math.ceil(sorted.length * fraction) - 1)];
  }
}
