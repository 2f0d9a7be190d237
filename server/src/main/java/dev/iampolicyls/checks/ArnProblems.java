package dev.iampolicyls.checks;

import dev.iampolicyls.cache.BoundedMemo;
import dev.iampolicyls.catalog.ArnFormats;
import dev.iampolicyls.catalog.ArnNamespaces;
import dev.iampolicyls.catalog.AwsRegions;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ResourceType;
import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What is wrong with one ARN of a Resource or NotResource element, field by field. The ARN checks
 * share this reading and each reports the problems of its own code, so one ARN is parsed the same
 * way by all of them. A broken prefix, field count, partition or service stops the reading there:
 * the later fields mean nothing then. Whether a service's ARNs carry a Region or an account comes
 * from the catalog's ARN formats of the resource types the ARN can name.
 */
final class ArnProblems {
  record Problem(CheckCode code, String message) {}

  /**
   * Services whose ARN formats name an account, yet whose AWS-owned resources (SSM documents and
   * public parameters, Resource Explorer's service views, ...) AWS's own policies write with an
   * empty account.
   */
  private static final Set<String> AWS_OWNED_WITHOUT_ACCOUNT =
      Set.of("ssm", "resource-explorer-2", "kms");

  private ArnProblems() {}

  /** Reports every problem of the check's code in the Resource and NotResource elements. */
  static void report(PolicyCheck check, CheckContext context) {
    for (Found f : byCode(context).getOrDefault(check.code(), List.of())) {
      context.report(check, f.element().node(), f.problem().message());
    }
  }

  private record Found(StringElement element, Problem problem) {}

  /**
   * Every problem of the policy's ARNs by code, in document order: found in one walk for all twelve
   * checks (most ARNs have none, and the walk was most of their time), each ARN's analysis
   * remembered per catalog.
   */
  private static Map<CheckCode, List<Found>> byCode(CheckContext context) {
    return context.shared(
        ArnProblems.class,
        (c, key) -> {
          Map<CheckCode, List<Found>> found = new HashMap<>();
          for (Statement s : c.policy().statements()) {
            for (StringElement e : s.resources()) {
              for (Problem p : of(e.value(), c.catalog())) {
                Problem forStatement =
                    p.code() == CheckCode.INVALID_ARN_RESOURCE
                        ? nearestForStatement(p, e.value(), s, c.catalog())
                        : p;
                found
                    .computeIfAbsent(p.code(), k -> new ArrayList<>())
                    .add(new Found(e, forStatement));
              }
            }
          }
          return found;
        });
  }

  /**
   * INVALID_ARN_RESOURCE offers the formats of the resource types the statement's actions act on,
   * when they name some in the ARN's namespace ({@link NearestArnFormats}); the problem remembered
   * per ARN offers the namespace's.
   */
  private static Problem nearestForStatement(Problem p, String text, Statement s, Catalog catalog) {
    List<String> fields = ArnText.fields(text);
    String namespace = fields.get(2).toLowerCase(Locale.ROOT);
    List<String> formats = NearestArnFormats.offered(s, namespace, catalog);
    return new Problem(p.code(), NearestArnFormats.message(fields.get(5), namespace, formats));
  }

  /**
   * The problems of one Resource string. The same ARNs come back on every keystroke and across
   * files: each is analysed once per catalog.
   */
  static List<Problem> of(String text, Catalog catalog) {
    return BoundedMemo.remember(
        catalog.<List<Problem>>memo(ArnProblems.class),
        text,
        20_000,
        catalog,
        (c, t) -> List.copyOf(analyse(t, c)));
  }

