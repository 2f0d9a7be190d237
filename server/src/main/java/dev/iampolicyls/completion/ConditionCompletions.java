package dev.iampolicyls.completion;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.ConditionKey;
import dev.iampolicyls.policy.Arn;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Base;
import dev.iampolicyls.policy.ConditionOperator.Category;
import dev.iampolicyls.policy.ConditionOperator.Qualifier;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Condition element: operators as keys of the Condition object, condition keys inside an
 * operator (first those the statement's actions and resource types support, then the global ones),
 * and values where the key's type tells them.
 */
final class ConditionCompletions {
  /** An example date for Date keys; fixed, so proposals do not change with the clock. */
  static final String DATE_EXAMPLE = "2026-01-01T00:00:00Z";

  // ---- operators ------------------------------------------------------------------------------

  void operators(Request r) {
    Proposals out = r.out();
    Set<String> present = siblingNames(r);
    String typed = out.prefix();
    Qualifier qualifier = Qualifier.NONE;
    for (Qualifier q : new Qualifier[] {Qualifier.FOR_ALL_VALUES, Qualifier.FOR_ANY_VALUE}) {
      if (Proposals.startsWithIgnoringCase(typed, q.prefix())) {
        qualifier = q;
      }
    }
    int index = 0;
    for (boolean ifExists : new boolean[] {false, true}) {
      for (Base base : Base.values()) {
        index++;
        if (ifExists && base == Base.Null) {
          continue; // Null tests existence itself
        }
        if (qualifier != Qualifier.NONE && base == Base.Null) {
          continue;
        }
        String name = new ConditionOperator(qualifier, base, ifExists).text();
        if (present.contains(name) || !out.startsWithTyped(name)) {
          continue;
        }
        out.key(
            name,
            CompletionKind.OPERATOR,
            categoryLabel(base.category()) + " operator",
            operatorDocumentation(base, ifExists),
            Proposals.sort(ifExists ? 1 : 0, index),
            Snippet.of("{").end().text("}"));
      }
    }
    if (qualifier == Qualifier.NONE) {
      int q = 0;
      for (Qualifier set : new Qualifier[] {Qualifier.FOR_ALL_VALUES, Qualifier.FOR_ANY_VALUE}) {
        if (out.startsWithTyped(set.prefix())) {
          out.partial(
              set.prefix(),
              CompletionKind.OPERATOR,
              "set operator prefix",
              set == Qualifier.FOR_ALL_VALUES
                  ? "Every value in the request must match. True when the key is missing or"
                      + " empty: pair it with a Null check where that matters."
                  : "At least one value in the request must match.",
              Proposals.sort(2, q++));
        }
      }
    }
  }

  private static String categoryLabel(Category c) {
    return switch (c) {
      case STRING -> "String";
      case NUMERIC -> "Numeric";
      case DATE -> "Date";
      case BOOL -> "Boolean";
      case BINARY -> "Binary";
      case IP_ADDRESS -> "IP address";
      case ARN -> "ARN";
      case NULL -> "Null";
    };
  }

  private static String operatorDocumentation(Base base, boolean ifExists) {
    String what =
        switch (base.category()) {
          case STRING -> "Compares the key's value with strings";
          case NUMERIC -> "Compares the key's value with numbers";
          case DATE -> "Compares the key's value with dates (ISO 8601 or epoch seconds)";
          case BOOL -> "Compares the key's value with `true` or `false`";
          case BINARY -> "Compares the key's value with base64-encoded bytes";
          case IP_ADDRESS -> "Compares the key's value with IP addresses or CIDR ranges";
          case ARN -> "Compares the key's value with ARNs";
          case NULL -> "Tests whether the key is absent (`true`) or present (`false`)";
        };
    String how = base.matchesWildcards() ? "; values may hold `*` and `?`" : "";
    String not = base.negated() ? "; true when none matches" : "";
    String exists = ifExists ? ". IfExists: also true when the key is not in the request" : "";
    return what + how + not + exists + ".";
  }

  // ---- keys -----------------------------------------------------------------------------------

  void keys(Request r, String operatorText) {
    Proposals out = r.out();
    Set<String> present = siblingNames(r);
    Optional<ConditionOperator> operator = ConditionOperator.parse(operatorText);
    Map<String, ConditionKey> statementKeys = statementKeys(r);
    Set<String> offered = new HashSet<>();
    int index = 0;
    for (ConditionKey key : byUse(statementKeys.values())) {
      index++;
      offerKey(out, key, operator, 0, index, present, offered);
    }
    for (ConditionKey key : byUse(r.catalog().globalConditionKeys())) {
      index++;
      offerKey(out, key, operator, 2, index, present, offered);
    }
    if (out.prefix().indexOf('/') >= 0) {
      out.markIncomplete(); // a typed tag name is copied into templated keys
    }
  }

  /**
   * The keys the most AWS managed policies use first; the sort is stable, so keys used equally keep
   * their order (by name, or by the statement's actions).
   */
  private static List<ConditionKey> byUse(Collection<ConditionKey> keys) {
    List<ConditionKey> sorted = new ArrayList<>(keys);
    sorted.sort(Comparator.comparingInt(ConditionKey::usage).reversed());
    return sorted;
  }

  private static void offerKey(
      Proposals out,
      ConditionKey key,
      Optional<ConditionOperator> operator,
      int group,
      int index,
      Set<String> present,
      Set<String> offered) {
    String name = key.name();
    if (!offered.add(normalize(name)) || present.contains(name.toLowerCase(Locale.ROOT))) {
      return;
    }
    String label = label(name);
    ArnTemplate template = ArnTemplate.parse(label);
    Optional<Snippet> filled = template.complete(out.prefix());
    boolean prefix = filled.isPresent();
    if (!prefix && !Proposals.containsIgnoringCase(name, out.prefix())) {
      return;
    }
    // Keys whose type the operator compares come first within their group.
    boolean fits = operator.map(o -> fits(o.category(), key.type())).orElse(true);
    Snippet shape = Snippet.of("\"").stop().text("\"");
    String description = key.description().isBlank() ? "" : key.description() + "\n\n";
    out.key(
        label,
        filled.orElseGet(() -> template.complete("").orElseThrow()),
        prefix,
        CompletionKind.KEY,
        key.type(),
        description + "Type: " + key.type(),
        Proposals.sort(group + (fits ? 0 : 1) + (prefix ? 0 : 4), index),
        shape);
  }

  /** The catalog spells templated keys three ways; one form keeps duplicates out. */
  static String normalize(String name) {
    int slash = name.indexOf('/');
    String base = slash < 0 ? name : name.substring(0, slash + 1) + "*";
    return base.toLowerCase(Locale.ROOT);
  }

  /** Templated keys show their placeholder as ${Name}, as the catalog's newer keys do. */
  static String label(String name) {
    if (name.endsWith("/tag-key")) {
      return name.substring(0, name.length() - "tag-key".length()) + "${TagKey}";
    }
    int lt = name.indexOf('<');
    if (lt > 0 && name.endsWith(">")) {
      return name.substring(0, lt) + "${" + name.substring(lt + 1, name.length() - 1) + "}";
    }
    return name;
  }

  private static boolean fits(Category category, String type) {
    String t = type.startsWith("ArrayOf") ? type.substring(7) : type;
    return switch (category) {
      case STRING -> t.equals("String") || t.equals("ARN");
      case NUMERIC -> t.equals("Numeric");
      case DATE -> t.equals("Date");
      case BOOL -> t.equals("Bool");
      case BINARY -> t.equals("Binary");
      case IP_ADDRESS -> t.equals("IPAddress");
      case ARN -> t.equals("ARN");
      case NULL -> true;
    };
  }

  /** The keys the statement's actions and their resource types support, in order, by name. */
  private static Map<String, ConditionKey> statementKeys(Request r) {
    Set<String> names = new LinkedHashSet<>();
    for (Action a : StatementActions.of(r.catalog(), r.statement())) {
      names.addAll(a.conditionKeys());
      for (ActionResource ar : a.resourceTypes()) {
        names.addAll(ar.conditionKeys());
        ar.resourceType().ifPresent(t -> names.addAll(t.conditionKeys()));
      }
    }
    Map<String, ConditionKey> keys = new LinkedHashMap<>();
    for (String name : names) {
      ConditionKey key =
          r.catalog().conditionKey(name).orElse(new ConditionKey(name, "String", ""));
      // Keep the key's own spelling; the lookup may find the global form of a templated key.
      keys.putIfAbsent(
          normalize(name), new ConditionKey(name, key.type(), key.description(), key.usage()));
    }
    return keys;
  }

  // ---- values ---------------------------------------------------------------------------------

  /** A proposed value: what it shows, what it inserts (maybe with blanks), and a note. */
  private record Example(String label, Snippet content, String detail) {
    Example(String value, String detail) {
      this(value, Snippet.of(value), detail);
    }
  }

  void values(Request r, String operatorText, String keyName) {
    Proposals out = r.out();
    Optional<ConditionOperator> operator = ConditionOperator.parse(operatorText);
    Category category = operator.map(ConditionOperator::category).orElse(null);
    String type = r.catalog().conditionKey(keyName).map(ConditionKey::type).orElse("");
    String base = type.startsWith("ArrayOf") ? type.substring(7) : type;
    String lowerKey = keyName.toLowerCase(Locale.ROOT);
    List<Example> values = new ArrayList<>();
    if (category == Category.NULL || category == Category.BOOL || base.equals("Bool")) {
      values.add(new Example("true", category == Category.NULL ? "the key is absent" : null));
      values.add(new Example("false", category == Category.NULL ? "the key is present" : null));
    } else if (category == Category.DATE || base.equals("Date")) {
      values.add(new Example(DATE_EXAMPLE, "ISO 8601 date and time (UTC)"));
    } else if (category == Category.IP_ADDRESS || base.equals("IPAddress")) {
      // Documentation ranges (RFC 5737, RFC 3849): plainly examples, to be replaced.
      values.add(new Example("203.0.113.0/24", "an IPv4 range in CIDR notation (example)"));
      values.add(new Example("198.51.100.7/32", "one IPv4 address (example)"));
      values.add(new Example("2001:db8::/32", "an IPv6 range (example)"));
    } else if (base.equals("ARN") || category == Category.ARN) {
      Seen seen = seen(r.statement());
      for (String account : seen.accounts) {
        values.add(new Example("arn:aws:*:*:" + account + ":*", "anything in account " + account));
      }
      for (String arn : seen.arns) {
        values.add(new Example(arn, "from this statement"));
      }
    } else if (lowerKey.endsWith("orgpaths")) {
      Seen seen = seen(r.statement());
      for (String org : seen.orgs) {
        values.add(orgPath(org, "an organizational unit of " + org));
      }
      values.add(orgPath(null, "an organizational unit and the accounts and OUs under it"));
    } else if (lowerKey.endsWith("account")) {
      for (String account : seen(r.statement()).accounts) {
        values.add(new Example(account, "account in this statement"));
      }
    } else if (lowerKey.endsWith("orgid")) {
      for (String org : seen(r.statement()).orgs) {
        values.add(new Example(org, "organization in this statement"));
      }
    }
    int index = 0;
    for (Example v : values) {
      index++;
      if (out.startsWithTyped(v.content().plain())) {
        out.value(
            v.label(),
            CompletionKind.VALUE,
            v.detail(),
            null,
            Proposals.sort(0, index),
            v.content(),
            true);
      }
    }
  }

  /**
   * An AWS Organizations path, {@code o-xxxxxxxxxx/r-xxxx/ou-xxxx-xxxxxxxx/*}: each ID a blank to
   * fill in (the organization's, when the statement names it).
   */
  private static Example orgPath(String org, String detail) {
    String orgId = org != null ? org : "o-xxxxxxxxxx";
    Snippet content =
        (org != null ? Snippet.of(org) : Snippet.of("").placeholder(orgId, orgId))
            .text("/")
            .placeholder("r-xxxx", "r-xxxx")
            .text("/")
            .placeholder("ou-xxxx-xxxxxxxx", "ou-xxxx-xxxxxxxx")
            .text("/*");
    return new Example(content.plain(), content, detail);
  }

  /** Accounts, organizations and ARNs the statement's Resource and Principal name. */
  private record Seen(Set<String> accounts, Set<String> orgs, Set<String> arns) {}

  private static Seen seen(Statement statement) {
    Seen seen = new Seen(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
    if (statement == null) {
      return seen;
    }
    List<StringElement> strings = new ArrayList<>(statement.resources());
    for (Optional<PropertyNode> p : List.of(statement.principal(), statement.notPrincipal())) {
      p.ifPresent(
          principal -> {
            if (principal.value() instanceof ObjectNode map) {
              for (PropertyNode type : map.properties()) {
                strings.addAll(Statement.strings(type.value()));
              }
            }
          });
    }
    statement.conditionEntries().forEach(e -> e.values().forEach(v -> addString(strings, v)));
    for (StringElement s : strings) {
      String value = s.value();
      Optional<Arn> arn = Arn.parse(value);
      if (arn.isPresent()) {
        String account = arn.get().account();
        if (isAccount(account)) {
          seen.accounts().add(account);
        }
        if (statement.resources().contains(s) && seen.arns().size() < 20) {
          seen.arns().add(value);
        }
      } else if (isAccount(value)) {
        seen.accounts().add(value);
      } else if (value.matches("o-[a-z0-9]{10,32}")) {
        seen.orgs().add(value);
      }
    }
    return seen;
  }

  private static void addString(List<StringElement> strings, JsonNode node) {
    strings.addAll(Statement.strings(node));
  }

  private static boolean isAccount(String s) {
    if (s.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Names of the other members of the object whose key is typed, lower-cased. */
  private static Set<String> siblingNames(Request r) {
    Set<String> names = new HashSet<>();
    for (PropertyNode p : r.context().object().properties()) {
      if (p != r.context().property()) {
        names.add(p.name());
        names.add(p.name().toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }
}
