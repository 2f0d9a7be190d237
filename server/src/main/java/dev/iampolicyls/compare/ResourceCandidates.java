package dev.iampolicyls.compare;

import dev.iampolicyls.compare.GlobClasses.Glob;
import dev.iampolicyls.compare.GlobClasses.Observed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One resource of each class that the Resource and NotResource patterns of both policies tell
 * apart, among the ARNs of one catalog ARN format (or among all strings, for string semantics).
 * Placeholders are typed as {@code ResourceFormat} types them: a partition is letters and dashes, a
 * Region letters, digits and dashes, an account 12 digits (or {@code aws} for AWS-owned resources),
 * a bucket or id one name, the last placeholder of the resource part anything.
 */
final class ResourceCandidates {
  private static final Pattern SEPARATOR = Pattern.compile(",\\s*(?=arn:)");
  private static final String[] FIELD_EXAMPLES = {
    "arn", "aws", "s3", "us-east-1", "111122223333", "example"
  };

  /** Past this many remembered formats and patterns, the shared memo starts again. */
  private static final int SHARED_BOUND = 4_096;

  /** In the shared memo: the format's classes exceed the bound (thrown again, not searched). */
  private static final List<String> TOO_MANY = List.of("\0too many");

  private final List<String> patterns;
  private final int maxStates;
  private final Map<String, List<String>> byFormat = new HashMap<>();
  private final Map<String, List<String>> shared;
  private final boolean examplesOnly;

  /**
   * @param patterns every Resource and NotResource value of both policies, variables substituted
   * @param shared the representatives found by earlier comparisons (thread-safe), per format and
   *     patterns that tell its ARNs apart: the other values of a policy variable, the other
   *     policies of a batch and the next keystroke mostly ask again
   */
  ResourceCandidates(List<String> patterns, int maxStates, Map<String, List<String>> shared) {
    this(patterns, maxStates, shared, false);
  }

  private ResourceCandidates(
      List<String> patterns,
      int maxStates,
      Map<String, List<String>> shared,
      boolean examplesOnly) {
    this.patterns = patterns.stream().filter(p -> !p.equals("*")).distinct().toList();
    this.maxStates = maxStates;
    this.shared = shared;
    this.examplesOnly = examplesOnly;
  }

  /**
   * Candidates without the search: the format filled in with examples and each pattern filled in,
   * those that are ARNs of the format. Not one per class; a first guess that costs nothing.
   */
  static ResourceCandidates examples(List<String> patterns) {
    return new ResourceCandidates(patterns, 0, Map.of(), true);
  }

  /** The representatives among the ARNs of a catalog format. */
  List<String> forFormat(String arnFormat) throws GlobClasses.TooManyStates {
    List<String> known = byFormat.get(arnFormat);
    if (known == null && examplesOnly) {
      List<String> relevant = relevant(arnFormat);
      String key = sharedKey(arnFormat, relevant);
      known = EXAMPLES.get(key);
      if (known == null) {
        List<Glob> shapes = shapes(arnFormat);
        known = examples(fill(arnFormat), relevant, s -> fits(shapes, s));
        if (EXAMPLES.size() > SHARED_BOUND) {
          EXAMPLES.clear();
        }
        EXAMPLES.put(key, known);
      }
      byFormat.put(arnFormat, known);
    }
    if (known == null) {
      List<String> relevant = relevant(arnFormat);
      String key = sharedKey(arnFormat, relevant);
      known = shared.get(key);
      if (known == null) {
        try {
          known =
              anyService(arnFormat)
                  ? byService(arnFormat)
                  : compute(shapes(arnFormat), relevant, fill(arnFormat), arnsOnly(arnFormat));
        } catch (GlobClasses.TooManyStates e) {
          known = TOO_MANY;
        }
        if (shared.size() > SHARED_BOUND) {
          shared.clear();
        }
        shared.put(key, known);
      }
      byFormat.put(arnFormat, known);
    }
    if (known == TOO_MANY) {
      throw new GlobClasses.TooManyStates();
    }
    return known;
  }

  /**
   * The format's example and the patterns filled in, those that fit, without repeats. A pattern is
   * also filled with a path in its resource part's wildcards, for formats with a slash there (a
   * bucket pattern {@code arn:aws:s3:::*data*} against the objects' format).
   */
  private static List<String> examples(String fill, List<String> patterns, Predicate<String> fits) {
    Set<String> out = new LinkedHashSet<>();
    out.add(fill);
    for (String p : patterns) {
      out.add(fillPattern(p));
      String[] fields = p.split(":", 6);
      if (fields.length == 6 && fields[5].indexOf('*') >= 0) {
        fields[5] = fields[5].replace("*", "example/example");
        out.add(fillPattern(String.join(":", fields)));
      }
    }
    out.removeIf(fits.negate());
    return List.copyOf(out);
  }

