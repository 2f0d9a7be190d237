package dev.iampolicyls.embedded;

import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.service.EmbeddedAnalysis;
import dev.iampolicyls.service.PolicyLanguageService;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Times the re-check of a 2,000-line CloudFormation template after a keystroke, as the server does
 * it on each change of the document (read the template, locate and build its policies, check every
 * reading of each), in process: median, p95 and p99 of wall and CPU time over 300 edits after 100
 * of warm-up, three series. Each edit changes one Sid in the middle of the template, so every
 * version differs. Not a test: run by {@code server/scripts/benchmark.sh}, whose figures go to
 * BENCHMARKS.md.
 */
public final class TemplateBenchmark {
  private static final int WARM_UP = 100;
  private static final int EDITS = 300;
  private static final int SERIES = 3;

  private TemplateBenchmark() {}

  public static void main(String[] args) {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    String text = generated(lines);
    PolicyLanguageService service = PolicyLanguageService.bundled();
    EmbeddedAnalysis first =
        service.analyzeEmbedded(text, null, AnalysisSettings.DEFAULT).orElseThrow();
    int findings = first.policies().stream().mapToInt(p -> p.findings().size()).sum();
    System.out.printf(
        "template of %,d lines, %,d chars: %d policies, %d findings%n",
        text.split("\n", -1).length - 1, text.length(), first.policies().size(), findings);
    int marker = text.indexOf("Sid: Edited");
    for (int i = 0; i < WARM_UP; i++) {
      service.analyzeEmbedded(edit(text, marker, i), null, AnalysisSettings.DEFAULT);
    }
    // Wall time is what the user waits for; the thread's CPU time is the work itself, which the
    // other tenants of a shared machine do not stretch.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int s = 0; s < SERIES; s++) {
      long[] wall = new long[EDITS];
      long[] cpu = new long[EDITS];
      for (int i = 0; i < EDITS; i++) {
        String edited = edit(text, marker, s * EDITS + i);
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        service.analyzeEmbedded(edited, null, AnalysisSettings.DEFAULT);
        wall[i] = System.nanoTime() - t0;
        cpu[i] = threads.getCurrentThreadCpuTime() - c0;
      }
      System.out.printf(
          "  re-check after a keystroke, series %d: wall %s; CPU %s%n",
          s + 1, percentiles(wall), percentiles(cpu));
    }
  }

  private static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        "median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6,
        sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  /** The template with the marked Sid changed, as one typed letter changes it. */
  private static String edit(String text, int marker, int i) {
    int at = marker + "Sid: Edited".length();
    return text.substring(0, at) + (char) ('A' + i % 26) + text.substring(at);
  }

  /**
   * A template of at least {@code lines} lines, as applications write them: per unit a bucket, a
   * queue, a topic, a table, a function role with a trust policy and inline policies that use
   * {@code !Sub}, {@code !GetAtt}, {@code !Ref} and {@code !If}, and a bucket policy.
   */
  public static String generated(int lines) {
    StringBuilder out =
        new StringBuilder(
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Description: generated for the template benchmark
            Parameters:
              Stage:
                Type: String
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
            """);
    int unit = 0;
    while (out.toString().split("\n", -1).length <= lines) {
      String n = Integer.toString(unit);
      String sid = unit == 2 ? "Edited" : "Read" + n;
      out.append(
          """
            Data%1$s:
              Type: AWS::S3::Bucket
            Queue%1$s:
              Type: AWS::SQS::Queue
            Topic%1$s:
              Type: AWS::SNS::Topic
            Table%1$s:
              Type: AWS::DynamoDB::Table
            Role%1$s:
              Type: AWS::IAM::Role
              Properties:
                AssumeRolePolicyDocument:
                  Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Principal: {Service: lambda.amazonaws.com}
                      Action: sts:AssumeRole
                Policies:
                  - PolicyName: data
                    PolicyDocument:
                      Version: "2012-10-17"
                      Statement:
                        - Sid: %2$s
                          Effect: Allow
                          Action: [s3:GetObject, s3:PutObject]
                          Resource: !Sub "${Data%1$s.Arn}/*"
                        - Effect: Allow
                          Action: s3:ListBucket
                          Resource: !GetAtt Data%1$s.Arn
                        - Effect: Allow
                          Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query]
                          Resource:
                            - !GetAtt Table%1$s.Arn
                            - !Sub "${Table%1$s.Arn}/index/*"
                        - !If
                          - IsProd
                          - Effect: Allow
                            Action: sqs:SendMessage
                            Resource: !GetAtt Queue%1$s.Arn
                          - !Ref AWS::NoValue
                  - PolicyName: notify
                    PolicyDocument:
                      Version: "2012-10-17"
                      Statement:
                        - Effect: Allow
                          Action: sns:Publish
                          Resource: !Ref Topic%1$s
                        - Effect: Allow
                          Action: [logs:CreateLogStream, logs:PutLogEvents]
                          Resource: !Sub arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/app-%1$s:*
            DataPolicy%1$s:
              Type: AWS::S3::BucketPolicy
              Properties:
                Bucket: !Ref Data%1$s
                PolicyDocument:
                  Version: "2012-10-17"
                  Statement:
                    - Effect: Deny
                      Principal: "*"
                      Action: "s3:*"
                      Resource: [!GetAtt Data%1$s.Arn, !Sub "${Data%1$s.Arn}/*"]
                      Condition:
                        Bool: {aws:SecureTransport: "false"}
          """
              .formatted(n, sid));
      unit++;
    }
    return out.toString();
  }
}
