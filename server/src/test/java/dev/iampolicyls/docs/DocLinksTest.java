package dev.iampolicyls.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the repository's Markdown reaches a file that exists, and every {@code
 * #anchor} names a heading of that file: the README and docs/ were split into many pages, and a
 * broken link is what a newcomer meets first.
 */
class DocLinksTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$");
  private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");

  @Test
  void relativeLinksReachFilesAndHeadings() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : markdownPages()) {
      String text = FENCE.matcher(Files.readString(page)).replaceAll("");
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // https:, mailto: ... are not ours to check offline
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        String where = ROOT.relativize(page) + ": " + target;
        if (!Files.exists(linked)) {
          broken.add(where + " (no such file)");
        } else if (anchor != null
            && linked.toString().endsWith(".md")
            && !anchors(linked).contains(anchor)) {
          broken.add(where + " (no such heading)");
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  private static List<Path> markdownPages() throws IOException {
    List<Path> pages = new ArrayList<>();
    for (String top : new String[] {"README.md", "CONTRIBUTING.md", "BENCHMARKS.md"}) {
      if (Files.exists(ROOT.resolve(top))) {
        pages.add(ROOT.resolve(top));
      }
    }
    for (String dir : new String[] {"docs", "editors", "vscode-extension/README.md"}) {
      Path start = ROOT.resolve(dir);
      if (!Files.exists(start)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(start)) {
        walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
      }
    }
    return pages;
  }

  /** GitHub's anchors: headings lower-cased, punctuation dropped, spaces as dashes. */
  private static Set<String> anchors(Path page) {
    String text;
    try {
      text = FENCE.matcher(Files.readString(page)).replaceAll("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> anchors = new HashSet<>();
    Matcher m = HEADING.matcher(text);
    while (m.find()) {
      String base =
          m.group(1)
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N} _-]", "")
              .replace(' ', '-');
      String anchor = base;
      for (int n = 1; !anchors.add(anchor); n++) {
        anchor = base + "-" + n;
      }
    }
    return anchors;
  }
}
