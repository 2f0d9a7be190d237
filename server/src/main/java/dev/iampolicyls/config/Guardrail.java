package dev.iampolicyls.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Access that no policy may grant: actions, optionally only on some resources, in the files a glob
 * picks (all when none is given). The GUARDRAIL_VIOLATION check reports statements that grant it.
 *
 * @param base the folder the files glob is relative to
 * @param name how findings name it
 * @param actions action patterns ({@code iam:*User*}, or {@code *} for every action)
 * @param resources ARN patterns; empty means every resource
 * @param files the files it applies to, or null for every file
 * @param reason why it exists, for the finding's message, or null
 */
public record Guardrail(
    Path base,
    String name,
    List<String> actions,
    List<String> resources,
    Glob files,
    String reason) {

  public Guardrail {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
  }

  /** Whether it applies to a document; one without a path gets only the guardrails for all. */
  public boolean appliesTo(Path document) {
    return files == null || (document != null && Paths.matches(base, files, document));
  }
}
