package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.WildcardMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Whether some string satisfies a list of constraints over IAM wildcard patterns ({@code *} any
 * run, {@code ?} one character, the rest compared exactly, as in resource ARNs), and an example.
 * Each constraint asks the string to match at least one of its patterns, or none of them.
 *
 * <p>Exact: a breadth-first search over the product of the patterns' automata (a set of positions
 * per constraint), on the characters the patterns name plus one they do not (a wildcard treats all
 * such characters alike). The search stops after {@link #MAX_STATES} states and answers {@link
 * Result#UNDECIDED}; real ARN patterns need a few hundred at most.
 */
final class PatternWitness {
  static final int MAX_STATES = 50_000;

  private static final char RUN = '*';
  private static final char ONE = '?';

  /**
   * A run of characters within one ARN field and path segment (no ':' or '/'): what a placeholder
   * such as {@code ${BucketName}} of a catalog ARN format stands for. Never in policy text.
   */
  static final char FIELD_RUN = '\uE000';

  /** A run of characters within one ARN field, '/' allowed: {@code ${ObjectName}}. */
  static final char PATH_RUN = '\uE001';

  private static boolean isRun(char token) {
    return token == RUN || token == FIELD_RUN || token == PATH_RUN;
  }

  /** Whether a token consumes a character (the run tokens stay where they are). */
  private static boolean takes(char token, char ch) {
    return switch (token) {
      case RUN, ONE -> true;
      case FIELD_RUN -> ch != ':' && ch != '/';
      case PATH_RUN -> ch != ':';
      default -> token == ch;
    };
  }

  /** Whether a pattern (with the run tokens above) matches a text; exact case. */
  static boolean matches(String pattern, String text) {
    if (pattern.indexOf(FIELD_RUN) < 0 && pattern.indexOf(PATH_RUN) < 0) {
      return WildcardMatcher.matchesExactCase(pattern, text);
    }
    BitSet positions = closed(pattern, new BitSet(), 0);
    for (int k = 0; k < text.length() && !positions.isEmpty(); k++) {
      char ch = text.charAt(k);
      BitSet next = new BitSet();
      for (int pos = positions.nextSetBit(0); pos >= 0; pos = positions.nextSetBit(pos + 1)) {
        if (pos < pattern.length() && takes(pattern.charAt(pos), ch)) {
          closed(pattern, next, isRun(pattern.charAt(pos)) ? pos : pos + 1);
        }
      }
      positions = next;
    }
    return positions.get(pattern.length());
  }

  private static BitSet closed(String pattern, BitSet set, int pos) {
    set.set(pos);
    while (pos < pattern.length() && isRun(pattern.charAt(pos))) {
      set.set(++pos);
    }
    return set;
  }

  /** Match at least one of {@code patterns} ({@code some}), or none of them. */
  record Constraint(List<String> patterns, boolean some) {
    Constraint {
      patterns = List.copyOf(patterns);
    }

    static Constraint anyOf(List<String> patterns) {
      return new Constraint(patterns, true);
    }

    static Constraint noneOf(List<String> patterns) {
      return new Constraint(patterns, false);
    }

    boolean accepts(String text) {
      boolean matched = patterns.stream().anyMatch(p -> matches(p, text));
      return matched == some;
    }
  }

  /**
   * The answer: {@code exists} and an example, or no such string, or undecided (too many states).
   */
  record Result(boolean exists, String example) {
    static final Result NONE = new Result(false, null);
    static final Result UNDECIDED = new Result(true, null);

    boolean undecided() {
      return exists && example == null;
    }
  }

  private PatternWitness() {}

  /** A string both patterns match, if any. */
  static Result intersection(String a, String b) {
    return find(List.of(Constraint.anyOf(List.of(a)), Constraint.anyOf(List.of(b))), List.of());
  }

  /**
   * A string that satisfies every constraint. {@code preferred} are tried first, in order, so that
   * examples read like real names; the search's own examples are shortest ones.
   */
  static Result find(List<Constraint> constraints, List<String> preferred) {
    for (String candidate : preferred) {
      if (constraints.stream().allMatch(c -> c.accepts(candidate))) {
        return new Result(true, candidate);
      }
    }
    Result found = new Search(constraints).run();
    // The search's shortest example leaves a trailing path empty ("audit-logs/"): name something.
    if (found.example() != null && found.example().endsWith("/")) {
      String named = found.example() + "example";
      if (constraints.stream().allMatch(c -> c.accepts(named))) {
        return new Result(true, named);
      }
    }
    return found;
  }

  /** The product automaton, explored breadth first. */
  private static final class Search {
    private final List<Constraint> constraints;
    private final String[] patterns;
    private final int[] offsets; // where each pattern's positions start in a state's bit set
    private final int[] owner; // the constraint of each pattern
    private final char[] alphabet;

    Search(List<Constraint> constraints) {
      this.constraints = constraints;
      List<String> all = new ArrayList<>();
      List<Integer> owners = new ArrayList<>();
      for (int c = 0; c < constraints.size(); c++) {
        for (String p : constraints.get(c).patterns()) {
          all.add(p);
          owners.add(c);
        }
      }
      patterns = all.toArray(new String[0]);
      owner = owners.stream().mapToInt(Integer::intValue).toArray();
      offsets = new int[patterns.length + 1];
      TreeSet<Character> letters = new TreeSet<>();
      for (int i = 0; i < patterns.length; i++) {
        offsets[i + 1] = offsets[i] + patterns[i].length() + 1;
        for (char ch : patterns[i].toCharArray()) {
          if (!isRun(ch) && ch != ONE) {
            letters.add(ch);
          }
        }
      }
      letters.add(':'); // the field runs tell these apart from other letters
      letters.add('/');
      letters.add(freshLetter(letters));
      alphabet = new char[letters.size()];
      int k = 0;
      for (char ch : letters) {
        alphabet[k++] = ch;
      }
    }

    /** A letter no pattern names, readable when possible: stands for all such letters. */
    private static char freshLetter(TreeSet<Character> used) {
      for (char ch : "xyzabcdefghijklmnopqrstuvw0123456789".toCharArray()) {
        if (!used.contains(ch)) {
          return ch;
        }
      }
      for (char ch = '\u00c0'; ; ch++) {
        if (!used.contains(ch)) {
          return ch;
        }
      }
    }

    Result run() {
      BitSet start = new BitSet();
      for (int i = 0; i < patterns.length; i++) {
        addClosed(start, i, 0);
      }
      Map<BitSet, BitSet> parent = new HashMap<>();
      Map<BitSet, Character> via = new HashMap<>();
      parent.put(start, null);
      ArrayDeque<BitSet> queue = new ArrayDeque<>();
      queue.add(start);
      while (!queue.isEmpty()) {
        BitSet state = queue.poll();
        if (accepting(state)) {
          return new Result(true, spell(state, parent, via));
        }
        for (char ch : alphabet) {
          BitSet next = step(state, ch);
          if (dead(next) || parent.containsKey(next)) {
            continue;
          }
          if (parent.size() >= MAX_STATES) {
            return Result.UNDECIDED;
          }
          parent.put(next, state);
          via.put(next, ch);
          queue.add(next);
        }
      }
      return Result.NONE;
    }

    /** Adds position {@code pos} of pattern {@code i} and the positions past the stars after it. */
    private void addClosed(BitSet set, int i, int pos) {
      String p = patterns[i];
      set.set(offsets[i] + pos);
      while (pos < p.length() && isRun(p.charAt(pos))) {
        pos++;
        set.set(offsets[i] + pos);
      }
    }

    private BitSet step(BitSet state, char ch) {
      BitSet next = new BitSet();
      int i = 0;
      for (int bit = state.nextSetBit(0); bit >= 0; bit = state.nextSetBit(bit + 1)) {
        while (bit >= offsets[i + 1]) {
          i++;
        }
        int pos = bit - offsets[i];
        String p = patterns[i];
        if (pos == p.length()) {
          continue;
        }
        char t = p.charAt(pos);
        if (!takes(t, ch)) {
          continue;
        }
        // A run takes this character and may take more; any other token moves on.
        addClosed(next, i, isRun(t) ? pos : pos + 1);
      }
      return next;
    }

    private boolean matched(BitSet state, int constraint) {
      for (int i = 0; i < patterns.length; i++) {
        if (owner[i] == constraint && state.get(offsets[i] + patterns[i].length())) {
          return true;
        }
      }
      return false;
    }

    private boolean accepting(BitSet state) {
      for (int c = 0; c < constraints.size(); c++) {
        if (matched(state, c) != constraints.get(c).some()) {
          return false;
        }
      }
      return true;
    }

    /** No continuation can satisfy an at-least-one constraint whose patterns all failed. */
    private boolean dead(BitSet state) {
      for (int c = 0; c < constraints.size(); c++) {
        if (!constraints.get(c).some()) {
          continue;
        }
        boolean alive = false;
        for (int i = 0; i < patterns.length && !alive; i++) {
          if (owner[i] == c) {
            int from = offsets[i];
            int next = state.nextSetBit(from);
            alive = next >= 0 && next < offsets[i + 1];
          }
        }
        if (!alive) {
          return true;
        }
      }
      return false;
    }

    private static String spell(
        BitSet state, Map<BitSet, BitSet> parent, Map<BitSet, Character> via) {
      StringBuilder out = new StringBuilder();
      for (BitSet s = state; parent.get(s) != null; s = parent.get(s)) {
        out.append(via.get(s));
      }
      return out.reverse().toString();
    }
  }
}
