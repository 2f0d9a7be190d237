package dev.iampolicyls.cli;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.syntax.TextPosition;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

/**
 * The machine-readable report (the shape is fixed by the checks reference), streamed with Jackson's
 * generator so keys come out in the order we write them, the same on every run. Streaming, not a
 * tree: no copy of a batch's megabytes in memory, and no databind, whose first use initialises date
 * and locale data (~0.1 s with the class data archive, ~0.4 s without).
 */
final class JsonReport {
  static final String TOOL_NAME = "iam-policy-ls";

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /**
   * Two-space indent, {@code "key": value}, {@code []} for empty arrays and '\n' line ends on every
   * platform, so the output diffs cleanly and reads like the reference.
   */
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                  .withArrayEmptySeparator("")
                  .withObjectEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private static final ObjectWriteContext PRETTY_CONTEXT =
      new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
          return PRETTY.createInstance(); // keeps its nesting level: one per generator
        }

        @Override
        public boolean hasPrettyPrinter() {
          return true;
        }

        @Override
        public int getStreamWriteFeatures(int defaults) {
          // The caller owns the writer (stdout, a baseline file) and closes it.
          return defaults & ~StreamWriteFeature.AUTO_CLOSE_TARGET.getMask();
        }
      };

  private JsonReport() {}

  /** A generator that writes our layout to {@code out} and leaves it open when closed. */
  static JsonGenerator generator(PrintWriter out) {
    return FACTORY.createGenerator(PRETTY_CONTEXT, out);
  }

  static void write(CheckRun run, Catalog catalog, PrintWriter out) {
    write(run, catalog, out, new FileParts());
  }

  /**
   * Each file's entry rendered ahead, on the thread that checked it ({@link #prepare}), so the
   * report after the last check is mostly copying. A part belongs to the very result it was made
   * from: a result filtered afterwards (a baseline) is a new object and is rendered here again.
   */
  static final class FileParts {
    /** By path; the result is kept to tell the rendered result from another with that path. */
    private final Map<String, Part> byPath = new ConcurrentHashMap<>();

    private record Part(FileResult result, String json) {}

    /** Renders {@code file}'s entry; safe to call from several threads at once. */
    void prepare(FileResult file) {
      StringWriter text = new StringWriter();
      try (JsonGenerator g = FACTORY.createGenerator(PRETTY_CONTEXT, text)) {
        file(g, file);
      }
      // Rendered at the top level; in the report the entry sits two levels in ("files" of the
      // root). A JSON string escapes its line ends, so every '\n' is layout.
      byPath.put(file.path(), new Part(file, text.toString().replace("\n", "\n" + ENTRY_INDENT)));
    }

    String partFor(FileResult file) {
      Part part = byPath.get(file.path());
      return part != null && part.result() == file ? part.json() : null;
    }
  }

  /** The indent of a file's entry in the report: two levels of {@link #PRETTY}'s. */
  private static final String ENTRY_INDENT = "    ";

  static void write(CheckRun run, Catalog catalog, PrintWriter out, FileParts parts) {
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      g.writeName("tool");
      g.writeStartObject();
      g.writeStringProperty("name", TOOL_NAME);
      g.writeStringProperty("version", VersionProvider.toolVersion());
      g.writeName("catalog");
      g.writeStartObject();
      g.writeStringProperty("source", catalog.sourcePackage());
      g.writeStringProperty("version", catalog.sourceVersion());
      g.writeEndObject();
      g.writeEndObject();

      g.writeName("files");
      g.writeStartArray();
      for (FileResult file : run.files()) {
        String part = parts.partFor(file);
        if (part != null) {
          g.writeRawValue(part);
        } else {
          file(g, file);
        }
      }
      g.writeEndArray();

      g.writeName("summary");
      g.writeStartObject();
      g.writeNumberProperty("files", run.files().size());
      g.writeNumberProperty("findings", run.findingCount());
      for (Map.Entry<FindingType, Integer> count : run.countsByType().entrySet()) {
        g.writeNumberProperty(count.getKey().name(), count.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    out.print('\n');
  }

  private static void file(JsonGenerator g, FileResult file) {
    g.writeStartObject();
    g.writeStringProperty("path", file.path());
    g.writeStringProperty("policyType", file.policyType().name());
    if (file.decodedPositions()) {
      // The policy was URL-encoded in the file: ranges are in the decoded document.
      g.writeStringProperty("rangesIn", "decodedDocument");
    }
    g.writeName("findings");
    g.writeStartArray();
    for (Finding finding : file.findings()) {
      finding(g, finding, file.source());
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void finding(JsonGenerator g, Finding finding, SourceText document) {
    g.writeStartObject();
    g.writeStringProperty("code", finding.code().id());
    g.writeStringProperty("findingType", finding.type().name());
    g.writeStringProperty("message", finding.message());
    g.writeName("path");
    g.writeStartArray();
    for (Object step : finding.path()) {
      if (step instanceof Integer index) {
        g.writeNumber(index);
      } else {
        g.writeString(String.valueOf(step));
      }
    }
    g.writeEndArray();
    g.writeName("range");
    g.writeStartObject();
    position(g, "start", document, finding.offset());
    position(g, "end", document, finding.end());
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * An LSP position (0-based, UTF-16); an unreadable file has no text, so its findings sit at 0:0.
   */
  private static void position(JsonGenerator g, String name, SourceText document, int offset) {
    TextPosition p = document != null ? document.positionAt(offset) : new TextPosition(0, 0);
    g.writeName(name);
    g.writeStartObject();
    g.writeNumberProperty("line", p.line());
    g.writeNumberProperty("character", p.character());
    g.writeEndObject();
  }
}
