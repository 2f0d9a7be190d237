package dev.iampolicyls.cli;

import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.FindingType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one `check` found: the results sorted by path, and how many JSON files in folders were
 * skipped because they are not policies.
 */
record CheckRun(List<FileResult> files, int skipped) {
  static final int EXIT_CLEAN = 0;
  static final int EXIT_ERRORS = 1;
  static final int EXIT_UNREADABLE = 2;

  CheckRun {
    files = List.copyOf(files);
  }

  int findingCount() {
    return files.stream().mapToInt(f -> f.findings().size()).sum();
  }

  /** Findings per type, every type present (zero included), most severe first. */
  Map<FindingType, Integer> countsByType() {
    Map<FindingType, Integer> counts = new EnumMap<>(FindingType.class);
    for (FindingType type : FindingType.values()) {
      counts.put(type, 0);
    }
    for (FileResult file : files) {
      for (Finding finding : file.findings()) {
        counts.merge(finding.type(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** 2 when a path could not be read (it wins: the check is incomplete), 1 on any ERROR, else 0. */
  int exitCode() {
    return exitCode(FindingType.ERROR);
  }

  /**
   * 2 when a path could not be read, 1 when a finding is of type {@code failOn} or more severe,
   * else 0.
   */
  int exitCode(FindingType failOn) {
    if (files.stream().anyMatch(FileResult::unreadable)) {
      return EXIT_UNREADABLE;
    }
    Map<FindingType, Integer> counts = countsByType();
    for (FindingType type : FindingType.values()) {
      if (type.ordinal() <= failOn.ordinal() && counts.get(type) > 0) {
        return EXIT_ERRORS;
      }
    }
    return EXIT_CLEAN;
  }
}
