package dev.iampolicyls.service;

import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.util.List;

/**
 * What the service knows about one version of a document: its policy view, the policy type it was
 * checked as, whether it looks like a policy at all, and the findings.
 */
public record Analysis(
    Policy policy, PolicyType policyType, boolean isPolicy, List<Finding> findings) {}