  /**
   * What the representatives of a format depend on: the format, the patterns that may match its
   * ARNs (the others match none of them) and the bound; each text preceded by its length.
   */
  private String sharedKey(String arnFormat, List<String> relevant) {
    StringBuilder key = new StringBuilder().append(maxStates).append('|');
    key.append(arnFormat.length()).append(':').append(arnFormat);
    for (String p : relevant) {
      key.append(p.length()).append(':').append(p);
    }
    return key.toString();
  }

  /** The representatives among all strings (string semantics, or a type the catalog lacks). */
  List<String> anyString() throws GlobClasses.TooManyStates {
    List<String> known = byFormat.get("");
    if (known == null && examplesOnly) {
      known = examples("*", patterns, s -> true);
      byFormat.put("", known);
    }
    if (known == null) {
      known = new ArrayList<>(compute(List.of(), patterns, "*", false));
      if (!known.contains("*")) {
        known.add("*");
      }
      byFormat.put("", known);
    }
    return known;
  }

  /** A format of one alternative whose service field is a placeholder (AWS Backup's). */
  private static boolean anyService(String arnFormat) {
    String service = field(arnFormat, 2);
    return service != null && isPlaceholder(service) && !SEPARATOR.matcher(arnFormat).find();
  }

  /**
   * The classes of a format of any service, searched service by service: a pattern that names a
   * service matches only ARNs of that service, so when every pattern names one, the ARNs of service
   * S are told apart by S's patterns alone, and the ARNs of a service no pattern names are one
   * class. The same classes as one search over every pattern, whose product of automata grows with
   * all of them at once (seconds for 50 statements). With a pattern of any service, one search.
   */
  private List<String> byService(String arnFormat) throws GlobClasses.TooManyStates {
    Map<String, List<String>> named = new LinkedHashMap<>();
    List<String> open = new ArrayList<>();
    for (String p : relevant(arnFormat)) {
      String ps = field(p, 2);
      boolean literal =
          ps != null
              && !ps.isEmpty()
              && ps.indexOf('*') < 0
              && ps.indexOf('?') < 0
              && ps.indexOf('/') < 0
              && !ps.contains("${");
      if (literal) {
        named.computeIfAbsent(ps, k -> new ArrayList<>()).add(p);
      } else {
        open.add(p);
      }
    }
    if (named.size() < 2 || !open.isEmpty()) {
      return compute(shapes(arnFormat), relevant(arnFormat), fill(arnFormat), arnsOnly(arnFormat));
    }
    String[] fields = arnFormat.split(":", 6);
    Set<String> out = new LinkedHashSet<>();
    for (Map.Entry<String, List<String>> e : named.entrySet()) {
      fields[2] = e.getKey();
      String ofService = String.join(":", fields);
      out.addAll(compute(shapes(ofService), e.getValue(), fill(ofService), true));
    }
    // A service no pattern names: every pattern is false, one class.
    for (String fresh : new String[] {"example", "example-service", "another-service"}) {
      if (!named.containsKey(fresh)) {
        fields[2] = fresh;
        out.add(fill(String.join(":", fields)));
        break;
      }
    }
    return List.copyOf(out);
  }

  /** Whether every alternative of the format is an ARN of six fields. */
  private static boolean arnsOnly(String arnFormat) {
    for (String alternative : SEPARATOR.split(arnFormat)) {
      if (alternative.strip().split(":", 6).length < 6) {
        return false;
      }
    }
    return true;
  }

  private List<String> compute(
      List<Glob> shapes, List<String> relevant, String fill, boolean arnsOnly)
      throws GlobClasses.TooManyStates {
    if (relevant.isEmpty() && fits(shapes, fill)) {
      // No pattern tells these strings apart: one class, and the filled-in format stands for it
      // (what the search below would choose). Most formats are here when NEW allows "*" or a
      // NotAction: without this, each of the catalog's formats cost a search.
      return List.of(fill);
    }
    List<Observed> observed = relevant.stream().map(Observed::arn).toList();
    Map<BitSet, String> classes =
        arnsOnly
            ? GlobClasses.classesOfArns(shapes, observed, maxStates)
            : GlobClasses.classes(shapes, observed, maxStates);
    // Readable names first: the format filled with examples, each pattern filled in.
    Map<BitSet, String> chosen = new LinkedHashMap<>();
    List<String> preferred = new ArrayList<>();
    preferred.add(fill);
    for (String p : relevant) {
      preferred.add(fillPattern(p));
    }
    for (String candidate : preferred) {
      if (fits(shapes, candidate)) {
        chosen.putIfAbsent(vector(observed, candidate), candidate);
      }
    }
    for (Map.Entry<BitSet, String> e : classes.entrySet()) {
      if (!chosen.containsKey(e.getKey())) {
        chosen.put(e.getKey(), beautify(shapes, observed, e.getKey(), e.getValue()));
      }
    }
    return List.copyOf(chosen.values());
  }

