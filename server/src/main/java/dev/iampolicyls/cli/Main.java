package dev.iampolicyls.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The entry point of the jar: `serve` for editors, `check` for people and CI. */
@Command(
    name = "iam-policy-ls",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A language server and checker for AWS IAM policies.",
    subcommands = {ServeCommand.class, CheckCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of main). */
  public static int run(String... args) {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Name a subcommand: serve or check");
  }
}
