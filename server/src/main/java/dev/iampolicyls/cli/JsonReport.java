package dev.iampolicyls.cli;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.syntax.TextPosition;
import java.io.PrintWriter;
import java.util.Map;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The machine-readable report (the shape is fixed by the checks reference): built as a Jackson tree
 * so keys come out in the order we add them, the same on every run.
 */
final class JsonReport {
  static final String TOOL_NAME = "iam-policy-ls";

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  /**
   * Two-space indent, {@code "key": value}, {@code []} for empty arrays and '\n' line ends on every
   * platform, so the output diffs cleanly and reads like the reference.
   */
  static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                  .withArrayEmptySeparator("")
                  .withObjectEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private JsonReport() {}

  static void write(CheckRun run, Catalog catalog, PrintWriter out) {
    // Straight to the writer: a batch's report is megabytes, no need to hold it as one string.
    MAPPER
        .writer()
        .with(PRETTY)
        .without(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .writeValue(out, toJson(run, catalog));
    out.print('\n');
  }

  static ObjectNode toJson(CheckRun run, Catalog catalog) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode tool = root.putObject("tool");
    tool.put("name", TOOL_NAME);
    tool.put("version", VersionProvider.toolVersion());
    ObjectNode catalogNode = tool.putObject("catalog");
    catalogNode.put("source", catalog.sourcePackage());
    catalogNode.put("version", catalog.sourceVersion());

    ArrayNode files = root.putArray("files");
    for (FileResult file : run.files()) {
      ObjectNode entry = files.addObject();
      entry.put("path", file.path());
      entry.put("policyType", file.policyType().name());
      if (file.decodedPositions()) {
        // The policy was URL-encoded in the file: ranges are in the decoded document.
        entry.put("rangesIn", "decodedDocument");
      }
      ArrayNode findings = entry.putArray("findings");
      for (Finding finding : file.findings()) {
        findings.add(finding(finding, file.source()));
      }
    }

    ObjectNode summary = root.putObject("summary");
    summary.put("files", run.files().size());
    summary.put("findings", run.findingCount());
    for (Map.Entry<FindingType, Integer> count : run.countsByType().entrySet()) {
      summary.put(count.getKey().name(), count.getValue());
    }
    return root;
  }

  private static ObjectNode finding(Finding finding, SourceText document) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("code", finding.code());
    node.put("findingType", finding.type().name());
    node.put("message", finding.message());
    ArrayNode path = node.putArray("path");
    for (Object step : finding.path()) {
      if (step instanceof Integer index) {
        path.add(index);
      } else {
        path.add(String.valueOf(step));
      }
    }
    ObjectNode range = node.putObject("range");
    range.set("start", position(document, finding.offset()));
    range.set("end", position(document, finding.end()));
    return node;
  }

  /**
   * An LSP position (0-based, UTF-16); an unreadable file has no text, so its findings sit at 0:0.
   */
  private static ObjectNode position(SourceText document, int offset) {
    TextPosition p = document != null ? document.positionAt(offset) : new TextPosition(0, 0);
    ObjectNode node = MAPPER.createObjectNode();
    node.put("line", p.line());
    node.put("character", p.character());
    return node;
  }
}
