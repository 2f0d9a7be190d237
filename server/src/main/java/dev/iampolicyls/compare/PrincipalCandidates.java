package dev.iampolicyls.compare;

import dev.iampolicyls.evaluation.RequestPrincipal;
import dev.iampolicyls.policy.PrincipalEntry;
import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The principals worth trying against the Principal and NotPrincipal elements of resource policies:
 * each principal they name, for each account named the root user, a user and a role of the account,
 * a session of each role named, a service nobody names, a user of an account nobody names, and no
 * principal at all (an anonymous request). Principal elements compare names exactly, so these tell
 * apart every class of principals the elements can.
 */
final class PrincipalCandidates {
  private PrincipalCandidates() {}

  static final String OTHER_ACCOUNT = "999988887777";

  /** The candidates, and the entries that name no principal the evaluator can build. */
  record Result(List<Optional<RequestPrincipal>> principals, List<String> unsupported) {}

  static Result of(List<Statement> statements) {
    Set<String> texts = new LinkedHashSet<>();
    List<String> unsupported = new ArrayList<>();
    Set<String> accounts = new LinkedHashSet<>();
    for (Statement s : statements) {
      for (PrincipalEntry e : Principals.ofBoth(s)) {
        String v = e.value();
        if (v.equals("*")) {
          continue;
        }
        if (e.isAws() || e.isService() || e.isFederated()) {
          Optional<RequestPrincipal> p = RequestPrincipal.parse(v);
          if (p.isEmpty()) {
            if (!e.isFederated()) {
              unsupported.add(e.key() + " \"" + v + "\"");
            }
            continue;
          }
          texts.add(v);
          RequestPrincipal rp = p.get();
          if (!rp.account().isEmpty()) {
            accounts.add(rp.partition() + ":" + rp.account());
          }
          if (rp.kind() == RequestPrincipal.Kind.ROLE) {
            texts.add(
                "arn:"
                    + rp.partition()
                    + ":sts::"
                    + rp.account()
                    + ":assumed-role/"
                    + rp.name()
                    + "/session");
          }
        } else {
          unsupported.add(e.key() + " \"" + v + "\"");
        }
      }
    }
    for (String a : accounts) {
      String partition = a.substring(0, a.indexOf(':'));
      String account = a.substring(a.indexOf(':') + 1);
      texts.add("arn:" + partition + ":iam::" + account + ":root");
      texts.add("arn:" + partition + ":iam::" + account + ":user/another-user");
      texts.add("arn:" + partition + ":iam::" + account + ":role/another-role");
    }
    texts.add("arn:aws:iam::" + OTHER_ACCOUNT + ":user/someone-else");
    texts.add("another-service.amazonaws.com");
    Map<String, Optional<RequestPrincipal>> out = new LinkedHashMap<>();
    for (String t : texts) {
      RequestPrincipal.parse(t).ifPresent(p -> out.putIfAbsent(t, Optional.of(p)));
    }
    List<Optional<RequestPrincipal>> list = new ArrayList<>(out.values());
    list.add(Optional.empty());
    return new Result(list, unsupported);
  }
}
