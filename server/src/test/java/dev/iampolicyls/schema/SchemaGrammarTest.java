package dev.iampolicyls.schema;

import static org.junit.jupiter.api.Assertions.*;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.SchemaLoader;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class SchemaGrammarTest {
  private static final String META_2020_12 = "https://json-schema.org/draft/2020-12/schema";

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  /** A local server standing in for "the network": it counts every request it gets. */
  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = "{\"type\": \"string\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private static String policySchemaText() throws IOException {
    try (InputStream in =
        SchemaGrammarTest.class.getResourceAsStream(OfflineSchemas.POLICY_SCHEMA_RESOURCE)) {
      assertNotNull(in, "the build copies schemas/ into the jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String schemaReferringToTheServer() {
    return "{\"$schema\": \""
        + META_2020_12
        + "\", \"$id\": \"urn:test:remote-ref\", \"properties\": {\"a\": {\"$ref\":"
        + " \"http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/remote.json\"}}}";
  }

  @Test
  void policySchemaIsValidDraft202012() throws IOException {
    Schema meta = OfflineSchemas.registry().getSchema(SchemaLocation.of(META_2020_12));
    String text = policySchemaText();
    assertEquals(List.of(), meta.validate(text, InputFormat.JSON));
    JsonNode schema = new ObjectMapper().readTree(text);
    assertEquals(META_2020_12, schema.get("$schema").asString());
    assertEquals(OfflineSchemas.POLICY_SCHEMA_ID, schema.get("$id").asString());
    assertEquals(0, requests.get());
  }

  /** Guards the test above against passing vacuously: the meta-schema does reject nonsense. */
  @Test
  void metaSchemaRejectsABrokenSchema() {
    Schema meta = OfflineSchemas.registry().getSchema(SchemaLocation.of(META_2020_12));
    assertFalse(meta.validate("{\"type\": 5, \"required\": \"x\"}", InputFormat.JSON).isEmpty());
  }

  @Test
  void everyElementHasADescription() throws IOException {
    JsonNode schema = new ObjectMapper().readTree(policySchemaText());
    List<String> undescribed = new ArrayList<>();
    collectUndescribed(schema, "#", undescribed);
    assertEquals(List.of(), undescribed);
  }

  /** Every named element (under properties) and every definition carries a description. */
  private static void collectUndescribed(JsonNode node, String where, List<String> out) {
    for (String group : List.of("properties", "$defs")) {
      JsonNode members = node.get(group);
      if (members == null) {
        continue;
      }
      for (Map.Entry<String, JsonNode> e : members.properties()) {
        String at = where + "/" + group + "/" + e.getKey();
        if (!e.getValue().has("description")) {
          out.add(at);
        }
        collectUndescribed(e.getValue(), at, out);
      }
    }
  }

  @Test
  void policySchemaLoadsFromTheJar() {
    assertTrue(PolicySchema.get().available());
    assertEquals(0, requests.get());
  }

  @Test
  void remoteReferenceIsRefusedNotFetched() {
    SchemaRegistry offline = OfflineSchemas.registry();
    String text = schemaReferringToTheServer();
    RuntimeException refused =
        assertThrows(
            RuntimeException.class,
            () -> {
              Schema schema = offline.getSchema(text, InputFormat.JSON);
              schema.validate("{\"a\": 1}", InputFormat.JSON);
            });
    assertTrue(
        String.valueOf(refused.getMessage()).contains("not allowed to be loaded"),
        refused::toString);
    assertEquals(0, requests.get(), "no request may reach the network");
  }

  @Test
  void anUnknownSchemaIdIsRefused() {
    assertThrows(
        RuntimeException.class,
        () -> OfflineSchemas.registry().getSchema(SchemaLocation.of("https://example.com/x.json")));
    assertFalse(
        OfflineSchemas.isAllowed(
            Map.of(), com.networknt.schema.AbsoluteIri.of("http://127.0.0.1/x")));
  }

  /** Proves the test above can see a fetch: a fetching registry does reach the local server. */
  @Test
  void controlAFetchingRegistryWouldReachTheServer() {
    SchemaRegistry fetching =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaLoader(SchemaLoader.builder().fetchRemoteResources().build()));
    Schema schema = fetching.getSchema(schemaReferringToTheServer(), InputFormat.JSON);
    assertEquals(1, schema.validate("{\"a\": 1}", InputFormat.JSON).size());
    assertTrue(requests.get() > 0);
  }
}
