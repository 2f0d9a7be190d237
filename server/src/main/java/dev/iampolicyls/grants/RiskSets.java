package dev.iampolicyls.grants;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The risk data sets of {@code dev/iampolicyls/risk/} resolved against one catalog: escalation
 * methods and the credential and data action sets, as action bitsets. An action the catalog does
 * not know is dropped (a method that loses an action cannot be complete, so it is dropped whole).
 */
public final class RiskSets {
  private static final String DIR = "/dev/iampolicyls/risk/";

  /**
   * One known way to escalate: every action in {@code actions} is needed.
   *
   * @param how one sentence saying how it escalates, starting with "it can"
   */
  public record EscalationMethod(
      String name, List<String> actionNames, BitSet actions, int[] indices, String how) {
    /** The method's actions as a set. Read-only. */
    public BitSet actionSet() {
      return actions;
    }

    /** Whether a set holds every action of the method; tests the method's few bits only. */
    public boolean allIn(BitSet set) {
      for (int i : indices) {
        if (!set.get(i)) {
          return false;
        }
      }
      return true;
    }

    /** Whether a set holds any action of the method. */
    public boolean anyIn(BitSet set) {
      for (int i : indices) {
        if (set.get(i)) {
          return true;
        }
      }
      return false;
    }
  }

  private final List<EscalationMethod> methods;
  private final List<String> allMethodNames;
  private final BitSet credentials = new BitSet();
  private final BitSet data = new BitSet();

  private RiskSets(ActionIndex index) {
    Map<String, String> how = new HashMap<>();
    for (String[] row : rows("privilege-escalation-explained.tsv")) {
      how.put(row[0], row[1]);
    }
    methods = new ArrayList<>();
    allMethodNames = new ArrayList<>();
    for (String[] row : rows("privilege-escalation.tsv")) {
      if (row[0].equals("method")) {
        continue; // the column header
      }
      allMethodNames.add(row[0]);
      String[] names = row[1].split(",");
      BitSet indices = new BitSet();
      List<String> documented = new ArrayList<>();
      boolean known = true;
      for (int i = 0; i < names.length && known; i++) {
        var found = index.indexOf(names[i].strip());
        known = found.isPresent();
        found.ifPresent(
            a -> {
              indices.set(a);
              documented.add(index.action(a).qualifiedName());
            });
      }
      if (known) {
        methods.add(
            new EscalationMethod(
                row[0],
                List.copyOf(documented),
                indices,
                indices.stream().toArray(),
                how.getOrDefault(row[0], "")));
      }
    }
    for (String[] row : rows("risk-action-sets.tsv")) {
      BitSet target =
          switch (row[0]) {
            case "CREDENTIALS_EXPOSURE" -> credentials;
            case "DATA_EXFILTRATION" -> data;
            default -> null;
          };
      if (target != null && row.length > 1) {
        index.indexOf(row[1].strip()).ifPresent(target::set);
      }
    }
  }

  public static RiskSets of(ActionIndex index) {
    return index.catalog().derived(RiskSets.class, () -> new RiskSets(index));
  }

  /** The methods whose actions the catalog all knows, in file order. */
  public List<EscalationMethod> escalationMethods() {
    return methods;
  }

  /** Every method named in the data file, also those the catalog cannot resolve. */
  public List<String> allMethodNames() {
    return allMethodNames;
  }

  /** Actions that return credentials. Read-only. */
  public BitSet credentials() {
    return credentials;
  }

  /** Read-only actions that return data or secrets. Read-only. */
  public BitSet data() {
    return data;
  }

  /** Rows of a tab-separated resource, without '#' comment lines. */
  static List<String[]> rows(String name) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = RiskSets.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DIR + name);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
