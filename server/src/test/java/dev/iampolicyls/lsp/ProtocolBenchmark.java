package dev.iampolicyls.lsp;

import dev.iampolicyls.embedded.TemplateCompletionBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Times the real jar through the real protocol over stdio, as an editor sees it: process start to
 * the first diagnostics, didChange to diagnostics, completion and hover round trips, and the
 * server's resident memory with 100 policies open. Not a test: run by {@code
 * server/scripts/benchmark.sh}, which prints these figures for BENCHMARKS.md.
 *
 * <p>Usage: {@code ProtocolBenchmark JAR|LAUNCHER POLICY_DIR RUNS [JVM option...]}: the jar is run
 * with {@code java [options] -jar JAR serve}, a launcher script as {@code LAUNCHER serve} with the
 * options in {@code IAM_POLICY_LS_JAVA_OPTS}. The server runs with {@code
 * -Diampolicyls.debounceMillis=0} for the keystroke figures, so they time the checking and the
 * protocol, not the wait between keystrokes.
 */
public final class ProtocolBenchmark {
  private static final String SMALL = "server/examples/identity-read-logs.json";

  private final Path jar;
  private final List<String> jvmOptions;

  private ProtocolBenchmark(Path jar, List<String> jvmOptions) {
    this.jar = jar;
    this.jvmOptions = jvmOptions;
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path policies = Path.of(args[1]);
    int runs = Integer.parseInt(args[2]);
    List<String> options = List.of(args).subList(3, args.length);
    ProtocolBenchmark bench = new ProtocolBenchmark(jar, options);
    System.out.println(
        "JVM options: " + (options.isEmpty() ? "(none)" : String.join(" ", options)));

    long[] startup = new long[runs];
    for (int i = 0; i < runs; i++) {
      startup[i] = bench.startToFirstDiagnostics(Files.readString(Path.of(SMALL)));
    }
    Arrays.sort(startup);
    System.out.printf(
        "%-58s %8.0f ms (runs: %s)%n",
        "start to first publishDiagnostics, small policy, median",
        startup[runs / 2] / 1e6,
        Arrays.stream(startup).mapToObj(t -> String.format("%.0f", t / 1e6)).toList());

    if (Boolean.getBoolean("bench.startupOnly")) {
      return;
    }
    if (Integer.getInteger("bench.templateCompletion", 0) > 0) {
      bench.templateCompletion(Integer.getInteger("bench.templateCompletion"));
      return;
    }
    Path largest = largest(policies);
    bench.keystrokes("6 KB generated policy", generated(10));
    bench.keystrokes("100 KB generated policy", generated(170));
    bench.keystrokes(
        largest.getFileName() + String.format(" (%.0f KB)", Files.size(largest) / 1024.0),
        Files.readString(largest));
    bench.memory(policies, 100);
  }

  /** Milliseconds, as nanoseconds, from process start to the first diagnostics of one policy. */
  private long startToFirstDiagnostics(String text) throws Exception {
    long t0 = System.nanoTime();
    try (Session s = new Session(List.of())) {
      long initialized = System.nanoTime() - t0;
      s.open("file:///bench/small.json", text);
      s.awaitDiagnostics("file:///bench/small.json", 1);
      long total = System.nanoTime() - t0;
      if (Boolean.getBoolean("bench.verbose")) {
        System.out.printf(
            "  initialize answered at %d ms, diagnostics at %d ms%n",
            initialized / 1_000_000, total / 1_000_000);
      }
      return total;
    }
  }

