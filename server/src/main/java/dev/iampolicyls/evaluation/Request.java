package dev.iampolicyls.evaluation;

import java.util.Optional;

/**
 * One request to evaluate.
 *
 * @param action the action, {@code service:Name}
 * @param resource the resource ARN ({@code *} for actions that take no resource)
 * @param principal who makes it; empty when unknown (then only {@code "Principal": "*"} names it)
 * @param resourceAccount the account that owns the resource, when the ARN does not say (S3)
 * @param context the condition keys and their values
 */
public record Request(
    String action,
    String resource,
    Optional<RequestPrincipal> principal,
    Optional<String> resourceAccount,
    RequestContext context) {}
