package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.codeactions.CodeActionEngine;
import dev.iampolicyls.codeactions.PolicyCodeAction;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.config.ConfigLoader;
import dev.iampolicyls.config.DocumentSettings;
import dev.iampolicyls.config.ProjectConfig;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyResourceType;
import dev.iampolicyls.policy.PolicyType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each check's page in {@code docs/checks/CODE.md} is a test: its {@code json fires} examples get
 * findings of the code exactly at the spans marked with « and », its {@code json fixed} examples
 * get none (nor any other error), and its table agrees with the check's finding type and Access
 * Analyzer's codes. Every code the checks report has a page, and every page names a code. A {@code
 * json config} block is a {@code .iam-policy-ls.json} (without problems) that the examples after it
 * on the page are checked under, for checks that need a configuration (guardrails); a {@code json
 * reference PATH} block is a policy file at PATH beside that configuration (a reference policy it
 * names).
 */
class CheckDocPagesTest {
  static final Path PAGES = Path.of("../docs/checks");

  /**
   * Codes reported outside the checks, so no policy text can show them: each has a page that says
   * so, with no example blocks.
   */
  static final Map<String, String> REPORTED_OUTSIDE_THE_CHECKS =
      Map.of(
          "INVALID_ENCODING", "the CLI finds it while decoding a file's bytes, before any check",
          "UNREADABLE_FILE", "the CLI reports a path it cannot read; there is no text to check",
          "CONFIG_ERROR", "the language server reports mistakes in .iam-policy-ls.json itself",
          "YAML_SYNTAX_ERROR", "the template front end reports it before any policy is read",
          "UNESCAPED_POLICY_VARIABLE_IN_SUB",
              "the template front end finds it in Fn::Sub, outside the policy's JSON");

  private static final Pattern BLOCK =
      Pattern.compile("(?ms)^```json (fires|fixed|config|reference)([^\\n]*)\\n(.*?)^```$");
  private static final Pattern ROW = Pattern.compile("(?m)^\\| ([A-Za-z ]+) \\| (.*) \\|$");

  /** The finding type of each code the checks report, from the registry. */
  static Map<String, FindingType> reportableCodes() {
    Map<String, FindingType> codes = new TreeMap<>();
    for (PolicyCheck check : new DiagnosticsEngine(Catalog.bundled()).checks()) {
      codes.putIfAbsent(String.valueOf(check.code()), check.type());
    }
    return codes;
  }

  /**
   * An example block.
   *
   * @param config the text of the page's last config block before it, or null
   * @param references the page's reference blocks before it: policy text by path
   */
  record Example(
      String kind,
      String attributes,
      String marked,
      int number,
      String config,
      Map<String, String> references) {}

