package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonParser;
import dev.iampolicyls.catalog.CatalogConverter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The iamPolicy.catalog.path setting switches the catalog the open documents are checked with. */
class CatalogSettingProtocolTest {
  private static final String WIDGET_POLICY =
      "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\","
          + " \"Action\": \"widgets:GetWidget\", \"Resource\": \"*\"}}";

  @TempDir Path root;

  private PipedConnection<RecordingClient> connection;
  private RecordingClient client;
  private LanguageServer remote;

  @BeforeEach
  void connect() throws IOException {
    connection = PipedConnection.open();
    client = connection.client();
    remote = connection.remote();
  }

  @AfterEach
  void disconnect() throws IOException {
    connection.close();
  }

  private static List<String> codes(PublishDiagnosticsParams p) {
    return p.getDiagnostics().stream().map(d -> d.getCode().getLeft()).sorted().toList();
  }

  private void pushCatalogPath(String path) {
    String section = path == null ? "{}" : "{\"catalog\": {\"path\": \"" + path + "\"}}";
    remote
        .getWorkspaceService()
        .didChangeConfiguration(
            new DidChangeConfigurationParams(
                JsonParser.parseString("{\"iamPolicy\": " + section + "}").getAsJsonObject()));
  }

  @Test
  void theSettingSwitchesCatalogsAndBack() throws Exception {
    Path catalog = root.resolve("catalog.bin");
    try (OutputStream out = Files.newOutputStream(catalog)) {
      CatalogConverter.convert(Path.of("src/test/resources/catalog-fixture"), out);
    }
    InitializeParams params = new InitializeParams();
    params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "root")));
    params.setCapabilities(new ClientCapabilities());
    remote.initialize(params).get(10, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());

    String uri = root.resolve("p.json").toUri().toString();
    remote
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(new TextDocumentItem(uri, "json", 1, WIDGET_POLICY)));
    client.await(p -> p.getUri().equals(uri) && codes(p).contains("INVALID_SERVICE_IN_ACTION"));

    // A relative path resolves against the workspace folder.
    pushCatalogPath("catalog.bin");
    client.await(p -> p.getUri().equals(uri) && codes(p).isEmpty());

    // A file that cannot be read falls back to the bundled catalog.
    pushCatalogPath(root.resolve("missing.bin").toString().replace('\\', '/'));
    client.await(p -> p.getUri().equals(uri) && codes(p).contains("INVALID_SERVICE_IN_ACTION"));

    pushCatalogPath(catalog.toString().replace('\\', '/'));
    client.await(p -> p.getUri().equals(uri) && codes(p).isEmpty());
    pushCatalogPath(null);
    PublishDiagnosticsParams back =
        client.await(p -> p.getUri().equals(uri) && codes(p).contains("INVALID_SERVICE_IN_ACTION"));
    assertNotNull(back);
  }

  @Test
  void catalogsAreLoadedOffTheThreadThatReadsTheClientsMessages() throws Exception {
    Path catalog = root.resolve("catalog.bin");
    try (OutputStream out = Files.newOutputStream(catalog)) {
      CatalogConverter.convert(Path.of("src/test/resources/catalog-fixture"), out);
    }
    List<String> loadingThreads = new CopyOnWriteArrayList<>();
    Handler threads =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getMessage().startsWith("IAM catalog in use")) {
              loadingThreads.add(Thread.currentThread().getName());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger log = Logger.getLogger(CatalogSetting.class.getName());
    log.addHandler(threads);
    try {
      InitializeParams params = new InitializeParams();
      params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "root")));
      remote.initialize(params).get(10, TimeUnit.SECONDS);
      remote.initialized(new InitializedParams());
      String uri = root.resolve("p.json").toUri().toString();
      remote
          .getTextDocumentService()
          .didOpen(
              new DidOpenTextDocumentParams(new TextDocumentItem(uri, "json", 1, WIDGET_POLICY)));
      pushCatalogPath("catalog.bin");
      client.await(p -> p.getUri().equals(uri) && codes(p).isEmpty());
      // The bundled catalog in use at start, then the user's.
      assertEquals(
          List.of("iam-policy-ls-diagnostics", "iam-policy-ls-diagnostics"), loadingThreads);
    } finally {
      log.removeHandler(threads);
    }
  }
}
