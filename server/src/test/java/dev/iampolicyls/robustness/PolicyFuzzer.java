package dev.iampolicyls.robustness;

import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.codeactions.PolicyCodeAction;
import dev.iampolicyls.completion.CompletionItem;
import dev.iampolicyls.completion.CompletionOptions;
import dev.iampolicyls.completion.CompletionResult;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.service.PolicyLanguageService;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.SyntaxError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Feeds mutated and generated policies through the parser, the policy model, every check,
 * completion, hover and code actions, and fails on the first exception (thrown, or swallowed and
 * logged by an engine), the first call slower than {@link #MAX_CALL_NANOS}, or the first broken
 * property: a finding outside the document, or an offered edit that breaks a document that had no
 * syntax error. The failing input and its seed are saved under {@code target/fuzz-failures/}.
 *
 * <p>Input {@code i} of a run with seed {@code s} is made from {@code new Random(s + i)}, so one
 * input can be replayed without replaying the run.
 */
final class PolicyFuzzer {
  static final long MAX_CALL_NANOS = 1_000_000_000L;

  /**
   * The time limit per call: {@link #MAX_CALL_NANOS} unless {@code fuzz.maxCallMillis} raises it
   * for a long run on a busy or niced machine, where wall-clock times say little; the report still
   * names the slowest call, to replay alone.
   */
  private static final long CALL_LIMIT_NANOS =
      Long.getLong("fuzz.maxCallMillis", MAX_CALL_NANOS / 1_000_000) * 1_000_000;

  private final PolicyLanguageService service;
  private final List<String> corpus;
  private final Path failureDir;
  private final List<String> loggedFailures = new ArrayList<>();

  private long slowestNanos;
  private String slowestCall = "none";
  private int calls;

  PolicyFuzzer(PolicyLanguageService service, List<String> corpus, Path failureDir) {
    this.service = service;
    this.corpus = List.copyOf(corpus);
    this.failureDir = failureDir;
  }

  /** What a run did: how many inputs and calls, and the slowest call. */
  record Report(int inputs, int calls, long slowestNanos, String slowestCall) {}

  Report run(long seed, int inputs) {
    Handler capture = captureEngineFailures();
    Logger root = Logger.getLogger("dev.iampolicyls");
    root.addHandler(capture);
    try {
      // Corpus entries first, untimed: class loading and the first JIT passes are not the code
      // under test. They are numbered -1, -2, ...
      for (int i = -corpus.size(); i < inputs; i++) {
        Random random = new Random(seed + i);
        String input = i < 0 ? corpus.get(-i - 1) : new FuzzInputs(random, corpus).next();
        try {
          exercise(input, random, i >= 0);
          if (!loggedFailures.isEmpty()) {
            throw new AssertionError("an engine logged a failure: " + loggedFailures.get(0));
          }
        } catch (Throwable t) {
          throw new AssertionError(
              "fuzz input "
                  + i
                  + " of seed "
                  + seed
                  + " failed; saved to "
                  + save(seed, i, input, t),
              t);
        }
      }
    } finally {
      root.removeHandler(capture);
    }
    return new Report(inputs, calls, slowestNanos, slowestCall);
  }

  /** Runs one input through every entry point, checking time and properties. */
  void exercise(String text, Random random, boolean timed) {
    int n = text.length();
    JsonDocument document = time("parse", timed, () -> JsonDocument.parse(text));
    for (SyntaxError e : document.errors()) {
      inside(e.offset(), e.length(), n, "syntax error " + e);
    }
    time("model", timed, () -> walkModel(Policy.parse(text)));
    PolicyType type = randomType(random);
    List<Finding> findings =
        time("analyze", timed, () -> service.analyze(text, type, true).findings());
    for (Finding f : findings) {
      inside(f.offset(), f.length(), n, "finding " + f);
    }
    boolean clean = document.errors().isEmpty();
    for (int i = 0; i < 3; i++) {
      int offset = randomOffset(random, n);
      CompletionOptions options =
          random.nextBoolean() ? CompletionOptions.PLAIN : CompletionOptions.SNIPPETS;
      CompletionResult result =
          time("complete@" + offset, timed, () -> service.complete(text, offset, type, options));
      for (CompletionItem item : result.items()) {
        inside(item.edit().offset(), item.edit().length(), n, "edit " + item);
        if (clean) {
          EditProperties.assertStillParses(text, item, offset);
        }
      }
    }
    for (int i = 0; i < 3; i++) {
      int offset = randomOffset(random, n);
      time("hover@" + offset, timed, () -> service.hover(text, offset, type));
    }
    for (int i = 0; i < 2; i++) {
      int start = randomOffset(random, n);
      int end = random.nextInt(4) == 0 ? randomOffset(random, n) : start;
      List<PolicyCodeAction> actions =
          time(
              "codeActions@" + start + "-" + end,
              timed,
              () -> service.codeActions(text, Math.min(start, end), Math.max(start, end), type));
      if (clean) {
        for (PolicyCodeAction action : actions) {
          EditProperties.assertStillParses(text, action);
        }
      }
    }
  }

  private static Object walkModel(Policy policy) {
    policy.looksLikePolicy();
    policy.versionValue();
    policy.hasPrincipal();
    PolicyType.infer(policy);
    for (Statement s : policy.statements()) {
      s.label();
      s.sidValue();
      s.effectValue();
      s.actions();
      s.resources();
      for (ConditionEntry c : s.conditionEntries()) {
        c.operator();
        c.key();
        c.values();
      }
    }
    return policy;
  }

  private <T> T time(String call, boolean timed, Callable<T> work) {
    long start = System.nanoTime();
    T result;
    try {
      result = work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    long took = System.nanoTime() - start;
    if (timed) {
      calls++;
      if (took > slowestNanos) {
        slowestNanos = took;
        slowestCall = call;
      }
      if (took > CALL_LIMIT_NANOS) {
        throw new AssertionError(call + " took " + took / 1_000_000 + " ms");
      }
    }
    return result;
  }

  private static void inside(int offset, int length, int n, String what) {
    if (offset < 0 || length < 0 || offset + length > n) {
      throw new AssertionError(what + " lies outside the document of length " + n);
    }
  }

  private static int randomOffset(Random random, int n) {
    int r = random.nextInt(20);
    if (r == 0) {
      return -1 - random.nextInt(5); // before the start: must be clamped, not thrown on
    }
    if (r == 1) {
      return n + random.nextInt(5); // past the end
    }
    return random.nextInt(n + 1);
  }

  private static PolicyType randomType(Random random) {
    PolicyType[] types = PolicyType.values();
    int i = random.nextInt(types.length + 1);
    return i == types.length ? null : types[i];
  }

  private Handler captureEngineFailures() {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()
            && record.getThrown() != null) {
          loggedFailures.add(record.getMessage() + ": " + record.getThrown());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c < 0x20 && c != '\n' || c > 0x7e) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private Path save(long seed, int index, String input, Throwable failure) {
    try {
      Files.createDirectories(failureDir);
      Path file = failureDir.resolve("seed-" + seed + "-input-" + index + ".json");
      Files.write(file, input.getBytes(StandardCharsets.UTF_8));
      // The exact UTF-16 text, escaped, since lone surrogates do not survive UTF-8.
      Files.writeString(
          failureDir.resolve("seed-" + seed + "-input-" + index + ".escaped.txt"), escape(input));
      java.io.StringWriter trace = new java.io.StringWriter();
      failure.printStackTrace(new java.io.PrintWriter(trace));
      Files.writeString(
          failureDir.resolve("seed-" + seed + "-input-" + index + ".txt"),
          "seed " + seed + " input " + index + "\n" + trace,
          StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      return Path.of("(not saved: " + e + ")");
    }
  }
}
