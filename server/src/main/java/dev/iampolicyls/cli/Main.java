package dev.iampolicyls.cli;

import dev.iampolicyls.service.Warmup;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The entry point of the jar: `serve` for editors, `check` for people and CI. */
@Command(
    name = "iam-policy-ls",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A language server and checker for AWS IAM policies.")
public final class Main implements Runnable {
  /**
   * The subcommands by name, in the order the help lists them. Not in the annotation: picocli
   * builds each one's model by reflection (~25 ms of a one-file check's start), so a command line
   * that names one gets only that one (see {@link #subcommandsFor}).
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    byName.put("serve", ServeCommand.class);
    byName.put("check", CheckCommand.class);
    byName.put("update-catalog", UpdateCatalogCommand.class);
    byName.put("simulate", SimulateCommand.class);
    byName.put("compare", CompareCommand.class);
    byName.put("test", PolicyTestCommand.class);
    return Collections.unmodifiableMap(byName);
  }

  /** Exit code for a failure of the tool itself, kept apart from "the policies have errors". */
  static final int EXIT_INTERNAL_ERROR = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Where `check -` reads from; injectable so tests need not swap System.in. */
  final InputStream stdin;

  Main(InputStream stdin) {
    this.stdin = stdin;
  }

  public static void main(String[] args) {
    boolean serve = isPlainServe(args);
    if (serve) {
      Warmup.start(true);
    } else if (args.length > 0
        && args[0].equals("check")
        && !Arrays.asList(args).contains("--catalog")) {
      Warmup.start(false);
    }
    // Setting up logging takes tens of milliseconds: done beside LSP4J's or picocli's set-up,
    // and finished before the server reads its first message or a command runs (so before
    // anything logs above FINE; the warm-up logs only at FINE).
    Thread logging =
        new Thread("iam-policy-ls-logging") {
          @Override
          public void run() {
            RedactedLogs.install();
          }
        };
    logging.start();
    if (serve) {
      // What every editor runs, and it has no options to parse: straight to the server. Building
      // picocli's model (reflection over every command's annotations) would delay the first
      // diagnostics by a few hundred milliseconds; anything else goes through picocli below.
      System.exit(ServeCommand.serve(() -> awaitQuietly(logging)));
    }
    // Policies and JSON output are UTF-8 whatever the platform's default charset is.
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    CommandLine cli = commandLine(out, err, System.in, args);
    awaitQuietly(logging);
    System.exit(execute(cli, out, err, args));
  }

  private static void awaitQuietly(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code serve} or {@code serve --stdio}: the command line editors use. */
  static boolean isPlainServe(String[] args) {
    return (args.length == 1 && args[0].equals("serve"))
        || (args.length == 2 && args[0].equals("serve") && args[1].equals("--stdio"));
  }

  /** Runs the command line on the process's streams and returns the exit code. */
  public static int run(String... args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    return run(out, err, System.in, args);
  }

  /** Runs the command line on the given streams (tests call this) and returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, InputStream in, String... args) {
    return execute(commandLine(out, err, in, args), out, err, args);
  }

  private static int execute(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * The subcommands picocli needs for these arguments: the one the first argument names, else all
   * (the top-level help lists them all, and a mistyped name gets "did you mean").
   */
  static Collection<Class<?>> subcommandsFor(String... args) {
    Class<?> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
    return named != null ? List.of(named) : SUBCOMMANDS.values();
  }

  private static CommandLine commandLine(
      PrintWriter out, PrintWriter err, InputStream in, String... args) {
    CommandLine cli = new CommandLine(new Main(in));
    for (Class<?> subcommand : subcommandsFor(args)) {
      cli.addSubcommand(subcommand);
    }
    return cli.setCaseInsensitiveEnumValuesAllowed(true)
        .setOut(out)
        .setErr(err)
        // Usage errors exit 2 everywhere, not just where picocli's default applies.
        .setExitCodeExceptionMapper(
            e -> e instanceof CommandLine.ParameterException ? 2 : EXIT_INTERNAL_ERROR)
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> {
              // A bug, not bad input: one line, no stack trace, a distinct exit code.
              // Its class and place, not its message, which may quote a policy.
              commandLine
                  .getErr()
                  .println("iam-policy-ls: internal error: " + RedactedLogs.summary(e));
              return EXIT_INTERNAL_ERROR;
            });
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "Name a subcommand: serve, check, update-catalog, simulate, compare or test");
  }
}
