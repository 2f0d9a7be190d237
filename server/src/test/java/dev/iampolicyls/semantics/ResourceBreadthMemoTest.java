package dev.iampolicyls.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ResourceType;
import dev.iampolicyls.catalog.Service;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The remembered breadth ({@link ResourceSemantics#breadth(Catalog, String, Action)}: kept per
 * pattern and per set of resource types, with each type's facts shared between sets), and
 * RESOURCE_STAR's shorter question ({@code isEveryResource}), against the plain definition worked
 * out afresh, for random patterns made from the catalog's own ARN formats and random actions, asked
 * in random order so that answers are reused across actions.
 */
class ResourceBreadthMemoTest {
  private static final Catalog CATALOG = Catalog.bundled();
  private static final String[] VALUES = {"*", "x", "app-*", "${aws:username}", "?*", ""};
  private static final String[] ACCOUNTS = {"", "*", "123456789012", "${aws:PrincipalAccount}"};

  /** The definition: named by some type, covering all of them, or all of them in one account. */
  private static ResourceBreadth plain(String resource, Action action) {
    ResourcePattern p = ResourcePattern.of(resource);
    if (p.isStar()) {
      return ResourceBreadth.EVERY_RESOURCE;
    }
    List<ResourceFormat> formats = new ArrayList<>();
    for (ActionResource ar : action.resourceTypes()) {
      if (ar.resourceType().isEmpty()) {
        return ResourceBreadth.NAMED;
      }
      formats.add(ResourceFormat.of(ar.resourceType().get()));
    }
    if (formats.isEmpty()) {
      return ResourceBreadth.NAMED;
    }
    if (formats.stream().noneMatch(f -> ResourceSemantics.intersects(p, f))) {
      return ResourceBreadth.NO_RESOURCE;
    }
    if (resource.indexOf('*') < 0) {
      return ResourceBreadth.NAMED;
    }
    if (formats.stream().allMatch(f -> ResourceSemantics.covers(p, f))) {
      return ResourceBreadth.EVERY_RESOURCE;
    }
    if (formats.stream().allMatch(f -> ResourceSemantics.coversInAccount(p, f))) {
      return ResourceBreadth.EVERY_RESOURCE_OF_TYPE_IN_ACCOUNT;
    }
    return ResourceBreadth.NAMED;
  }

  /** A pattern from one of the action's formats, its variables and some fields replaced. */
  private static String patternFrom(Action action, Random random) {
    List<ActionResource> types = action.resourceTypes();
    if (types.isEmpty() || random.nextInt(10) == 0) {
      return random.nextBoolean() ? "*" : "arn:aws:" + action.service().prefix() + ":::*";
    }
    ResourceType type = types.get(random.nextInt(types.size())).resourceType().orElse(null);
    if (type == null) {
      return "*";
    }
    String format = type.arnFormat().split("\\|")[0].strip();
    List<String> fields = new ArrayList<>(ResourcePattern.fields(format));
    for (int k = 0; k < fields.size(); k++) {
      String field = fields.get(k);
      if (k == 4 && !field.isEmpty() && random.nextBoolean()) {
        field = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
      } else if (k > 0 && random.nextInt(5) == 0) {
        field = "*";
      }
      StringBuilder out = new StringBuilder();
      for (String part : field.split("(?=\\$\\{)|(?<=\\})")) {
        boolean variable = part.startsWith("${") && part.endsWith("}");
        out.append(variable ? VALUES[random.nextInt(VALUES.length)] : part);
      }
      fields.set(k, k == 1 && out.toString().contains("${") ? "aws" : out.toString());
    }
    return String.join(":", fields);
  }

  @Test
  void rememberedBreadthIsThePlainOne() {
    List<Action> actions = new ArrayList<>();
    for (Service s : CATALOG.services()) {
      actions.addAll(s.actions());
    }
    Random random = new Random(16);
    Map<ResourceBreadth, Integer> seen = new EnumMap<>(ResourceBreadth.class);
    for (int round = 0; round < 400; round++) {
      Action source = actions.get(random.nextInt(actions.size()));
      String pattern = patternFrom(source, random);
      // The action the pattern came from, others of its service (they share types), and any.
      List<Action> asked = new ArrayList<>(List.of(source));
      List<Action> sameService = source.service().actions();
      for (int k = 0; k < 6; k++) {
        asked.add(sameService.get(random.nextInt(sameService.size())));
        asked.add(actions.get(random.nextInt(actions.size())));
      }
      for (Action a : asked) {
        ResourceBreadth expected = plain(pattern, a);
        // RESOURCE_STAR's own question, asked before or after the breadth: the two share facts.
        boolean everyFirst = random.nextBoolean();
        boolean every =
            everyFirst && ResourceSemantics.answers(CATALOG, pattern).isEveryResource(a);
        assertEquals(
            expected,
            ResourceSemantics.breadth(CATALOG, pattern, a),
            () -> pattern + " for " + a.qualifiedName());
        every = everyFirst ? every : ResourceSemantics.answers(CATALOG, pattern).isEveryResource(a);
        assertEquals(
            expected == ResourceBreadth.EVERY_RESOURCE,
            every,
            () -> "every resource: " + pattern + " for " + a.qualifiedName());
        seen.merge(expected, 1, Integer::sum);
      }
    }
    // The patterns reach every class, so each of the remembered facts is exercised.
    for (ResourceBreadth b : ResourceBreadth.values()) {
      assertTrue(seen.getOrDefault(b, 0) > 20, () -> "too few " + b + ": " + seen);
    }
  }
}
