package dev.iampolicyls.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.service.PolicyLanguageService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The least-privilege codes over the AWS managed policies: AdministratorAccess is full admin,
 * ReadOnlyAccess escalates nothing, and the counts per code are printed so they can be judged.
 */
class LeastPrivilegeManagedPoliciesTest {
  private static final Path DIR =
      Path.of(System.getProperty("managedPolicies.dir", "target/aws-managed-policies"));
  private static final Set<String> CODES =
      Set.of(
          "FULL_ADMIN_ACCESS",
          "SERVICE_WILDCARD",
          "RESOURCE_STAR",
          "ALLOW_WITH_NOT_ACTION",
          "ALLOW_WITH_NOT_RESOURCE",
          "PERMISSIONS_MANAGEMENT",
          "PRIVILEGE_ESCALATION",
          "CREDENTIALS_EXPOSURE",
          "DATA_EXFILTRATION",
          "PUBLIC_ACCESS");

  private final PolicyLanguageService service = new PolicyLanguageService(Catalog.bundled());

  private List<String> codesOf(String policyName) throws IOException {
    String text = Files.readString(DIR.resolve(policyName + ".json"), StandardCharsets.UTF_8);
    return service.analyze(text, null, true).findings().stream()
        .map(f -> f.code().id())
        .filter(CODES::contains)
        .toList();
  }

  @Test
  void administratorAccessIsFullAdminAndNothingElse() throws IOException {
    assertEquals(List.of("FULL_ADMIN_ACCESS"), codesOf("AdministratorAccess"));
  }

  @Test
  void readOnlyAccessEscalatesNothing() throws IOException {
    List<String> codes = codesOf("ReadOnlyAccess");
    assertTrue(!codes.contains("PRIVILEGE_ESCALATION"), codes.toString());
    assertTrue(!codes.contains("PERMISSIONS_MANAGEMENT"), codes.toString());
  }

  @Test
  void countsPerCode() throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (Finding f : service.analyze(text, null, true).findings()) {
          if (CODES.contains(f.code().id())) {
            counts.merge(f.code().id(), 1, Integer::sum);
          }
        }
      }
    }
    System.err.println("managed policies: least-privilege findings by code " + counts);
    // Managed policies are identity policies: nothing in them is public.
    assertEquals(null, counts.get("PUBLIC_ACCESS"));
  }
}
