package dev.iampolicyls.grants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.Policy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of what a statement allows, for random small statements: it is the union of what its
 * (action, resource) pairs allow; its intersection with what {@code "*"} on {@code "*"} allows is
 * itself; and a Deny of the same statement leaves nothing.
 */
class GrantAnalysisPropertyTest {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
  private static final Catalog CATALOG = Catalog.bundled();
  private static final String[] ACTIONS = {
    "s3:GetObject",
    "s3:Get*",
    "s3:*",
    "iam:PassRole",
    "iam:*User*",
    "ec2:Describe*",
    "secretsmanager:GetSecretValue",
    "kms:CreateGrant",
    "cloudtrail:UpdateTrail",
    "S3:putobject"
  };
  private static final String[] RESOURCES = {
    "*",
    "arn:aws:s3:::bucket/*",
    "arn:aws:s3:::*",
    "arn:aws:iam::111122223333:role/*",
    "arn:aws:iam::111122223333:role/app-*",
    "arn:*:cloudtrail:*:*:trail/*",
    "arn:aws:secretsmanager:*:*:secret:*",
    "arn:aws:kms:*:*:key/*",
    "arn:aws:iam::*:user/${aws:username}"
  };
  private static final int ROUNDS = 60;

  private record Shape(
      List<String> actions, boolean notAction, List<String> resources, boolean notResource) {
    String statement(String effect) {
      return "{\"Effect\": \""
          + effect
          + "\", \""
          + (notAction ? "NotAction" : "Action")
          + "\": "
          + json(actions)
          + ", \""
          + (notResource ? "NotResource" : "Resource")
          + "\": "
          + json(resources)
          + "}";
    }

    Shape with(List<String> a, List<String> r) {
      return new Shape(a, notAction, r, notResource);
    }
  }

  private static String json(List<String> values) {
    return "[" + String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList()) + "]";
  }

  private static String policy(String... statements) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements) + "]}";
  }

  private static GrantAnalysis analysis(String text) {
    return GrantAnalysis.of(Policy.parse(text), CATALOG, NOW);
  }

  private static Shape random(Random r, boolean allowNot) {
    return new Shape(
        pick(r, ACTIONS),
        allowNot && r.nextInt(5) == 0,
        pick(r, RESOURCES),
        allowNot && r.nextInt(5) == 0);
  }

  private static List<String> pick(Random r, String[] pool) {
    List<String> out = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    while (out.size() < n) {
      String v = pool[r.nextInt(pool.length)];
      if (!out.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  /** What a statement's Resource reaches among the actions it grants, at both breadths. */
  private static BitSet reach(Grant g, Reach wanted) {
    return Reach.reached(g, g.index().all(), wanted).actions();
  }

  @Test
  void aStatementAllowsTheUnionOfItsActionResourcePairs() {
    Random r = new Random(16);
    for (int round = 0; round < ROUNDS; round++) {
      Shape s = random(r, false);
      Grant whole = analysis(policy(s.statement("Allow"))).allows().get(0);
      BitSet granted = new BitSet();
      BitSet asStar = new BitSet();
      BitSet inAccount = new BitSet();
      for (String a : s.actions()) {
        for (String res : s.resources()) {
          Grant pair =
              analysis(policy(s.with(List.of(a), List.of(res)).statement("Allow"))).allows().get(0);
          granted.or(pair.granted());
          asStar.or(reach(pair, Reach.AS_BROAD_AS_STAR));
          inAccount.or(reach(pair, Reach.A_WHOLE_TYPE_IN_AN_ACCOUNT));
        }
      }
      String text = s.statement("Allow");
      assertEquals(granted, whole.granted(), text);
      assertEquals(asStar, reach(whole, Reach.AS_BROAD_AS_STAR), text);
      assertEquals(inAccount, reach(whole, Reach.A_WHOLE_TYPE_IN_AN_ACCOUNT), text);
    }
  }

  @Test
  void intersectingWithStarOnStarChangesNothing() {
    Random r = new Random(17);
    BitSet everything =
        analysis(policy(new Shape(List.of("*"), false, List.of("*"), false).statement("Allow")))
            .allows()
            .get(0)
            .granted();
    for (int round = 0; round < ROUNDS; round++) {
      Shape s = random(r, true);
      Grant g = analysis(policy(s.statement("Allow"))).allows().get(0);
      BitSet both = (BitSet) g.granted().clone();
      both.and(everything);
      assertEquals(g.granted(), both, s.statement("Allow"));
      // The star statement reaches every action at both breadths: the meet is the statement's.
      BitSet reached = reach(g, Reach.A_WHOLE_TYPE_IN_AN_ACCOUNT);
      BitSet meet = (BitSet) reached.clone();
      meet.and(everything);
      assertEquals(reached, meet, s.statement("Allow"));
    }
  }

  @Test
  void aDenyOfTheSameStatementLeavesNothing() {
    Random r = new Random(18);
    for (int round = 0; round < ROUNDS; round++) {
      Shape s = random(r, true);
      String text = policy(s.statement("Allow"), s.statement("Deny"));
      Grant g = analysis(text).allows().get(0);
      assertTrue(g.granted().isEmpty(), text);
      assertTrue(reach(g, Reach.A_WHOLE_TYPE_IN_AN_ACCOUNT).isEmpty(), text);
    }
  }
}
