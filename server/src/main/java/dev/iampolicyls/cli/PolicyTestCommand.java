package dev.iampolicyls.cli;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policytest.Outcome;
import dev.iampolicyls.policytest.PolicyFileReader;
import dev.iampolicyls.policytest.PolicyTestFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JsonGenerator;

/** `test`: runs the requests of *.iamtest.json files through simulate's evaluation. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run policy tests: *.iamtest.json files (schemas/iamtest.schema.json) that list requests"
          + " and their expected decisions against policy files. Folders are searched for"
          + " *.iamtest.json files. See docs/simulate.md."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every case passed",
      "1:a case failed",
      "2:usage error, or a test or policy file that cannot be read or parsed"
    })
final class PolicyTestCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    junit
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Test files or folders.")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "Output format: ${COMPLETION-CANDIDATES} (JUnit XML) (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "Use this catalog (written by update-catalog) to type context keys.")
  Path catalogFile;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      Catalog catalog;
      try {
        catalog = CatalogChoice.load(catalogFile);
      } catch (IOException e) {
        throw new UnusableInput("cannot use --catalog: " + e.getMessage());
      }
      List<PolicyTestFile> files = new ArrayList<>();
      boolean usable = true;
      for (Path file : testFiles()) {
        PolicyTestFile f;
        try {
          f = PolicyTestFile.read(file, catalog);
        } catch (IOException e) {
          throw new UnusableInput(
              "cannot read "
                  + file.toString().replace('\\', '/')
                  + ": "
                  + PolicyFileReader.describe(e));
        }
        for (PolicyTestFile.Problem p : f.problems()) {
          err.println("iam-policy-ls test: " + f.describe(p));
          usable = false;
        }
        files.add(f);
      }
      if (!usable) {
        return 2;
      }
      List<List<Outcome>> outcomes = new ArrayList<>();
      boolean allPassed = true;
      for (PolicyTestFile f : files) {
        List<Outcome> list = f.run();
        allPassed &= list.stream().allMatch(Outcome::passed);
        outcomes.add(list);
      }
      PrintWriter out = spec.commandLine().getOut();
      switch (format) {
        case json -> json(files, outcomes, out);
        case junit -> junit(files, outcomes, out);
        default -> text(files, outcomes, out);
      }
      return allPassed ? 0 : 1;
    } catch (UnusableInput e) {
      err.println("iam-policy-ls test: " + e.getMessage());
      return 2;
    }
  }

  private List<Path> testFiles() throws UnusableInput {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> f.getFileName().toString().endsWith(".iamtest.json"))
              .filter(Files::isRegularFile)
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UnusableInput("cannot search " + p + ": " + PolicyFileReader.describe(e));
        }
      } else {
        files.add(p);
      }
    }
    if (files.isEmpty()) {
      throw new UnusableInput("no *.iamtest.json files under " + paths);
    }
    return files;
  }

  private static void text(
      List<PolicyTestFile> files, List<List<Outcome>> outcomes, PrintWriter out) {
    int cases = 0;
    int failed = 0;
    for (int i = 0; i < files.size(); i++) {
      for (Outcome o : outcomes.get(i)) {
        cases++;
        PolicyTestFile.Case c = o.testCase();
        String where = files.get(i).name() + ":" + c.line();
        if (o.passed()) {
          out.println("PASS " + where + " " + c.name() + " (" + o.decision() + ")");
        } else {
          failed++;
          out.println("FAIL " + where + " " + c.name() + ": " + o.failure());
        }
      }
    }
    out.println(
        cases
            + (cases == 1 ? " case, " : " cases, ")
            + failed
            + " failed, in "
            + files.size()
            + (files.size() == 1 ? " file" : " files"));
  }

  private static void json(
      List<PolicyTestFile> files, List<List<Outcome>> outcomes, PrintWriter out) {
    boolean allPassed = outcomes.stream().flatMap(List::stream).allMatch(Outcome::passed);
    try (JsonGenerator g = JsonReport.generator(out)) {
      g.writeStartObject();
      g.writeStringProperty("result", allPassed ? "PASS" : "FAIL");
      g.writeName("files");
      g.writeStartArray();
      for (int i = 0; i < files.size(); i++) {
        g.writeStartObject();
        g.writeStringProperty("file", files.get(i).name());
        g.writeName("cases");
        g.writeStartArray();
        for (Outcome o : outcomes.get(i)) {
          g.writeStartObject();
          g.writeStringProperty("name", o.testCase().name());
          g.writeNumberProperty("line", o.testCase().line());
          g.writeStringProperty("expect", o.testCase().expect().name());
          g.writeStringProperty("decision", o.decision().name());
          g.writeBooleanProperty("passed", o.passed());
          g.writeStringProperty("message", o.passed() ? null : o.failure());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.print('\n');
  }

  private static void junit(
      List<PolicyTestFile> files, List<List<Outcome>> outcomes, PrintWriter out) {
    int total = 0;
    int failures = 0;
    for (List<Outcome> list : outcomes) {
      total += list.size();
      failures += (int) list.stream().filter(o -> !o.passed()).count();
    }
    out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out.println(
        "<testsuites name=\"iam-policy-ls test\" tests=\""
            + total
            + "\" failures=\""
            + failures
            + "\">");
    for (int i = 0; i < files.size(); i++) {
      List<Outcome> list = outcomes.get(i);
      String suite = xml(files.get(i).name());
      long failed = list.stream().filter(o -> !o.passed()).count();
      out.println(
          "  <testsuite name=\""
              + suite
              + "\" tests=\""
              + list.size()
              + "\" failures=\""
              + failed
              + "\">");
      for (Outcome o : list) {
        out.print(
            "    <testcase classname=\"" + suite + "\" name=\"" + xml(o.testCase().name()) + "\"");
        if (o.passed()) {
          out.println("/>");
        } else {
          String message = o.failure();
          out.println(">");
          out.println(
              "      <failure message=\""
                  + xml(message)
                  + "\" type=\""
                  + o.decision()
                  + "\">"
                  + xml(message)
                  + "</failure>");
          out.println("    </testcase>");
        }
      }
      out.println("  </testsuite>");
    }
    out.println("</testsuites>");
  }

  /** Text for an XML attribute or element; characters XML 1.0 forbids become U+FFFD. */
  static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> b.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
      }
    }
    return b.toString();
  }
}
