package dev.iampolicyls.cli;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.compare.CompareOptions;
import dev.iampolicyls.compare.Comparison;
import dev.iampolicyls.compare.PolicyComparison;
import dev.iampolicyls.evaluation.PolicyRole;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `compare`: does NEW grant anything OLD does not? Wiring only; see compare/. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Decide whether the NEW policy allows any request the OLD one denies, offline, and show a"
          + " request that proves it for each kind of new access.",
      "See docs/compare.md for what is decided exactly and when the answer is UNKNOWN."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:PASS: NEW allows nothing OLD denies",
      "1:FAIL: NEW allows requests OLD denies (witnesses printed)",
      "2:usage error, or a policy file that cannot be read or parsed",
      "3:internal error",
      "4:UNKNOWN: the comparison could not decide (reasons printed)"
    })
final class CompareCommand implements Callable<Integer> {
  static final int EXIT_PASS = 0;
  static final int EXIT_FAIL = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_UNKNOWN = 4;

  enum Format {
    text,
    json
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--policy-type",
      paramLabel = "TYPE",
      converter = CheckCommand.PolicyTypeConverter.class,
      description =
          "Compare both files as this type: IDENTITY_POLICY, RESOURCE_POLICY, TRUST_POLICY,"
              + " SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY. Default: inferred from NEW.")
  PolicyType policyType;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--string-semantics",
      description =
          "Read actions and resources as plain strings, as Access Analyzer does: an action the"
              + " catalog does not know, or an ARN no action takes, counts as new access too.")
  boolean stringSemantics;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "Use this catalog (written by update-catalog) for actions and ARN formats.")
  Path catalogFile;

  @Parameters(index = "0", paramLabel = "OLD", description = "The policy as it was.")
  Path oldFile;

  @Parameters(index = "1", paramLabel = "NEW", description = "The policy as it is proposed.")
  Path newFile;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      Policy oldPolicy = PolicyFileReader.read(oldFile, PolicyRole.IDENTITY).policy();
      Policy newPolicy = PolicyFileReader.read(newFile, PolicyRole.IDENTITY).policy();
      Catalog catalog;
      try {
        catalog = CatalogChoice.load(catalogFile);
      } catch (IOException e) {
        throw new UnusableInput("cannot use --catalog: " + e.getMessage());
      }
      PolicyType type = policyType != null ? policyType : PolicyType.infer(newPolicy);
      Comparison result =
          PolicyComparison.compare(
              oldPolicy,
              newPolicy,
              new CompareOptions(type, stringSemantics, catalog, CompareOptions.DEFAULT_MAX_CELLS));
      PrintWriter out = spec.commandLine().getOut();
      if (format == Format.json) {
        ComparisonReport.json(result, out);
      } else {
        ComparisonReport.text(result, type, out);
      }
      return switch (result.verdict()) {
        case PASS -> EXIT_PASS;
        case FAIL -> EXIT_FAIL;
        case UNKNOWN -> EXIT_UNKNOWN;
      };
    } catch (UnusableInput e) {
      err.println("iam-policy-ls compare: " + e.getMessage());
      return EXIT_USAGE;
    }
  }
}
