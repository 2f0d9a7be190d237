package dev.iampolicyls.completion;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.ResourceType;
import dev.iampolicyls.catalog.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resource ARNs in Resource and NotResource, built from the ARN formats of the resource types the
 * statement's actions support (and, once {@code arn:aws:SERVICE:} is typed, of that service's
 * types), completed with what is typed so far; and {@code *}.
 */
final class ResourceCompletions {
  /** Enough types for any real statement; bounds the list for statements over many services. */
  static final int MAX_TYPES = 300;

  private record Candidate(String service, ResourceType type, List<String> actions) {}

  void complete(Request r) {
    Proposals out = r.out();
    String typed = out.prefix();
    if (out.startsWithTyped("*")) {
      out.value(
          "*",
          CompletionKind.REFERENCE,
          "every resource",
          null,
          Proposals.sort(0, 0),
          Snippet.of("*"),
          true);
    }
    Map<String, Candidate> byFormat = new LinkedHashMap<>();
    for (Action a : StatementActions.of(r.catalog(), r.statement())) {
      for (ActionResource ar : a.resourceTypes()) {
        ResourceType type = ar.resourceType().orElse(null);
        if (type == null) {
          continue;
        }
        Candidate c = byFormat.get(type.arnFormat());
        if (c == null) {
          if (byFormat.size() >= MAX_TYPES) {
            continue;
          }
          c = new Candidate(a.service().prefix(), type, new ArrayList<>());
          byFormat.put(type.arnFormat(), c);
        }
        if (c.actions().size() < 10) {
          c.actions().add(a.qualifiedName());
        }
      }
    }
    typedService(r, typed)
        .ifPresent(
            s -> {
              for (ResourceType type : s.resourceTypes()) {
                byFormat.putIfAbsent(type.arnFormat(), new Candidate(s.prefix(), type, List.of()));
              }
            });
    int index = 0;
    for (Candidate c : byFormat.values()) {
      index++;
      // After a template tag (inside a !Sub) an open ${Name} would be taken for a reference.
      Optional<Snippet> arn =
          ArnTemplate.parse(c.type().arnFormat()).complete(typed, !r.syntax().tagged());
      if (arn.isEmpty()) {
        continue;
      }
      String label = arn.get().plain();
      out.value(
          label,
          CompletionKind.REFERENCE,
          c.service() + " " + c.type().name(),
          documentation(c),
          Proposals.sort(1, index),
          arn.get(),
          true);
    }
    if (r.inTemplate() && !r.syntax().tagged()) {
      templateForms(r, byFormat.values());
    }
    // Typed text is copied into the ARNs: they change with every keystroke.
    out.markIncomplete();
  }

  /** How many {@code Fn::Sub} forms with pseudo parameters a list offers at most. */
  static final int MAX_SUB_FORMS = 20;

  /**
   * In a template: the template's own resources of a fitting type, by reference ({@code !GetAtt
   * DataBucket.Arn}, {@code !Ref Topic}) or inside a Sub for the resources under them ({@code !Sub
   * '${DataBucket.Arn}/*'}); and each ARN as a Sub whose partition, Region and account are the
   * stack's pseudo parameters. Without actions in the statement, every resource with an ARN.
   */
  private static void templateForms(Request r, Iterable<Candidate> candidates) {
    Proposals out = r.out();
    if (!out.templateFormsFit()) {
      return;
    }
    List<Candidate> fitting = new ArrayList<>();
    candidates.forEach(fitting::add);
    int index = 0;
    // A template holds many resources of few types: each type's ARN format is looked up once.
    Map<String, String> formats = new HashMap<>();
    for (TemplateReference ref : r.references()) {
      String refFormat =
          formats.computeIfAbsent(
              ref.iamResourceType(),
              t ->
                  r.catalog()
                      .service(ref.service())
                      .flatMap(s -> s.resourceType(ref.typeName()))
                      .map(ResourceType::arnFormat)
                      .orElse(null));
      if (refFormat == null) {
        continue;
      }
      boolean whole = fitting.isEmpty();
      for (Candidate c : fitting) {
        String format = c.type().arnFormat();
        if (format.equals(refFormat)) {
          whole = true;
        } else if (isUnder(format, refFormat)) {
          Snippet body =
              Snippet.of(ref.subVariable())
                  .append(ArnTemplate.parse(format.substring(refFormat.length())).forSub("*"));
          out.sub(
              body,
              c.service() + " " + c.type().name() + " of " + ref.logicalId(),
              Proposals.sort(0, index++));
        }
      }
      if (whole) {
        out.reference(ref, Proposals.sort(0, 1 + index++));
      }
    }
    int subs = 0;
    for (Candidate c : fitting) {
      if (subs++ >= MAX_SUB_FORMS) {
        break;
      }
      out.sub(
          ArnTemplate.parse(c.type().arnFormat()).forSub(null),
          c.service() + " " + c.type().name() + ", in this stack's partition, Region and account",
          Proposals.sort(0, 100 + subs));
    }
  }

  /**
   * Whether an ARN format names something under another's resource: it goes on after it with a
   * {@code /} or {@code :}.
   */
  private static boolean isUnder(String format, String parent) {
    int n = parent.length();
    return format.length() > n
        && (format.charAt(n) == '/' || format.charAt(n) == ':')
        && format.startsWith(parent);
  }

  /** The service named in a typed ARN, {@code arn:aws:dynamodb:...}. */
  private static Optional<Service> typedService(Request r, String typed) {
    String[] parts = typed.split(":", -1);
    if (parts.length < 4 || !parts[0].equalsIgnoreCase("arn")) {
      return Optional.empty();
    }
    return r.catalog().service(parts[2]);
  }

  private static String documentation(Candidate c) {
    StringBuilder sb =
        new StringBuilder("Resource type `")
            .append(c.type().name())
            .append("` of ")
            .append(c.service())
            .append(": `")
            .append(c.type().arnFormat())
            .append('`');
    if (!c.actions().isEmpty()) {
      sb.append("\n\nUsed by ");
      for (int i = 0; i < c.actions().size(); i++) {
        sb.append(i == 0 ? "" : ", ").append('`').append(c.actions().get(i)).append('`');
      }
    }
    return sb.toString();
  }
}
