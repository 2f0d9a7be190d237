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
 * @param scps service control policies by level of the organization above the principal's account
 *     (root, organizational units, the account): at each level some policy must allow
 * @param rcps resource control policies by level above the resource's account, the same way (AWS
 *     attaches RCPFullAWSAccess at every level: give it beside deny-only RCPs)
 */
public record PolicySet(
    List<NamedPolicy> identity,
    Optional<NamedPolicy> resource,
    Optional<NamedPolicy> boundary,
    Optional<NamedPolicy> session,
    List<List<NamedPolicy>> scps,
    List<List<NamedPolicy>> rcps) {

  public PolicySet {
    identity = List.copyOf(identity);
    scps = scps.stream().map(List::copyOf).toList();
    rcps = rcps.stream().map(List::copyOf).toList();
  }

  /** Every policy, in the order reasons list them. */
  public List<NamedPolicy> all() {
    List<NamedPolicy> all = new ArrayList<>(identity);
    resource.ifPresent(all::add);
    boundary.ifPresent(all::add);
    session.ifPresent(all::add);
    scps.forEach(all::addAll);
    rcps.forEach(all::addAll);
    return all;
  }
}