  /** didChange to diagnostics, completion and hover latency on one document. */
  private void keystrokes(String name, String text) throws Exception {
    try (Session s = new Session(List.of("-Diampolicyls.debounceMillis=0"))) {
      String uri = "file:///bench/doc.json";
      s.open(uri, text);
      s.awaitDiagnostics(uri, 1);
      int[] offsets = actionOffsets(text);
      Random random = new Random(7);
      int version = 1;
      // Warm-up, as an editor session is warm after its first minute.
      for (int i = 0; i < 100; i++) {
        version = s.change(uri, edit(text, i), version);
        s.awaitDiagnostics(uri, version);
        s.complete(uri, position(text, offsets[random.nextInt(offsets.length)]));
        s.hover(uri, position(text, offsets[random.nextInt(offsets.length)]));
      }
      // Back to the original text for completion and hover.
      version = s.change(uri, text, version);
      s.awaitDiagnostics(uri, version);
      // Three series: this machine is shared, and one burst of another tenant's load moves a
      // single series' p99 by several milliseconds. The table shows the median series.
      int n = 300;
      List<long[]> changes = new ArrayList<>();
      List<long[]> completions = new ArrayList<>();
      List<long[]> hovers = new ArrayList<>();
      for (int series = 0; series < SERIES; series++) {
        long[] change = new long[n];
        long[] completion = new long[n];
        long[] hover = new long[n];
        for (int i = 0; i < n; i++) {
          String edited = edit(text, i);
          long t0 = System.nanoTime();
          version = s.change(uri, edited, version);
          s.awaitDiagnostics(uri, version);
          change[i] = System.nanoTime() - t0;
        }
        version = s.change(uri, text, version);
        s.awaitDiagnostics(uri, version);
        for (int i = 0; i < n; i++) {
          // Where the cursor is, as the editor knows it: not part of the round trip.
          Position at = position(text, offsets[random.nextInt(offsets.length)]);
          long t0 = System.nanoTime();
          s.complete(uri, at);
          completion[i] = System.nanoTime() - t0;
          t0 = System.nanoTime();
          s.hover(uri, at);
          hover[i] = System.nanoTime() - t0;
        }
        changes.add(change);
        completions.add(completion);
        hovers.add(hover);
      }
      System.out.printf("%s, %d of each after warm-up, median of %d series:%n", name, n, SERIES);
      System.out.printf("  %-56s %s%n", "didChange to publishDiagnostics", summary(changes));
      System.out.printf("  %-56s %s%n", "completion round trip", summary(completions));
      System.out.printf("  %-56s %s%n", "hover round trip", summary(hovers));
    }
  }

  private static final int SERIES = 3;

  /**
   * Completion round trips at the same typing in a plain JSON policy, in a YAML template and in a
   * JSON template that hold the same statement after {@code roles} other roles
   * (TemplateCompletionBenchmark's cases and templates), all open in one server, requests taking
   * turns so that a slow minute of this shared machine weighs on both alike: issue 18 asks for the
   * template's p99 within 2x. A thousand requests a series, five series: with 300, a p99 is the
   * third slowest request, and which document two or three of the machine's stalls land on decided
   * it (the ratio of two runs of the same build went from 1.2 to 4.5).
   */
  private void templateCompletion(int roles) throws Exception {
    try (Session s = new Session(List.of("-Diampolicyls.debounceMillis=0"))) {
      int n = 1000;
      int seriesCount = 5;
      for (String[] c : TemplateCompletionBenchmark.CASES) {
        String name = c[0].replace(' ', '-');
        List<Typed> documents =
            List.of(
                new Typed(
                    "plain policy",
                    "file:///bench/plain-" + name + ".json",
                    TemplateCompletionBenchmark.plainPolicy(c[1])),
                new Typed(
                    "YAML template",
                    "file:///bench/template-" + name + ".yaml",
                    TemplateCompletionBenchmark.template(roles, c[2])),
                new Typed(
                    "JSON template",
                    "file:///bench/template-" + name + ".json",
                    TemplateCompletionBenchmark.jsonTemplate(roles, c[1])));
        for (Typed d : documents) {
          s.open(d.uri(), d.uri().endsWith(".yaml") ? "yaml" : "json", d.text());
        }
        for (Typed d : documents) {
          s.awaitDiagnostics(d.uri(), 1);
        }
        for (int i = 0; i < 200; i++) {
          for (Typed d : documents) {
            s.complete(d.uri(), d.position());
          }
        }
        List<List<long[]>> series = new ArrayList<>();
        documents.forEach(d -> series.add(new ArrayList<>()));
        for (int round = 0; round < seriesCount; round++) {
          long[][] times = new long[documents.size()][n];
          for (int i = 0; i < n; i++) {
            for (int k = 0; k < documents.size(); k++) {
              Typed d = documents.get(k);
              long t0 = System.nanoTime();
              s.complete(d.uri(), d.position());
              times[k][i] = System.nanoTime() - t0;
            }
          }
          for (int k = 0; k < documents.size(); k++) {
            series.get(k).add(times[k]);
          }
        }
        System.out.printf(
            "completion of %s, %d of each after warm-up, median of %d series:%n",
            c[0], n, seriesCount);
        double plainP99 = medianP99(series.get(0));
        for (int k = 0; k < documents.size(); k++) {
          Typed d = documents.get(k);
          System.out.printf(
              "  %-30s %s%s%n",
              d.label() + (k == 0 ? "" : " (" + d.text().split("\n").length + " lines)"),
              summary(series.get(k)),
              k == 0
                  ? ""
                  : String.format(" | p99 ratio %.2f", medianP99(series.get(k)) / plainP99));
        }
      }
    }
  }

