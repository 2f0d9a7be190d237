package dev.iampolicyls.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import dev.iampolicyls.policy.PolicyResourceType;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.schema.OfflineSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code schemas/iam-policy-ls.schema.json} describes what {@link ConfigLoader} reads: the same
 * keys and names, the examples of docs/configuration.md, and the mistakes it refuses.
 */
class ConfigSchemaTest {
  private static final String ID = "https://iam-policy-ls.dev/schemas/iam-policy-ls.schema.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Schema SCHEMA =
      OfflineSchemas.registry(Map.of(ID, "/schemas/iam-policy-ls.schema.json"))
          .getSchema(SchemaLocation.of(ID));

  private static JsonNode read(String text) {
    return MAPPER.readTree(text);
  }

  private static JsonNode schemaJson() throws IOException {
    return read(Files.readString(Path.of("../schemas/iam-policy-ls.schema.json")));
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.propertyNames().forEach(names::add);
    return names;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new TreeSet<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }

  @Test
  void theSchemaNamesTheKeysAndTypesTheLoaderKnows() throws IOException {
    JsonNode schema = schemaJson();
    assertEquals(new TreeSet<>(ConfigLoader.TOP_LEVEL_KEYS), names(schema.get("properties")));
    Set<String> types = new TreeSet<>();
    Arrays.stream(PolicyType.values()).forEach(t -> types.add(t.name()));
    assertEquals(types, strings(schema.at("/$defs/policyType/enum")));
    Set<String> resources = new TreeSet<>();
    Arrays.stream(PolicyResourceType.values()).forEach(t -> resources.add(t.awsName()));
    assertEquals(
        resources,
        strings(schema.at("/properties/policyTypes/items/properties/resourceType/enum")));
    assertEquals(
        Set.of("file", "files", "reason"),
        names(schema.at("/properties/referencePolicies/items/properties")));
    assertEquals(
        Set.of("name", "actions", "resources", "files", "reason"),
        names(schema.at("/properties/guardrails/items/properties")));
  }

  @Test
  void theExamplesOfTheConfigurationPageAreValid() throws IOException {
    String page = Files.readString(Path.of("../docs/configuration.md"), StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("(?ms)^```json\\n(.*?)^```$").matcher(page);
    List<String> examples = new ArrayList<>();
    while (block.find()) {
      examples.add(block.group(1));
    }
    assertEquals(3, examples.size(), "the main example, guardrails and reference policies");
    for (String example : examples) {
      assertEquals(
          Set.of(),
          SCHEMA.validate(read(example)).stream()
              .map(Object::toString)
              .collect(java.util.stream.Collectors.toSet()),
          example);
    }
  }

  @Test
  void mistakesTheLoaderRefusesAreInvalid() {
    for (String bad :
        List.of(
            "{\"referencePolicies\": [{\"files\": \"apps/**\"}]}",
            "{\"referencePolicies\": [{\"file\": \"../org/baseline.json\"}]}",
            "{\"referencePolicies\": [{\"file\": \"/etc/baseline.json\"}]}",
            "{\"referencePolicies\": [{\"file\": \"b.json\", \"reasons\": \"typo\"}]}",
            "{\"guardrails\": [{\"name\": \"x\"}]}",
            "{\"ignore\": [{\"code\": \"MISSING_VERSION\"}]}",
            "{\"checks\": {\"MISSING_VERSION\": \"WARN\"}}",
            "{\"quotas\": {\"roleTrustPolicy\": 1000}}",
            "{\"policyTypes\": [{\"files\": \"a/*.json\"}]}",
            "{\"policyType\": []}")) {
      assertFalse(SCHEMA.validate(read(bad)).isEmpty(), bad);
      assertFalse(ConfigLoader.load(bad, Path.of("/project")).problems().isEmpty(), bad);
    }
  }
}
