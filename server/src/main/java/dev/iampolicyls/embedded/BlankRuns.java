package dev.iampolicyls.embedded;

/**
 * A YAML template with its long runs of blank lines taken out where they cannot be content: before
 * the first line, and right after the top-level {@code Resources:} line. Reading only the resource
 * being edited blanks every other line (offsets kept), and the YAML reader would step through each
 * of those spaces; without them it reads the resource alone, and the offsets map back.
 */
final class BlankRuns {
  /** Shorter runs are read as they are: an ordinary template never comes here. */
  static final int MIN_RUN = 1024;

  private static final String RESOURCES = "Resources:";

  /**
   * @param text the text without the runs
   * @param hostOffsets the original offset of each of its characters, and of its end
   */
  record Squeezed(String text, int[] hostOffsets) {
    /** A scalar spanning the original text whose characters are {@link #text}'s, to move onto. */
    HostValue.Scalar host(String original) {
      return new HostValue.Scalar(text, 0, original.length(), HostValue.Style.PLAIN, hostOffsets);
    }
  }

  private BlankRuns() {}

  /** The text without its long blank runs, or null when it has none. */
  static Squeezed squeeze(String text) {
    int leading = blankLinesFrom(text, 0);
    int resourcesEnd = -1;
    int afterResources = -1;
    int line = leading;
    if (text.startsWith(RESOURCES, line)) {
      int eol = text.indexOf('\n', line);
      if (eol > 0 && text.substring(line + RESOURCES.length(), eol).isBlank()) {
        resourcesEnd = eol + 1;
        afterResources = blankLinesFrom(text, resourcesEnd);
      }
    }
    boolean squeezeLeading = leading >= MIN_RUN;
    boolean squeezeAfter = resourcesEnd >= 0 && afterResources - resourcesEnd >= MIN_RUN;
    if (!squeezeLeading && !squeezeAfter) {
      return null;
    }
    int keptFrom = squeezeLeading ? leading : 0;
    int keptTo = squeezeAfter ? resourcesEnd : text.length();
    int restFrom = squeezeAfter ? afterResources : text.length();
    int length = (keptTo - keptFrom) + (text.length() - restFrom);
    int[] hostOffsets = new int[length + 1];
    int n = 0;
    for (int i = keptFrom; i < keptTo; i++) {
      hostOffsets[n++] = i;
    }
    for (int i = restFrom; i < text.length(); i++) {
      hostOffsets[n++] = i;
    }
    hostOffsets[n] = text.length();
    String squeezed = text.substring(keptFrom, keptTo) + text.substring(restFrom);
    return new Squeezed(squeezed, hostOffsets);
  }

  /** The end of the run of lines of only spaces (and line ends) starting at {@code from}. */
  private static int blankLinesFrom(String text, int from) {
    int end = from;
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n') {
        end = i + 1;
      } else if (c != ' ' && c != '\r') {
        break;
      }
      i++;
    }
    return end;
  }
}
