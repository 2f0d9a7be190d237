package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyVariables;
import dev.iampolicyls.policy.PolicyVariables.Problem;
import dev.iampolicyls.policy.PolicyVariables.Variable;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The policy variable checks: one walk over the strings that hold variables, reporting each
 * variable on its own text. The checks differ only in the policy Version they apply to, the kinds
 * of site they look at, which variables they flag and what they say, so each is a factory here
 * rather than a class.
 */
final class VariableCheck extends PolicyCheck {
  /** The message for one flagged variable; {@code text} is the variable as written. */
  private interface Message {
    String of(VariableSites.Site site, Variable variable, String text);
  }

  private final Predicate<Policy> appliesTo;
  private final Set<VariableSites.Kind> sites;
  private final Predicate<Variable> flagged;
  private final Message message;

  private VariableCheck(
      CheckCode code,
      Predicate<Policy> appliesTo,
      Set<VariableSites.Kind> sites,
      Predicate<Variable> flagged,
      Message message) {
    super(code);
    this.appliesTo = appliesTo;
    this.sites = sites;
    this.flagged = flagged;
    this.message = message;
  }

  /**
   * A syntax problem of a variable where IAM resolves it: a Resource or a String/ARN condition
   * value of a policy whose Version resolves variables.
   */
  private static VariableCheck syntax(CheckCode code, Problem problem, Message message) {
    return new VariableCheck(
        code,
        VariableSites::versionResolvesVariables,
        EnumSet.of(VariableSites.Kind.RESOURCE, VariableSites.Kind.STRING_CONDITION_VALUE),
        v -> v.problem() == problem,
        message);
  }

  /** A policy variable without its closing brace: IAM does not resolve it. */
  static VariableCheck missingBrace() {
    return syntax(
        CheckCode.MISSING_BRACE_IN_VARIABLE,
        Problem.MISSING_BRACE,
        (site, v, text) ->
            "The policy variable '"
                + text
                + "' has no closing brace: add } after the variable name");
  }

  /** A variable's default value not wrapped in single quotes. */
  static VariableCheck missingQuote() {
    return syntax(
        CheckCode.MISSING_QUOTE_IN_VARIABLE,
        Problem.MISSING_QUOTE,
        (site, v, text) ->
            "The default value in '"
                + text
                + "' must begin and end with a single quote, as in ${"
                + v.name()
                + ", 'default'}");
  }

  /** A space in a variable's name; only the default value after ", " may hold spaces. */
  static VariableCheck unsupportedSpace() {
    return syntax(
        CheckCode.UNSUPPORTED_SPACE_IN_VARIABLE,
        Problem.SPACE,
        (site, v, text) ->
            "The policy variable '"
                + text
                + "' has a space in its name '"
                + v.name()
                + "': remove the space (only a quoted default value may contain spaces)");
  }

  /** {@code ${}} with no variable name between the braces. */
  static VariableCheck empty() {
    return syntax(
        CheckCode.EMPTY_VARIABLE,
        Problem.EMPTY,
        (site, v, text) ->
            "The policy variable '"
                + text
                + "' is empty: put a variable name such as aws:username between the braces, or"
                + " remove it");
  }

  /**
   * A policy variable in Action, NotAction, Principal or NotPrincipal: IAM resolves variables only
   * in Resource and in condition values, so elsewhere the text is matched literally.
   */
  static VariableCheck unsupportedInElement() {
    return new VariableCheck(
        CheckCode.VARIABLE_UNSUPPORTED_IN_ELEMENT,
        VariableSites::versionResolvesVariables,
        EnumSet.of(VariableSites.Kind.UNSUPPORTED_ELEMENT),
        v -> true,
        (site, v, text) ->
            "Policy variables work only in the Resource and Condition elements: remove '"
                + text
                + "' from "
                + site.element());
  }

  /**
   * A policy variable in a policy without {@code "Version": "2012-10-17"}: the 2008-10-17 language
   * (also what a missing Version means) matches the variable's text literally.
   */
  static VariableCheck unsupportedInVersion() {
    return new VariableCheck(
        CheckCode.VARIABLE_UNSUPPORTED_IN_VERSION,
        VariableSites::versionTreatsVariablesAsText,
        EnumSet.complementOf(EnumSet.of(VariableSites.Kind.UNSUPPORTED_ELEMENT)),
        v -> v.problem() == Problem.NONE,
        (site, v, text) ->
            "Without \"Version\": \"2012-10-17\" the variable '"
                + text
                + "' is matched as literal text: set the policy Version to 2012-10-17");
  }

  /**
   * A policy variable in a value of a Numeric, Date, Bool, Binary, IP address or Null operator: IAM
   * resolves variables only for String and ARN operators.
   */
  static VariableCheck invalidForOperator() {
    return new VariableCheck(
        CheckCode.INVALID_VARIABLE_FOR_OPERATOR,
        VariableSites::versionResolvesVariables,
        EnumSet.of(VariableSites.Kind.OTHER_CONDITION_VALUE),
        v -> true,
        (site, v, text) ->
            "Policy variables work only with String and ARN operators, not with "
                + site.operator()
                + ": replace '"
                + text
                + "' with a literal value");
  }

  @Override
  public void run(CheckContext context) {
    if (!appliesTo.test(context.policy())) {
      return;
    }
    for (VariableSites.Site site : VariableSites.of(context)) {
      if (!sites.contains(site.kind())) {
        continue;
      }
      String value = site.node().value();
      for (Variable v : PolicyVariables.scan(value)) {
        if (flagged.test(v)) {
          String text = value.substring(v.start(), v.end());
          StringParts.report(
              context, this, site.node(), v.start(), v.length(), message.of(site, v, text));
        }
      }
    }
  }
}
