package dev.iampolicyls.compare;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes of strings that a set of wildcard patterns tells apart, with one string of each:
 * every combination of "matches pattern i or not" that some string (of a required shape) has.
 *
 * <p>Exact: a breadth-first search over the product of the patterns' automata, on an alphabet of
 * every literal character of the patterns plus one character of each category they do not name (a
 * pattern token treats all characters of a category alike, apart from its literals). Each state
 * reached in an accepting position of the shape gives the class it is in; the first string to reach
 * a class is a shortest one. ARN patterns match field by field ({@code *} stays within one of the
 * five fields before the resource part) once the string has those six fields, and as one glob
 * otherwise, as the evaluator matches them: the search counts colons up to five to tell.
 */
final class GlobClasses {
  // Character categories; a class token admits a mask of them.
  static final int LOWER = 1;
  static final int UPPER = 1 << 1;
  static final int DIGIT = 1 << 2;
  static final int DASH = 1 << 3;
  static final int DOT = 1 << 4;
  static final int UNDERSCORE = 1 << 5;
  static final int SLASH = 1 << 6;
  static final int COLON = 1 << 7;
  static final int OTHER = 1 << 8;
  static final int ANY = (1 << 9) - 1;
  static final int NOT_COLON = ANY & ~COLON;
  static final int NAME = ANY & ~COLON & ~SLASH;

  // Token encoding: a literal character (exact), or a flagged character or mask.
  private static final int CASELESS = 1 << 20;
  private static final int CLASS = 1 << 21;
  private static final int RUN = 1 << 22;
  private static final int VALUE = 0xFFFF;

  /** A sequence of tokens: the automaton of one glob. */
  record Glob(int[] tokens) {
    boolean matches(String s) {
      BitSet at = closure(tokens, single(0));
      for (int i = 0; i < s.length() && !at.isEmpty(); i++) {
        at = step(tokens, at, s.charAt(i));
      }
      return at.get(tokens.length);
    }
  }

  /** Builds a glob token by token. */
  static final class Builder {
    private final List<Integer> tokens = new ArrayList<>();

    Builder literal(CharSequence text) {
      for (int i = 0; i < text.length(); i++) {
        tokens.add((int) text.charAt(i));
      }
      return this;
    }

    Builder caseless(CharSequence text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        tokens.add(Character.toLowerCase(c) == Character.toUpperCase(c) ? (int) c : (CASELESS | c));
      }
      return this;
    }

    Builder one(int mask) {
      tokens.add(CLASS | mask);
      return this;
    }

    Builder run(int mask) {
      tokens.add(CLASS | RUN | mask);
      return this;
    }

    Builder some(int mask) {
      return one(mask).run(mask);
    }

    Glob build() {
      return new Glob(tokens.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** An IAM glob: {@code *} any run, {@code ?} one character, the rest exact or caseless. */
  static Glob glob(String pattern, boolean ignoreCase) {
    Builder b = builder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        b.run(ANY);
      } else if (c == '?') {
        b.one(ANY);
      } else if (ignoreCase) {
        b.caseless(String.valueOf(c));
      } else {
        b.literal(String.valueOf(c));
      }
    }
    return b.build();
  }

  /** Exact text, wildcards included (StringEquals). */
  static Glob literal(String text, boolean ignoreCase) {
    return ignoreCase ? builder().caseless(text).build() : builder().literal(text).build();
  }