  /**
   * A document with the cursor marked {@code ‸} in it: its text without the mark, and where, as the
   * editor knows it (computed once, not on each request: scanning a 100 KB template for the line
   * was part of the template's round trip, not of a real one).
   */
  private record Typed(String label, String uri, String text, Position position) {
    Typed(String label, String uri, String marked) {
      this(
          label,
          uri,
          marked.replace("‸", ""),
          ProtocolBenchmark.position(marked, marked.indexOf('‸')));
    }
  }

  /** The median over series of each series' median and p99, and every series' p99. */
  private static String summary(List<long[]> series) {
    List<Double> medians = new ArrayList<>();
    List<Double> p99s = new ArrayList<>();
    for (long[] nanos : series) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      medians.add(sorted[sorted.length / 2] / 1e6);
      p99s.add(sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
    List<Double> p99sInOrder = List.copyOf(p99s);
    medians.sort(null);
    p99s.sort(null);
    return String.format(
        "median %6.2f ms, p99 %6.2f ms (p99 of each series: %s)",
        medians.get(medians.size() / 2),
        p99s.get(p99s.size() / 2),
        p99sInOrder.stream().map(p -> String.format("%.1f", p)).toList());
  }

  /** The median over series of each series' p99, in milliseconds (as {@link #summary} prints). */
  private static double medianP99(List<long[]> series) {
    List<Double> p99s = new ArrayList<>();
    for (long[] nanos : series) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      p99s.add(sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
    p99s.sort(null);
    return p99s.get(p99s.size() / 2);
  }

  /** Resident memory of the server with the catalog loaded, then with {@code count} open. */
  private void memory(Path policies, int count) throws Exception {
    try (Session s = new Session(List.of())) {
      s.open("file:///bench/small.json", Files.readString(Path.of(SMALL)));
      s.awaitDiagnostics("file:///bench/small.json", 1);
      long idle = s.residentKiB();
      List<Path> files;
      try (Stream<Path> all = Files.list(policies)) {
        files = all.sorted().limit(count).toList();
      }
      for (Path f : files) {
        String uri = "file:///bench/" + f.getFileName();
        s.open(uri, Files.readString(f));
        s.awaitDiagnostics(uri, 1);
      }
      long open = s.residentKiB();
      System.out.printf(
          "%-58s %8.0f MB%n%-58s %8.0f MB%n",
          "server resident memory, one small policy open",
          idle / 1024.0,
          "server resident memory, " + files.size() + " managed policies open",
          open / 1024.0);
    }
  }

  /**
   * A keystroke near the top that keeps the document valid: spaces after the first brace, so every
   * offset below moves, as with real typing.
   */
  private static String edit(String text, int i) {
    int brace = text.indexOf('{');
    return text.substring(0, brace + 1) + " ".repeat(1 + i % 7) + text.substring(brace + 1);
  }

  /** Offsets inside action names: where completion and hover have the most to do. */
  private static int[] actionOffsets(String text) {
    List<Integer> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int colon = text.indexOf(':', from);
      if (colon < 0) {
        break;
      }
      if (colon > 0
          && Character.isLetter(text.charAt(colon - 1))
          && text.charAt(colon + 1) != ' ') {
        out.add(colon + 2);
      }
      from = colon + 1;
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static Path largest(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
          .orElseThrow();
    }
  }

  /** A policy of {@code statements} statements over ten services, about 600 bytes each. */
  public static String generated(int statements) {
    String[] services = {
      "s3", "ec2", "dynamodb", "lambda", "sqs", "sns", "kms", "logs", "iam", "secretsmanager"
    };
    String[] verbs = {"Get", "List", "Describe", "Put", "Create"};
    StringBuilder sb = new StringBuilder("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
    for (int i = 0; i < statements; i++) {
      String s = services[i % services.length];
      sb.append("    {\n      \"Sid\": \"Statement").append(i).append("\",\n");
      sb.append("      \"Effect\": \"").append(i % 7 == 6 ? "Deny" : "Allow").append("\",\n");
      sb.append("      \"Action\": [\n");
      for (int v = 0; v < verbs.length; v++) {
        sb.append("        \"").append(s).append(':').append(verbs[v]).append("*\"");
        sb.append(v + 1 < verbs.length ? ",\n" : "\n");
      }
      sb.append("      ],\n");
      sb.append("      \"Resource\": \"arn:aws:")
          .append(s)
          .append(":eu-west-1:111122223333:thing-")
          .append(i)
          .append("/*\",\n");
      sb.append("      \"Condition\": {\n        \"StringEquals\": {\n");
      sb.append("          \"aws:PrincipalTag/team\": \"team-").append(i).append("\",\n");
      sb.append("          \"aws:RequestedRegion\": [\"eu-west-1\", \"eu-central-1\"]\n");
      sb.append("        }\n      }\n    }");
      sb.append(i + 1 < statements ? ",\n" : "\n");
    }
    return sb.append("  ]\n}\n").toString();
  }

  /** One server process and an LSP4J client connected to it over its stdio. */
  private final class Session implements AutoCloseable {
    private final Process process;
    private final Path stderr;
    private final LanguageServer server;
    private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();

    Session(List<String> extraOptions) throws Exception {
      List<String> command = new ArrayList<>();
      List<String> options = new ArrayList<>(jvmOptions);
      options.addAll(extraOptions);
      ProcessBuilder builder = new ProcessBuilder(command);
      if (jar.toString().endsWith(".jar")) {
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString(), "serve"));
      } else {
        command.addAll(List.of(jar.toString(), "serve"));
        builder.environment().put("IAM_POLICY_LS_JAVA_OPTS", String.join(" ", options));
      }
      stderr = Files.createTempFile("iam-policy-ls-bench", ".log");
      process = builder.redirectError(stderr.toFile()).start();
      Launcher<LanguageServer> launcher =
          LSPLauncher.createClientLauncher(
              new Client(published), process.getInputStream(), process.getOutputStream());
      launcher.startListening();
      server = launcher.getRemoteProxy();
      InitializeParams init = new InitializeParams();
      init.setProcessId((int) ProcessHandle.current().pid());
      // As VS Code: completion documentation is resolved when an item is selected, and what
      // every item of a list shares may come once for the list (vscode-languageclient 9's list).
      org.eclipse.lsp4j.CompletionItemCapabilities item =
          new org.eclipse.lsp4j.CompletionItemCapabilities(true);
      item.setResolveSupport(
          new org.eclipse.lsp4j.CompletionItemResolveSupportCapabilities(
              List.of("documentation", "detail", "additionalTextEdits")));
      org.eclipse.lsp4j.TextDocumentClientCapabilities text =
          new org.eclipse.lsp4j.TextDocumentClientCapabilities();
      org.eclipse.lsp4j.CompletionCapabilities completion =
          new org.eclipse.lsp4j.CompletionCapabilities(item);
      org.eclipse.lsp4j.CompletionListCapabilities list =
          new org.eclipse.lsp4j.CompletionListCapabilities();
      list.setItemDefaults(
          List.of("commitCharacters", "editRange", "insertTextFormat", "insertTextMode", "data"));
      completion.setCompletionList(list);
      text.setCompletion(completion);
      ClientCapabilities caps = new ClientCapabilities();
      caps.setTextDocument(text);
      init.setCapabilities(caps);
      try {
        server.initialize(init).get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(
            "the server did not initialize: "
                + String.join(" ", command)
                + "\n"
                + Files.readString(stderr),
            e);
      }
      server.initialized(new InitializedParams());
    }

    void open(String uri, String text) {
      open(uri, "json", text);
    }

    void open(String uri, String languageId, String text) {
      server
          .getTextDocumentService()
          .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, 1, text)));
    }

    int change(String uri, String text, int version) {
      int next = version + 1;
      server
          .getTextDocumentService()
          .didChange(
              new DidChangeTextDocumentParams(
                  new VersionedTextDocumentIdentifier(uri, next),
                  List.of(new TextDocumentContentChangeEvent(text))));
      return next;
    }

    void awaitDiagnostics(String uri, int version) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        PublishDiagnosticsParams p = published.poll(100, TimeUnit.MILLISECONDS);
        if (p != null
            && p.getUri().equals(uri)
            && Integer.valueOf(version).equals(p.getVersion())) {
          return;
        }
      }
      throw new IllegalStateException("no diagnostics for " + uri + " version " + version);
    }

    void complete(String uri, Position position) throws Exception {
      server
          .getTextDocumentService()
          .completion(new CompletionParams(new TextDocumentIdentifier(uri), position))
          .get(60, TimeUnit.SECONDS);
    }

    void hover(String uri, Position position) throws Exception {
      server
          .getTextDocumentService()
          .hover(new HoverParams(new TextDocumentIdentifier(uri), position))
          .get(60, TimeUnit.SECONDS);
    }

    long residentKiB() throws IOException {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      return -1;
    }

    @Override
    public void close() throws Exception {
      try {
        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit();
        process.waitFor(10, TimeUnit.SECONDS);
      } finally {
        process.destroyForcibly();
        Files.deleteIfExists(stderr);
      }
    }
  }

  private static Position position(String text, int offset) {
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(line, offset - lineStart);
  }

  private static final class Client implements LanguageClient {
    private final BlockingQueue<PublishDiagnosticsParams> published;

    Client(BlockingQueue<PublishDiagnosticsParams> published) {
      this.published = published;
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
      published.add(params);
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams params) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(
        ShowMessageRequestParams params) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {}
  }
}
