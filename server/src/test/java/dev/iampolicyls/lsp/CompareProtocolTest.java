package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code iamPolicy.compare} through real JSON-RPC: the client sends both texts. */
class CompareProtocolTest {
  private static final String OLD =
      "{\"Version\": \"2012-10-17\", \"Statement\": [\n"
          + "  {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}\n"
          + "]}\n";

  /** The second statement (line 2) adds s3:PutObject; the first grants what OLD did. */
  private static final String NEW =
      "{\"Version\": \"2012-10-17\", \"Statement\": [\n"
          + "  {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"},\n"
          + "  {\"Sid\": \"Write\", \"Effect\": \"Allow\", \"Action\": \"s3:PutObject\","
          + " \"Resource\": \"arn:aws:s3:::b/*\"}\n"
          + "]}\n";

  private PipedConnection<RecordingClient> connection;
  private LanguageServer remote;
  private InitializeResult initialized;

  @BeforeEach
  void connect() throws Exception {
    connection = PipedConnection.open();
    remote = connection.remote();
    InitializeParams params = new InitializeParams();
    params.setCapabilities(new ClientCapabilities());
    initialized = remote.initialize(params).get(10, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
  }

  @AfterEach
  void disconnect() throws IOException {
    connection.close();
  }

  private JsonObject compare(Map<String, Object> arguments) throws Exception {
    Object answer =
        remote
            .getWorkspaceService()
            .executeCommand(
                new ExecuteCommandParams(
                    "iamPolicy.compare", List.of(new Gson().toJsonTree(arguments))))
            .get(30, TimeUnit.SECONDS);
    // The client's side reads an untyped result as maps and lists.
    return new Gson().toJsonTree(answer).getAsJsonObject();
  }

  private static String range(JsonObject statement) {
    JsonObject r = statement.getAsJsonObject("range");
    JsonObject s = r.getAsJsonObject("start");
    JsonObject e = r.getAsJsonObject("end");
    return s.get("line").getAsInt()
        + ":"
        + s.get("character").getAsInt()
        + "-"
        + e.get("line").getAsInt()
        + ":"
        + e.get("character").getAsInt();
  }

  @Test
  void theServerAdvertisesTheCommand() {
    assertEquals(
        List.of("iamPolicy.compare"),
        initialized.getCapabilities().getExecuteCommandProvider().getCommands());
  }

  @Test
  void newAccessComesWithItsWitnessAndTheRangeOfTheStatementInNew() throws Exception {
    JsonObject answer = compare(Map.of("oldText", OLD, "newText", NEW));
    assertEquals("FAIL", answer.get("result").getAsString());
    assertEquals("IDENTITY_POLICY", answer.get("policyType").getAsString());
    assertEquals(1, answer.getAsJsonArray("newAccess").size(), answer.toString());
    JsonObject access = answer.getAsJsonArray("newAccess").get(0).getAsJsonObject();
    assertEquals("s3:PutObject", access.get("action").getAsString());
    assertTrue(
        access.get("resource").getAsString().startsWith("arn:aws:s3:::b/"), access.toString());
    assertTrue(
        access.get("sentence").getAsString().startsWith("s3:PutObject on arn:aws:s3:::b/"),
        access.toString());
    JsonObject statement = access.getAsJsonArray("statements").get(0).getAsJsonObject();
    assertEquals("Statement[1]", statement.get("path").getAsString());
    assertEquals("Write", statement.get("sid").getAsString());
    assertEquals("2:2-2:95", range(statement)); // the whole statement object
  }

  @Test
  void theSameAccessPassesAndTheTypeCanBeGiven() throws Exception {
    JsonObject answer = compare(Map.of("oldText", NEW, "newText", OLD));
    assertEquals("PASS", answer.get("result").getAsString());
    assertEquals(0, answer.getAsJsonArray("newAccess").size());
    JsonObject scp =
        compare(Map.of("oldText", NEW, "newText", OLD, "policyType", "SERVICE_CONTROL_POLICY"));
    assertEquals("SERVICE_CONTROL_POLICY", scp.get("policyType").getAsString());
    assertEquals("PASS", scp.get("result").getAsString());
  }

  @Test
  void aConstructOutsideTheEngineIsUnknownWithItsReason() throws Exception {
    String escape = NEW.replace("\"arn:aws:s3:::b/*\"}\n]", "\"arn:aws:s3:::b/${*}\"}\n]");
    JsonObject answer = compare(Map.of("oldText", OLD, "newText", escape));
    assertEquals("UNKNOWN", answer.get("result").getAsString(), answer.toString());
    assertTrue(answer.getAsJsonArray("unknown").size() > 0, answer.toString());
  }

  @Test
  void aTextThatIsNoPolicyIsAnInvalidParamsError() {
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> compare(Map.of("oldText", "{\"Version\": ", "newText", NEW)));
    ResponseErrorException error = assertInstanceOf(ResponseErrorException.class, e.getCause());
    assertEquals(ResponseErrorCode.InvalidParams.getValue(), error.getResponseError().getCode());
    assertEquals("OLD:1:13: Expected a value", error.getResponseError().getMessage());
  }
}
