package dev.iampolicyls.policytest;

import dev.iampolicyls.evaluation.NamedPolicy;
import dev.iampolicyls.evaluation.PolicyRole;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.SyntaxError;
import dev.iampolicyls.syntax.TextPosition;
import dev.iampolicyls.syntax.Utf8Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the policy files that simulate, test, compare and reference policies name: well-formed
 * policies or one clear message.
 */
public final class PolicyFileReader {
  private PolicyFileReader() {}

  /** A policy file that cannot be used; the message names the file (and the spot, when known). */
  public static final class Unreadable extends Exception {
    public Unreadable(String message) {
      super(message);
    }
  }

  /** Reads and parses a policy; a file that is not a well-formed policy is {@link Unreadable}. */
  public static NamedPolicy read(Path file, PolicyRole role) throws Unreadable {
    return read(file, file.toString().replace('\\', '/'), role);
  }

  /** As {@link #read(Path, PolicyRole)}, the policy named {@code name} in messages and reports. */
  public static NamedPolicy read(Path file, String name, PolicyRole role) throws Unreadable {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new Unreadable("cannot read " + name + ": " + describe(e));
    }
    Utf8Text decoded = Utf8Text.decode(bytes);
    if (!decoded.valid()) {
      throw new Unreadable(
          at(name, JsonDocument.parse(decoded.text()), decoded.firstInvalidOffset())
              + ": the file is not valid UTF-8");
    }
    return new NamedPolicy(name, role, parse(name, decoded.text()));
  }

  /**
   * Parses a policy's text; one with a syntax error or without a Statement is {@link Unreadable}.
   *
   * @param name how messages name it
   */
  public static Policy parse(String name, String text) throws Unreadable {
    JsonDocument document = JsonDocument.parse(text);
    if (!document.errors().isEmpty()) {
      SyntaxError first = document.errors().get(0);
      throw new Unreadable(at(name, document, first.offset()) + ": " + first.message());
    }
    Policy policy = Policy.of(document);
    if (policy.root().isEmpty() || policy.statementProperty().isEmpty()) {
      throw new Unreadable(name + ":1:1: not an IAM policy (no Statement)");
    }
    return policy;
  }

  /** Why a file could not be read, in a few words. */
  public static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** {@code name:line:column}, 1-based, of an offset in a document. */
  public static String at(String name, JsonDocument document, int offset) {
    TextPosition p = document.positionAt(Math.min(offset, document.text().length()));
    return name + ":" + (p.line() + 1) + ":" + (p.character() + 1);
  }
}
