package dev.iampolicyls.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.policy.PolicyVariables.Problem;
import dev.iampolicyls.policy.PolicyVariables.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyVariablesTest {

  private static List<String> scan(String text) {
    return PolicyVariables.scan(text).stream()
        .map(v -> text.substring(v.start(), v.end()) + "=" + v.problem())
        .toList();
  }

  @Test
  void wellFormedVariablesAndEscapes() {
    assertEquals(
        List.of(
            "${aws:username}=NONE",
            "${aws:PrincipalTag/team, 'company-wide'}=NONE",
            "${*}=NONE",
            "${?}=NONE",
            "${$}=NONE"),
        scan("home/${aws:username}/${aws:PrincipalTag/team, 'company-wide'}/${*}${?}${$}"));
    assertEquals(List.of("${aws:userid, ''}=NONE"), scan("a${aws:userid, ''}"));
    assertEquals(List.of(), scan("arn:aws:s3:::bucket/$HOME/{x}"));
  }

  @Test
  void eachProblemIsNamed() {
    assertEquals(List.of("${aws:username/*=MISSING_BRACE"), scan("a/${aws:username/*"));
    assertEquals(
        List.of("${aws:username/=MISSING_BRACE", "${aws:userid}=NONE"),
        scan("${aws:username/${aws:userid}"));
    assertEquals(List.of("${}=EMPTY", "${ }=EMPTY"), scan("${}/${ }"));
    assertEquals(List.of("${aws: username}=SPACE"), scan("${aws: username}"));
    assertEquals(List.of("${aws:username , 'x'}=SPACE"), scan("${aws:username , 'x'}"));
    assertEquals(
        List.of("${aws:username, anonymous}=MISSING_QUOTE", "${aws:userid, 'x}=MISSING_QUOTE"),
        scan("${aws:username, anonymous}${aws:userid, 'x}"));
  }

  @Test
  void positionsAreIndexesInTheDecodedText() {
    Variable v = PolicyVariables.scan("abc${aws:username}def").get(0);
    assertEquals(3, v.start());
    assertEquals(18, v.end());
    assertEquals("aws:username", v.name());
    assertEquals(Problem.NONE, v.problem());
  }
}