  private static List<Problem> analyse(String text, Catalog catalog) {
    List<Problem> out = new ArrayList<>(2);
    if (text.equals("*")) {
      return out;
    }
    if (!ArnText.mayStartWithArnPrefix(text)) {
      out.add(
          new Problem(
              CheckCode.INVALID_ARN_PREFIX,
              "\"" + text + "\" is not an ARN: resource ARNs start with arn:, or use * for all"));
      return out;
    }
    List<String> f = ArnText.fields(text);
    if (f.size() < 6) {
      if (text.indexOf('*') < 0) { // a star may stand for the missing fields
        out.add(
            new Problem(
                CheckCode.MISSING_ARN_FIELD,
                "\""
                    + text
                    + "\" has "
                    + f.size()
                    + " of the 6 ARN fields: write it as"
                    + " arn:partition:service:region:account:resource"));
      }
      return out;
    }
    if (!partitionOk(f.get(1))) {
      out.add(
          new Problem(
              CheckCode.INVALID_PARTITION,
              "\""
                  + f.get(1)
                  + "\" is not an AWS partition: use one of "
                  + String.join(", ", AwsRegions.partitions())));
      return out;
    }
    String service = f.get(2);
    if (ArnText.isPattern(service)) {
      return out; // which service is meant is not known, so neither are its ARN formats
    }
    ArnNamespaces namespaces = ArnNamespaces.of(catalog);
    if (service.isEmpty() || !namespaces.isKnown(service)) {
      out.add(
          new Problem(
              CheckCode.INVALID_SERVICE,
              service.isEmpty()
                  ? "\"" + text + "\" has no service: put the service after the partition"
                  : "\"" + service + "\" is not an AWS service namespace in ARNs"));
      return out;
    }
    String lower = service.toLowerCase(Locale.ROOT);
    if (!service.equals(lower)) {
      out.add(
          new Problem(
              CheckCode.INVALID_ARN_SERVICE_CASE,
              "The service \"" + service + "\" in an ARN is written in lowercase: " + lower));
    }
    List<String> types = new ArrayList<>();
    for (ResourceType t : namespaces.resourceTypes(lower)) {
      types.addAll(ArnText.formats(t));
    }
    if (types.isEmpty()) {
      return out; // the catalog has no ARN format for this namespace: nothing to compare
    }
    String resourcePart = f.get(5);
    if (resourcePart.isEmpty() || wrongSeparator(types, resourcePart)) {
      out.add(
          new Problem(
              CheckCode.INVALID_ARN_RESOURCE,
              NearestArnFormats.message(resourcePart, lower, types)));
    }
    List<String> candidates = namable(types, resourcePart);
    if (candidates.isEmpty()) {
      candidates = types;
    }
    region(out, lower, f.get(1), f.get(3), candidates);
    account(out, lower, f.get(4), candidates);
    return out;
  }

  /**
   * Whether the resource part starts with a resource type the service has but joins it to the name
   * with a slash where the service writes a colon, as {@code function/x} for Lambda's {@code
   * function:x}. The catalog does not list every resource AWS's own policies name, so a type it
   * lacks is not reported: only a known type written the wrong way.
   */
  private static boolean wrongSeparator(List<String> types, String resourcePart) {
    String head = typeHead(resourcePart);
    if (head == null || !head.endsWith("/")) {
      // Only type/name where the service writes type:name. The other way round (type:name for
      // type/name) is left alone: AWS's own policies write pricingplanmanager subscriptions so.
      return false;
    }
    String token = head.substring(0, head.length() - 1);
    boolean tokenKnown = false;
    for (String t : types) {
      List<String> formatFields = ArnText.formatFields(t);
      String formatHead = typeHead(formatFields.get(formatFields.size() - 1));
      if (formatHead == null) {
        return false; // a format that starts with a name, not a type: anything may fit it
      }
      if (formatHead.equals(head)) {
        return false;
      }
      tokenKnown |= formatHead.substring(0, formatHead.length() - 1).equals(token);
    }
    return tokenKnown;
  }

  /** The resource type and its separator ({@code function:}), or null when not literal text. */
  private static String typeHead(String resourcePart) {
    for (int i = 0; i < resourcePart.length(); i++) {
      char c = resourcePart.charAt(i);
      if (c == '/' || c == ':') {
        return resourcePart.substring(0, i + 1);
      }
      if (c == '*' || c == '?' || c == '$') {
        return null;
      }
    }
    return null;
  }

  private static boolean partitionOk(String partition) {
    if (ArnText.hasVariable(partition)) {
      return true;
    }
    if (ArnText.isPattern(partition)) {
      return AwsRegions.anyPartitionMatches(partition);
    }
    return AwsRegions.isPartition(partition);
  }

