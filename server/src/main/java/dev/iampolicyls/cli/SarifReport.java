package dev.iampolicyls.cli;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.CheckDescriptions;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.checks.ReferenceUrls;
import dev.iampolicyls.syntax.TextPosition;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0 for code-scanning views: one rule per code that has results, each result with its
 * region (1-based, columns in UTF-16 code units like our offsets) and a fingerprint that survives
 * line moves.
 */
final class SarifReport {
  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  private SarifReport() {}

  static void write(CheckRun run, Catalog catalog, PrintWriter out) {
    out.print(
        JsonReport.MAPPER
            .writer()
            .with(JsonReport.PRETTY)
            .writeValueAsString(toSarif(run, catalog)));
    out.print('\n');
  }

  static ObjectNode toSarif(CheckRun run, Catalog catalog) {
    ObjectNode root = JsonReport.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode sarifRun = root.putArray("runs").addObject();
    ObjectNode driver = sarifRun.putObject("tool").putObject("driver");
    driver.put("name", JsonReport.TOOL_NAME);
    driver.put("version", VersionProvider.toolVersion());
    driver
        .putObject("properties")
        .put("catalog", catalog.sourcePackage() + " " + catalog.sourceVersion());

    Map<String, FindingType> codes = new TreeMap<>();
    run.files().forEach(f -> f.findings().forEach(x -> codes.putIfAbsent(x.code(), x.type())));
    Map<String, Integer> ruleIndex = new TreeMap<>();
    ArrayNode rules = driver.putArray("rules");
    for (Map.Entry<String, FindingType> code : codes.entrySet()) {
      ruleIndex.put(code.getKey(), rules.size());
      rules.add(rule(code.getKey(), code.getValue()));
    }
    sarifRun.put("columnKind", "utf16CodeUnits");

    ArrayNode results = sarifRun.putArray("results");
    for (FileResult file : run.files()) {
      for (Finding finding : file.findings()) {
        results.add(result(file, finding, ruleIndex.get(finding.code())));
      }
    }
    return root;
  }

  private static ObjectNode rule(String code, FindingType type) {
    ObjectNode rule = JsonReport.MAPPER.createObjectNode();
    rule.put("id", code);
    rule.putObject("shortDescription").put("text", CheckDescriptions.describe(code));
    ReferenceUrls.accessAnalyzer(code, type).ifPresent(url -> rule.put("helpUri", url));
    rule.putObject("defaultConfiguration").put("level", level(type));
    rule.putObject("properties").put("findingType", type.name());
    return rule;
  }

  private static ObjectNode result(FileResult file, Finding finding, int ruleIndex) {
    ObjectNode result = JsonReport.MAPPER.createObjectNode();
    result.put("ruleId", finding.code());
    result.put("ruleIndex", ruleIndex);
    result.put("level", level(finding.type()));
    String message = finding.message();
    if (file.decodedPositions() && file.source() != null) {
      TextPosition at = file.source().positionAt(finding.offset());
      // The policy was URL-encoded in the file: a region there would point at the wrong text.
      message +=
          " (at line "
              + (at.line() + 1)
              + ", column "
              + (at.character() + 1)
              + " of the decoded policy document)";
    }
    result.putObject("message").put("text", message);
    ObjectNode location = result.putArray("locations").addObject();
    ObjectNode physical = location.putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", uri(file.artifactPath()));
    if (file.source() != null && !file.decodedPositions()) {
      physical.set("region", region(file.source(), finding.offset(), finding.end()));
      ArrayNode related = JsonReport.MAPPER.createArrayNode();
      int id = 1;
      for (Finding.Related r : finding.related()) {
        ObjectNode rel = related.addObject();
        rel.put("id", id++);
        ObjectNode relPhysical = rel.putObject("physicalLocation");
        relPhysical.putObject("artifactLocation").put("uri", uri(file.artifactPath()));
        relPhysical.set("region", region(file.source(), r.offset(), r.offset() + r.length()));
        rel.putObject("message").put("text", r.message());
      }
      if (!related.isEmpty()) {
        result.set("relatedLocations", related);
      }
    }
    if (file.embeddedName() != null) {
      location
          .putArray("logicalLocations")
          .addObject()
          .put("fullyQualifiedName", file.embeddedName())
          .put("kind", "object");
    }
    result
        .putObject("partialFingerprints")
        .put(Fingerprint.KEY, Fingerprint.of(file.path(), finding, file.source()));
    return result;
  }

  private static ObjectNode region(SourceText document, int start, int end) {
    TextPosition from = document.positionAt(start);
    TextPosition to = document.positionAt(Math.max(start, end));
    ObjectNode region = JsonReport.MAPPER.createObjectNode();
    region.put("startLine", from.line() + 1);
    region.put("startColumn", from.character() + 1);
    region.put("endLine", to.line() + 1);
    region.put("endColumn", to.character() + 1);
    return region;
  }

  static String level(FindingType type) {
    return switch (type) {
      case ERROR -> "error";
      case SECURITY_WARNING, WARNING -> "warning";
      case SUGGESTION -> "note";
    };
  }

  /** A relative URI reference: '/' kept, everything outside the unreserved set percent-encoded. */
  static String uri(String path) {
    StringBuilder s = new StringBuilder();
    for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/".indexOf(c) >= 0) {
        s.append(c);
      } else {
        s.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return s.toString();
  }
}
