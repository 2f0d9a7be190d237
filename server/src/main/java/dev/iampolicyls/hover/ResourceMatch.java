package dev.iampolicyls.hover;

import dev.iampolicyls.catalog.ArnFormats;
import dev.iampolicyls.catalog.ResourceType;
import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.policy.Arn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which resource types a Resource ARN names, and how to say it ("every object in the bucket b").
 *
 * <p>{@link ArnFormats#fits} answers "could it", leaning to yes; to describe an ARN we want the
 * type a reader means, so two refinements: a format whose region or account is a placeholder does
 * not fit an ARN that leaves that part empty (real ARNs of such types always fill it), and among
 * fitting types the one whose fixed text the ARN spells out wins ({@code bucket/*} is an object,
 * not a bucket whose name happens to contain a slash).
 */
final class ResourceMatch {
  /** A resource type with the service that defines it. */
  record TypeOf(Service service, ResourceType type) {}

  private ResourceMatch() {}

  /** Every type of the candidate services an ARN can name (with the refinement on empty parts). */
  static List<TypeOf> fitting(Arn arn, String arnText, Collection<Service> services) {
    List<TypeOf> out = new ArrayList<>();
    for (Service s : services) {
      for (ResourceType t : s.resourceTypes()) {
        if (fitsStrictly(t.arnFormat(), arn, arnText)) {
          out.add(new TypeOf(s, t));
        }
      }
    }
    return out;
  }

  private static boolean fitsStrictly(String format, Arn arn, String arnText) {
    Arn f = Arn.parse(format).orElse(null);
    if (f == null) {
      return ArnFormats.fits(format, arnText);
    }
    if (!f.region().isEmpty() && arn.region().isEmpty()) {
      return false;
    }
    if (!f.account().isEmpty() && arn.account().isEmpty()) {
      return false;
    }
    return ArnFormats.fits(format, arnText);
  }

  /**
   * The types a reader means by this ARN: among the fitting ones (those the statement's actions use
   * when any do), all of them when the resource part is only wildcards, else those whose fixed text
   * the ARN spells out, the most specific first.
   */
  static List<TypeOf> preferred(List<TypeOf> fitting, Set<ResourceType> used, Arn arn) {
    List<TypeOf> pool = fitting.stream().filter(t -> used.contains(t.type())).toList();
    if (pool.isEmpty()) {
      pool = fitting;
    }
    if (pool.size() <= 1 || onlyWildcards(arn.resource())) {
      return sortedByName(pool);
    }
    List<TypeOf> spelled =
        pool.stream().filter(t -> spellsOut(arn.resource(), literals(resourcePart(t)))).toList();
    if (spelled.isEmpty()) {
      spelled = pool;
    }
    int best = spelled.stream().mapToInt(t -> literalLength(resourcePart(t))).max().orElse(0);
    return sortedByName(
        spelled.stream().filter(t -> literalLength(resourcePart(t)) == best).toList());
  }

  /** "every object in the bucket b", "the role Admin", "every table matching Books*". */
  static String describe(List<TypeOf> types, Arn arn, String arnText) {
    if (types.isEmpty()) {
      return arnText;
    }
    if (types.size() > 1 && onlyWildcards(arn.resource())) {
      List<String> names = new ArrayList<>(new LinkedHashSet<>(typeNames(types)));
      return "every " + Phrases.and(names, 3);
    }
    TypeOf t = types.get(0);
    String resource = arn.resource();
    if (t.service().prefix().equals("s3") && t.type().name().equals("object")) {
      return describeObject(resource);
    }
    if (t.service().prefix().equals("s3") && t.type().name().equals("bucket")) {
      return named("bucket", resource);
    }
    String prefix = fixedPrefix(resourcePart(t));
    String name =
        !prefix.isEmpty() && resource.regionMatches(true, 0, prefix, 0, prefix.length())
            ? resource.substring(prefix.length())
            : resource;
    return named(t.type().name(), name);
  }

  static List<String> typeNames(List<TypeOf> types) {
    return types.stream().map(t -> t.type().name()).toList();
  }

  private static String describeObject(String resource) {
    int slash = resource.indexOf('/');
    if (slash < 0) {
      return named("object", resource);
    }
    String bucket = resource.substring(0, slash);
    String key = resource.substring(slash + 1);
    String inBucket = " in " + named("bucket", bucket);
    if (onlyWildcards(key)) {
      return "every object" + inBucket;
    }
    if (key.endsWith("/*") && !WildcardMatcher.hasWildcard(key.substring(0, key.length() - 2))) {
      return "every object under " + key.substring(0, key.length() - 1) + inBucket;
    }
    return named("object", key) + inBucket;
  }

  /** "the bucket b", "every bucket", "every bucket matching logs-*". */
  private static String named(String typeName, String name) {
    if (name.isEmpty() || onlyWildcards(name)) {
      return "every " + typeName;
    }
    if (WildcardMatcher.hasWildcard(name)) {
      return "every " + typeName + " matching " + name;
    }
    return "the " + typeName + " " + name;
  }

  static boolean onlyWildcards(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c == '*' || c == '?');
  }

  private static List<TypeOf> sortedByName(List<TypeOf> types) {
    return types.stream().sorted(Comparator.comparing((TypeOf t) -> t.type().name())).toList();
  }

  private static String resourcePart(TypeOf t) {
    return Arn.parse(t.type().arnFormat()).map(Arn::resource).orElse(t.type().arnFormat());
  }

  /** The fixed text of a format before its first placeholder: {@code role/} for roles. */
  private static String fixedPrefix(String format) {
    int p = format.indexOf("${");
    return p < 0 ? format : format.substring(0, p);
  }

  /** The fixed pieces of a format between its placeholders. */
  private static List<String> literals(String format) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < format.length()) {
      int open = format.indexOf("${", i);
      int end = open < 0 ? format.length() : open;
      if (end > i) {
        out.add(format.substring(i, end).toLowerCase(Locale.ROOT));
      }
      if (open < 0) {
        break;
      }
      int close = format.indexOf('}', open);
      i = close < 0 ? format.length() : close + 1;
    }
    return out;
  }

  private static int literalLength(String format) {
    return literals(format).stream().mapToInt(String::length).sum();
  }

  /** Whether the pieces appear in this order, written out, in the ARN's resource part. */
  private static boolean spellsOut(String resource, List<String> pieces) {
    String r = resource.toLowerCase(Locale.ROOT);
    int from = 0;
    for (String piece : pieces) {
      int at = r.indexOf(piece, from);
      if (at < 0) {
        return false;
      }
      from = at + piece.length();
    }
    return true;
  }
}
