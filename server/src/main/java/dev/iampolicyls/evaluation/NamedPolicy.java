package dev.iampolicyls.evaluation;

import dev.iampolicyls.policy.Policy;

/**
 * A parsed policy and where it came from.
 *
 * @param source how reasons name it (a file path)
 * @param role the part it plays
 * @param policy the parsed policy
 */
public record NamedPolicy(String source, PolicyRole role, Policy policy) {}
