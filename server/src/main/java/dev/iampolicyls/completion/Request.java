package dev.iampolicyls.completion;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;
import java.util.List;

/**
 * What a provider needs for one completion.
 *
 * @param declaredType the policy type the caller gave, or null
 * @param type the declared type, else the one inferred from the text
 * @param statement the statement around the cursor, or null outside any
 * @param references in a template, its resources whose references give ARNs; null outside any
 *     template
 */
record Request(
    Catalog catalog,
    Policy policy,
    PolicyType declaredType,
    PolicyType type,
    Statement statement,
    CursorContext context,
    Proposals out,
    List<TemplateReference> references) {

  /** Whether the caller said the type, so element rules can be applied strictly. */
  boolean typeDeclared() {
    return declaredType != null;
  }

  boolean inTemplate() {
    return references != null;
  }

  HostSyntax syntax() {
    return out.syntax();
  }
}
