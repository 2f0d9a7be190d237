package dev.iampolicyls.semantics;

import dev.iampolicyls.catalog.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A resource type's ARN format from the catalog ({@code arn:${Partition}:s3:::${BucketName}}) read
 * as a language of ARNs whose placeholders have types:
 *
 * <ul>
 *   <li>the partition is lower-case letters and dashes ({@code aws-us-gov});
 *   <li>the Region is lower-case letters, digits and dashes, never empty;
 *   <li>the account is 12 digits, or {@code aws} or empty (AWS-owned resources: public AMIs, SSM
 *       documents, AWS managed policies);
 *   <li>a bucket name never holds {@code /} or {@code :};
 *   <li>the resource part's last placeholder may hold anything ({@code /} for a path or key, {@code
 *       :} for a Lambda qualifier): the catalog does not say which do, and AWS's own policies name
 *       nested log groups, ECR namespaces and secret paths there;
 *   <li>any other placeholder of the resource part is an id or name without {@code /}, unless its
 *       name says it is a path ({@code ...Path}) or a log group (whose names are paths);
 *   <li>a {@code *} written in a format stands for anything.
 * </ul>
 *
 * <p>Where this model is wider than AWS's naming rules (case, colons in names), the answer leans to
 * "may match", which keeps the checks silent. A format listing several ARNs ({@code arn:a, arn:b})
 * and the account's three shapes become alternatives.
 */
public final class ResourceFormat {
  private static final Pattern SEPARATOR = Pattern.compile(",\\s*(?=arn:)");

  /** Marks a field whose value is held fixed on both sides (see {@link #fixing}). */
  static final char PARTITION_MARK = '\u0002';

  static final char ACCOUNT_MARK = '\u0003';

  private static final int PARTITION_CHARS = ResourceGlob.LOWER | ResourceGlob.DASH;
  private static final int REGION_CHARS =
      ResourceGlob.LOWER | ResourceGlob.DIGIT | ResourceGlob.DASH;

  /** Wide on purpose: a template's {@code <bucket>} is INVALID_ARN territory, not a type. */
  private static final int BUCKET_CHARS = ResourceGlob.NOT_SLASH_OR_COLON;

  private final ResourceType type;
  private final String namespace;
  private final List<List<String>> alternatives;
  private final List<ResourceGlob> globs;
  private final List<Fields> byField;
  private final List<String> resourceHeads;

  private ResourceFormat(ResourceType type) {
    this.type = type;
    List<List<String>> alts = new ArrayList<>();
    for (String f : SEPARATOR.split(type.arnFormat())) {
      alts.add(ResourcePattern.fields(f.strip()));
    }
    this.alternatives = List.copyOf(alts);
    String ns = null;
    for (List<String> f : alternatives) {
      String service = f.size() == 6 ? f.get(2) : "${}";
      if (service.contains("${") || service.contains("*") || (ns != null && !ns.equals(service))) {
        ns = null; // a placeholder namespace (backup's ${Vendor}): any service's ARNs may fit
        break;
      }
      ns = service.toLowerCase(Locale.ROOT);
    }
    this.namespace = ns;
    this.globs = compile(false, false);
    this.byField = compileByField();
    List<String> heads = new ArrayList<>();
    for (List<String> f : alternatives) {
      heads.add(f.size() == 6 ? ResourcePattern.head(f.get(5), "*$") : "");
    }
    this.resourceHeads = List.copyOf(heads);
  }

  /**
   * Keyed by the format text, whose hash the catalog's string keeps, not by the record: its
   * generated equals costs start-up time (see GrantAnalysis). Types of one format share a list.
   */
  private static final Map<String, List<ResourceFormat>> CACHE = new ConcurrentHashMap<>();

  /** The compiled format of a catalog resource type; compiled once. */
  public static ResourceFormat of(ResourceType type) {
    List<ResourceFormat> same = CACHE.get(type.arnFormat());
    if (same != null) {
      for (ResourceFormat f : same) {
        if (f.type == type || f.type.name().equals(type.name())) {
          return f;
        }
      }
    }
    if (CACHE.size() > 20_000) {
      CACHE.clear(); // types of replaced catalogs: stay bounded
    }
    ResourceFormat f = new ResourceFormat(type);
    CACHE.merge(
        type.arnFormat(),
        List.of(f),
        (old, mine) -> {
          List<ResourceFormat> both = new ArrayList<>(old);
          both.addAll(mine);
          return List.copyOf(both);
        });
    return f;
  }

  public ResourceType type() {
    return type;
  }

  /** The service namespace every ARN of this type carries, or null when it is a placeholder. */
  public String namespace() {
    return namespace;
  }

  /** "s3 object": the namespace and type name, for messages. */
  public String label() {
    return (namespace == null ? "" : namespace + " ") + type.name();
  }

  /**
   * Whether the other type's ARNs extend this named type's, after a {@code /} or {@code :}: an
   * object of a bucket, an index of a table, a version of a function. Such a mix-up is a mistake
   * whatever the catalog lists, as the ARN's shape says which one is meant. A parent that names no
   * one resource (Glue's root {@code catalog}) is not one: its children are peers the catalog may
   * simply not list.
   */
  public boolean nests(ResourceFormat child) {
    String parent = type.arnFormat();
    String other = child.type.arnFormat();
    return parent.endsWith("}")
        && other.length() > parent.length()
        && other.startsWith(parent)
        && (other.charAt(parent.length()) == '/' || other.charAt(parent.length()) == ':');
  }

  /**
   * Whether a resource part starting with this literal text may be of this type: one of the
   * alternatives' literal starts is a prefix of it, or it of that one.
   */
  boolean mayStartWith(String head) {
    for (String h : resourceHeads) {
      if (h.startsWith(head) || head.startsWith(h)) {
        return true;
      }
    }
    return false;
  }

