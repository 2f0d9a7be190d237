package dev.iampolicyls.embedded;

import java.util.Optional;

/**
 * One kind of document that holds policies (CloudFormation and SAM templates; Terraform next). A
 * new host format is one class implementing this: it reads its syntax into {@link HostValue}s and
 * says where the policies are; the engines need no change.
 */
public interface HostFormat {
  /**
   * The policies inside {@code text}, or empty when the text is not a document of this format (a
   * plain policy, a GitHub workflow, a Kubernetes manifest), so that callers stay silent on it.
   */
  Optional<HostDocument> read(String text);

  /**
   * Whether the text may be a document of this format, from a look at its characters and no parse:
   * false means {@link #read} is empty, so other documents cost nothing.
   */
  boolean claims(String text);
}
