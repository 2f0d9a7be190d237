package dev.iampolicyls.cli;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.service.PolicyLanguageService;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `check`: batch diagnostics for files, folders and stdin. Wiring only; the work is elsewhere. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Check policy files and folders.",
      "Folders are searched recursively for *.json files that look like IAM policies; other JSON"
          + " is skipped. A file named explicitly is always checked.",
      "Text output shows positions as path:line:column, 1-based; JSON output uses LSP ranges"
          + " (0-based lines, UTF-16 characters, end exclusive)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no finding of type ERROR",
      "1:at least one ERROR finding",
      "2:usage error, or a path could not be read (the other paths are still checked)",
      "3:internal error"
    })
final class CheckCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @CommandLine.ParentCommand Main main;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Policy files, folders to search, or - for stdin.")
  List<String> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--policy-type",
      paramLabel = "TYPE",
      converter = PolicyTypeConverter.class,
      description =
          "Check every file as this type: IDENTITY_POLICY, RESOURCE_POLICY, TRUST_POLICY,"
              + " SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY. Default: inferred per file.")
  PolicyType policyType;

  @Override
  public Integer call() {
    Catalog catalog = Catalog.bundled();
    PolicyChecker checker =
        new PolicyChecker(new PolicyLanguageService(catalog), policyType, main.stdin);
    CheckRun run = checker.check(PolicyFiles.discover(paths));
    if (format == Format.json) {
      JsonReport.write(run, catalog, spec.commandLine().getOut());
      // JSON carries unreadable paths as entries; stderr still names them for people watching CI.
      run.files().stream()
          .filter(FileResult::unreadable)
          .forEach(
              f ->
                  spec.commandLine()
                      .getErr()
                      .println(f.path() + ": cannot read: " + f.readProblem()));
    } else {
      TextReport.write(run, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
    return run.exitCode();
  }

  /** Accepts the type names in any case, with - or _ (resource-policy, RESOURCE_POLICY). */
  static final class PolicyTypeConverter implements CommandLine.ITypeConverter<PolicyType> {
    @Override
    public PolicyType convert(String value) {
      return PolicyType.parse(value)
          .orElseThrow(
              () ->
                  new CommandLine.TypeConversionException(
                      "unknown policy type '"
                          + value
                          + "'; expected one of "
                          + Arrays.toString(PolicyType.values())));
    }
  }
}
