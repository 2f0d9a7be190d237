package dev.iampolicyls.cli;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.syntax.TextPosition;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JsonGenerator;

/**
 * SARIF 2.1.0 for code-scanning views: one rule per code that ran (every enabled check, so a clean
 * run still says what it checked, and any other code that has results), each result with its rule's
 * index, its region (1-based, columns in UTF-16 code units like our offsets) and a fingerprint that
 * survives line moves.
 *
 * <p>A rule's {@code helpUri} is {@link CheckCode#helpLink()}: Access Analyzer's section for its
 * codes, our page for ours. Our page, which every check code has, is also in {@code help.text} and
 * in the rule's {@code properties.docPage}, so an Access Analyzer code links to both.
 */
final class SarifReport {
  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  private SarifReport() {}

  /**
   * @param enabled the codes of the checks that ran, with the type their findings get
   */
  static void write(
      CheckRun run, Map<CheckCode, FindingType> enabled, Catalog catalog, PrintWriter out) {
    try (JsonGenerator g = JsonReport.generator(out)) {
      g.writeStartObject();
      g.writeStringProperty("$schema", SCHEMA);
      g.writeStringProperty("version", "2.1.0");
      g.writeName("runs");
      g.writeStartArray();
      g.writeStartObject();
      g.writeName("tool");
      g.writeStartObject();
      g.writeName("driver");
      g.writeStartObject();
      g.writeStringProperty("name", JsonReport.TOOL_NAME);
      g.writeStringProperty("version", VersionProvider.toolVersion());
      g.writeName("properties");
      g.writeStartObject();
      g.writeStringProperty("catalog", catalog.sourcePackage() + " " + catalog.sourceVersion());
      g.writeEndObject();

      Map<CheckCode, FindingType> codes = new TreeMap<>(Comparator.comparing(CheckCode::id));
      codes.putAll(enabled);
      run.files().forEach(f -> f.findings().forEach(x -> codes.putIfAbsent(x.code(), x.type())));
      Map<CheckCode, Integer> ruleIndex = new HashMap<>();
      g.writeName("rules");
      g.writeStartArray();
      for (Map.Entry<CheckCode, FindingType> code : codes.entrySet()) {
        ruleIndex.put(code.getKey(), ruleIndex.size());
        rule(g, code.getKey(), code.getValue());
      }
      g.writeEndArray();
      g.writeEndObject(); // driver
      g.writeEndObject(); // tool
      g.writeStringProperty("columnKind", "utf16CodeUnits");

      g.writeName("results");
      g.writeStartArray();
      for (FileResult file : run.files()) {
        for (Finding finding : file.findings()) {
          result(g, file, finding, ruleIndex.get(finding.code()));
        }
      }
      g.writeEndArray();
      g.writeEndObject(); // the run
      g.writeEndArray();
      g.writeEndObject();
    }
    out.print('\n');
  }

  private static void rule(JsonGenerator g, CheckCode code, FindingType type) {
    g.writeStartObject();
    g.writeStringProperty("id", code.id());
    g.writeName("shortDescription");
    text(g, code.description());
    Optional<String> help = code.helpLink();
    if (help.isPresent()) {
      g.writeStringProperty("helpUri", help.get());
    }
    Optional<String> page = code.docPage();
    if (page.isPresent()) {
      g.writeName("help");
      text(
          g,
          code.description()
              + " Documentation: "
              + page.get()
              + code.accessAnalyzerReference()
                  .map(aa -> " (IAM Access Analyzer's reference: " + aa + ")")
                  .orElse(""));
    }
    g.writeName("defaultConfiguration");
    g.writeStartObject();
    g.writeStringProperty("level", level(type));
    g.writeEndObject();
    g.writeName("properties");
    g.writeStartObject();
    g.writeStringProperty("findingType", type.name());
    if (page.isPresent()) {
      g.writeStringProperty("docPage", page.get());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void result(JsonGenerator g, FileResult file, Finding finding, int ruleIndex) {
    g.writeStartObject();
    g.writeStringProperty("ruleId", finding.code().id());
    g.writeNumberProperty("ruleIndex", ruleIndex);
    g.writeStringProperty("level", level(finding.type()));
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
    g.writeName("message");
    text(g, message);
    g.writeName("locations");
    g.writeStartArray();
    g.writeStartObject();
    g.writeName("physicalLocation");
    g.writeStartObject();
    artifact(g, file);
    boolean regions = file.source() != null && !file.decodedPositions();
    if (regions) {
      region(g, file.source(), finding.offset(), finding.end());
    }
    g.writeEndObject();
    if (file.embeddedName() != null) {
      g.writeName("logicalLocations");
      g.writeStartArray();
      g.writeStartObject();
      g.writeStringProperty("fullyQualifiedName", file.embeddedName());
      g.writeStringProperty("kind", "object");
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndArray();
    if (regions && !finding.related().isEmpty()) {
      g.writeName("relatedLocations");
      g.writeStartArray();
      int id = 1;
      for (Finding.Related r : finding.related()) {
        g.writeStartObject();
        g.writeNumberProperty("id", id++);
        g.writeName("physicalLocation");
        g.writeStartObject();
        artifact(g, file);
        region(g, file.source(), r.offset(), r.offset() + r.length());
        g.writeEndObject();
        g.writeName("message");
        text(g, r.message());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeName("partialFingerprints");
    g.writeStartObject();
    g.writeStringProperty(Fingerprint.KEY, Fingerprint.of(file.path(), finding, file.source()));
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void text(JsonGenerator g, String text) {
    g.writeStartObject();
    g.writeStringProperty("text", text);
    g.writeEndObject();
  }

  private static void artifact(JsonGenerator g, FileResult file) {
    g.writeName("artifactLocation");
    g.writeStartObject();
    g.writeStringProperty("uri", uri(file.artifactPath()));
    g.writeEndObject();
  }

  private static void region(JsonGenerator g, SourceText document, int start, int end) {
    TextPosition from = document.positionAt(start);
    TextPosition to = document.positionAt(Math.max(start, end));
    g.writeName("region");
    g.writeStartObject();
    g.writeNumberProperty("startLine", from.line() + 1);
    g.writeNumberProperty("startColumn", from.character() + 1);
    g.writeNumberProperty("endLine", to.line() + 1);
    g.writeNumberProperty("endColumn", to.character() + 1);
    g.writeEndObject();
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
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
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
