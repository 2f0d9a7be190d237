package dev.iampolicyls.semantics;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * A language of resource ARNs written as a sequence of tokens, each matching either one character
 * or a run of characters (none or more) of a character class. Both the catalog's ARN formats (typed
 * placeholders: a bucket name is a run of bucket characters) and a policy's Resource patterns
 * ({@code *}, {@code ?}, policy variables) compile to it, so one engine decides:
 *
 * <ul>
 *   <li>{@link #intersects}: whether some ARN is in both languages, and
 *   <li>{@link #covers}: whether every ARN of one language is in the other.
 * </ul>
 *
 * <p>Both answers are exact for these regular languages. Letters are compared case-folded, so the
 * model leans to "may match", which keeps the checks built on it silent when unsure.
 *
 * <p>Characters matter only through the classes below: lower-case letters (after folding), digits,
 * the punctuation that structures ARNs ({@code - . _ / :}) and everything else. A class is a mask
 * of these categories, so two classes share a character iff their masks meet, and a literal belongs
 * to a class iff its category's bit is set.
 *
 * <p>Intersection walks the product of the two token sequences, O(n × m) with no alphabet. Covering
 * determinises the covering side on the fly (subset construction over the token positions) against
 * an alphabet of the literals of both sides plus one representative per category; the work is
 * bounded by {@link #MAX_COVER_STATES}, past which it answers "not covered" (the conservative
 * answer for breadth: a pattern is then taken as naming resources).
 */
final class ResourceGlob {
  static final int LOWER = 1;
  static final int DIGIT = 1 << 1;
  static final int DASH = 1 << 2;
  static final int DOT = 1 << 3;
  static final int UNDERSCORE = 1 << 4;
  static final int SLASH = 1 << 5;
  static final int COLON = 1 << 6;
  static final int OTHER = 1 << 7;

  static final int ANY = 0xFF;
  static final int NOT_SLASH = ANY & ~SLASH;
  static final int NOT_SLASH_OR_COLON = NOT_SLASH & ~COLON;
  static final int NOTHING = 0;

  /** Explored (position, subset) pairs past which {@link #covers} gives up and says no. */
  static final int MAX_COVER_STATES = 20_000;

  /** Tokens: a literal character, or (with CLASS set) a category mask, possibly a run. */
  private static final int CLASS = 1 << 20;

  private static final int RUN = 1 << 21;
  private static final int MASK = 0xFF;

  private final int[] tokens;

  private ResourceGlob(int[] tokens) {
    this.tokens = tokens;
  }

  int length() {
    return tokens.length;
  }

  /** Builds a glob token by token. */
  static final class Builder {
    private int[] tokens = new int[32];
    private int size;

    private void add(int token) {
      if (size == tokens.length) {
        tokens = java.util.Arrays.copyOf(tokens, size * 2);
      }
      tokens[size++] = token;
    }

    /** Literal text, case-folded. */
    Builder literal(CharSequence text) {
      for (int i = 0; i < text.length(); i++) {
        add(Character.toLowerCase(text.charAt(i)));
      }
      return this;
    }

    /** Exactly one character of the class. */
    Builder one(int mask) {
      add(CLASS | mask);
      return this;
    }

    /** None or more characters of the class. */
    Builder run(int mask) {
      // Two runs in a row are one run of their union only when equal: keep the language exact.
      if (size > 0 && tokens[size - 1] == (CLASS | RUN | mask)) {
        return this;
      }
      add(CLASS | RUN | mask);
      return this;
    }

    /** One or more characters of the class. */
    Builder some(int mask) {
      return one(mask).run(mask);
    }

    ResourceGlob build() {
      return new ResourceGlob(java.util.Arrays.copyOf(tokens, size));
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** The category bit of a (case-folded) character. */
  static int category(char c) {
    if (c >= 'a' && c <= 'z') {
      return LOWER;
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

  private static boolean isRun(int token) {
    return (token & RUN) != 0;
  }

  /** The category mask a token admits. */
  private static int maskOf(int token) {
    return (token & CLASS) != 0 ? token & MASK : category((char) token);
  }

  /** Whether some character matches both tokens. */
  private static boolean compatible(int a, int b) {
    boolean aClass = (a & CLASS) != 0;
    boolean bClass = (b & CLASS) != 0;
    if (!aClass && !bClass) {
      return a == b;
    }
    return (maskOf(a) & maskOf(b)) != 0;
  }

  /** Whether the token matches the (case-folded) character. */
  private static boolean accepts(int token, char c) {
    if ((token & CLASS) == 0) {
      return token == c;
    }
    return (token & MASK & category(c)) != 0;
  }

  /** Whether some string is in both languages. */
  static boolean intersects(ResourceGlob x, ResourceGlob y) {
    int[] a = x.tokens;
    int[] b = y.tokens;
    int width = b.length + 1;
    // reach[i * width + j]: some prefix takes a through i tokens and b through j tokens at once.
    boolean[] reach = new boolean[(a.length + 1) * width];
    reach[0] = true;
    for (int i = 0; i <= a.length; i++) {
      boolean rowReached = false;
      for (int j = 0; j <= b.length; j++) {
        if (!reach[i * width + j]) {
          continue;
        }
        rowReached = true;
        boolean aRun = i < a.length && isRun(a[i]);
        boolean bRun = j < b.length && isRun(b[j]);
        if (aRun) {
          reach[(i + 1) * width + j] = true; // the run ends here
        }
        if (bRun) {
          reach[i * width + j + 1] = true;
        }
        if (i < a.length && j < b.length && !(aRun && bRun) && compatible(a[i], b[j])) {
          // One character taken by both; a run stays put. Both runs taking one is no progress.
          reach[(aRun ? i : i + 1) * width + (bRun ? j : j + 1)] = true;
        }
      }
      if (!rowReached) {
        return false; // steps only stay in a row or go down one: nothing below is reachable
      }
    }
    return reach[a.length * width + b.length];
  }

  /**
   * Whether every string of {@code inner} is in {@code outer}. False also when the bound on work is
   * reached.
   */
  static boolean covers(ResourceGlob outer, ResourceGlob inner) {
    if (isEmpty(inner.tokens)) {
      return true;
    }
    // A string of inner that outer refuses settles it without the subset construction: most
    // patterns begin with a literal (a bucket, a role path) that inner's own strings do not.
    if (!takes(outer, sample(inner.tokens, false)) || !takes(outer, sample(inner.tokens, true))) {
      return false;
    }
    return coversBySubsets(outer.tokens, inner.tokens);
  }

  /** {@link #covers} by the subset construction alone, without the sample strings' shortcut. */
  static boolean coversBySubsets(ResourceGlob outer, ResourceGlob inner) {
    return isEmpty(inner.tokens) || coversBySubsets(outer.tokens, inner.tokens);
  }

  /** {@link #coversBySubsets} with the subsets always in bit sets, as for a long outer side. */
  static boolean coversBySubsetSets(ResourceGlob outer, ResourceGlob inner) {
    return isEmpty(inner.tokens) || coversBySubsetSets(outer.tokens, inner.tokens);
  }

  /** Whether no string is in the language: a single token nothing matches. */
  private static boolean isEmpty(int[] tokens) {
    for (int t : tokens) {
      if (!isRun(t) && maskOf(t) == NOTHING) {
        return true;
      }
    }
    return false;
  }

  private static boolean coversBySubsets(int[] o, int[] in) {
    return o.length < Long.SIZE ? coversBySubsetMasks(o, in) : coversBySubsetSets(o, in);
  }

  /**
   * {@link #coversBySubsetSets} with each subset of outer positions held in a {@code long}, for an
   * outer side of fewer than 64 tokens (most patterns): the same states, explored in the same
   * order, so the same answer also when the bound on work is reached.
   */
  private static boolean coversBySubsetMasks(int[] o, int[] in) {
    char[] alphabet = alphabet(o, in);
    long runs = runsOf(o);
    // Per character of the alphabet, the outer positions whose token takes it.
    long[] takes = new long[alphabet.length];
    for (int k = 0; k < alphabet.length; k++) {
      for (int i = 0; i < o.length; i++) {
        takes[k] |= accepts(o[i], alphabet[k]) ? 1L << i : 0;
      }
    }
    long end = 1L << o.length;
    SeenStates seen = new SeenStates();
    int count = 0;
    MaskQueue work = new MaskQueue();
    long first = closure(runs, 1L);
    seen.add(0, first);
    count++;
    work.add(0, first);
    while (work.head < work.tail) {
      int position = work.positions[work.head];
      long subset = work.subsets[work.head++];
      if (subset == 0) {
        return false; // outer is stuck while inner can still finish: every inner token matches
      }
      if (position == in.length && (subset & end) == 0) {
        return false; // a string inner takes whole that outer does not
      }
      if (position == in.length) {
        continue;
      }
      int token = in[position];
      int nextPosition = isRun(token) ? position : position + 1;
      for (int k = 0; k < alphabet.length; k++) {
        if (!accepts(token, alphabet[k])) {
          continue;
        }
        long moved = subset & takes[k];
        // After the character a run stays where it is, a single token moves on.
        long next = closure(runs, (moved & runs) | ((moved & ~runs) << 1));
        if (seen.add(nextPosition, next)) {
          if (++count > MAX_COVER_STATES) {
            return false;
          }
          work.add(nextPosition, next);
        }
      }
      if (isRun(token) && seen.add(position + 1, subset)) {
        // Ending the run takes no character: the same subset at the next position.
        count++;
        work.add(position + 1, subset);
      }
    }
    return true;
  }

  /** States to explore in order: an inner position and a subset of outer positions. */
  private static final class MaskQueue {
    private int[] positions = new int[64];
    private long[] subsets = new long[64];
    private int head;
    private int tail;

    void add(int position, long subset) {
      if (tail == positions.length) {
        positions = java.util.Arrays.copyOf(positions, tail * 2);
        subsets = java.util.Arrays.copyOf(subsets, tail * 2);
      }
      positions[tail] = position;
      subsets[tail++] = subset;
    }
  }

  /**
   * The (position, subset) pairs met so far, in an open-addressing table of primitives: a set of
   * boxed {@code Long} per position cost an object per state and per look-up.
   */
  private static final class SeenStates {
    private int[] positions = new int[64]; // position + 1; 0 marks a free slot
    private long[] subsets = new long[64];
    private int size;

    /** Adds the pair; whether it was new. */
    boolean add(int position, long subset) {
      if (2 * (size + 1) > positions.length) {
        grow();
      }
      return insert(positions, subsets, position + 1, subset);
    }

    private boolean insert(int[] ps, long[] ss, int tag, long subset) {
      int mask = ps.length - 1;
      for (int i = slot(tag, subset) & mask; ; i = (i + 1) & mask) {
        if (ps[i] == 0) {
          ps[i] = tag;
          ss[i] = subset;
          size++;
          return true;
        }
        if (ps[i] == tag && ss[i] == subset) {
          return false;
        }
      }
    }

    private void grow() {
      int[] oldPositions = positions;
      long[] oldSubsets = subsets;
      positions = new int[oldPositions.length * 2];
      subsets = new long[oldSubsets.length * 2];
      size = 0;
      for (int i = 0; i < oldPositions.length; i++) {
        if (oldPositions[i] != 0) {
          insert(positions, subsets, oldPositions[i], oldSubsets[i]);
        }
      }
    }

    private static int slot(int tag, long subset) {
      long h = (subset ^ (subset >>> 29) ^ ((long) tag << 40)) * 0x9E3779B97F4A7C15L;
      return (int) (h >>> 32);
    }
  }

  /** {@link #matches}, the positions held in a {@code long} when the glob has under 64 tokens. */
  private static boolean takes(ResourceGlob glob, String s) {
    int[] o = glob.tokens;
    if (o.length >= Long.SIZE) {
      return glob.matches(s);
    }
    long runs = runsOf(o);
    long tokenPositions = (1L << o.length) - 1;
    long at = closure(runs, 1L);
    for (int i = 0; i < s.length() && at != 0; i++) {
      char c = Character.toLowerCase(s.charAt(i));
      long moved = 0;
      for (long bits = at & tokenPositions; bits != 0; bits &= bits - 1) {
        int k = Long.numberOfTrailingZeros(bits);
        moved |= accepts(o[k], c) ? 1L << k : 0;
      }
      at = closure(runs, (moved & runs) | ((moved & ~runs) << 1));
    }
    return (at & (1L << o.length)) != 0;
  }

  /** The positions of the runs among the tokens, as bits (fewer than 64 tokens). */
  private static long runsOf(int[] tokens) {
    long runs = 0;
    for (int i = 0; i < tokens.length; i++) {
      runs |= isRun(tokens[i]) ? 1L << i : 0;
    }
    return runs;
  }

  /** Adds the positions reachable by ending runs, as {@link #closure(int[], BitSet)} does. */
  private static long closure(long runs, long set) {
    long grown = set | ((set & runs) << 1);
    while (grown != set) {
      set = grown;
      grown = set | ((set & runs) << 1);
    }
    return set;
  }

  private static boolean coversBySubsetSets(int[] o, int[] in) {
    char[] alphabet = alphabet(o, in);
    Set<State> seen = new HashSet<>();
    ArrayDeque<State> work = new ArrayDeque<>();
    State first = new State(0, closure(o, single(0)));
    seen.add(first);
    work.add(first);
    while (!work.isEmpty()) {
      State s = work.poll();
      if (s.subset().isEmpty()) {
        return false; // outer is stuck while inner can still finish: every inner token matches
      }
      if (s.position() == in.length && !s.subset().get(o.length)) {
        return false; // a string inner takes whole that outer does not
      }
      if (s.position() == in.length) {
        continue;
      }
      int token = in[s.position()];
      for (char c : alphabet) {
        if (!accepts(token, c)) {
          continue;
        }
        BitSet next = step(o, s.subset(), c);
        // After the character a run stays where it is, a single token moves on.
        State t = new State(isRun(token) ? s.position() : s.position() + 1, next);
        if (seen.add(t)) {
          if (seen.size() > MAX_COVER_STATES) {
            return false;
          }
          work.add(t);
        }
      }
      if (isRun(token)) {
        // Ending the run takes no character: the same subset at the next position.
        State t = new State(s.position() + 1, s.subset());
        if (seen.add(t)) {
          work.add(t);
        }
      }
    }
    return true;
  }

  /**
   * A position of the inner side with the set of outer positions reachable on the same input.
   * Equality written out: a record's generated methods cost start-up time (see GrantAnalysis).
   */
  private static final class State {
    private final int position;
    private final BitSet subset;

    State(int position, BitSet subset) {
      this.position = position;
      this.subset = subset;
    }

    int position() {
      return position;
    }

    BitSet subset() {
      return subset;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof State s && s.position == position && s.subset.equals(subset);
    }

    @Override
    public int hashCode() {
      return 31 * position + subset.hashCode();
    }
  }

  private static BitSet single(int i) {
    BitSet b = new BitSet();
    b.set(i);
    return b;
  }

  /** Adds the positions reachable by ending runs (a run may take nothing). */
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

  /**
   * A string of the language (none of whose single tokens is empty): each single token's character,
   * each run empty or, when {@code runsTakeOne}, one character of its class.
   */
  private static String sample(int[] tokens, boolean runsTakeOne) {
    StringBuilder out = new StringBuilder(tokens.length);
    for (int t : tokens) {
      if ((t & CLASS) == 0) {
        out.append((char) t);
      } else if (!isRun(t) || (runsTakeOne && (t & MASK) != NOTHING)) {
        out.append(representative(t & MASK));
      }
    }
    return out.toString();
  }

  /** A character of the lowest category of a non-empty mask. */
  private static char representative(int mask) {
    int category = Integer.lowestOneBit(mask);
    return switch (category) {
      case LOWER -> 'q';
      case DIGIT -> '7';
      case DASH -> '-';
      case DOT -> '.';
      case UNDERSCORE -> '_';
      case SLASH -> '/';
      case COLON -> ':';
      default -> '~';
    };
  }

  private static final String OTHER_CANDIDATES = "~!@#%^&+=,;|<>()[]{}$ '\"`\\";

  /**
   * Every literal of both sides, plus for each category one character that is no literal: any
   * character outside the literals behaves like its category's representative.
   */
  private static char[] alphabet(int[] a, int[] b) {
    StringBuilder chars = new StringBuilder();
    Set<Character> literals = new HashSet<>();
    for (int[] side : new int[][] {a, b}) {
      for (int t : side) {
        if ((t & CLASS) == 0 && literals.add((char) t)) {
          chars.append((char) t);
        }
      }
    }
    addRepresentative(chars, literals, "abcdefghijklmnopqrstuvwxyz");
    addRepresentative(chars, literals, "0123456789");
    addRepresentative(chars, literals, "-");
    addRepresentative(chars, literals, ".");
    addRepresentative(chars, literals, "_");
    addRepresentative(chars, literals, "/");
    addRepresentative(chars, literals, ":");
    addRepresentative(chars, literals, OTHER_CANDIDATES);
    return chars.toString().toCharArray();
  }

  private static void addRepresentative(
      StringBuilder chars, Set<Character> literals, String candidates) {
    for (int i = 0; i < candidates.length(); i++) {
      char c = candidates.charAt(i);
      if (!literals.contains(c)) {
        chars.append(c);
        return;
      }
    }
  }

  /** Whether the (case-folded) string is in the language; for tests and sample enumeration. */
  boolean matches(String s) {
    BitSet at = closure(tokens, single(0));
    for (int i = 0; i < s.length() && !at.isEmpty(); i++) {
      at = step(tokens, at, Character.toLowerCase(s.charAt(i)));
    }
    return at.get(tokens.length);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int t : tokens) {
      if ((t & CLASS) == 0) {
        sb.append((char) t);
      } else {
        sb.append('[').append(Integer.toHexString(t & MASK)).append(']');
        if (isRun(t)) {
          sb.append('*');
        }
      }
    }
    return sb.toString();
  }
}
