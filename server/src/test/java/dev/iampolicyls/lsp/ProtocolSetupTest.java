package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.service.PolicyLanguageService;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.junit.jupiter.api.Test;

/** The protocol set up ahead of need is the one LSP4J's launcher would have built itself. */
class ProtocolSetupTest {
  /** Exposes the builder's own computation. */
  private static final class Builder extends LSPLauncher.Builder<LanguageClient> {
    Map<String, JsonRpcMethod> methods() {
      return getSupportedMethods();
    }
  }

  private static List<String> describe(Map<String, JsonRpcMethod> methods) {
    return methods.entrySet().stream()
        .map(
            e ->
                e.getKey()
                    + (e.getValue().isNotification() ? " notification " : " request ")
                    + Arrays.toString(e.getValue().getParameterTypes())
                    + " -> "
                    + e.getValue().getReturnType())
        .toList();
  }

  @Test
  void theSameMethodsInTheSameOrderAsTheLauncherBuilds() {
    PolicyLanguageServer server =
        new PolicyLanguageServer(new PolicyLanguageService(Catalog.bundled()), 0);
    Builder builder = new Builder();
    builder.setLocalService(server).setRemoteInterface(LanguageClient.class);
    ProtocolSetup setup = ProtocolSetup.start(PolicyLanguageServer.class);
    assertEquals(describe(builder.methods()), describe(setup.supportedMethods()));
  }

  @Test
  void itsHandlerReadsTheFirstMessage() {
    ProtocolSetup setup = ProtocolSetup.start(PolicyLanguageServer.class);
    assertNotNull(setup.jsonHandler());
    var message =
        setup
            .jsonHandler()
            .parseMessage(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                    + "\"params\":{\"processId\":7,\"rootUri\":null,\"capabilities\":{}}}");
    InitializeParams params = (InitializeParams) ((RequestMessage) message).getParams();
    assertEquals(7, params.getProcessId());
  }
}
