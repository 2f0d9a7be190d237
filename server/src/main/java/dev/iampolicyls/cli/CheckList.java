package dev.iampolicyls.cli;

import dev.iampolicyls.checks.PolicyCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checks as `--list-checks` shows them: one per code (two classes may share one), by code. */
final class CheckList {
  private CheckList() {}

  static List<PolicyCheck> distinct(List<PolicyCheck> checks) {
    Map<String, PolicyCheck> byCode = new LinkedHashMap<>();
    for (PolicyCheck check : checks) {
      byCode.putIfAbsent(check.code(), check);
    }
    List<PolicyCheck> list = new ArrayList<>(byCode.values());
    list.sort(Comparator.comparing(PolicyCheck::code));
    return list;
  }
}