  private static boolean fits(List<Glob> shapes, String s) {
    return shapes.isEmpty() || shapes.stream().anyMatch(g -> g.matches(s));
  }

  private static BitSet vector(List<Observed> observed, String s) {
    BitSet v = new BitSet();
    for (int i = 0; i < observed.size(); i++) {
      if (observed.get(i).matches(s)) {
        v.set(i);
      }
    }
    return v;
  }

  /** The search's shortest string with its ARN fields replaced by examples where that keeps it. */
  private static String beautify(
      List<Glob> shapes, List<Observed> observed, BitSet vector, String s) {
    String[] fields = s.split(":", 6);
    if (fields.length < 6) {
      return s;
    }
    for (int k = 1; k < 5; k++) {
      String before = fields[k];
      fields[k] = FIELD_EXAMPLES[k];
      String candidate = String.join(":", fields);
      if (!fits(shapes, candidate) || !vector(observed, candidate).equals(vector)) {
        fields[k] = before;
      }
    }
    return String.join(":", fields);
  }

  /** The service field of each pattern (null when it has no six fields), split once. */
  private String[] patternServices;

  /**
   * The literal text each pattern's resource part begins with ({@link #literalPrefix}; null when it
   * has no six fields), found once.
   */
  private String[] patternResourcePrefixes;

