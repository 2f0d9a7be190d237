package dev.iampolicyls.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.CharSort;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.IntExpr;
import com.microsoft.z3.IntNum;
import com.microsoft.z3.Model;
import com.microsoft.z3.ReExpr;
import com.microsoft.z3.SeqExpr;
import com.microsoft.z3.SeqSort;
import dev.iampolicyls.smt.GeneratedPolicy.Condition;
import dev.iampolicyls.smt.GeneratedPolicy.Statement;
import dev.iampolicyls.smt.PolicyGenerator.GeneratedRequest;
import dev.iampolicyls.smt.Universe.Key;
import dev.iampolicyls.smt.Universe.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An identity policy as a Z3 formula over a request, written from the IAM User Guide's rules (as
 * docs/simulate.md states them), not from the project's code: the oracle of the differential tests.
 *
 * <p>The request: the action (one of {@link Universe#ACTIONS}, by index: Action patterns are
 * matched against each of them, ignoring case, when the formula is built); the resource, either
 * {@code *} or an ARN of six fields {@code r0:r1:r2:r3:r4:r5} whose first five hold no colon; and
 * per condition key a count of values (0 = absent, up to {@link Key#maxValues()}) and the values,
 * typed: strings as strings, numbers as integers, dates as epoch seconds, IPv4 addresses as
 * integers, booleans as booleans.
 *
 * <p>Generated: Allow/Deny (an applying Deny wins); Action/NotAction and Resource/NotResource as
 * regular expressions ({@code *} any run, {@code ?} one character), a six-field ARN pattern field
 * by field, anything else as one glob over the whole resource; StringEquals (exact, wildcards
 * literal), StringEqualsIgnoreCase (each letter either case), StringLike and their Not forms; the
 * six Numeric and Date comparisons as integer arithmetic; Bool; IpAddress/NotIpAddress as an
 * integer interval; Null; IfExists, ForAllValues and ForAnyValue, and for a key without a qualifier
 * "any value matches" (negated: none does); a missing key makes a test false, its negated form,
 * IfExists and ForAllValues true, ForAnyValue false. Left out: policy variables, Principal, Arn and
 * Binary operators, IPv6, fractional numbers.
 */
final class SmtEncoding implements AutoCloseable {
  final Context ctx = new Context();
  private final IntExpr action = ctx.mkIntConst("action");
  private final BoolExpr star = ctx.mkBoolConst("resourceIsStar");
  private final List<SeqExpr<CharSort>> fields = new ArrayList<>();
  private final Map<String, IntExpr> counts = new LinkedHashMap<>();
  private final Map<String, List<Expr<?>>> values = new LinkedHashMap<>();

  SmtEncoding() {
    for (int i = 0; i < 6; i++) {
      fields.add(string("r" + i));
    }
    for (Key k : Universe.KEYS) {
      counts.put(k.name(), ctx.mkIntConst("n:" + k.name()));
      List<Expr<?>> vs = new ArrayList<>();
      for (int i = 0; i < k.maxValues(); i++) {
        String name = "v" + i + ":" + k.name();
        vs.add(
            switch (k.type()) {
              case STRING -> string(name);
              case BOOL -> ctx.mkBoolConst(name);
              default -> ctx.mkIntConst(name);
            });
      }
      values.put(k.name(), vs);
    }
  }

  @Override
  public void close() {
    ctx.close();
  }

  private SeqExpr<CharSort> string(String name) {
    @SuppressWarnings("unchecked")
    SeqExpr<CharSort> e = (SeqExpr<CharSort>) ctx.mkConst(name, ctx.mkStringSort());
    return e;
  }

  /** The policy allows: some Allow applies and no Deny does. */
  BoolExpr allows(GeneratedPolicy p) {
    return ctx.mkAnd(applies(p, "Allow"), ctx.mkNot(applies(p, "Deny")));
  }

  /** Some statement of this effect applies. */
  BoolExpr applies(GeneratedPolicy p, String effect) {
    List<BoolExpr> any = new ArrayList<>();
    for (Statement s : p.statements()) {
      if (s.effect().equals(effect)) {
        any.add(applies(s));
      }
    }
    return ctx.mkOr(any.toArray(BoolExpr[]::new));
  }

  BoolExpr applies(Statement s) {
    List<BoolExpr> all = new ArrayList<>();
    List<BoolExpr> actionMatches = new ArrayList<>();
    for (String a : s.actions()) {
      actionMatches.add(actionMatches(a));
    }
    BoolExpr anyAction = ctx.mkOr(actionMatches.toArray(BoolExpr[]::new));
    all.add(s.notAction() ? ctx.mkNot(anyAction) : anyAction);
    List<BoolExpr> resourceMatches = new ArrayList<>();
    for (String r : s.resources()) {
      resourceMatches.add(resourceMatches(r));
    }
    BoolExpr anyResource = ctx.mkOr(resourceMatches.toArray(BoolExpr[]::new));
    all.add(s.notResource() ? ctx.mkNot(anyResource) : anyResource);
    for (Condition c : s.conditions()) {
      all.add(condition(c));
    }
    return ctx.mkAnd(all.toArray(BoolExpr[]::new));
  }

  /**
   * The actions of the universe the pattern matches, ignoring case: a finite choice, so the pattern
   * is matched here (by java.util.regex) rather than by the solver.
   */
  private BoolExpr actionMatches(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(
          c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
    }
    java.util.regex.Pattern p =
        java.util.regex.Pattern.compile(
            regex.toString(),
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);
    List<BoolExpr> any = new ArrayList<>();
    for (int i = 0; i < Universe.ACTIONS.size(); i++) {
      if (p.matcher(Universe.ACTIONS.get(i)).matches()) {
        any.add(ctx.mkEq(action, ctx.mkInt(i)));
      }
    }
    return ctx.mkOr(any.toArray(BoolExpr[]::new));
  }

  private static int actionIndex(String name) {
    for (int i = 0; i < Universe.ACTIONS.size(); i++) {
      if (Universe.ACTIONS.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("not an action of the universe: " + name);
  }

  private BoolExpr resourceMatches(String pattern) {
    if (pattern.equals("*")) {
      return ctx.mkTrue();
    }
    String[] parts = pattern.split(":", 6);
    if (parts.length == 6) {
      // The resource "*" has no fields: a six-field pattern never matches it.
      List<BoolExpr> each = new ArrayList<>();
      each.add(ctx.mkNot(star));
      for (int i = 0; i < 6; i++) {
        each.add(ctx.mkInRe(fields.get(i), glob(parts[i])));
      }
      return ctx.mkAnd(each.toArray(BoolExpr[]::new));
    }
    return ctx.mkOr(
        ctx.mkAnd(star, ctx.mkInRe(ctx.mkString("*"), glob(pattern))),
        ctx.mkAnd(ctx.mkNot(star), ctx.mkInRe(wholeResource(), glob(pattern))));
  }

  private SeqExpr<CharSort> wholeResource() {
    List<SeqExpr<CharSort>> parts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      if (i > 0) {
        parts.add(ctx.mkString(":"));
      }
      parts.add(fields.get(i));
    }
    @SuppressWarnings("unchecked")
    Expr<SeqSort<CharSort>>[] array = parts.toArray(new Expr[0]);
    return ctx.mkConcat(array);
  }

  private BoolExpr condition(Condition c) {
    String op = c.operator();
    Key key = PolicyGenerator.key(c.key());
    IntExpr n = counts.get(key.name());
    BoolExpr present = ctx.mkGe(n, ctx.mkInt(1));
    if (op.equals("Null")) {
      List<BoolExpr> any = new ArrayList<>();
      for (String v : c.values()) {
        if (v.equalsIgnoreCase("true")) {
          any.add(ctx.mkNot(present));
        } else if (v.equalsIgnoreCase("false")) {
          any.add(present);
        }
      }
      return ctx.mkOr(any.toArray(BoolExpr[]::new));
    }
    boolean forAll = op.startsWith("ForAllValues:");
    boolean forAny = op.startsWith("ForAnyValue:");
    if (forAll || forAny) {
      op = op.substring(op.indexOf(':') + 1);
    }
    boolean ifExists = op.endsWith("IfExists");
    String base = ifExists ? op.substring(0, op.length() - "IfExists".length()) : op;
    boolean negated = base.contains("Not");
    BoolExpr whenAbsent = ctx.mkBool(ifExists || forAll || (!forAny && negated));
    List<BoolExpr> perValue = new ArrayList<>();
    List<Expr<?>> vs = values.get(key.name());
    for (int i = 0; i < vs.size(); i++) {
      BoolExpr given = ctx.mkGe(n, ctx.mkInt(i + 1));
      BoolExpr match = anyPolicyValueMatches(base, key, c.values(), vs.get(i));
      if (forAll) {
        perValue.add(ctx.mkImplies(given, negated ? ctx.mkNot(match) : match));
      } else if (forAny) {
        perValue.add(ctx.mkAnd(given, negated ? ctx.mkNot(match) : match));
      } else {
        perValue.add(ctx.mkAnd(given, match));
      }
    }
    BoolExpr whenPresent;
    if (forAll) {
      whenPresent = ctx.mkAnd(perValue.toArray(BoolExpr[]::new));
    } else {
      BoolExpr any = ctx.mkOr(perValue.toArray(BoolExpr[]::new));
      whenPresent = forAny || !negated ? any : ctx.mkNot(any);
    }
    return (BoolExpr) ctx.mkITE(present, whenPresent, whenAbsent);
  }

  /** Whether one request value matches any policy value under the operator's positive form. */
  @SuppressWarnings("unchecked")
  private BoolExpr anyPolicyValueMatches(String base, Key key, List<String> policy, Expr<?> v) {
    List<BoolExpr> any = new ArrayList<>();
    for (String p : policy) {
      any.add(
          switch (base) {
            case "StringEquals", "StringNotEquals" -> ctx.mkEq(v, ctx.mkString(p));
            case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase" ->
                ctx.mkInRe((SeqExpr<CharSort>) v, caseless(p));
            case "StringLike", "StringNotLike" -> ctx.mkInRe((SeqExpr<CharSort>) v, glob(p));
            case "Bool" ->
                p.equalsIgnoreCase("true") || p.equalsIgnoreCase("false")
                    ? ctx.mkEq(v, ctx.mkBool(p.equalsIgnoreCase("true")))
                    : ctx.mkFalse();
            case "IpAddress", "NotIpAddress" -> {
              long[] range = ipRange(p);
              yield ctx.mkAnd(
                  ctx.mkGe((IntExpr) v, ctx.mkInt(range[0])),
                  ctx.mkLe((IntExpr) v, ctx.mkInt(range[1])));
            }
            default -> compare(base, (IntExpr) v, policyNumber(key.type(), p));
          });
    }
    return ctx.mkOr(any.toArray(BoolExpr[]::new));
  }

  private BoolExpr compare(String base, IntExpr v, long p) {
    IntNum q = ctx.mkInt(p);
    String comparison = base.replaceFirst("^(Numeric|Date)", "");
    return switch (comparison) {
      case "Equals", "NotEquals" -> ctx.mkEq(v, q);
      case "LessThan" -> ctx.mkLt(v, q);
      case "LessThanEquals" -> ctx.mkLe(v, q);
      case "GreaterThan" -> ctx.mkGt(v, q);
      case "GreaterThanEquals" -> ctx.mkGe(v, q);
      default -> throw new IllegalArgumentException(base);
    };
  }

  private static long policyNumber(Type type, String p) {
    return type == Type.DATE ? epochSeconds(p) : Long.parseLong(p);
  }

  /** The IAM glob as a regular expression: {@code *} any run, {@code ?} one character. */
  private ReExpr<SeqSort<CharSort>> glob(String pattern) {
    List<ReExpr<SeqSort<CharSort>>> parts = new ArrayList<>();
    for (char c : pattern.toCharArray()) {
      if (c == '*') {
        parts.add(ctx.mkStar(any()));
      } else if (c == '?') {
        parts.add(any());
      } else {
        parts.add(ctx.mkToRe(ctx.mkString(String.valueOf(c))));
      }
    }
    return concat(parts);
  }

  /** The text with each letter in either case. */
  private ReExpr<SeqSort<CharSort>> caseless(String text) {
    List<ReExpr<SeqSort<CharSort>>> parts = new ArrayList<>();
    for (char c : text.toCharArray()) {
      String lower = String.valueOf(Character.toLowerCase(c));
      String upper = String.valueOf(Character.toUpperCase(c));
      parts.add(
          lower.equals(upper)
              ? ctx.mkToRe(ctx.mkString(lower))
              : ctx.mkUnion(ctx.mkToRe(ctx.mkString(lower)), ctx.mkToRe(ctx.mkString(upper))));
    }
    return concat(parts);
  }

  @SuppressWarnings("unchecked")
  private ReExpr<SeqSort<CharSort>> concat(List<ReExpr<SeqSort<CharSort>>> parts) {
    if (parts.isEmpty()) {
      return ctx.mkToRe(ctx.mkString(""));
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    ReExpr<SeqSort<CharSort>>[] array = parts.toArray(new ReExpr[0]);
    return ctx.mkConcat(array);
  }

  private ReExpr<SeqSort<CharSort>> any() {
    // Printable ASCII: every request of the domains; far faster for Z3 than all of Unicode.
    return ctx.mkRange(ctx.mkString(" "), ctx.mkString("~"));
  }

  private ReExpr<SeqSort<CharSort>> chars(String ranges) {
    List<ReExpr<SeqSort<CharSort>>> parts = new ArrayList<>();
    for (int i = 0; i < ranges.length(); i++) {
      if (i + 2 < ranges.length() && ranges.charAt(i + 1) == '-') {
        parts.add(
            ctx.mkRange(
                ctx.mkString(String.valueOf(ranges.charAt(i))),
                ctx.mkString(String.valueOf(ranges.charAt(i + 2)))));
        i += 2;
      } else {
        parts.add(ctx.mkToRe(ctx.mkString(String.valueOf(ranges.charAt(i)))));
      }
    }
    if (parts.size() == 1) {
      return parts.get(0); // Z3 wants two or more alternatives
    }
    @SuppressWarnings("unchecked")
    ReExpr<SeqSort<CharSort>>[] array = parts.toArray(new ReExpr[0]);
    return ctx.mkUnion(array);
  }

  /**
   * The requests a comparison of identity policies considers, narrowed to a part Z3 searches well:
   * one action of {@code actions} with the resource one of its ARN formats (placeholders as
   * partition {@code aws}, Region {@code us-east-1}, account twelve digits, names of letters,
   * digits and dashes, the last placeholder also slashes and colons), or {@code *} for an action
   * that takes no resource; keys AWS always sets present; values of printable characters.
   *
   * @param formats per action (as written in {@code actions}), its ARN formats; empty: only "*"
   * @return the parts, one per action and ARN format: Z3 decides each far faster than their union
   */
  List<BoolExpr> compareDomain(Map<String, List<String>> formats) {
    List<BoolExpr> shared = new ArrayList<>();
    shared.add(valueDomain());
    for (Key k : Universe.KEYS) {
      if (k.alwaysPresent()) {
        shared.add(ctx.mkGe(counts.get(k.name()), ctx.mkInt(1)));
      }
    }
    List<BoolExpr> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> a : formats.entrySet()) {
      BoolExpr is = ctx.mkEq(action, ctx.mkInt(actionIndex(a.getKey())));
      if (a.getValue().isEmpty()) {
        out.add(ctx.mkAnd(is, star, ctx.mkAnd(shared.toArray(BoolExpr[]::new))));
        continue;
      }
      for (String f : a.getValue()) {
        for (String alternative : f.split(",\\s*(?=arn:)")) {
          String[] parts = alternative.strip().split(":", 6);
          if (parts.length == 6) {
            List<BoolExpr> each = new ArrayList<>(shared);
            each.add(is);
            each.add(ctx.mkNot(star));
            for (int i = 0; i < 6; i++) {
              each.add(ctx.mkInRe(fields.get(i), formatField(parts[i], i)));
            }
            out.add(ctx.mkAnd(each.toArray(BoolExpr[]::new)));
          }
        }
      }
    }
    return out;
  }

  /** Counts within bounds and values of their types' ranges. */
  private BoolExpr valueDomain() {
    List<BoolExpr> all = new ArrayList<>();
    for (Key k : Universe.KEYS) {
      IntExpr n = counts.get(k.name());
      all.add(ctx.mkGe(n, ctx.mkInt(0)));
      all.add(ctx.mkLe(n, ctx.mkInt(k.maxValues())));
      for (Expr<?> v : values.get(k.name())) {
        switch (k.type()) {
          case STRING -> {
            @SuppressWarnings("unchecked")
            SeqExpr<CharSort> s = (SeqExpr<CharSort>) v;
            all.add(ctx.mkInRe(s, ctx.mkStar(chars("a-zA-Z0-9/*?._-"))));
          }
          case NUMERIC -> within(all, (IntExpr) v, -100_000, 100_000);
          case DATE -> within(all, (IntExpr) v, 0, 4_102_444_800L);
          case IP -> within(all, (IntExpr) v, 0, 0xFFFF_FFFFL);
          case BOOL -> {}
        }
      }
    }
    return ctx.mkAnd(all.toArray(BoolExpr[]::new));
  }

  private void within(List<BoolExpr> into, IntExpr v, long low, long high) {
    into.add(ctx.mkGe(v, ctx.mkInt(low)));
    into.add(ctx.mkLe(v, ctx.mkInt(high)));
  }

  /** One field of an ARN format, its placeholders as the domain above says. */
  private ReExpr<SeqSort<CharSort>> formatField(String field, int index) {
    List<ReExpr<SeqSort<CharSort>>> parts = new ArrayList<>();
    int last = field.lastIndexOf("${");
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      int close = field.indexOf('}', i);
      if (c == '$' && i + 1 < field.length() && field.charAt(i + 1) == '{' && close > 0) {
        parts.add(
            switch (index) {
              case 1 -> ctx.mkToRe(ctx.mkString("aws"));
              case 3 -> ctx.mkToRe(ctx.mkString("us-east-1"));
              case 4 -> {
                List<ReExpr<SeqSort<CharSort>>> digits = new ArrayList<>();
                for (int d = 0; d < 12; d++) {
                  digits.add(chars("0-9"));
                }
                yield concat(digits);
              }
              default -> {
                // As the comparison types them: a bucket is one name, the last placeholder of the
                // resource part may hold slashes and colons.
                boolean bucket = field.startsWith("BucketName}", i + 2);
                yield ctx.mkPlus(
                    chars(index == 5 && i == last && !bucket ? "a-z0-9/:-" : "a-z0-9-"));
              }
            });
        i = close;
      } else if (c == '*') {
        parts.add(ctx.mkStar(chars("a-z0-9-")));
      } else {
        parts.add(ctx.mkToRe(ctx.mkString(String.valueOf(c))));
      }
    }
    return concat(parts);
  }

  /** The request as equations on the variables. */
  BoolExpr is(GeneratedRequest r) {
    List<BoolExpr> all = new ArrayList<>();
    all.add(ctx.mkEq(action, ctx.mkInt(actionIndex(r.action()))));
    String[] parts = r.resource().split(":", 6);
    if (r.resource().equals("*")) {
      all.add(star);
    } else if (parts.length == 6) {
      all.add(ctx.mkNot(star));
      for (int i = 0; i < 6; i++) {
        all.add(ctx.mkEq(fields.get(i), ctx.mkString(parts[i])));
      }
    } else {
      throw new IllegalArgumentException("not an ARN: " + r.resource());
    }
    for (Key k : Universe.KEYS) {
      List<String> given = r.context().getOrDefault(k.name(), List.of());
      all.add(ctx.mkEq(counts.get(k.name()), ctx.mkInt(given.size())));
      for (int i = 0; i < given.size(); i++) {
        Expr<?> v = values.get(k.name()).get(i);
        String text = given.get(i);
        all.add(
            switch (k.type()) {
              case STRING -> ctx.mkEq(v, ctx.mkString(text));
              case BOOL -> ctx.mkEq(v, ctx.mkBool(Boolean.parseBoolean(text)));
              case NUMERIC -> ctx.mkEq(v, ctx.mkInt(Long.parseLong(text)));
              case DATE -> ctx.mkEq(v, ctx.mkInt(epochSeconds(text)));
              case IP -> ctx.mkEq(v, ctx.mkInt(ipRange(text)[0]));
            });
      }
    }
    return ctx.mkAnd(all.toArray(BoolExpr[]::new));
  }

  /** The request of a model of the variables. */
  GeneratedRequest request(Model m) {
    String a = Universe.ACTIONS.get(((IntNum) m.eval(action, true)).getInt());
    String resource;
    if (m.eval(star, true).isTrue()) {
      resource = "*";
    } else {
      List<String> texts = new ArrayList<>();
      for (SeqExpr<CharSort> f : fields) {
        texts.add(m.eval(f, true).getString());
      }
      resource = String.join(":", texts);
    }
    Map<String, List<String>> context = new LinkedHashMap<>();
    for (Key k : Universe.KEYS) {
      int n = ((IntNum) m.eval(counts.get(k.name()), true)).getInt();
      List<String> given = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Expr<?> v = m.eval(values.get(k.name()).get(i), true);
        given.add(
            switch (k.type()) {
              case STRING -> v.getString();
              case BOOL -> v.isTrue() ? "true" : "false";
              case NUMERIC -> Long.toString(((IntNum) v).getInt64());
              case DATE -> Instant.ofEpochSecond(((IntNum) v).getInt64()).toString();
              case IP -> ipText(((IntNum) v).getInt64());
            });
      }
      if (!given.isEmpty()) {
        context.put(k.name(), given);
      }
    }
    return new GeneratedRequest(a, resource, context);
  }

  /** A policy date (ISO 8601 date or date-time, or epoch seconds) as epoch seconds. */
  static long epochSeconds(String text) {
    if (text.chars().allMatch(Character::isDigit)) {
      return Long.parseLong(text);
    }
    if (text.length() == 10) {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
    return Instant.parse(text).getEpochSecond();
  }

  /** The first and last IPv4 address of a range ({@code a.b.c.d/len}, or one address). */
  static long[] ipRange(String text) {
    String[] parts = text.split("/");
    int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : 32;
    long address = 0;
    for (String octet : parts[0].split("\\.")) {
      address = address * 256 + Integer.parseInt(octet);
    }
    long size = 1L << (32 - prefix);
    long first = address / size * size;
    return new long[] {first, first + size - 1};
  }

  static String ipText(long address) {
    return (address >> 24 & 255)
        + "."
        + (address >> 16 & 255)
        + "."
        + (address >> 8 & 255)
        + "."
        + (address & 255);
  }
}
