package dev.iampolicyls.schema;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the validator's errors into at most one type mismatch per offending value.
 *
 * <p>An {@code anyOf} reports one error per failed branch, all at the same value, and a failure
 * deep inside an array or object also fails every branch above it. Grouping errors by instance
 * location and keeping only the deepest locations leaves the value that is actually wrong. A
 * location is a type problem only when all its errors are about shape (type, const, the branching
 * keywords); an error such as {@code required} or {@code additionalProperties} at a location means
 * some branch accepted the value's type, and those problems belong to dedicated checks.
 */
final class ErrorCollapser {
  private static final Set<String> SHAPE_KEYWORDS = Set.of("type", "const", "anyOf", "oneOf");

  private ErrorCollapser() {}

  static List<TypeMismatch> collapse(List<Error> errors) {
    Map<List<Object>, List<Error>> byLocation = new LinkedHashMap<>();
    for (Error e : errors) {
      byLocation.computeIfAbsent(path(e.getInstanceLocation()), k -> new ArrayList<>()).add(e);
    }
    List<TypeMismatch> result = new ArrayList<>();
    for (Map.Entry<List<Object>, List<Error>> entry : byLocation.entrySet()) {
      List<Object> location = entry.getKey();
      boolean shapeOnly =
          entry.getValue().stream().allMatch(e -> SHAPE_KEYWORDS.contains(e.getKeyword()));
      if (shapeOnly && !hasDeeperLocation(byLocation.keySet(), location)) {
        result.add(new TypeMismatch(location, entry.getValue().get(0).getMessage()));
      }
    }
    return result;
  }

  private static boolean hasDeeperLocation(Set<List<Object>> locations, List<Object> location) {
    for (List<Object> other : locations) {
      if (other.size() > location.size() && other.subList(0, location.size()).equals(location)) {
        return true;
      }
    }
    return false;
  }

  /** The location as keys and indices, the same shape as {@code JsonNode.path()}. */
  static List<Object> path(NodePath nodePath) {
    List<Object> path = new ArrayList<>();
    if (nodePath == null) {
      return path;
    }
    for (int i = 0; i < nodePath.getNameCount(); i++) {
      Object element = nodePath.getElement(i);
      path.add(element instanceof Number n ? (Object) n.intValue() : String.valueOf(element));
    }
    return path;
  }
}
