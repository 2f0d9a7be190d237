package dev.iampolicyls.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An AWS service (one IAM service prefix). Its actions, resource types and condition keys are
 * decoded from the catalog on first access.
 */
public final class Service {
  private final Catalog catalog;
  private final String prefix;
  private final String name;
  private final int actionCount;
  private final int usage;
  private final int bodyOffset;
  private final String docSlug;
  private volatile Body body;
  private ActionConditionKeys.Carriers keyCarriers; // built on first use; a benign race builds

  // an equal, immutable index

  Service(Catalog catalog, String prefix, String name, int actionCount, int usage, int bodyOffset) {
    this.catalog = catalog;
    this.prefix = prefix;
    this.name = name;
    this.actionCount = actionCount;
    this.usage = usage;
    this.bodyOffset = bodyOffset;
    this.docSlug = DocumentationUrls.slug(prefix, name);
  }

  /** The IAM service prefix, e.g. {@code s3}. */
  public String prefix() {
    return prefix;
  }

  /** The display name, e.g. {@code Amazon S3}. */
  public String name() {
    return name;
  }

  /** Actions sorted case-insensitively by name. */
  public List<Action> actions() {
    return body().actions;
  }

  /** Its actions by the condition keys they name, for {@link ActionConditionKeys}. */
  ActionConditionKeys.Carriers keyCarriers() {
    ActionConditionKeys.Carriers carriers = keyCarriers;
    if (carriers == null) {
      carriers = new ActionConditionKeys.Carriers(actions());
      keyCarriers = carriers;
    }
    return carriers;
  }

  public int actionCount() {
    return actionCount;
  }

  /** How many AWS managed policies name any of the service's actions ({@link UsageCounts}). */
  public int usage() {
    return usage;
  }

  /** Case-insensitive lookup of an action by its unqualified name. */
  public Optional<Action> action(String actionName) {
    return Optional.ofNullable(body().actionsByLowerName.get(actionName.toLowerCase(Locale.ROOT)));
  }

  public List<ResourceType> resourceTypes() {
    return body().resourceTypes;
  }

  /** Case-insensitive lookup of a resource type. */
  public Optional<ResourceType> resourceType(String typeName) {
    return Optional.ofNullable(
        body().resourceTypesByLowerName.get(typeName.toLowerCase(Locale.ROOT)));
  }

  /** The condition keys the service documents (these include some {@code aws:} keys). */
  public List<ConditionKey> conditionKeys() {
    return body().conditionKeys;
  }

  /** The slug of the service's page in the Service Authorization Reference. */
  public String docSlug() {
    return docSlug;
  }

  /** Link to the service's page in the Service Authorization Reference. */
  public String documentationUrl() {
    return DocumentationUrls.servicePage(docSlug);
  }

  @Override
  public String toString() {
    return prefix;
  }

  private Body body() {
    Body b = body;
    if (b == null) {
      synchronized (this) {
        b = body;
        if (b == null) {
          try {
            b = decode();
          } catch (IOException e) {
            throw new UncheckedIOException("Corrupt catalog data for service " + prefix, e);
          }
          body = b;
        }
      }
    }
    return b;
  }

  private Body decode() throws IOException {
    CatalogFormat.Reader r = new CatalogFormat.Reader(catalog.data(), bodyOffset);
    Catalog.Strings s = catalog.strings();

    int rtCount = r.varint();
    List<ResourceType> rts = new ArrayList<>(rtCount);
    Map<String, ResourceType> rtByName = new HashMap<>(rtCount * 2);
    for (int i = 0; i < rtCount; i++) {
      String rtName = s.get(r.varint());
      String arn = s.get(r.varint());
      ResourceType rt = new ResourceType(rtName, arn, readStrings(r, s));
      rts.add(rt);
      rtByName.putIfAbsent(rtName.toLowerCase(Locale.ROOT), rt);
    }

    int ckCount = r.varint();
    List<ConditionKey> cks = new ArrayList<>(ckCount);
    for (int i = 0; i < ckCount; i++) {
      cks.add(catalog.conditionKeyAt(r.varint()));
    }

    int acCount = r.varint();
    List<Action> actions = new ArrayList<>(acCount);
    Map<String, Action> byName = new HashMap<>(acCount * 2);
    AccessLevel[] levels = AccessLevel.values();
    for (int i = 0; i < acCount; i++) {
      String acName = s.get(r.varint());
      String desc = s.get(r.varint());
      int level = r.u8();
      if (level >= levels.length) {
        throw new IOException("Bad access level " + level);
      }
      int usage = r.varint();
      int n = r.varint();
      List<ActionResource> resources = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        String resName = s.get(r.varint());
        boolean required = r.u8() != 0;
        int rtIndex = r.varint() - 1;
        ResourceType resolved = rtIndex >= 0 && rtIndex < rts.size() ? rts.get(rtIndex) : null;
        List<String> resKeys = readStrings(r, s);
        List<String> resDeps = readStrings(r, s);
        resources.add(new ActionResource(resName, required, resKeys, resDeps, resolved));
      }
      List<String> keys = readStrings(r, s);
      List<String> deps = readStrings(r, s);
      Action a = new Action(this, acName, desc, levels[level], resources, keys, deps, usage, i);
      actions.add(a);
      byName.putIfAbsent(acName.toLowerCase(Locale.ROOT), a);
    }
    return new Body(
        Collections.unmodifiableList(actions),
        byName,
        Collections.unmodifiableList(rts),
        rtByName,
        Collections.unmodifiableList(cks));
  }

  private static List<String> readStrings(CatalogFormat.Reader r, Catalog.Strings s)
      throws IOException {
    int n = r.varint();
    if (n == 0) {
      return List.of();
    }
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = s.get(r.varint());
    }
    return List.of(out);
  }

  private record Body(
      List<Action> actions,
      Map<String, Action> actionsByLowerName,
      List<ResourceType> resourceTypes,
      Map<String, ResourceType> resourceTypesByLowerName,
      List<ConditionKey> conditionKeys) {}
}