  /** The patterns that may match an ARN of the format: not those of another service. */
  private List<String> relevant(String arnFormat) {
    String service = field(arnFormat, 2);
    if (patternServices == null) {
      patternServices = patterns.stream().map(p -> field(p, 2)).toArray(String[]::new);
      patternResourcePrefixes =
          patterns.stream()
              .map(p -> field(p, 5))
              .map(r -> r == null ? null : literalPrefix(r))
              .toArray(String[]::new);
    }
    String[] formatPrefixes = null;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      String p = patterns.get(i);
      String ps = patternServices[i];
      boolean otherService =
          service != null
              && !service.contains("${")
              && ps != null
              && ps.indexOf('*') < 0
              && ps.indexOf('?') < 0
              && !ps.equals(service);
      if (otherService) {
        continue;
      }
      if (formatPrefixes == null) {
        formatPrefixes = resourcePrefixes(arnFormat);
      }
      if (resourcePartsMeet(patternResourcePrefixes[i], formatPrefixes)) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * False when the pattern's resource part and every alternative of the format's begin with
   * different literal text ({@code instance/} and {@code volume/}): then the pattern matches no ARN
   * of the format, and it tells none of them apart. True when in doubt.
   *
   * @param ownPrefix the literal prefix of the pattern's resource part; null when the pattern is no
   *     ARN pattern (matched as one glob)
   * @param formatPrefixes {@link #resourcePrefixes} of the format
   */
  private static boolean resourcePartsMeet(String ownPrefix, String[] formatPrefixes) {
    if (ownPrefix == null) {
      return true;
    }
    for (String theirPrefix : formatPrefixes) {
      if (theirPrefix == null) {
        return true;
      }
      int n = Math.min(ownPrefix.length(), theirPrefix.length());
      if (ownPrefix.regionMatches(0, theirPrefix, 0, n)) {
        return true;
      }
    }
    return false;
  }

  /** {@link #resourcePrefixes} of the formats asked for before; thread-safe. */
  private static final Map<String, String[]> RESOURCE_PREFIXES = new ConcurrentHashMap<>();

  /**
   * The literal prefix of each alternative's resource part, null for an alternative without six
   * fields; per format, as every pattern of every comparison asks.
   */
  private static String[] resourcePrefixes(String arnFormat) {
    String[] known = RESOURCE_PREFIXES.get(arnFormat);
    if (known == null) {
      known =
          Arrays.stream(SEPARATOR.split(arnFormat))
              .map(a -> field(a.strip(), 5))
              .map(r -> r == null ? null : literalPrefix(r))
              .toArray(String[]::new);
      if (RESOURCE_PREFIXES.size() > SHARED_BOUND) {
        RESOURCE_PREFIXES.clear();
      }
      RESOURCE_PREFIXES.put(arnFormat, known);
    }
    return known;
  }

  /** The text before the first wildcard or placeholder (case-sensitive, as ARNs match). */
  private static String literalPrefix(String text) {
    int end = text.length();
    for (String stop : new String[] {"*", "?", "${"}) {
      int i = text.indexOf(stop);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return text.substring(0, end);
  }

  private static String field(String arn, int index) {
    String[] parts = arn.split(":", 6);
    return parts.length == 6 ? parts[index] : null;
  }

  /** A pattern with its wildcards replaced by example text, field by field. */
  private static String fillPattern(String pattern) {
    String[] fields = pattern.split(":", 6);
    if (fields.length < 6) {
      return pattern.replace("*", "example").replace('?', 'x');
    }
    for (int k = 0; k < 6; k++) {
      fields[k] =
          fields[k].equals("*")
              ? FIELD_EXAMPLES[k]
              : fields[k].replace("*", k == 5 ? "example" : "").replace('?', 'x');
    }
    return String.join(":", fields);
  }

  /** {@link #fill} of the formats asked for before; thread-safe. */
  private static final Map<String, String> FILLED = new ConcurrentHashMap<>();

  /** The first alternative of a format with example values for its placeholders. */
  private static String fill(String arnFormat) {
    String known = FILLED.get(arnFormat);
    if (known == null) {
      known = fillFirstAlternative(arnFormat);
      if (FILLED.size() > SHARED_BOUND) {
        FILLED.clear();
      }
      FILLED.put(arnFormat, known);
    }
    return known;
  }

  private static String fillFirstAlternative(String arnFormat) {
    String first = SEPARATOR.split(arnFormat)[0].strip();
    String[] fields = first.split(":", 6);
    if (fields.length < 6) {
      return first.replaceAll("\\$\\{[^}]*}", "example").replace("*", "example");
    }
    for (int k = 0; k < 6; k++) {
      fields[k] =
          fields[k].replaceAll("\\$\\{[^}]*}", FIELD_EXAMPLES[k]).replace("*", FIELD_EXAMPLES[k]);
    }
    return String.join(":", fields);
  }

  /** The examples of a format and its relevant patterns, as {@link #sharedKey} names them. */
  private static final Map<String, List<String>> EXAMPLES = new ConcurrentHashMap<>();

  /** {@link #shapes} of the formats asked for before (the catalog's, mostly); thread-safe. */
  private static final Map<String, List<Glob>> SHAPES = new ConcurrentHashMap<>();

  /** The format as automata: one per alternative and account shape. */
  static List<Glob> shapes(String arnFormat) {
    List<Glob> known = SHAPES.get(arnFormat);
    if (known == null) {
      known = buildShapes(arnFormat);
      if (SHAPES.size() > SHARED_BOUND) {
        SHAPES.clear();
      }
      SHAPES.put(arnFormat, known);
    }
    return known;
  }

  private static List<Glob> buildShapes(String arnFormat) {
    List<Glob> out = new ArrayList<>();
    for (String alternative : SEPARATOR.split(arnFormat)) {
      String[] fields = alternative.strip().split(":", 6);
      if (fields.length < 6) {
        GlobClasses.Builder b = GlobClasses.builder();
        appendField(b, alternative.strip(), 5);
        out.add(b.build());
        continue;
      }
      boolean accountPlaceholder = isPlaceholder(fields[4]);
      for (int shape = 0; shape < (accountPlaceholder ? 2 : 1); shape++) {
        GlobClasses.Builder b = GlobClasses.builder();
        for (int k = 0; k < 6; k++) {
          if (k > 0) {
            b.literal(":");
          }
          if (k == 4 && accountPlaceholder) {
            if (shape == 0) {
              for (int d = 0; d < 12; d++) {
                b.one(GlobClasses.DIGIT);
              }
            } else {
              b.literal("aws");
            }
          } else {
            appendField(b, fields[k], k);
          }
        }
        out.add(b.build());
      }
    }
    return List.copyOf(out);
  }

  private static boolean isPlaceholder(String field) {
    return field.startsWith("${") && field.indexOf('}') == field.length() - 1;
  }

  private static void appendField(GlobClasses.Builder b, String field, int index) {
    int last = field.lastIndexOf("${");
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '$' && i + 1 < field.length() && field.charAt(i + 1) == '{') {
        int close = field.indexOf('}', i + 2);
        if (close > 0) {
          placeholder(b, field.substring(i + 2, close), index, i == last);
          i = close;
          continue;
        }
      }
      if (c == '*') {
        b.run(index == 5 ? GlobClasses.ANY : GlobClasses.NOT_COLON);
      } else {
        b.literal(String.valueOf(c));
      }
    }
  }

  private static void placeholder(GlobClasses.Builder b, String name, int index, boolean last) {
    switch (index) {
      case 1 -> b.some(GlobClasses.LOWER | GlobClasses.DASH);
      case 3 -> b.some(GlobClasses.LOWER | GlobClasses.DIGIT | GlobClasses.DASH);
      case 0, 2, 4 -> b.some(GlobClasses.NAME);
      default -> {
        if (name.equals("BucketName")) {
          b.some(GlobClasses.NAME);
        } else if (last || name.contains("Path") || name.equals("LogGroupName")) {
          b.some(GlobClasses.ANY);
        } else {
          b.some(GlobClasses.ANY & ~GlobClasses.SLASH);
        }
      }
    }
  }
}