  /** The alternatives of the language. */
  List<ResourceGlob> globs() {
    return globs;
  }

  /**
   * The language with the partition (and, when asked, the account) held to one fixed value, the
   * same mark a policy pattern puts there ({@link ResourcePattern#surely}): "every role of one
   * account" is then plain covering. A format with no account placeholder keeps its account.
   */
  List<ResourceGlob> fixing(boolean partition, boolean account) {
    int which = (partition ? 1 : 0) + (account ? 2 : 0);
    List<ResourceGlob> fixed = fixings[which];
    if (fixed == null) {
      fixed = compile(partition, account);
      fixings[which] = fixed; // a benign race: both compile the same
    }
    return fixed;
  }

  /** {@link #fixing} per combination of what is held fixed, compiled on first use. */
  @SuppressWarnings("unchecked")
  private final List<ResourceGlob>[] fixings = new List[4];

  /**
   * One alternative field by field: the first four fields, the account's shapes, the resource part.
   * No field before the resource part holds a colon, on either side, so two ARN languages meet iff
   * each field does: small comparisons instead of one over the whole text.
   */
  record Fields(ResourceGlob[] head, List<ResourceGlob> accounts, ResourceGlob resource) {}

  /** The alternatives field by field, or null when one of them has fewer than six fields. */
  List<Fields> byField() {
    return byField;
  }

  private List<Fields> compileByField() {
    List<Fields> out = new ArrayList<>();
    for (List<String> fields : alternatives) {
      if (fields.size() < 6) {
        return null;
      }
      ResourceGlob[] head = new ResourceGlob[4];
      for (int k = 0; k < 4; k++) {
        ResourceGlob.Builder b = ResourceGlob.builder();
        appendField(b, fields.get(k), k);
        head[k] = b.build();
      }
      List<ResourceGlob> accounts = new ArrayList<>();
      String account = fields.get(4);
      if (isPlaceholder(account)) {
        ResourceGlob.Builder digits = ResourceGlob.builder();
        for (int i = 0; i < 12; i++) {
          digits.one(ResourceGlob.DIGIT);
        }
        accounts.add(digits.build());
        accounts.add(ResourceGlob.builder().literal("aws").build());
        accounts.add(ResourceGlob.builder().build());
      } else {
        ResourceGlob.Builder b = ResourceGlob.builder();
        appendField(b, account, 4);
        accounts.add(b.build());
      }
      ResourceGlob.Builder resource = ResourceGlob.builder();
      appendField(resource, fields.get(5), 5);
      out.add(new Fields(head, List.copyOf(accounts), resource.build()));
    }
    return List.copyOf(out);
  }

  private List<ResourceGlob> compile(boolean fixPartition, boolean fixAccount) {
    List<ResourceGlob> out = new ArrayList<>();
    for (List<String> fields : alternatives) {
      if (fields.size() < 6) {
        ResourceGlob.Builder b = ResourceGlob.builder();
        appendField(b, String.join(":", fields), 5);
        out.add(b.build());
        continue;
      }
      String account = fields.get(4);
      List<String> accounts;
      if (isPlaceholder(account)) {
        accounts = fixAccount ? List.of(String.valueOf(ACCOUNT_MARK)) : List.of("#12", "aws", "");
      } else {
        accounts = List.of(account);
      }
      for (String acc : accounts) {
        ResourceGlob.Builder b = ResourceGlob.builder();
        b.literal(fields.get(0)).literal(":");
        if (fixPartition && isPlaceholder(fields.get(1))) {
          b.literal(String.valueOf(PARTITION_MARK));
        } else {
          appendField(b, fields.get(1), 1);
        }
        b.literal(":");
        appendField(b, fields.get(2), 2);
        b.literal(":");
        appendField(b, fields.get(3), 3);
        b.literal(":");
        if (acc.equals("#12")) {
          for (int i = 0; i < 12; i++) {
            b.one(ResourceGlob.DIGIT);
          }
        } else if (acc == account) {
          appendField(b, acc, 4);
        } else {
          b.literal(acc);
        }
        b.literal(":");
        appendField(b, fields.get(5), 5);
        out.add(b.build());
      }
    }
    return List.copyOf(out);
  }

  private static boolean isPlaceholder(String field) {
    return field.startsWith("${") && field.indexOf('}') == field.length() - 1;
  }

  /** One field of the format, its placeholders typed by field and name. */
  private static void appendField(ResourceGlob.Builder b, String field, int index) {
    int lastPlaceholder = field.lastIndexOf("${");
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '$' && i + 1 < field.length() && field.charAt(i + 1) == '{') {
        int close = field.indexOf('}', i + 2);
        if (close > 0) {
          String name = field.substring(i + 2, close);
          placeholder(b, name, index, i == lastPlaceholder);
          i = close;
          continue;
        }
      }
      if (c == '*') {
        b.run(ResourceGlob.ANY);
      } else {
        b.literal(String.valueOf(c));
      }
    }
  }

  private static void placeholder(ResourceGlob.Builder b, String name, int index, boolean last) {
    switch (index) {
      case 1 -> b.some(PARTITION_CHARS);
      case 2, 4 -> b.some(ResourceGlob.NOT_SLASH_OR_COLON);
      case 3 -> b.some(REGION_CHARS);
      default -> {
        if (name.equals("BucketName")) {
          b.some(BUCKET_CHARS);
        } else if (last || name.contains("Path") || name.equals("LogGroupName")) {
          b.some(ResourceGlob.ANY);
        } else {
          b.some(ResourceGlob.NOT_SLASH);
        }
      }
    }
  }
}
