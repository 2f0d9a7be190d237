package dev.iampolicyls.syntax;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a file's bytes as UTF-8 without giving up on bad bytes: each bad sequence becomes U+FFFD
 * and the offset of the first one is kept, so the file can still be checked and the bad spot shown.
 *
 * @param text the decoded text, without a leading byte order mark
 * @param firstInvalidOffset UTF-16 offset in {@code text} of the first bad sequence, or -1
 */
public record Utf8Text(String text, int firstInvalidOffset) {
  private static final char BOM = '\uFEFF';

  public static Utf8Text decode(byte[] bytes) {
    if (isAscii(bytes)) {
      // Most policies: every byte is its own character, no BOM, nothing to report. The JDK copies
      // such bytes straight into a compact string; the decoder below fills a char buffer first.
      return new Utf8Text(new String(bytes, StandardCharsets.US_ASCII), -1);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never yields more UTF-16 units than bytes, and each bad byte becomes one U+FFFD.
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    int firstInvalid = -1;
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        if (firstInvalid < 0) {
          firstInvalid = out.position();
        }
        out.put('\uFFFD');
        in.position(in.position() + result.length());
      } else {
        break;
      }
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    // Editors hide a BOM and count columns without it; strip it so our positions match theirs.
    if (!text.isEmpty() && text.charAt(0) == BOM) {
      text = text.substring(1);
      firstInvalid = firstInvalid > 0 ? firstInvalid - 1 : firstInvalid;
    }
    return new Utf8Text(text, firstInvalid);
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  public boolean valid() {
    return firstInvalidOffset < 0;
  }
}
