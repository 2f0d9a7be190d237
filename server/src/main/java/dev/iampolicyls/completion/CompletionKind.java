package dev.iampolicyls.completion;

/** What a proposal is, so an editor can show a fitting icon. */
public enum CompletionKind {
  /** A policy or statement element name, or a principal type. */
  PROPERTY,
  /** A fixed value such as Allow or 2012-10-17. */
  VALUE,
  /** An AWS service prefix such as s3. */
  SERVICE,
  /** An IAM action such as s3:GetObject, or an action pattern. */
  ACTION,
  /** A resource ARN or principal ARN. */
  REFERENCE,
  /** A condition operator. */
  OPERATOR,
  /** A condition key. */
  KEY,
  /** A policy variable such as ${aws:username}. */
  VARIABLE,
  /** A whole new element with blanks to fill in, such as a statement. */
  SNIPPET
}
