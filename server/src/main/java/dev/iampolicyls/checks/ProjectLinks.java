package dev.iampolicyls.checks;

/** Where the project lives on the web: links in diagnostics, reports and `--list-checks`. */
public final class ProjectLinks {
  public static final String REPOSITORY = "https://github.com/iam-policy-ls/iam-policy-ls";

  /** The docs folder as browsed on the main branch; pages are relative to it. */
  public static final String DOCS_BASE = REPOSITORY + "/blob/main/docs/";

  private ProjectLinks() {}
}
