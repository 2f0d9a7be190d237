package dev.iampolicyls.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Looks for an ASCII word in a file without holding more than a small buffer of it. */
final class StreamSearch {
  private static final int CHUNK = 1 << 16;

  private StreamSearch() {}

  static boolean contains(Path file, String ascii) throws IOException {
    byte[] word = ascii.getBytes(StandardCharsets.US_ASCII);
    byte[] buffer = new byte[CHUNK + word.length];
    int kept = 0; // bytes carried over from the previous chunk, so a word across chunks is found
    try (InputStream in = Files.newInputStream(file)) {
      int read;
      while ((read = in.readNBytes(buffer, kept, CHUNK)) > 0) {
        int filled = kept + read;
        if (indexOf(buffer, filled, word) >= 0) {
          return true;
        }
        kept = Math.min(word.length - 1, filled);
        System.arraycopy(buffer, filled - kept, buffer, 0, kept);
      }
    }
    return false;
  }

  /**
   * Whether the file starts like {@code get-account-authorization-details} output: one of its lists
   * is named within the first kilobytes (the CLI writes them first).
   */
  static boolean startsAsAccountDetails(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4096);
    }
    String text = new String(head, StandardCharsets.ISO_8859_1);
    return text.contains("DetailList\"") || text.contains("\"Policies\"");
  }

  private static int indexOf(byte[] buffer, int length, byte[] word) {
    outer:
    for (int i = 0; i + word.length <= length; i++) {
      for (int j = 0; j < word.length; j++) {
        if (buffer[i + j] != word[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
