package dev.iampolicyls.cli;

import dev.iampolicyls.checks.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding's identity for code-scanning views: made of what the finding is about (file, code, JSON
 * path, offending text), never of where it sits, so editing lines above it keeps it the same alert.
 */
final class Fingerprint {
  static final String KEY = "iamPolicyFinding/v1";

  private Fingerprint() {}

  static String of(String path, Finding finding, SourceText document) {
    String text = "";
    if (document != null) {
      String all = document.text();
      int from = Math.min(finding.offset(), all.length());
      text = all.substring(from, Math.min(finding.end(), all.length()));
    }
    String identity =
        path
            + '\0'
            + finding.code().id()
            + '\0'
            + BaselineKey.pathText(finding.path())
            + '\0'
            + text;
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(identity.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
