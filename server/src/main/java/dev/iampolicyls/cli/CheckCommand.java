package dev.iampolicyls.cli;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.config.CheckSetting;
import dev.iampolicyls.config.ConfigFiles;
import dev.iampolicyls.config.ConfigLoader;
import dev.iampolicyls.config.ConfigProblem;
import dev.iampolicyls.config.ProjectConfig;
import dev.iampolicyls.policy.PolicyResourceType;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.service.PolicyLanguageService;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.TextPosition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
          + " is skipped. A file named explicitly is always checked (unless it is YAML and no"
          + " template).",
      "Text output shows positions as path:line:column, 1-based; JSON output uses LSP ranges"
          + " (0-based lines, UTF-16 characters, end exclusive).",
      "Settings come from .iam-policy-ls.json in the current folder or the nearest one above it"
          + " (or --config); the options below override it."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no finding of the --fail-on type (default ERROR) or a more severe one",
      "1:at least one such finding (after --baseline)",
      "2:usage error, a path could not be read, or the configuration has errors (the other"
          + " paths are still checked)",
      "3:internal error"
    })
final class CheckCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    sarif
  }

  @CommandLine.ParentCommand Main main;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
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

  @Option(
      names = "--resource-type",
      paramLabel = "TYPE",
      converter = ResourceTypeConverter.class,
      description =
          "The resource every resource policy is attached to: AWS::S3::Bucket,"
              + " AWS::S3::AccessPoint, AWS::S3::MultiRegionAccessPoint,"
              + " AWS::S3ObjectLambda::AccessPoint, AWS::IAM::AssumeRolePolicyDocument (a role"
              + " trust policy), AWS::DynamoDB::Table, AWS::EC2::VPCEndpoint (a VPC endpoint"
              + " policy).")
  PolicyResourceType resourceType;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The configuration file. Default: .iam-policy-ls.json in the current folder or the"
              + " nearest folder above it.")
  Path config;

  @Option(names = "--disable", paramLabel = "CODE", description = "Turn a check off (repeatable).")
  List<String> disabled = new ArrayList<>();

  @Option(
      names = "--severity",
      paramLabel = "CODE=TYPE",
      description =
          "Report a check's findings as ERROR, SECURITY_WARNING, WARNING or SUGGESTION"
              + " (repeatable).")
  List<String> severities = new ArrayList<>();

  @Option(
      names = "--fail-on",
      paramLabel = "TYPE",
      defaultValue = "ERROR",
      description =
          "The least severe finding type that makes the exit code 1: ERROR, SECURITY_WARNING,"
              + " WARNING or SUGGESTION (default: ${DEFAULT-VALUE}).")
  FindingType failOn;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "A previous --format json output: report only findings not in it (matched by file,"
              + " code and JSON path, not by line).")
  Path baseline;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description = "Also write every finding of this run, as --format json, to FILE.")
  Path writeBaseline;

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description =
          "Skip files and folders under searched folders that match (repeatable; .gitignore"
              + " style: a pattern without '/' matches any name, ** any folders).")
  List<String> excludes = new ArrayList<>();

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      description =
          "Colour the text output: auto (on a terminal, unless NO_COLOR is set), always, never.")
  Colors.Mode color;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Check on N threads (default: one per core). The output does not depend on it.")
  Integer threads;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "Use this catalog (written by update-catalog) instead of the bundled one.")
  Path catalogFile;

  @Option(
      names = "--list-checks",
      description = "List every check: code, finding type and what it finds; then exit.")
  boolean listChecks;

  @Override
  public Integer call() {
    Catalog catalog;
    try {
      catalog = CatalogChoice.load(catalogFile);
    } catch (IOException e) {
      spec.commandLine().getErr().println("iam-policy-ls: cannot use --catalog: " + e.getMessage());
      return CheckRun.EXIT_UNREADABLE;
    }
    PolicyLanguageService service =
        catalog == Catalog.bundled()
            ? PolicyLanguageService.bundled() // already warming up, see Main
            : new PolicyLanguageService(catalog);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (listChecks) {
      listChecks(service, out);
      return CheckRun.EXIT_CLEAN;
    }
    if (paths == null || paths.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Name at least one PATH to check (or - for stdin)");
    }
    boolean configProblems = false;
    ProjectConfig project = ProjectConfig.EMPTY;
    Optional<Path> configFile =
        config != null ? Optional.of(config) : ConfigFiles.findFrom(Path.of(""));
    if (configFile.isPresent()) {
      project = ConfigFiles.read(configFile.get());
      configProblems = !project.problems().isEmpty();
      printProblems(configFile.get(), project.problems(), err);
    }
    AnalysisSettings settings = commandLineSettings(AnalysisSettings.of(project));
    Baseline known = null;
    if (baseline != null) {
      try {
        known = Baseline.read(baseline);
      } catch (IOException e) {
        err.println("iam-policy-ls: cannot use --baseline " + baseline + ": " + e.getMessage());
        return CheckRun.EXIT_UNREADABLE;
      }
    }
    List<PolicyFiles.Input> inputs = PolicyFiles.discover(paths, new Excludes(excludes));
    boolean terminal = System.console() != null;
    JsonReport.FileParts jsonParts = new JsonReport.FileParts();
    boolean writesJson = format == Format.json || writeBaseline != null;
    CheckRun run =
        new PolicyChecker(service, settings, main.stdin)
            .check(
                inputs,
                threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors(),
                ProgressBar.forRun(inputs.size(), terminal, err),
                writesJson ? jsonParts::prepare : result -> {});
    boolean baselineFailed = false;
    if (writeBaseline != null) {
      try {
        Reports.writeBaseline(run, catalog, jsonParts, writeBaseline);
      } catch (IOException e) {
        // The findings are still worth printing; the exit code says the run was not all it should.
        err.println("iam-policy-ls: cannot write --write-baseline " + writeBaseline + ": " + e);
        baselineFailed = true;
      }
    }
    if (known != null) {
      run = known.newFindings(run);
    }
    Reports.write(
        format,
        run,
        CheckList.enabled(service.diagnostics().checks(), settings.forDocument(null)),
        catalog,
        jsonParts,
        out,
        err,
        Colors.choose(color, System.getenv("NO_COLOR"), terminal));
    // A broken configuration means the run did not check what was asked: like an unreadable path.
    return configProblems || baselineFailed ? CheckRun.EXIT_UNREADABLE : run.exitCode(failOn);
  }

  private AnalysisSettings commandLineSettings(AnalysisSettings settings) {
    if (policyType != null && resourceType != null && resourceType.policyType() != policyType) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--resource-type "
              + resourceType
              + " goes with --policy-type "
              + resourceType.policyType()
              + ", not "
              + policyType);
    }
    AnalysisSettings s = settings.withPolicyType(policyType).withResourceType(resourceType);
    Set<String> known = ConfigLoader.knownCodes();
    for (String code : disabled) {
      s = s.withCheck(knownCode(code.trim(), known), CheckSetting.OFF);
    }
    for (String entry : severities) {
      int eq = entry.indexOf('=');
      CheckSetting setting =
          eq < 0 ? null : CheckSetting.parse(entry.substring(eq + 1)).orElse(null);
      if (setting == null || setting.off()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--severity takes CODE=TYPE with TYPE one of ERROR, SECURITY_WARNING, WARNING,"
                + " SUGGESTION, not '"
                + entry
                + "'");
      }
      s = s.withCheck(knownCode(entry.substring(0, eq).trim(), known), setting);
    }
    return s;
  }

  private String knownCode(String code, Set<String> known) {
    if (!known.contains(code)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "unknown finding code '" + code + "'; --list-checks lists them");
    }
    return code;
  }

  private static void listChecks(PolicyLanguageService service, PrintWriter out) {
    List<PolicyCheck> checks = CheckList.distinct(service.diagnostics().checks());
    int width = checks.stream().mapToInt(c -> c.code().id().length()).max().orElse(0);
    for (PolicyCheck check : checks) {
      // The page last, on the same line: `--list-checks | grep CODE` finds it with the rest.
      out.println(
          String.format(
              "%-" + width + "s  %-16s  %s  %s",
              check.code().id(),
              check.type(),
              check.description(),
              check.code().docPage().orElse("")));
    }
  }

  /** Configuration problems as compiler-style lines on stderr, 1-based like the text report. */
  private static void printProblems(Path file, List<ConfigProblem> problems, PrintWriter err) {
    if (problems.isEmpty()) {
      return;
    }
    String text = "";
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // the problem itself says the file cannot be read
    }
    JsonDocument document = JsonDocument.parse(text);
    String name = file.normalize().toString().replace('\\', '/');
    for (ConfigProblem p : problems) {
      TextPosition at = document.positionAt(Math.min(p.offset(), text.length()));
      err.println(
          name + ":" + (at.line() + 1) + ":" + (at.character() + 1) + ": error: " + p.message());
    }
  }

  /** Accepts AWS::S3::Bucket and the other resource type names, in any case. */
  static final class ResourceTypeConverter
      implements CommandLine.ITypeConverter<PolicyResourceType> {
    @Override
    public PolicyResourceType convert(String value) {
      return PolicyResourceType.parse(value)
          .orElseThrow(
              () ->
                  new CommandLine.TypeConversionException(
                      "unknown resource type '"
                          + value
                          + "'; expected one of "
                          + Arrays.toString(PolicyResourceType.values())));
    }
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
