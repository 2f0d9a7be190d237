package dev.iampolicyls.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.cli.Main;
import dev.iampolicyls.completion.CompletionOptions;
import dev.iampolicyls.config.ConfigFiles;
import dev.iampolicyls.config.ConfigLoader;
import dev.iampolicyls.config.ConfigProblem;
import dev.iampolicyls.config.ProjectConfig;
import dev.iampolicyls.service.PolicyLanguageService;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security promises that need no server process: nothing named in a policy or a configuration
 * is fetched, and a configuration cannot make the tools look outside its folder.
 */
class SecurityTest {
  @TempDir Path tmp;

  private static String policyNaming(String base) {
    return "{\"$schema\": \""
        + base
        + "/s.json\", \"$ref\": \""
        + base
        + "/r.json\", \"$id\": \""
        + base
        + "/id.json\", \"Version\": \"2012-10-17\", \"Statement\": [{\"$ref\": \""
        + base
        + "/statement.json\", \"$schema\": \""
        + base
        + "/s2.json\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
        + " \"Resource\": {\"$ref\": \""
        + base
        + "/resource.json\"}}]}";
  }

  @Test
  void schemaAndRefAddressesInAPolicyOrConfigurationAreNeverFetched() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String base = "http://127.0.0.1:" + listener.getLocalPort();
      String policy = policyNaming(base);
      PolicyLanguageService service = new PolicyLanguageService(Catalog.bundled());
      assertFalse(service.analyze(policy, null, true).findings().isEmpty(), "it was checked");
      for (int offset = 0; offset <= policy.length(); offset += 7) {
        service.complete(policy, offset, null, CompletionOptions.SNIPPETS);
        service.hover(policy, offset, null);
        service.codeActions(policy, offset, offset, null);
      }

      Path file = tmp.resolve("policy.json");
      Files.writeString(file, policy);
      Path config = tmp.resolve(ProjectConfig.FILE_NAME);
      Files.writeString(
          config,
          "{\"$schema\": \""
              + base
              + "/config.json\", \"policyTypes\": [{\"files\": \"*.json\","
              + " \"type\": \"IDENTITY_POLICY\"}]}");
      assertEquals(List.of(), ConfigFiles.read(config).problems());
      int exit = cli("check", "--config", config.toString(), file.toString()).exitCode;
      assertTrue(exit == 0 || exit == 1, "checked, exit " + exit);
      cli("check", "--format", "sarif", file.toString());

      listener.setSoTimeout(300);
      assertThrows(
          SocketTimeoutException.class,
          () -> listener.accept().close(),
          "something connected to an address named in the policy");
    }
  }

  @Test
  void configurationGlobsCannotReachOutsideTheirFolder() {
    for (String glob :
        List.of("../*.json", "../../etc/passwd", "policies/../../x.json", "/etc/*", "C:/x/*")) {
      ProjectConfig config =
          ConfigLoader.load(
              "{\"policyTypes\": [{\"files\": \""
                  + glob
                  + "\", \"type\": \"IDENTITY_POLICY\"}],"
                  + " \"ignore\": [{\"code\": \"MISSING_VERSION\", \"files\": \""
                  + glob
                  + "\", \"reason\": \"r\"}]}",
              Path.of("/work/project"));
      assertEquals(2, config.problems().size(), glob + ": " + config.problems());
      assertEquals(List.of(), config.policyTypes(), glob);
      assertEquals(List.of(), config.ignores(), glob);
    }
    ProjectConfig inside =
        ConfigLoader.load(
            "{\"policyTypes\": [{\"files\": \"a/../b/*.json\", \"type\": \"IDENTITY_POLICY\"}]}",
            Path.of("/work/project"));
    assertEquals(1, inside.problems().size(), "'..' is refused even when it stays inside");
  }

  @Test
  void aConfigurationCannotNameFilesForTheServerToRead() {
    // The catalog and the configuration file are editor settings; the file's schema knows neither.
    ProjectConfig config =
        ConfigLoader.load(
            "{\"catalog\": {\"path\": \"/etc/passwd\"}, \"configFile\": \"../../etc/passwd\"}",
            Path.of("/work/project"));
    assertEquals(2, config.problems().size(), config.problems().toString());
    for (ConfigProblem p : config.problems()) {
      assertTrue(p.length() > 0, "each problem points at its key");
    }
  }

  @Test
  void aFolderWalkDoesNotFollowSymbolicLinksOut() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path secret = outside.resolve("secret.json");
    Files.writeString(secret, "{\"Statement\": [{\"Sid\": \"SECRET-MARKER\"}]}");
    Path project = Files.createDirectories(tmp.resolve("project"));
    Files.writeString(
        project.resolve("ok.json"),
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
            + " \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}]}");
    Files.createSymbolicLink(project.resolve("link.json"), secret);
    Files.createSymbolicLink(project.resolve("linked-folder"), outside);
    Cli run = cli("check", "--format", "json", project.toString());
    assertTrue(run.out.contains("ok.json"), run.out);
    assertFalse(run.out.contains("link"), run.out);
    assertFalse(run.out.contains("secret"), run.out);
  }

  private record Cli(int exitCode, String out, String err) {}

  private static Cli cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new ByteArrayInputStream("".getBytes(StandardCharsets.UTF_8)),
            args);
    return new Cli(code, out.toString(), err.toString());
  }
}
