package dev.iampolicyls.cli;

import dev.iampolicyls.checks.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Findings accepted earlier, read from a previous {@code --format json} output. A finding is known
 * when a baseline entry has its file, code and JSON path; each entry excuses one finding, so a
 * second identical problem still shows.
 */
final class Baseline {
  private final Map<BaselineKey, Integer> known;

  private Baseline(Map<BaselineKey, Integer> known) {
    this.known = known;
  }

  static Baseline read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      throw new IOException("not a JSON report of iam-policy-ls check: " + e.getOriginalMessage());
    }
    JsonNode files = root.get("files");
    if (files == null || !files.isArray()) {
      throw new IOException("not a JSON report of iam-policy-ls check: it has no \"files\" array");
    }
    Map<BaselineKey, Integer> known = new HashMap<>();
    for (JsonNode entry : files) {
      String path = entry.path("path").asString("");
      for (JsonNode finding : entry.path("findings")) {
        List<Object> steps = new ArrayList<>();
        for (JsonNode step : finding.path("path")) {
          steps.add(step.isNumber() ? (Object) step.asInt() : step.asString());
        }
        BaselineKey key =
            new BaselineKey(path, finding.path("code").asString(""), BaselineKey.pathText(steps));
        known.merge(key, 1, Integer::sum);
      }
    }
    return new Baseline(known);
  }

  /** The run with only the findings that the baseline does not know. */
  CheckRun newFindings(CheckRun run) {
    Map<BaselineKey, Integer> left = new HashMap<>(known);
    List<FileResult> files = new ArrayList<>();
    for (FileResult file : run.files()) {
      List<Finding> kept = new ArrayList<>();
      for (Finding finding : file.findings()) {
        BaselineKey key =
            new BaselineKey(file.path(), finding.code().id(), BaselineKey.pathText(finding.path()));
        Integer count = left.get(key);
        if (count != null && count > 0) {
          left.put(key, count - 1);
        } else {
          kept.add(finding);
        }
      }
      files.add(file.withFindings(kept));
    }
    return new CheckRun(files, run.skipped());
  }
}
