package dev.iampolicyls.catalog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * API operations whose name is not an IAM action ({@code s3:ListBuckets}, {@code s3:HeadObject}),
 * and the action that authorizes each ({@code s3:ListAllMyBuckets}, {@code s3:GetObject}): people
 * write the operation they call. Kept in {@code api-operation-actions.tsv}, whose header names its
 * sources.
 */
public final class OperationActions {
  private static final Map<String, String> BY_OPERATION = load();

  private OperationActions() {}

  /**
   * The action (or action pattern, as {@code kms:ReEncrypt*}) that authorizes the operation written
   * as {@code service:Operation}, in any case; empty when the table does not list it.
   */
  public static Optional<String> authorizing(String operation) {
    return Optional.ofNullable(BY_OPERATION.get(operation.toLowerCase(Locale.ROOT)));
  }

  /** Every operation of the table and its action, as written there. */
  public static Map<String, String> all() {
    Map<String, String> all = new HashMap<>();
    for (String[] row : TabSeparatedTable.rows("api-operation-actions.tsv", 2)) {
      all.put(row[0], row[1]);
    }
    return all;
  }

  private static Map<String, String> load() {
    Map<String, String> byLowerName = new HashMap<>();
    all()
        .forEach(
            (operation, action) -> byLowerName.put(operation.toLowerCase(Locale.ROOT), action));
    return Map.copyOf(byLowerName);
  }
}
