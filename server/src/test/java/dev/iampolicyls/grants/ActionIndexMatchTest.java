package dev.iampolicyls.grants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.Service;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ActionIndex#matchesNoneOrSomeOf}, which tests the few indices a name matches without
 * building a set, against its definition: the pattern's set empty, or meeting the other set.
 */
class ActionIndexMatchTest {
  private static final ActionIndex INDEX = ActionIndex.of(Catalog.bundled());
  private static final String[] PATTERNS = {
    "iam:PassRole",
    "IAM:passrole",
    "iam:CreateRole",
    "iam:*",
    "iam:Pass*",
    "s3:Get*",
    "ec2:RunInstances",
    "*",
    "nosuch:Action",
    "iam:NoSuchAction",
    "lambda:CreateFunction",
    "glue:UpdateDevEndpoint"
  };

  /** Numbers come from a service's first number and the action's place: each is its own. */
  @Test
  void everyActionHasItsOwnNumber() {
    ActionIndex index = ActionIndex.of(Catalog.bundled());
    BitSet numbered = new BitSet();
    for (Service s : index.catalog().services()) {
      for (Action a : s.actions()) {
        int i = index.indexOf(a.qualifiedName()).orElseThrow();
        assertTrue(index.action(i) == a, a.qualifiedName());
        assertFalse(numbered.get(i), a.qualifiedName());
        numbered.set(i);
        assertEquals(BitSet.valueOf(new long[0]), andNot(index.match(a.qualifiedName()), i));
      }
    }
    assertEquals(index.size(), numbered.cardinality());
  }

  /** The actions listed for a pattern are its set's, in catalog order, few or many. */
  @Test
  void actionsMatchingAreTheActionsOfTheMatch() {
    for (String pattern : PATTERNS) {
      assertEquals(INDEX.actions(INDEX.match(pattern)), INDEX.actionsMatching(pattern), pattern);
    }
    assertEquals(1, INDEX.actionsMatching("IAM:passrole").size());
    assertTrue(INDEX.actionsMatching("s3:Get*").size() > 32); // kept as a set, not as indices
    assertTrue(INDEX.actionsMatching("nosuch:Action").isEmpty());
  }

  /** The set kept with the levels is its definition over them, with some services filed and all. */
  @Test
  void scopableChangesAreTheirDefinition() {
    ActionIndex index = ActionIndex.of(Catalog.bundled());
    index.match("iam:PassRole");
    assertEquals(plainScopableChanges(index), index.scopableChanges());
    index.all();
    assertEquals(plainScopableChanges(index), index.scopableChanges());
    assertTrue(index.scopableChanges().cardinality() > 1000);
  }

  private static BitSet plainScopableChanges(ActionIndex index) {
    BitSet out = new BitSet();
    for (int i = 0; i < index.size(); i++) {
      Action a = index.action(i);
      if (a != null
          && index.resourceLevel().get(i)
          && !index.readNamed().get(i)
          && switch (a.accessLevel()) {
            case WRITE, TAGGING, PERMISSIONS_MANAGEMENT -> true;
            default -> false;
          }) {
        out.set(i);
      }
    }
    return out;
  }

  /** The set without {@code i}. */
  private static BitSet andNot(BitSet set, int i) {
    BitSet out = (BitSet) set.clone();
    out.clear(i);
    return out;
  }

  @Test
  void agreesWithTheSetsOnRandomGrants() {
    Random random = new Random(16);
    int[] outcomes = new int[2];
    for (int round = 0; round < 500; round++) {
      BitSet granted = new BitSet();
      // Some of the patterns' own actions, and random others: both answers occur.
      for (int k = 0; k < 3; k++) {
        BitSet some = INDEX.match(PATTERNS[random.nextInt(PATTERNS.length)]);
        if (!some.isEmpty() && random.nextBoolean()) {
          int n = random.nextInt(some.cardinality());
          int i = some.nextSetBit(0);
          for (int skip = 0; skip < n; skip++) {
            i = some.nextSetBit(i + 1);
          }
          granted.set(i);
        }
        granted.set(random.nextInt(INDEX.size()));
      }
      String pattern = PATTERNS[random.nextInt(PATTERNS.length)];
      BitSet named = INDEX.match(pattern);
      boolean expected = named.isEmpty() || granted.intersects(named);
      assertEquals(expected, INDEX.matchesNoneOrSomeOf(pattern, granted), pattern);
      outcomes[expected ? 1 : 0]++;
    }
    assertTrue(outcomes[0] > 50 && outcomes[1] > 50);
  }

  @Test
  void anUnknownActionCountsAsGranted() {
    assertTrue(INDEX.matchesNoneOrSomeOf("iam:NoSuchAction", new BitSet()));
    assertFalse(INDEX.matchesNoneOrSomeOf("iam:PassRole", new BitSet()));
    assertTrue(INDEX.matchesNoneOrSomeOf("iam:PassRole", INDEX.match("iam:Pass*")));
  }
}
