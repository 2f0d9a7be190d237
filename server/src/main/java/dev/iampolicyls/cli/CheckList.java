package dev.iampolicyls.cli;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.config.DocumentSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checks as `--list-checks` shows them: one per code (two classes may share one), by code. */
final class CheckList {
  private CheckList() {}

  /**
   * The codes of the checks the settings leave on, with the type their findings get: the rules of a
   * SARIF report.
   */
  static Map<CheckCode, FindingType> enabled(List<PolicyCheck> checks, DocumentSettings settings) {
    Map<CheckCode, FindingType> enabled = new LinkedHashMap<>();
    for (PolicyCheck check : distinct(checks)) {
      if (settings.reports(check.code().id())) {
        enabled.put(check.code(), settings.typeFor(check.code().id(), check.type()));
      }
    }
    return enabled;
  }

  static List<PolicyCheck> distinct(List<PolicyCheck> checks) {
    Map<CheckCode, PolicyCheck> byCode = new LinkedHashMap<>();
    for (PolicyCheck check : checks) {
      byCode.putIfAbsent(check.code(), check);
    }
    List<PolicyCheck> list = new ArrayList<>(byCode.values());
    list.sort(Comparator.comparing(check -> check.code().id()));
    return list;
  }
}
