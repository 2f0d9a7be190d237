package dev.iampolicyls.catalog;

import java.util.Locale;
import java.util.Map;

/**
 * Links into the AWS Service Authorization Reference.
 *
 * <p>Each service has a page {@code list_<slug>.html}; each action on it has the anchor {@code
 * #<slug>-<ActionName>}, with the action name in its exact (documented) case, e.g. {@code
 * list_amazons3.html#amazons3-GetObject}. The slug is derived from the service's display name.
 *
 * <p>What was verified (Nov 2026, against links to docs.aws.amazon.com found in public pages and
 * repositories): the slug is the service name lower-cased with spaces and parentheses removed, but
 * hyphens and dots are KEPT. So it is not "strip every non-alphanumeric":
 *
 * <ul>
 *   <li>"Amazon S3" -> {@code amazons3}; anchors {@code #amazons3-GetObject}, {@code
 *       #amazons3-actions-as-permissions}
 *   <li>"AWS Identity and Access Management (IAM)" -> {@code awsidentityandaccessmanagementiam}
 *   <li>"Amazon EC2" -> {@code amazonec2}
 *   <li>"AWS X-Ray" -> {@code awsx-ray}; "AWS Well-Architected Tool" -> {@code
 *       awswell-architectedtool}; "Multi-party approval" -> {@code multi-partyapproval}; "Amazon
 *       Application Recovery Controller - Zonal Shift" -> {@code
 *       amazonapplicationrecoverycontroller-zonalshift}
 *   <li>"Amazon AppStream 2.0" -> {@code amazonappstream2.0}; "AWS Microservice Extractor for .NET"
 *       -> {@code awsmicroserviceextractorfor.net}
 *   <li>Exception: "AWS Service - Oracle Database@AWS" -> {@code awsservice-oracledatabase_aws}
 *       (the '@' becomes '_'); kept in {@link #SLUG_EXCEPTIONS}.
 * </ul>
 *
 * <p>Also seen: AWS has begun publishing some pages under a prefix-based name ({@code list_s3.html}
 * with anchors {@code #list_s3-...}) on the China-region docs site. The name-based pages are what
 * docs.aws.amazon.com links to, so those are what we generate.
 */
public final class DocumentationUrls {
  private DocumentationUrls() {}

  public static final String BASE =
      "https://docs.aws.amazon.com/service-authorization/latest/reference/";

  /** Service prefix -> page slug, for services whose slug does not follow the rule. */
  static final Map<String, String> SLUG_EXCEPTIONS = Map.of("odb", "awsservice-oracledatabase_aws");

  /** The page slug for a service. */
  public static String slug(String prefix, String serviceName) {
    String exception = SLUG_EXCEPTIONS.get(prefix.toLowerCase(Locale.ROOT));
    if (exception != null) {
      return exception;
    }
    String lower = serviceName.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** URL of the service's page. */
  public static String servicePage(String slug) {
    return BASE + "list_" + slug + ".html";
  }

  /** URL of an action's row on its service's page. */
  public static String action(String slug, String actionName) {
    return servicePage(slug) + "#" + slug + "-" + actionName;
  }
}
