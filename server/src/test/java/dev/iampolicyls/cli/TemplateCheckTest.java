package dev.iampolicyls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code check} on CloudFormation and SAM templates found by content in folders. */
class TemplateCheckTest {
  @TempDir Path dir;

  private static final String TEMPLATE =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        AppRole:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Principal: {Service: lambda.amazonaws.com}
                  Action: sts:AssumeRole
            Policies:
              - PolicyName: read
                PolicyDocument:
                  Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Action: s3:GetObjekt
                      Resource: !Sub arn:${AWS::Partition}:s3:::${DataBucket}/*
      """;

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private List<String> paths(JsonNode report) {
    List<String> paths = new ArrayList<>();
    report
        .get("files")
        .forEach(f -> paths.add(f.get("path").asString().substring(dir.toString().length() + 1)));
    return paths;
  }

  @Test
  void templatesAreFoundByContentAndEachPolicyIsNamedInTheFile() throws IOException {
    write("infra/app.yaml", TEMPLATE);
    write("infra/app.template", TEMPLATE.replace("GetObjekt", "GetObject"));
    write(".github/workflows/ci.yml", "name: CI\non: [push]\njobs: {build: {runs-on: x}}\n");
    write("k8s/app.yml", "apiVersion: v1\nkind: ConfigMap\n---\nkind: Service\n");
    write("policy.json", "{\"Version\": \"2012-10-17\", \"Statement\": []}");
    CliRun run = CliRun.run("check", "--format", "json", dir.toString());
    JsonNode report = run.json();
    assertEquals(
        List.of(
            "infra/app.template#Resources/AppRole/AssumeRolePolicyDocument",
            "infra/app.template#Resources/AppRole/Policies/read",
            "infra/app.yaml#Resources/AppRole/AssumeRolePolicyDocument",
            "infra/app.yaml#Resources/AppRole/Policies/read",
            "policy.json"),
        paths(report));
    JsonNode read = report.get("files").get(3);
    assertEquals("IDENTITY_POLICY", read.get("policyType").asString());
    assertEquals("TRUST_POLICY", report.get("files").get(2).get("policyType").asString());
    JsonNode finding = read.get("findings").get(0);
    assertEquals("INVALID_ACTION", finding.get("code").asString());
    // line 18 (0-based 17), "s3:GetObjekt" after 16 spaces and "Action: "
    assertEquals(17, finding.at("/range/start/line").asInt());
    assertEquals(24, finding.at("/range/start/character").asInt());
    assertEquals(36, finding.at("/range/end/character").asInt());
    assertEquals(1, read.get("findings").size(), read::toString);
  }

  @Test
  void textAndSarifPointAtTheTemplatesLineAndNameThePolicy() throws IOException {
    write("app.yaml", TEMPLATE);
    CliRun text = CliRun.run("check", dir.resolve("app.yaml").toString());
    assertTrue(
        text.out()
            .contains(
                "app.yaml:18:25: ERROR INVALID_ACTION The service s3 has no action \"GetObjekt\"."
                    + " Did you mean s3:GetObject? [in Resources/AppRole/Policies/read]\n"),
        text.out());
    assertTrue(text.out().contains(" in 1 file, 2 policies inside ("), text.out());
    assertTrue(text.out().contains("                Action: s3:GetObjekt\n"), text.out());

    JsonNode sarif =
        CliRun.run("check", "--format", "sarif", dir.resolve("app.yaml").toString()).json();
    JsonNode result = sarif.at("/runs/0/results/0");
    assertEquals("INVALID_ACTION", result.get("ruleId").asString());
    JsonNode location = result.at("/locations/0");
    assertTrue(
        location.at("/physicalLocation/artifactLocation/uri").asString().endsWith("app.yaml"));
    assertEquals(18, location.at("/physicalLocation/region/startLine").asInt());
    assertEquals(
        "Resources/AppRole/Policies/read",
        location.at("/logicalLocations/0/fullyQualifiedName").asString());
  }

  @Test
  void yamlThatIsNoTemplateIsSkippedEvenWhenNamed() throws IOException {
    // Named on the command line, a workflow was read as JSON: two JSON syntax errors in valid YAML.
    write("deploy.yml", "name: deploy\non: push\njobs:\n  deploy: {runs-on: ubuntu-latest}\n");
    write("broken.yaml", "name: x\njobs: [\n");
    CliRun run =
        CliRun.run(
            "check", dir.resolve("deploy.yml").toString(), dir.resolve("broken.yaml").toString());
    assertEquals(0, run.exitCode(), run.out());
    assertTrue(run.out().endsWith("; 2 files skipped (not policies)\n"), run.out());

    // A JSON policy is also YAML: named, it is checked whatever its name.
    write("policy.yaml", "{\"Version\": \"2012-10-18\", \"Statement\": []}");
    JsonNode report =
        CliRun.run("check", "--format", "json", dir.resolve("policy.yaml").toString()).json();
    assertEquals(List.of("policy.yaml"), paths(report));
    assertEquals(
        "INVALID_VERSION", report.at("/files/0/findings/0/code").asString(), report::toString);
  }

  @Test
  void aBrokenTemplateIsOneSyntaxFindingOfTheFile() throws IOException {
    write("broken.yml", TEMPLATE.replace("Principal: {Service", "Principal: {Service: [x"));
    JsonNode report = CliRun.run("check", "--format", "json", dir.toString()).json();
    assertEquals(List.of("broken.yml"), paths(report));
    JsonNode findings = report.at("/files/0/findings");
    assertEquals(1, findings.size());
    assertEquals("YAML_SYNTAX_ERROR", findings.get(0).get("code").asString());
  }
}
