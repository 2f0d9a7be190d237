package dev.iampolicyls.embedded;

import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyResourceType;
import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One policy inside a host document.
 *
 * @param name how reports name it inside its file: {@code Resources/AppRole/Policies/read}, with
 *     the PolicyName where there is one
 * @param path where it sits: {@code Resources, AppRole, Properties, Policies, 0, PolicyDocument}
 * @param policyType what kind of policy its place makes it
 * @param resourceType the resource a resource policy is attached to, when the checks know it; null
 *     otherwise
 * @param offset start of the policy's value in the host text
 * @param length length of the policy's value in the host text
 * @param readings one policy per combination of the {@code Fn::If} conditions it uses (one when it
 *     uses none); every node of each is at its span in the host text
 * @param templateFindings findings about the template's own syntax inside the policy (a policy
 *     variable not escaped in {@code Fn::Sub}), in host offsets
 * @param approximatePositions the policy is a JSON string whose characters could not be located in
 *     the host text: its findings sit on the whole string
 * @param notApplicable codes whose findings mean nothing in this policy's place (PUBLIC_ACCESS in a
 *     VPC endpoint policy)
 * @param written values built from template functions, each with the text the template writes for
 *     it ({@code arn:aws:s3:::DataBucket/*} written {@code ${DataBucket.Arn}/*}), so that a message
 *     quotes the template rather than a stand-in
 * @param jsonText the host string whose text holds the policy, or null when the policy is the
 *     template's own maps and lists: a policy given as a JSON string, or any policy of a nested
 *     template given as text ({@code TemplateBody}); a fix's edits are escaped for that string
 * @param synthesized the host text at {@code offset} is no policy document but what a service makes
 *     one of (a statement, a list of statements, a Lambda permission's properties): its readings
 *     hold keys the template does not write
 */
public record EmbeddedPolicy(
    String name,
    List<Object> path,
    PolicyType policyType,
    PolicyResourceType resourceType,
    int offset,
    int length,
    List<Policy> readings,
    List<Finding> templateFindings,
    boolean approximatePositions,
    List<String> notApplicable,
    List<Written> written,
    HostValue.Scalar jsonText,
    boolean synthesized) {

  /**
   * A value built from template functions, at {@code offset} in the host text, and the text the
   * template writes for it, {@code ${...}} for each reference.
   */
  public record Written(int offset, String value, String text) {}

  public EmbeddedPolicy {
    written = List.copyOf(written);
    notApplicable = List.copyOf(notApplicable);
    path = List.copyOf(path);
    readings = List.copyOf(readings);
    templateFindings = List.copyOf(templateFindings);
  }

  /**
   * The message of a finding at {@code offset} with each quoted value built from template functions
   * replaced by the template's text for it: the value at the finding's own place first, so that "X
   * is covered by Y" names each as written even when both stand for the same value.
   */
  public String asWritten(String message, int offset) {
    if (written.isEmpty() || message.indexOf('"') < 0) {
      return message;
    }
    String out = message;
    for (Written w : written) {
      if (w.offset() == offset) {
        out =
            out.replaceFirst(
                Pattern.quote('"' + w.value() + '"'),
                Matcher.quoteReplacement('"' + w.text() + '"'));
      }
    }
    for (Written w : written) {
      out = out.replace('"' + w.value() + '"', '"' + w.text() + '"');
    }
    return out;
  }
}
