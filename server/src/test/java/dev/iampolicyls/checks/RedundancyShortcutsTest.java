package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * REDUNDANT_ACTION and REDUNDANT_STATEMENT skip comparisons that cannot succeed (actions of other
 * services). Held here against the plain definitions, on seeded statements built from services that
 * differ by case, by a letter, or by a wildcard.
 */
class RedundancyShortcutsTest {
  private static final String[] SERVICES = {"s3", "S3", "s3x", "ec2", "s*", "s?", "*", "e${x}"};
  private static final String[] NAMES = {"Get*", "GetObject", "get*", "*", "Put?bject", "List*"};

  private static String randomAction(Random random) {
    if (random.nextInt(12) == 0) {
      return random.nextBoolean() ? "*" : "not-an-action";
    }
    return SERVICES[random.nextInt(SERVICES.length)] + ":" + NAMES[random.nextInt(NAMES.length)];
  }

  @Test
  void redundantActionFindsWhatComparingWithEveryWildcardFinds() {
    Random random = new Random(5);
    for (int n = 0; n < 400; n++) {
      List<String> actions = new ArrayList<>();
      int size = 1 + random.nextInt(10);
      for (int i = 0; i < size; i++) {
        actions.add(randomAction(random));
      }
      StringBuilder text =
          new StringBuilder(
              "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [");
      List<Integer> offsets = new ArrayList<>();
      for (int i = 0; i < actions.size(); i++) {
        text.append(i == 0 ? "" : ", ");
        offsets.add(text.length());
        text.append('"').append(actions.get(i)).append('"');
      }
      text.append("], \"Resource\": \"*\"}]}");
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < actions.size(); i++) {
        if (plainlyRedundant(actions, i)) {
          expected.add(offsets.get(i));
        }
      }
      List<Integer> actual =
          CheckAssert.run(text.toString(), PolicyType.IDENTITY_POLICY).stream()
              .filter(f -> f.code().id().equals("REDUNDANT_ACTION"))
              .map(Finding::offset)
              .toList();
      assertEquals(expected, actual, text::toString);
    }
  }

  /**
   * The definition: an earlier equal entry, or any other wildcard covering it (ties: the later).
   */
  private static boolean plainlyRedundant(List<String> actions, int i) {
    String inner = actions.get(i);
    if (!inner.equals("*") && ActionName.parse(inner).isEmpty()) {
      return false;
    }
    for (int j = 0; j < actions.size(); j++) {
      String outer = actions.get(j);
      if (j == i || (!outer.equals("*") && ActionName.parse(outer).isEmpty())) {
        continue;
      }
      boolean wildcard = ActionName.containsWildcard(outer);
      if (!wildcard) {
        if (j < i && outer.equalsIgnoreCase(inner)) {
          return true;
        }
        continue;
      }
      if (PatternCover.covers(outer, inner, true)
          && (j < i || !PatternCover.covers(inner, outer, true))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void anActionIsOnlyEverCoveredByItsOwnServiceWhenServicesArePlain() {
    // REDUNDANT_STATEMENT compares the service sets of two statements first, when every service is
    // plain text: that is sound only if coverage never crosses services.
    Random random = new Random(9);
    String[] plain = {"s3", "S3", "s3x", "ec2", "EC2"};
    for (int n = 0; n < 5_000; n++) {
      String wide = plain[random.nextInt(plain.length)] + ":" + NAMES[random.nextInt(NAMES.length)];
      String narrow =
          plain[random.nextInt(plain.length)] + ":" + NAMES[random.nextInt(NAMES.length)];
      if (RedundantStatementCheck.actionCovers(wide, narrow)) {
        assertTrue(service(wide).equals(service(narrow)), wide + " covers " + narrow);
      }
    }
  }

  private static String service(String action) {
    return action.substring(0, action.indexOf(':')).toLowerCase(Locale.ROOT);
  }

  @Test
  void statementsOfOtherServicesAreNotRedundantButTheirOwnAre() {
    CheckAssert.assertFindings(
        """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": ["s3:*", "ec2:Describe*"], "Resource": "*"},
          «{"Effect": "Allow", "Action": ["S3:GetObject", "EC2:DescribeInstances"], "Resource": "*"}»,
          {"Effect": "Allow", "Action": ["s3:GetObject", "kms:Decrypt"], "Resource": "*"},
          «{"Effect": "Allow", "Action": "ec2:DescribeImages", "Resource": "*"}»]}
        """,
        "REDUNDANT_STATEMENT");
  }

  @Test
  void redundantStatementFindsWhatComparingEveryPairPlainlyFinds() {
    // The check groups statements, builds shapes only for groups of two or more, compares service
    // masks first and skips repeated service parts: held against all pairs, compared plainly.
    String[] resources = {
      "*",
      "arn:aws:s3:::b/*",
      "arn:aws:s3:::b/k",
      "arn:aws:s3:::B/k",
      "arn:aws:s3:::b/${x}*",
      "arn:aws:s3:::b/${aws:username}"
    };
    String[] conditions = {"", ", \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}"};
    String[] principals = {"", ", \"Principal\": {\"AWS\": \"111122223333\"}"};
    Random random = new Random(11);
    for (int n = 0; n < 400; n++) {
      int count = 2 + random.nextInt(5);
      List<String[]> statements = new ArrayList<>();
      StringBuilder text = new StringBuilder("{\"Version\": \"2012-10-17\", \"Statement\": [");
      List<Integer> offsets = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String effect = random.nextInt(4) == 0 ? "Deny" : "Allow";
        List<String> actions = new ArrayList<>();
        for (int k = 1 + random.nextInt(4); k > 0; k--) {
          actions.add(
              random.nextInt(3) == 0
                  ? actions.isEmpty() ? "s3:GetObject" : actions.get(0)
                  : randomAction(random));
        }
        List<String> resourceList = new ArrayList<>();
        for (int k = 1 + random.nextInt(2); k > 0; k--) {
          resourceList.add(resources[random.nextInt(resources.length)]);
        }
        String resource = String.join("\u0000", resourceList);
        String condition = conditions[random.nextInt(conditions.length)];
        String principal = random.nextInt(5) == 0 ? principals[1] : principals[0];
        statements.add(
            new String[] {effect, String.join("\u0000", actions), resource, condition, principal});
        text.append(i == 0 ? "" : ", ");
        offsets.add(text.length());
        text.append("{\"Effect\": \"").append(effect).append("\", \"Action\": [");
        for (int k = 0; k < actions.size(); k++) {
          text.append(k == 0 ? "" : ", ").append('"').append(actions.get(k)).append('"');
        }
        text.append("], \"Resource\": [");
        for (int k = 0; k < resourceList.size(); k++) {
          text.append(k == 0 ? "" : ", ").append('"').append(resourceList.get(k)).append('"');
        }
        text.append(']');
        text.append(condition).append(principal).append('}');
      }
      text.append("]}");
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        for (int j = 0; j < count; j++) {
          if (j != i
              && plainlyCovers(statements.get(j), statements.get(i))
              && !(j > i && plainlyCovers(statements.get(i), statements.get(j)))) {
            expected.add(offsets.get(i));
            break;
          }
        }
      }
      List<Integer> actual =
          CheckAssert.run(text.toString(), PolicyType.RESOURCE_POLICY).stream()
              .filter(f -> f.code().id().equals("REDUNDANT_STATEMENT"))
              .map(Finding::offset)
              .sorted()
              .toList();
      assertEquals(expected, actual, text::toString);
    }
  }

  /** The definition, over {effect, actions and resources joined by NUL, condition, principal}. */
  private static boolean plainlyCovers(String[] wide, String[] narrow) {
    if (!wide[0].equals(narrow[0]) || !wide[4].equals(narrow[4])) {
      return false;
    }
    if (!wide[3].isEmpty() && !wide[3].equals(narrow[3])) {
      return false;
    }
    return plainlyCovers(wide[2], narrow[2], false) && plainlyCovers(wide[1], narrow[1], true);
  }

  private static boolean plainlyCovers(String wideList, String narrowList, boolean actions) {
    for (String n : narrowList.split("\u0000")) {
      boolean covered = false;
      for (String w : wideList.split("\u0000")) {
        covered |=
            actions
                ? RedundantStatementCheck.actionCovers(w, n)
                : RedundantStatementCheck.resourceCovers(w, n);
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }
}