  /** The resource types whose format's resource part can match the ARN's resource part. */
  private static List<String> namable(List<String> types, String resourcePart) {
    ArnFormats.PolicyArn anyPrefix =
        ArnFormats.PolicyArn.of("arn:*:*:*:*:" + ArnText.variablesAsWildcards(resourcePart));
    List<String> out = new ArrayList<>();
    for (String t : types) {
      if (ArnFormats.fits(t, anyPrefix)) {
        out.add(t);
      }
    }
    return out;
  }

  private static String formatField(String t, int index) {
    List<String> f = ArnText.formatFields(t);
    return f.size() == 6 ? f.get(index) : "*";
  }

  private static void region(
      List<Problem> out, String service, String partition, String region, List<String> candidates) {
    boolean anyAllows = false;
    boolean allRequire = true;
    for (String t : candidates) {
      String field = formatField(t, 3);
      anyAllows |= !field.isEmpty();
      allRequire &= !field.isEmpty() && !field.equals("${Any}");
    }
    if (region.isEmpty()) {
      if (allRequire) {
        out.add(
            new Problem(
                CheckCode.MISSING_ARN_REGION,
                service + " ARNs name a Region: add one (e.g. us-east-1), or * for any"));
      }
      return;
    }
    if (!anyAllows) {
      if (!ArnText.canBeEmpty(region)) {
        out.add(
            new Problem(
                CheckCode.ARN_REGION_NOT_ALLOWED,
                service
                    + " ARNs have no Region: remove \""
                    + region
                    + "\" and leave the field empty"));
      }
      return;
    }
    if (ArnText.hasVariable(region)) {
      return;
    }
    if (ArnText.isPattern(region)) {
      if (!AwsRegions.anyRegionMatches(region)) {
        out.add(
            new Problem(
                CheckCode.INVALID_ARN_REGION,
                "\"" + region + "\" matches no AWS Region: fix the Region"));
      }
      return;
    }
    if (!AwsRegions.isRegion(region)) {
      out.add(
          new Problem(
              CheckCode.INVALID_ARN_REGION,
              "\"" + region + "\" is not an AWS Region: use a Region code such as us-east-1"));
      return;
    }
    String regionPartition = AwsRegions.partitionOf(region).orElse(partition);
    if (!ArnText.isPattern(partition) && !regionPartition.equals(partition)) {
      out.add(
          new Problem(
              CheckCode.INVALID_ARN_REGION,
              "The Region "
                  + region
                  + " is in the partition "
                  + regionPartition
                  + ", not "
                  + partition
                  + ": fix the partition or the Region"));
    }
  }

  private static void account(
      List<Problem> out, String service, String account, List<String> candidates) {
    boolean anyAllows = false;
    boolean allRequire = true;
    List<String> literals = new ArrayList<>();
    for (String t : candidates) {
      String field = formatField(t, 4);
      anyAllows |= !field.isEmpty();
      allRequire &= !field.isEmpty() && !field.equals("${Any}");
      if (!field.isEmpty() && !ArnText.isPattern(field)) {
        literals.add(field);
      }
    }
    if (account.isEmpty()) {
      if (allRequire && !AWS_OWNED_WITHOUT_ACCOUNT.contains(service)) {
        out.add(
            new Problem(
                CheckCode.MISSING_ARN_ACCOUNT,
                service
                    + " ARNs name the owning account: add its 12-digit ID, or * for any account"));
      }
      return;
    }
    if (!anyAllows) {
      if (!ArnText.canBeEmpty(account)) {
        out.add(
            new Problem(
                CheckCode.ARN_ACCOUNT_NOT_ALLOWED,
                service
                    + " ARNs have no account: remove \""
                    + account
                    + "\" and leave the field empty"));
      }
      return;
    }
    if (ArnText.isPattern(account)) {
      return;
    }
    if (!ArnText.isAccountId(account)
        && !account.equals("aws")
        && literals.stream().noneMatch(l -> WildcardMatcher.matches(l, account))) {
      out.add(
          new Problem(
              CheckCode.INVALID_ARN_ACCOUNT,
              "\"" + account + "\" is not an account ID: use the 12-digit ID, or * for any"));
    }
  }
}
