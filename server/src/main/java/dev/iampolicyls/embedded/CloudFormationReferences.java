package dev.iampolicyls.embedded;

import dev.iampolicyls.catalog.TabSeparatedTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a reference to a resource of the same template gives: {@code Ref} and each {@code
 * Fn::GetAtt} attribute of the common resource types, as an ARN of a known shape, a name or id that
 * sits in such an ARN, or some other value. Read from {@code cloudformation-references.tsv}, whose
 * header names its sources.
 */
public final class CloudFormationReferences {
  /** The name of the {@code Ref} row of a type, beside its attributes. */
  public static final String REF = "Ref";

  private static final String TABLE = "/dev/iampolicyls/embedded/cloudformation-references.tsv";

  /** What kind of value a reference gives. */
  public enum Kind {
    /** An ARN, of the shape {@link ReturnValue#arn()}. */
    ARN,
    /** A name that sits at {@code ${Name}} in {@link ReturnValue#arn()}. */
    NAME,
    /** An id that sits at {@code ${Name}} in {@link ReturnValue#arn()}. */
    ID,
    /** A URL: neither an ARN nor part of one. */
    URL,
    /** Anything else: an endpoint, a number, a unique id no ARN holds. */
    OTHER
  }

  /**
   * One return value of a resource type.
   *
   * @param value {@link #REF} or the attribute's name
   * @param iamResourceType the catalog's resource type, {@code service:type}; empty for URL and
   *     OTHER
   * @param arn the resource's ARN with {@code ${Partition}}, {@code ${Region}}, {@code ${Account}}
   *     and {@code ${Name}} (where a name or id goes, or the resource's own name); empty for URL
   *     and OTHER
   */
  public record ReturnValue(
      String resourceType, String value, Kind kind, String iamResourceType, String arn) {

    /** Whether the value is an ARN or fills one: the reference stands for a resource. */
    public boolean namesResource() {
      return !arn.isEmpty();
    }

    /** The service prefix of the ARN, e.g. {@code s3}; empty when there is none. */
    public String service() {
      int colon = iamResourceType.indexOf(':');
      return colon < 0 ? "" : iamResourceType.substring(0, colon);
    }

    /** The catalog's name of the resource type, e.g. {@code bucket}; empty when there is none. */
    public String iamTypeName() {
      int colon = iamResourceType.indexOf(':');
      return colon < 0 ? "" : iamResourceType.substring(colon + 1);
    }

    /**
     * What a name or id of this kind looks like for the resource {@code logicalId}, as it stands in
     * inside an ARN: the logical id, or for a KMS alias, whose Ref is its whole name, {@code
     * alias/} and the logical id.
     */
    public String valueStandIn(String logicalId) {
      return iamResourceType.equals("kms:alias") ? "alias/" + logicalId : logicalId;
    }

    /**
     * The ARN with its fields filled: {@code ${Name}} and any part CloudFormation chooses (a
     * cluster, a revision) by {@code name}, the others by the given values.
     */
    public String arnWith(String partition, String region, String account, String name) {
      StringBuilder out = new StringBuilder();
      int i = 0;
      while (i < arn.length()) {
        int open = arn.indexOf("${", i);
        int close = open < 0 ? -1 : arn.indexOf('}', open);
        if (close < 0) {
          out.append(arn, i, arn.length());
          break;
        }
        out.append(arn, i, open);
        out.append(
            switch (arn.substring(open + 2, close)) {
              case "Partition" -> partition;
              case "Region" -> region;
              case "Account" -> account;
              default -> name;
            });
        i = close + 1;
      }
      return out.toString();
    }
  }

  private static final Map<String, List<ReturnValue>> BY_TYPE = load();

  /** The types the table has variants of ({@code TYPE Property=value} rows). */
  private static final Set<String> VARIED =
      BY_TYPE.keySet().stream()
          .filter(t -> t.indexOf(' ') > 0)
          .map(t -> t.substring(0, t.indexOf(' ')))
          .collect(Collectors.toUnmodifiableSet());

  private CloudFormationReferences() {}

  /**
   * The table's name for a resource: its type, or the variant of the type its properties pick
   * ({@code AWS::ElasticLoadBalancingV2::LoadBalancer Type=network} for a network load balancer).
   */
  public static String tableType(String resourceType, HostValue.Mapping properties) {
    if (properties != null && VARIED.contains(resourceType)) {
      for (HostValue.Entry e : properties.entries()) {
        if (e.value() instanceof HostValue.Scalar value) {
          String variant = variant(resourceType, e.key().value(), value.value());
          if (variant != null) {
            return variant;
          }
        }
      }
    }
    return resourceType;
  }

  /** Whether a property's value may pick a variant of this type in the table. */
  public static boolean variesByProperty(String resourceType) {
    return VARIED.contains(resourceType);
  }

  /** The table's variant of a type that a property's value picks; null when there is none. */
  public static String variant(String resourceType, String property, String value) {
    if (!VARIED.contains(resourceType)) {
      return null;
    }
    String variant = resourceType + " " + property + "=" + value;
    return BY_TYPE.containsKey(variant) ? variant : null;
  }

  /** What {@code Ref} gives for a resource of this type, if known. */
  public static Optional<ReturnValue> ref(String resourceType) {
    return attribute(resourceType, REF);
  }

  /** What {@code Fn::GetAtt} of this attribute gives, if known. */
  public static Optional<ReturnValue> attribute(String resourceType, String attribute) {
    for (ReturnValue v : of(resourceType)) {
      if (v.value().equals(attribute)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** Every known return value of a type, {@code Ref} first; empty for a type not in the table. */
  public static List<ReturnValue> of(String resourceType) {
    return BY_TYPE.getOrDefault(resourceType, List.of());
  }

  /** Every row of the table, in its order. */
  public static List<ReturnValue> all() {
    List<ReturnValue> all = new ArrayList<>();
    BY_TYPE.values().forEach(all::addAll);
    return all;
  }

  private static Map<String, List<ReturnValue>> load() {
    Map<String, List<ReturnValue>> byType = new LinkedHashMap<>();
    for (String[] row : TabSeparatedTable.rows(TABLE, 5)) {
      if (row[0].equals("type")) {
        continue; // the column names
      }
      ReturnValue value =
          new ReturnValue(
              row[0],
              row[1],
              Kind.valueOf(row[2].toUpperCase(Locale.ROOT)),
              row[3].equals("-") ? "" : row[3],
              row[4].equals("-") ? "" : row[4]);
      byType.computeIfAbsent(row[0], k -> new ArrayList<>()).add(value);
    }
    byType.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(byType);
  }
}
