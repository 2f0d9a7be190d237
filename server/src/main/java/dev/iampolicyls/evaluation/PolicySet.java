package dev.iampolicyls.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policies that take part in one request.
 *
 * @param identity the principal's identity-based policies (any of them may allow)
 * @param resource the resource's resource-based policy, if it has one
 * @param boundary the principal's permissions boundary, if it has one
 * @param session the session policy the session was created with, if any
 * @param scps service control policies: each one must allow (one per level of the organization
 *     above the principal's account: root, organizational units, the account)
 * @param rcps resource control policies: each one must allow, for the resource's account
 */
public record PolicySet(
    List<NamedPolicy> identity,
    Optional<NamedPolicy> resource,
    Optional<NamedPolicy> boundary,
    Optional<NamedPolicy> session,
    List<NamedPolicy> scps,
    List<NamedPolicy> rcps) {

  public PolicySet {
    identity = List.copyOf(identity);
    scps = List.copyOf(scps);
    rcps = List.copyOf(rcps);
  }

  /** Every policy, in the order reasons list them. */
  public List<NamedPolicy> all() {
    List<NamedPolicy> all = new ArrayList<>(identity);
    resource.ifPresent(all::add);
    boundary.ifPresent(all::add);
    session.ifPresent(all::add);
    all.addAll(scps);
    all.addAll(rcps);
    return all;
  }
}
