/**
 * Policies inside host documents: CloudFormation and SAM templates in YAML and JSON now, Terraform
 * next.
 *
 * <p><b>Design.</b> A host format ({@link dev.iampolicyls.embedded.HostFormat}, one class per
 * format) reads its text into {@link dev.iampolicyls.embedded.HostValue}s (maps, lists, scalars,
 * template functions, each at its span in the host's UTF-16 text) and says where the policies are.
 * Each policy's syntax tree is then built directly from those values ({@link
 * dev.iampolicyls.syntax.SyntaxTrees}): the same {@code syntax} nodes a JSON policy parses to, but
 * every node at its span in the host text, and the document's text is the host's. No JSON text is
 * rendered and no offsets are mapped back: the checks, and later completion, hover and code
 * actions, run unchanged and answer in host positions; a fix's edit ranges are already the host's,
 * and its new text is written by the {@link dev.iampolicyls.codeactions.EditWriter} of the host's
 * syntax ({@link dev.iampolicyls.embedded.HostDocument#syntax()}), so YAML stays YAML. The
 * alternative, rendering a JSON text per policy with a map back to the host, would need every
 * engine's offsets translated both ways, and edits computed on JSON text would not be YAML. What a
 * policy's own text is needed for (size quotas) uses {@link
 * dev.iampolicyls.syntax.JsonDocument#policyText()}, the tree written out as compact JSON.
 *
 * <p>Strings keep the host offset of each character ({@link
 * dev.iampolicyls.syntax.StringNode#sourceOffset(int)}), through quotes, escapes, block scalars and
 * {@code Fn::Sub} substitutions, so a finding on part of a value points at the characters that
 * wrote it. A policy written as a JSON string is parsed and moved onto the string's characters.
 *
 * <p>Template functions are typed values ({@link dev.iampolicyls.embedded.Interpolation}): each
 * {@code Fn::If} is read both ways (one policy tree per combination of the conditions it uses,
 * findings merged), {@code AWS::NoValue} removes its element, pseudo parameters and references
 * inside an ARN take values of the field's shape, a reference to a resource of the template whose
 * {@code Ref} or attribute is an ARN ({@link dev.iampolicyls.embedded.CloudFormationReferences}, a
 * table of the common resource types) stands in as an ARN of that type named after the resource,
 * and any other value that starts with a reference is opaque: some specific value that checks leave
 * alone, never a wildcard. A message that quotes a value built this way quotes the template's text
 * for it ({@code ${DataBucket.Arn}/*}), not the stand-in.
 *
 * <p><b>YAML.</b> snakeyaml-engine's composer: it keeps unknown tags on the nodes and marks every
 * node's start and end, counted in code points (converted here to UTF-16 offsets). It stops at the
 * first syntax error, which becomes one finding at its position; the template is then read again
 * with the resource around the error blanked out (offsets unchanged), so the other resources'
 * policies are still checked while one is being typed.
 */
package dev.iampolicyls.embedded;
