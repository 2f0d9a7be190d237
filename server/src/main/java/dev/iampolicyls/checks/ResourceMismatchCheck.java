package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.semantics.ResourceFit;
import dev.iampolicyls.semantics.ResourceFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a statement names that can never apply, both ways ({@link ResourceFit}): a Resource ARN or
 * pattern that no action of the statement acts on ({@code arn:aws:s3:::bucket} for {@code
 * s3:GetObject}, which acts on objects; {@code arn:aws:s3:::bucket/*} for {@code s3:ListBucket},
 * which acts on buckets; an SQS queue for {@code sns:Publish}), and an action that acts on none of
 * the statement's resources ({@code s3:GetObject} beside {@code s3:ListBucket} on a bucket). When
 * no Resource fits any action, only the Resources are reported. Silent whenever the catalog cannot
 * decide, and on a Resource another ARN check already reports.
 */
final class ResourceMismatchCheck extends PolicyCheck {
  /** Resource types named in a message before "and N more". */
  private static final int TYPES_SHOWN = 3;

  ResourceMismatchCheck() {
    super(CheckCode.RESOURCE_MISMATCH);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      ResourceFit.Misfits misfits =
          ResourceFit.of(
              context.catalog(),
              s,
              r -> !ArnProblems.of(r, context.catalog()).isEmpty()); // one mistake, one finding
      for (ResourceFit.ResourceMisfit m : misfits.resources()) {
        context.report(this, m.resource().node(), resourceMessage(m));
      }
      for (ResourceFit.ActionMisfit m : misfits.actions()) {
        context.report(this, m.action().node(), actionMessage(m));
      }
    }
  }

  private static String resourceMessage(ResourceFit.ResourceMisfit m) {
    String what =
        m.names().isEmpty()
            ? "it is none of the resource types the actions support"
            : "it names "
                + describe(m.names(), ", ")
                + ", and the actions act on "
                + describe(m.accepted(), ", ");
    return "No action of this statement acts on \""
        + m.resource().value()
        + "\": "
        + what
        + ". Fix the ARN or the actions.";
  }

  private static String actionMessage(ResourceFit.ActionMisfit m) {
    Set<String> names = new LinkedHashSet<>();
    for (Action a : m.actions()) {
      names.add(a.qualifiedName());
    }
    String subject =
        names.size() == 1
            ? names.iterator().next() + " acts on "
            : "The actions \"" + m.action().value() + "\" names act on ";
    return subject
        + describe(m.accepted(), " or ")
        + " resources, and no Resource of this statement is one: it never applies here. Add such a"
        + " Resource, or move the action to a statement that names one.";
  }

  /** "s3 bucket, s3 accesspoint and 2 more": resource types for a message. */
  private static String describe(List<ResourceFormat> types, String separator) {
    List<String> labels = new ArrayList<>();
    for (ResourceFormat f : types) {
      if (!labels.contains(f.label())) {
        labels.add(f.label());
      }
    }
    if (labels.size() <= TYPES_SHOWN) {
      return String.join(separator, labels);
    }
    return String.join(separator, labels.subList(0, TYPES_SHOWN))
        + " and "
        + (labels.size() - TYPES_SHOWN)
        + " more";
  }
}
