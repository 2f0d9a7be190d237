package dev.iampolicyls.checks;

import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import dev.iampolicyls.syntax.JsonNode;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An Allow with NotAction or NotResource: it grants everything it does not list, also what AWS or
 * the account adds later. Reported on the Not-element's key, with what it grants today (after
 * Deny). The two checks differ only in the element and the message.
 */
final class AllowWithNotElementCheck extends PolicyCheck {
  private final Predicate<Grant> uses;
  private final Function<Grant, JsonNode> key;
  private final BiFunction<Grant, GrantAnalysis, String> message;

  private AllowWithNotElementCheck(
      CheckCode code,
      Predicate<Grant> uses,
      Function<Grant, JsonNode> key,
      BiFunction<Grant, GrantAnalysis, String> message) {
    super(code);
    this.uses = uses;
    this.key = key;
    this.message = message;
  }

  /** NotAction: every action it does not list, with the count it grants today. */
  static AllowWithNotElementCheck notAction() {
    return new AllowWithNotElementCheck(
        CheckCode.ALLOW_WITH_NOT_ACTION,
        Grant::notAction,
        g -> g.actionProperty().orElseThrow().key(),
        (g, analysis) ->
            "Allow with NotAction grants every action it does not list: "
                + g.granted().cardinality()
                + " today ("
                + analysis.index().describe(g.granted(), 3)
                + "), and every action AWS adds later. List the allowed actions in Action instead.");
  }

  /** NotResource: every resource it does not list, also ones created later and elsewhere. */
  static AllowWithNotElementCheck notResource() {
    return new AllowWithNotElementCheck(
        CheckCode.ALLOW_WITH_NOT_RESOURCE,
        Grant::notResource,
        g -> g.statement().notResource().orElseThrow().key(),
        (g, analysis) ->
            "Allow with NotResource reaches every resource it does not list, also ones created"
                + " later, for "
                + analysis.index().describe(g.granted(), 3)
                + ". List the allowed resources in Resource instead.");
  }

  @Override
  public void run(CheckContext ctx) {
    if (!LeastPrivilege.judgesGrants(ctx)) {
      return;
    }
    GrantAnalysis analysis = LeastPrivilege.analysis(ctx);
    for (Grant g : analysis.allows()) {
      if (uses.test(g) && !g.granted().isEmpty()) {
        ctx.report(
            this, key.apply(g), message.apply(g, analysis) + LeastPrivilege.notes(g, g.granted()));
      }
    }
  }
}