  /**
   * A page: its code, its table rows, its examples, and how many code blocks are tagged beyond
   * plain {@code json} other than config blocks (each must be an example, so a mistyped tag fails
   * instead of being skipped).
   */
  record Page(String code, Map<String, String> table, List<Example> examples, int taggedBlocks) {
    static Page read(Path file) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String firstLine = text.lines().findFirst().orElse("");
      String code = firstLine.startsWith("# ") ? firstLine.substring(2).trim() : "";
      Map<String, String> table = new TreeMap<>();
      Matcher row = ROW.matcher(text);
      while (row.find()) {
        table.putIfAbsent(row.group(1), row.group(2));
      }
      List<Example> examples = new ArrayList<>();
      Matcher block = BLOCK.matcher(text);
      String config = null;
      Map<String, String> references = new TreeMap<>();
      int configBlocks = 0;
      while (block.find()) {
        if (block.group(1).equals("config")) {
          config = block.group(3);
          configBlocks++;
          continue;
        }
        if (block.group(1).equals("reference")) {
          references.put(block.group(2).trim(), block.group(3));
          configBlocks++;
          continue;
        }
        examples.add(
            new Example(
                block.group(1),
                block.group(2).trim(),
                block.group(3),
                examples.size() + 1,
                config,
                Map.copyOf(references)));
      }
      int tagged = (int) text.lines().filter(l -> l.matches("```json\\s+\\S.*")).count();
      return new Page(code, table, examples, tagged - configBlocks);
    }
  }

  static List<Path> pageFiles() {
    try (Stream<Path> files = Files.list(PAGES)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".md"))
          .filter(p -> !p.getFileName().toString().equals("README.md")) // the index, not a page
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyCodeTheChecksReportHasAPage() {
    Set<String> missing = new TreeSet<>(reportableCodes().keySet());
    missing.addAll(REPORTED_OUTSIDE_THE_CHECKS.keySet());
    for (Path file : pageFiles()) {
      missing.remove(file.getFileName().toString().replaceFirst("\\.md$", ""));
    }
    assertEquals(Set.of(), missing, "codes without a page in " + PAGES);
  }

  @TestFactory
  Stream<DynamicNode> pages() {
    Map<String, FindingType> codes = reportableCodes();
    return pageFiles().stream()
        .map(
            file -> {
              Page page = Page.read(file);
              String name = file.getFileName().toString();
              List<DynamicNode> tests = new ArrayList<>();
              tests.add(
                  DynamicTest.dynamicTest(name + " table", () -> checkTable(name, page, codes)));
              for (Example e : page.examples()) {
                tests.add(
                    DynamicTest.dynamicTest(
                        name + " " + e.kind() + " #" + e.number(),
                        () -> checkExample(page.code(), e)));
              }
              if (!page.examples().isEmpty()) {
                tests.add(
                    DynamicTest.dynamicTest(name + " quick fix", () -> checkQuickFixRow(page)));
              }
              return DynamicContainer.dynamicContainer(name, file.toUri(), tests.stream());
            });
  }

  private static void checkTable(String fileName, Page page, Map<String, FindingType> codes) {
    String code = page.code();
    assertEquals(fileName, code + ".md", "the title names the page's code");
    String outside = REPORTED_OUTSIDE_THE_CHECKS.get(code);
    assertTrue(codes.containsKey(code) || outside != null, code + " is no code the checks report");
    FindingType type = outside != null ? FindingType.ERROR : codes.get(code);
    assertEquals(type.name(), page.table().get("Finding type"), "finding type");
    String accessAnalyzer =
        CheckCode.of(code)
            .flatMap(CheckCode::accessAnalyzerReference)
            .map(url -> "[" + code + "](" + url + ")")
            .orElse("not an Access Analyzer check (ours)");
    assertEquals(accessAnalyzer, page.table().get("Access Analyzer"), "Access Analyzer row");
    assertTrue(page.table().containsKey("Quick fix"), "a Quick fix row");
    assertEquals(
        page.taggedBlocks(), page.examples().size(), "blocks tagged other than json fires/fixed");
    List<String> kinds = page.examples().stream().map(Example::kind).toList();
    if (outside != null) {
      assertEquals(List.of(), kinds, code + " has no examples: " + outside);
    } else {
      assertTrue(kinds.contains("fires"), "at least one fires example");
      assertTrue(kinds.contains("fixed"), "at least one fixed example");
    }
  }

  /**
   * The Quick fix row says "none" exactly when no fires example gets a quick fix for its finding
   * from the code action engine.
   */
  private static void checkQuickFixRow(Page page) {
    String code = page.code();
    CodeActionEngine engine = new CodeActionEngine(Catalog.bundled());
    List<String> offered = new ArrayList<>();
    for (Example e : page.examples()) {
      if (!e.kind().equals("fires")) {
        continue;
      }
      Run run = Run.of(e);
      Policy policy = Policy.parse(run.text());
      PolicyType type = CheckAssert.typeOf(policy, run.type(), run.settings());
      List<Finding> findings =
          new DiagnosticsEngine(Catalog.bundled()).run(policy, type, run.settings());
      for (Finding f : findings) {
        if (!String.valueOf(f.code()).equals(code)) {
          continue;
        }
        for (PolicyCodeAction a :
            engine.actions(policy, type, findings, f.offset(), f.offset() + f.length())) {
          if (a.kind().equals(PolicyCodeAction.QUICK_FIX)
              && a.fixes() != null
              && String.valueOf(a.fixes().code()).equals(code)) {
            offered.add(a.title());
          }
        }
      }
    }
    String row = page.table().get("Quick fix");
    if ("none".equals(row)) {
      assertEquals(List.of(), offered, "the page says there is no quick fix");
    } else {
      assertFalse(offered.isEmpty(), "the page describes a quick fix that no example gets: " + row);
    }
  }

  /** An example's policy text and the type and settings its attributes ask for. */
  record Run(String text, PolicyType type, DocumentSettings settings) {
    static Run of(Example e) {
      PolicyType type = null;
      PolicyResourceType resourceType = null;
      boolean customerManaged = false;
      for (String attribute : e.attributes().split("\\s+")) {
        if (attribute.isEmpty()) {
          continue;
        }
        String[] kv = attribute.split("=", 2);
        String value = kv.length == 2 ? kv[1] : "";
        switch (kv[0]) {
          case "policy-type" -> type = PolicyType.parse(value).orElseThrow(() -> bad(attribute));
          case "resource-type" ->
              resourceType = PolicyResourceType.parse(value).orElseThrow(() -> bad(attribute));
          case "customer-managed" -> customerManaged = Boolean.parseBoolean(value);
          default -> throw bad(attribute);
        }
      }
      DocumentSettings configured =
          e.config() == null ? DocumentSettings.DEFAULT : configured(e.config(), e.references());
      DocumentSettings settings =
          new DocumentSettings(
              type,
              resourceType,
              customerManaged,
              DocumentSettings.DEFAULT_ROLE_TRUST_POLICY_QUOTA,
              Map.of(),
              Set.of(),
              configured.guardrails(),
              configured.referencePolicies());
      return new Run(CheckAssert.unmark(e.marked()).text(), type, settings);
    }
  }

  /**
   * The settings a page's config block gives a policy file next to it, with the page's reference
   * policies written beside it; it has no problems.
   */
  private static DocumentSettings configured(String config, Map<String, String> references) {
    Path folder = Path.of("/project").toAbsolutePath();
    if (!references.isEmpty()) {
      try {
        folder = Files.createTempDirectory("doc-page-");
        // Removed at exit in the reverse order of registration: the folder after its files.
        folder.toFile().deleteOnExit();
        for (Map.Entry<String, String> r : references.entrySet()) {
          Path file = folder.resolve(r.getKey());
          if (!file.getParent().equals(folder)) {
            Files.createDirectories(file.getParent());
            file.getParent().toFile().deleteOnExit();
          }
          Files.writeString(file, r.getValue(), StandardCharsets.UTF_8);
          file.toFile().deleteOnExit();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    ProjectConfig project = ConfigLoader.load(config, folder);
    assertEquals(List.of(), project.problems(), "the page's configuration has no problems");
    return AnalysisSettings.of(project).forDocument(folder.resolve("policy.json"));
  }

  private static void checkExample(String code, Example e) {
    Run run = Run.of(e);
    PolicyType type = run.type();
    DocumentSettings settings = run.settings();
    if (e.kind().equals("fires")) {
      assertFalse(
          CheckAssert.unmark(e.marked()).spans().isEmpty(), "a fires example marks its findings");
      CheckAssert.assertFindings(e.marked(), type, settings, code);
    } else {
      assertFalse(e.marked().contains("«"), "a fixed example marks nothing");
      CheckAssert.assertFindings(e.marked(), type, settings, code);
      // A fix a reader copies must be a policy IAM accepts, not one broken in another way.
      List<Finding> errors =
          CheckAssert.run(e.marked(), type, settings).stream()
              .filter(f -> f.type() == FindingType.ERROR)
              .toList();
      assertEquals(List.of(), errors, "a fixed example has no error of any code");
    }
  }

  private static IllegalArgumentException bad(String attribute) {
    return new IllegalArgumentException("unknown attribute or value: " + attribute);
  }
}
