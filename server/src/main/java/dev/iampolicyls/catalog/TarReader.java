package dev.iampolicyls.catalog;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Minimal reader for the tar archives {@code npm pack} writes (ustar, with optional pax or GNU
 * long-name headers). Only regular files are returned.
 */
final class TarReader {
  private TarReader() {}

  private static final int BLOCK = 512;

  /** Reads every regular file of the archive into memory, keyed by its path in the archive. */
  static Map<String, byte[]> readAll(InputStream in) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    byte[] header = new byte[BLOCK];
    String pendingName = null;
    while (true) {
      if (!readFully(in, header, true)) {
        break; // end of stream without the zero blocks; tolerate it
      }
      if (isZero(header)) {
        break;
      }
      String name = cString(header, 0, 100);
      long size = octal(header, 124, 12);
      byte type = header[156];
      if ("ustar".equals(cString(header, 257, 5))) {
        String prefix = cString(header, 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
      }
      if (size > Integer.MAX_VALUE - 16) {
        throw new IOException("Tar entry too large: " + name);
      }
      byte[] content = new byte[(int) size];
      readFully(in, content, false);
      skip(in, (BLOCK - (size % BLOCK)) % BLOCK);
      switch (type) {
        case 'L': // GNU long name for the next entry
          pendingName = cString(content, 0, content.length);
          break;
        case 'x': // pax extended header for the next entry
          String path = paxPath(content);
          if (path != null) {
            pendingName = path;
          }
          break;
        case '0':
        case 0:
          files.put(pendingName != null ? pendingName : name, content);
          pendingName = null;
          break;
        default: // directories, links, global pax headers: not needed
          pendingName = null;
          break;
      }
    }
    return files;
  }

  private static String paxPath(byte[] content) throws IOException {
    String path = null;
    int pos = 0;
    while (pos < content.length) {
      int space = pos;
      while (space < content.length && content[space] != ' ') {
        space++;
      }
      if (space >= content.length) {
        break;
      }
      int len;
      try {
        len = Integer.parseInt(new String(content, pos, space - pos, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        throw new IOException("Bad pax header", e);
      }
      if (len <= 0 || pos + len > content.length) {
        throw new IOException("Bad pax header");
      }
      String record = new String(content, space + 1, pos + len - space - 2, StandardCharsets.UTF_8);
      if (record.startsWith("path=")) {
        path = record.substring(5);
      }
      pos += len;
    }
    return path;
  }

  private static boolean readFully(InputStream in, byte[] b, boolean allowEof) throws IOException {
    int off = 0;
    while (off < b.length) {
      int n = in.read(b, off, b.length - off);
      if (n < 0) {
        if (allowEof && off == 0) {
          return false;
        }
        throw new EOFException("Truncated tar archive");
      }
      off += n;
    }
    return true;
  }

  private static void skip(InputStream in, long n) throws IOException {
    if (n > 0) {
      byte[] b = new byte[(int) n];
      readFully(in, b, false);
    }
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static String cString(byte[] b, int off, int max) {
    int end = off;
    while (end < off + max && end < b.length && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] b, int off, int len) throws IOException {
    if ((b[off] & 0x80) != 0) {
      throw new IOException("Base-256 tar sizes are not supported");
    }
    String text = new String(b, off, len, StandardCharsets.US_ASCII);
    int nul = text.indexOf(0);
    if (nul >= 0) {
      text = text.substring(0, nul);
    }
    text = text.trim();
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(text, 8);
    } catch (NumberFormatException e) {
      throw new IOException("Bad octal number in tar header: " + text, e);
    }
  }
}
