package dev.iampolicyls.policy;

import java.util.Locale;
import java.util.Optional;

/** The kinds of policy Access Analyzer validates; they decide which elements are required. */
public enum PolicyType {
  IDENTITY_POLICY,
  RESOURCE_POLICY,
  TRUST_POLICY,
  SERVICE_CONTROL_POLICY,
  RESOURCE_CONTROL_POLICY;

  public static Optional<PolicyType> parse(String name) {
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A policy type guessed from the text when nobody said: a Principal makes it a resource policy,
   * and a Principal with only sts:AssumeRole* actions and no Resource makes it a role trust policy
   * (trust policies never name a resource; an RCP or STS perimeter policy about these actions
   * does).
   */
  public static PolicyType infer(Policy policy) {
    if (!policy.hasPrincipal()) {
      return IDENTITY_POLICY;
    }
    boolean anyAction = false;
    for (Statement s : policy.statements()) {
      if (s.resourceOrNotResource().isPresent()) {
        return RESOURCE_POLICY;
      }
      for (StringElement a : s.actions()) {
        anyAction = true;
        String action = a.value().toLowerCase(Locale.ROOT);
        if (!action.startsWith("sts:assumerole")
            && !action.equals("sts:tagsession")
            && !action.equals("sts:setsourceidentity")
            && !action.equals("sts:setcontext")) {
          return RESOURCE_POLICY;
        }
      }
    }
    return anyAction ? TRUST_POLICY : RESOURCE_POLICY;
  }

  public boolean isResourceBased() {
    return this == RESOURCE_POLICY || this == TRUST_POLICY;
  }

  public boolean isOrganizationsPolicy() {
    return this == SERVICE_CONTROL_POLICY || this == RESOURCE_CONTROL_POLICY;
  }
}