  /**
   * An ARN pattern read field by field, for strings with six fields: wildcards before the fifth
   * colon stay within their field. Null when the pattern has fewer than six fields (then it is one
   * glob for every string).
   */
  static Glob arnFields(String pattern) {
    if (pattern.equals("*")) {
      return null;
    }
    Builder b = builder();
    int colons = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      boolean head = colons < 5;
      if (c == ':' && head) {
        colons++;
        b.literal(":");
      } else if (c == '*') {
        b.run(head ? NOT_COLON : ANY);
      } else if (c == '?') {
        b.one(head ? NOT_COLON : ANY);
      } else {
        b.literal(String.valueOf(c));
      }
    }
    return colons < 5 ? null : b.build();
  }

  /**
   * A pattern the search observes: how it matches strings with six ARN fields and how it matches
   * others (the same glob for patterns that are not ARN patterns).
   */
  record Observed(Glob withFields, Glob plain) {
    static Observed of(Glob glob) {
      return new Observed(glob, glob);
    }

    static Observed arn(String pattern) {
      Glob plain = glob(pattern, false);
      Glob fields = arnFields(pattern);
      return new Observed(fields == null ? plain : fields, plain);
    }

    boolean matches(String s) {
      return (colons(s) >= 5 ? withFields : plain).matches(s);
    }
  }

  static int colons(String s) {
    int n = 0;
    for (int i = 0; i < s.length() && n < 5; i++) {
      if (s.charAt(i) == ':') {
        n++;
      }
    }
    return n;
  }

  /** The search gave up: more states than allowed. */
  static final class TooManyStates extends Exception {
    TooManyStates() {
      super(null, null, false, false);
    }
  }

  /**
   * Every class of strings of the shape (any alternative of {@code shape}; any string when empty)
   * that the observed patterns tell apart: which of them match, and a shortest string.
   */
  static Map<BitSet, String> classes(List<Glob> shape, List<Observed> observed, int maxStates)
      throws TooManyStates {
    return new Search(shape, observed, false).run(maxStates);
  }

  /**
   * The same, when every shape is a six-field ARN: then each pattern is only ever matched field by
   * field, and the search leaves out the automata of the patterns as one glob (which only split
   * states, often many times over, without telling classes apart).
   */
  static Map<BitSet, String> classesOfArns(List<Glob> shape, List<Observed> observed, int maxStates)
      throws TooManyStates {
    return new Search(shape, observed, true).run(maxStates);
  }

  private static final class Search {
    /** {@link #tokenAt} of an automaton's last position, which accepts no character. */
    private static final int END = -1;

    /** The positions of the colon count, before the automata's. */
    private static final int COLON_BITS = 3;

    private final int[][] automata;
    private final int[] offsets;
    private final int shapes;
    private final int observedCount;
    private final char[] alphabet;

    /** The automaton of each observed pattern, as six ARN fields and as one glob. */
    private final int[] withFieldsAutomaton;

    private final int[] plainAutomaton;

    /** Per position of the state (every automaton's positions in turn): its token, or END. */
    private final int[] tokenAt;

    /**
     * Per position: where a character its token accepts leads, the runs after it included. A step
     * of the search only visits the positions a state holds, not every automaton.
     */
    private final int[][] onAccept;

    Search(List<Glob> shape, List<Observed> observed, boolean fieldsOnly) {
      shapes = shape.size();
      observedCount = observed.size();
      List<int[]> all = new ArrayList<>();
      for (Glob g : shape) {
        all.add(g.tokens());
      }
      // A pattern observed twice (a StringEquals value is the same glob with and without fields)
      // is one automaton: its copies would always be in the same positions.
      Map<Tokens, Integer> known = new HashMap<>();
      withFieldsAutomaton = new int[observedCount];
      plainAutomaton = new int[observedCount];
      for (int k = 0; k < observedCount; k++) {
        withFieldsAutomaton[k] = automaton(observed.get(k).withFields(), all, known);
      }
      for (int k = 0; k < observedCount; k++) {
        plainAutomaton[k] =
            fieldsOnly ? withFieldsAutomaton[k] : automaton(observed.get(k).plain(), all, known);
      }
      automata = all.toArray(new int[0][]);
      offsets = new int[automata.length + 1];
      offsets[0] = COLON_BITS;
      for (int i = 0; i < automata.length; i++) {
        offsets[i + 1] = offsets[i] + automata[i].length + 1;
      }
      tokenAt = new int[offsets[automata.length]];
      onAccept = new int[tokenAt.length][];
      for (int i = 0; i < automata.length; i++) {
        int[] tokens = automata[i];
        for (int pos = 0; pos <= tokens.length; pos++) {
          int at = offsets[i] + pos;
          if (pos == tokens.length) {
            tokenAt[at] = END;
            continue;
          }
          tokenAt[at] = tokens[pos];
          BitSet reached = closure(tokens, single(isRun(tokens[pos]) ? pos : pos + 1));
          int from = offsets[i];
          onAccept[at] = reached.stream().map(p -> from + p).toArray();
        }
      }
      alphabet = alphabet(automata);
    }

    /** The index of the glob's automaton, added unless the same tokens are there already. */
    private static int automaton(Glob glob, List<int[]> all, Map<Tokens, Integer> known) {
      return known.computeIfAbsent(
          new Tokens(glob.tokens()),
          t -> {
            all.add(t.tokens());
            return all.size() - 1;
          });
    }

    /**
     * The state: the colon count (0 to 5) in 3 bits, then the positions of every automaton. The
     * count comes first so that a state's set ends at its last live position: most automata die
     * early, and a short set hashes and compares fast.
     */
    private BitSet start() {
      BitSet s = new BitSet();
      for (int i = 0; i < automata.length; i++) {
        BitSet own = closure(automata[i], single(0));
        for (int p = own.nextSetBit(0); p >= 0; p = own.nextSetBit(p + 1)) {
          s.set(offsets[i] + p);
        }
      }
      return s;
    }

    private static int colonsOf(BitSet state) {
      return (state.get(0) ? 1 : 0) | (state.get(1) ? 2 : 0) | (state.get(2) ? 4 : 0);
    }

    /** The state after {@code c}, written into {@code next} (cleared first). */
    private void next(BitSet state, char c, BitSet next) {
      next.clear();
      for (int p = state.nextSetBit(COLON_BITS); p >= 0; p = state.nextSetBit(p + 1)) {
        int token = tokenAt[p];
        if (token != END && accepts(token, c)) {
          for (int q : onAccept[p]) {
            next.set(q);
          }
        }
      }
      int colons = Math.min(5, colonsOf(state) + (c == ':' ? 1 : 0));
      if ((colons & 1) != 0) {
        next.set(0);
      }
      if ((colons & 2) != 0) {
        next.set(1);
      }
      if ((colons & 4) != 0) {
        next.set(2);
      }
    }

    private boolean accepted(BitSet state, int automaton) {
      return state.get(offsets[automaton] + automata[automaton].length);
    }

    private boolean alive(BitSet state, int automaton) {
      int n = state.nextSetBit(offsets[automaton]);
      return n >= 0 && n < offsets[automaton + 1];
    }

    private boolean shapeAlive(BitSet state) {
      if (shapes == 0) {
        return true;
      }
      for (int i = 0; i < shapes; i++) {
        if (alive(state, i)) {
          return true;
        }
      }
      return false;
    }

    private boolean shapeAccepts(BitSet state) {
      if (shapes == 0) {
        return true;
      }
      for (int i = 0; i < shapes; i++) {
        if (accepted(state, i)) {
          return true;
        }
      }
      return false;
    }

    Map<BitSet, String> run(int maxStates) throws TooManyStates {
      Map<BitSet, String> found = new LinkedHashMap<>();
      Map<BitSet, String> seen = new HashMap<>();
      ArrayDeque<BitSet> work = new ArrayDeque<>();
      BitSet first = start();
      BitSet scratch = new BitSet(offsets[automata.length]);
      seen.put(first, "");
      work.add(first);
      while (!work.isEmpty()) {
        BitSet state = work.poll();
        String text = seen.get(state);
        if (shapeAccepts(state)) {
          boolean fields = colonsOf(state) >= 5;
          BitSet vector = new BitSet();
          for (int k = 0; k < observedCount; k++) {
            int automaton = fields ? withFieldsAutomaton[k] : plainAutomaton[k];
            if (accepted(state, automaton)) {
              vector.set(k);
            }
          }
          found.putIfAbsent(vector, text);
        }
        for (char c : alphabet) {
          next(state, c, scratch);
          if (!shapeAlive(scratch) || seen.containsKey(scratch)) {
            continue;
          }
          if (seen.size() >= maxStates) {
            throw new TooManyStates();
          }
          BitSet next = BitSet.valueOf(scratch.toLongArray()); // only the words in use
          seen.put(next, text + c);
          work.add(next);
        }
      }
      return found;
    }
  }

  /** A glob's tokens, compared by content. */
  private record Tokens(int[] tokens) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Tokens t && Arrays.equals(tokens, t.tokens);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(tokens);
    }

    @Override
    public String toString() {
      return Arrays.toString(tokens);
    }
  }

  private static BitSet single(int i) {
    BitSet b = new BitSet();
    b.set(i);
    return b;
  }

  private static boolean isRun(int token) {
    return (token & RUN) != 0;
  }

  private static BitSet closure(int[] tokens, BitSet set) {
    for (int i = set.nextSetBit(0); i >= 0 && i < tokens.length; i = set.nextSetBit(i + 1)) {
      if (isRun(tokens[i])) {
        set.set(i + 1);
      }
    }
    return set;
  }

  private static BitSet step(int[] tokens, BitSet from, char c) {
    BitSet next = new BitSet();
    for (int i = from.nextSetBit(0); i >= 0 && i < tokens.length; i = from.nextSetBit(i + 1)) {
      if (accepts(tokens[i], c)) {
        next.set(isRun(tokens[i]) ? i : i + 1);
      }
    }
    return closure(tokens, next);
  }

  private static boolean accepts(int token, char c) {
    if ((token & CLASS) != 0) {
      return (token & category(c) & ANY) != 0;
    }
    char t = (char) (token & VALUE);
    if ((token & CASELESS) != 0) {
      return Character.toLowerCase(t) == Character.toLowerCase(c)
          || Character.toUpperCase(t) == Character.toUpperCase(c);
    }
    return t == c;
  }

  static int category(char c) {
    if (c >= 'a' && c <= 'z') {
      return LOWER;
    }
    if (c >= 'A' && c <= 'Z') {
      return UPPER;
    }
    if (c >= '0' && c <= '9') {
      return DIGIT;
    }
    return switch (c) {
      case '-' -> DASH;
      case '.' -> DOT;
      case '_' -> UNDERSCORE;
      case '/' -> SLASH;
      case ':' -> COLON;
      default -> OTHER;
    };
  }

  private static final String[] REPRESENTATIVES = {
    "xyzqjkvwabcdefghilmnoprstu",
    "XYZQJKVWABCDEFGHILMNOPRSTU",
    "0123456789",
    "-",
    ".",
    "_",
    "/",
    ":",
    "~!@#%^&+=,;|<>()[]{}$ '\"`\\"
  };

  /**
   * Every literal character (both cases of a caseless one), then for each category a character that
   * is no literal: it stands for all the category's other characters.
   */
  private static char[] alphabet(int[][] automata) {
    StringBuilder chars = new StringBuilder();
    java.util.Set<Character> literals = new java.util.HashSet<>();
    for (int[] tokens : automata) {
      for (int t : tokens) {
        if ((t & CLASS) != 0) {
          continue;
        }
        char c = (char) (t & VALUE);
        if ((t & CASELESS) != 0) {
          for (char v : new char[] {Character.toLowerCase(c), Character.toUpperCase(c)}) {
            if (literals.add(v)) {
              chars.append(v);
            }
          }
        } else if (literals.add(c)) {
          chars.append(c);
        }
      }
    }
    for (String candidates : REPRESENTATIVES) {
      for (int i = 0; i < candidates.length(); i++) {
        char c = candidates.charAt(i);
        if (!literals.contains(c)) {
          chars.append(c);
          break;
        }
      }
    }
    return chars.toString().toCharArray();
  }
}
