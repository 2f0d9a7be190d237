package dev.iampolicyls.cli;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.evaluation.ContextArguments;
import dev.iampolicyls.evaluation.NamedPolicy;
import dev.iampolicyls.evaluation.PolicyRole;
import dev.iampolicyls.evaluation.PolicySet;
import dev.iampolicyls.evaluation.Request;
import dev.iampolicyls.evaluation.RequestContext;
import dev.iampolicyls.evaluation.RequestPrincipal;
import dev.iampolicyls.evaluation.Simulator;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policytest.Expectation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `simulate`: evaluates one request against policies offline. Wiring only; see evaluation/. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Decide whether AWS would allow one request, following the IAM User Guide's policy"
          + " evaluation logic, offline: Allowed, ImplicitDeny or ExplicitDeny, with the"
          + " statements that decided and why each other statement did not apply.",
      "See docs/simulate.md for the rules implemented and what is left out."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the request was evaluated (and matched --expect, if given)",
      "1:the decision differs from --expect",
      "2:usage error, or a policy file that cannot be read or parsed"
    })
final class SimulateCommand implements Callable<Integer> {
  static final int EXIT_RAN = 0;
  static final int EXIT_UNEXPECTED = 1;
  static final int EXIT_USAGE = 2;

  enum Format {
    text,
    json
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--action",
      required = true,
      paramLabel = "SERVICE:ACTION",
      description = "The action, such as s3:GetObject.")
  String action;

  @Option(
      names = "--resource",
      defaultValue = "*",
      paramLabel = "ARN",
      description =
          "The resource ARN (default: ${DEFAULT-VALUE}, for actions that take no resource).")
  String resource;

  @Option(
      names = "--principal",
      paramLabel = "ARN",
      description =
          "Who makes the request: an IAM user or role ARN, a role session"
              + " (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION), a federated user, an account"
              + " ID or root ARN, or a service principal (s3.amazonaws.com).")
  String principal;

  @Option(
      names = "--resource-account",
      paramLabel = "ACCOUNT",
      description = "The account that owns the resource, for ARNs without one (S3 buckets).")
  String resourceAccount;

  @Option(
      names = "--context",
      paramLabel = "KEY=VALUE",
      description =
          "A condition key of the request (repeatable); KEY=V1,V2 for a multi-valued key.")
  List<String> context = new ArrayList<>();

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "An identity-based policy of the principal (repeatable).")
  List<Path> identityPolicies = new ArrayList<>();

  @Option(
      names = "--resource-policy",
      paramLabel = "FILE",
      description =
          "The resource's resource-based policy: a bucket, queue or KMS key policy, or the trust"
              + " policy of the role to assume.")
  Path resourcePolicy;

  @Option(
      names = "--boundary",
      paramLabel = "FILE",
      description = "The principal's permissions boundary.")
  Path boundary;

  @Option(
      names = "--session-policy",
      paramLabel = "FILE",
      description = "The session policy of the principal's session.")
  Path sessionPolicy;

  @Option(
      names = "--scp",
      paramLabel = "FILE[,FILE...]",
      description =
          "The service control policies of one organization level (root, an OU, the account),"
              + " comma-separated; repeat for each level. Some policy of every level must allow.")
  List<String> scps = new ArrayList<>();

  @Option(
      names = "--rcp",
      paramLabel = "FILE[,FILE...]",
      description =
          "The resource control policies of one level, like --scp. AWS attaches RCPFullAWSAccess"
              + " at every level: name it beside a deny-only RCP.")
  List<String> rcps = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--expect",
      paramLabel = "DECISION",
      description =
          "Exit 1 unless the decision is this: Allowed, Denied (either deny), ImplicitDeny or"
              + " ExplicitDeny.")
  Expectation expect;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "Use this catalog (written by update-catalog) to type context keys.")
  Path catalogFile;

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      Request request = request();
      PolicySet policies = policies();
      Simulator.Result result = Simulator.simulate(request, policies);
      if (result.accounts() == Simulator.Accounts.UNDETERMINED) {
        throw new UnusableInput(
            "the resource ARN names no account and the decision depends on whether it is the"
                + " principal's ("
                + result.principalAccount().orElse("")
                + "): give --resource-account");
      }
      PrintWriter out = spec.commandLine().getOut();
      if (format == Format.json) {
        SimulationReport.json(request, result, out);
      } else {
        SimulationReport.text(request, result, out);
      }
      return expect == null || expect.meets(result.evaluation().decision())
          ? EXIT_RAN
          : EXIT_UNEXPECTED;
    } catch (UnusableInput e) {
      err.println("iam-policy-ls simulate: " + e.getMessage());
      return EXIT_USAGE;
    }
  }

  private Request request() throws UnusableInput {
    if (ActionName.parse(action).isEmpty()) {
      throw new UnusableInput(
          "--action takes SERVICE:ACTION, such as s3:GetObject, not '" + action + "'");
    }
    Optional<RequestPrincipal> who = Optional.empty();
    if (principal != null) {
      who = RequestPrincipal.parse(principal);
      if (who.isEmpty()) {
        throw new UnusableInput(
            "--principal '"
                + principal
                + "' is not an IAM user, role, role session, federated user, account or service"
                + " principal");
      }
    }
    if (resourceAccount != null && !ACCOUNT_ID.matcher(resourceAccount).matches()) {
      throw new UnusableInput(
          "--resource-account takes a 12-digit account ID, not '" + resourceAccount + "'");
    }
    Catalog catalog;
    try {
      catalog = CatalogChoice.load(catalogFile);
    } catch (IOException e) {
      throw new UnusableInput("cannot use --catalog: " + e.getMessage());
    }
    if (catalog.action(action).isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "iam-policy-ls simulate: warning: the catalog does not know the action " + action);
    }
    RequestContext requestContext;
    try {
      requestContext = ContextArguments.parse(context, catalog);
    } catch (ContextArguments.Invalid e) {
      throw new UnusableInput(e.getMessage());
    }
    return new Request(action, resource, who, Optional.ofNullable(resourceAccount), requestContext);
  }

  private PolicySet policies() throws UnusableInput {
    List<NamedPolicy> identity = new ArrayList<>();
    for (Path p : identityPolicies) {
      identity.add(PolicyFileReader.read(p, PolicyRole.IDENTITY));
    }
    return new PolicySet(
        identity,
        optional(resourcePolicy, PolicyRole.RESOURCE),
        optional(boundary, PolicyRole.PERMISSIONS_BOUNDARY),
        optional(sessionPolicy, PolicyRole.SESSION),
        levels(scps, PolicyRole.SCP),
        levels(rcps, PolicyRole.RCP));
  }

  private static List<List<NamedPolicy>> levels(List<String> options, PolicyRole role)
      throws UnusableInput {
    List<List<NamedPolicy>> levels = new ArrayList<>();
    for (String option : options) {
      List<NamedPolicy> level = new ArrayList<>();
      for (String file : option.split(",")) {
        if (!file.isBlank()) {
          level.add(PolicyFileReader.read(Path.of(file.strip()), role));
        }
      }
      levels.add(level);
    }
    return levels;
  }

  private Optional<NamedPolicy> optional(Path file, PolicyRole role) throws UnusableInput {
    return file == null ? Optional.empty() : Optional.of(PolicyFileReader.read(file, role));
  }
}
