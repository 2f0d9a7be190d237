package dev.iampolicyls.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.schema.PolicySchema;
import dev.iampolicyls.service.PolicyLanguageService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fuzz run. In {@code mvn verify} it tries a fixed number of inputs from a fixed seed; the long
 * run is the same test with more inputs and another seed:
 *
 * <pre>
 * mvn -pl server test -Dtest=PolicyFuzzTest -Dfuzz.inputs=200000 -Dfuzz.seed=$RANDOM
 * </pre>
 *
 * On a shared machine add {@code -Dfuzz.maxCallMillis=5000} so that scheduling noise does not end
 * the run, then replay the slowest input it reports alone ({@code -Dfuzz.seed=S+i
 * -Dfuzz.inputs=1}).
 *
 * <p>The corpus is the examples, the hand-written policies under {@code robustness/corpus}, and the
 * AWS managed policies when {@code managedPolicies.dir} names a folder holding them. A failure
 * saves its input under {@code target/fuzz-failures/}.
 */
class PolicyFuzzTest {
  private static final long DEFAULT_SEED = 20261128L;
  private static final int DEFAULT_INPUTS = 500;

  @Test
  void noInputCrashesHangsOrBreaksAnEdit() {
    long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    int inputs = Integer.getInteger("fuzz.inputs", DEFAULT_INPUTS);
    List<String> corpus = corpus();
    // Warm, as the language server is once its Warmup has run: the validator's one-time load and
    // the JVM's first, interpreted pass over each check are not the cost of whichever request
    // happens to come first. The 1 s bound is for requests to a running server.
    PolicySchema.get().preload();
    PolicyLanguageService service = new PolicyLanguageService(Catalog.bundled());
    for (String document : corpus) {
      service.analyze(document, null, true);
    }
    PolicyFuzzer fuzzer = new PolicyFuzzer(service, corpus, Path.of("target/fuzz-failures"));
    PolicyFuzzer.Report report = fuzzer.run(seed, inputs);
    System.err.printf(
        "fuzz: seed %d, %d inputs from a corpus of %d, %d calls, slowest %s took %d ms%n",
        seed,
        report.inputs(),
        corpus.size(),
        report.calls(),
        report.slowestCall(),
        report.slowestNanos() / 1_000_000);
    assertEquals(inputs, report.inputs());
  }

  static List<String> corpus() {
    List<String> corpus = new ArrayList<>();
    corpus.addAll(readAll(Path.of("examples"), Integer.MAX_VALUE));
    corpus.addAll(readAll(Path.of("src/test/resources/robustness/corpus"), Integer.MAX_VALUE));
    String managed = System.getProperty("managedPolicies.dir");
    if (managed != null && Files.isDirectory(Path.of(managed))) {
      // A sorted sample keeps the fixed-seed run the same from one machine to the next.
      corpus.addAll(readAll(Path.of(managed), Integer.getInteger("fuzz.managed", 40)));
    }
    return corpus;
  }

  private static List<String> readAll(Path dir, int limit) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".json"))
          .sorted()
          .limit(limit)
          .map(PolicyFuzzTest::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
