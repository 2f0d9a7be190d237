package dev.iampolicyls.catalog;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The compact catalog file, shared by {@link CatalogConverter} (writer) and {@link Catalog}
 * (reader).
 *
 * <p>The file is gzip-compressed. Inside, integers marked "v" are unsigned LEB128 varints and
 * strings are varint indexes into the string table:
 *
 * <pre>
 * u32 MAGIC ('IAMC'), u32 FORMAT_VERSION
 * source package name, source version   (varint byte length + UTF-8, not in the table)
 * usage source name, usage source version  (the same; both empty when there are no counts)
 * v total action count
 * string table: v count, then per string: v byte length, UTF-8 bytes
 * condition key table: v count, then per key: name, type, description, v usage
 *     (ordered so that the preferred entry for a name comes first)
 * global keys: v count, then per key: v condition key table index
 * services: v count, then per service: prefix, name, v action count, v usage, v body length,
 *           body
 * service body:
 *   resource types: v count, then name, arn, v n, n condition keys
 *   condition keys: v count, then v condition key table index
 *   actions: v count, then name, description, u8 access level ordinal, v usage,
 *            v n, n x (resource name, u8 required, v resource type index + 1 or 0,
 *                      v k, k condition keys, v d, d dependent actions),
 *            v k, k condition keys, v d, d dependent actions
 * </pre>
 *
 * Service bodies carry their length so the reader can decode them on first use. A "usage" is the
 * number of AWS managed policies naming the action, service or key ({@link UsageCounts}).
 */
final class CatalogFormat {
  private CatalogFormat() {}

  static final int MAGIC = 0x49414D43; // "IAMC"

  /** 2: usage counts for ranking. */
  static final int FORMAT_VERSION = 2;

  /** Reads the decompressed file content. */
  static final class Reader {
    final byte[] buf;
    int pos;

    Reader(byte[] buf, int pos) {
      this.buf = buf;
      this.pos = pos;
    }

    int u8() throws EOFException {
      if (pos >= buf.length) {
        throw new EOFException("Truncated catalog");
      }
      return buf[pos++] & 0xff;
    }

    int u32() throws EOFException {
      return (u8() << 24) | (u8() << 16) | (u8() << 8) | u8();
    }

    int varint() throws IOException {
      int result = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        int b = u8();
        result |= (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          if (result < 0) {
            throw new IOException("Corrupt catalog: negative length");
          }
          return result;
        }
      }
      throw new IOException("Corrupt catalog: varint too long");
    }

    String utf8() throws IOException {
      int len = varint();
      if (len > buf.length - pos) {
        throw new EOFException("Truncated catalog");
      }
      String s = new String(buf, pos, len, StandardCharsets.UTF_8);
      pos += len;
      return s;
    }
  }

  /** Builds file content in memory. */
  static final class Writer {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);

    void u8(int b) {
      out.write(b);
    }

    void u32(int v) {
      out.write(v >>> 24);
      out.write(v >>> 16);
      out.write(v >>> 8);
      out.write(v);
    }

    void varint(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("negative varint " + v);
      }
      while ((v & ~0x7f) != 0) {
        out.write((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      out.write(v);
    }

    void utf8(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varint(b.length);
      out.write(b, 0, b.length);
    }

    void bytes(byte[] b) {
      out.write(b, 0, b.length);
    }

    int size() {
      return out.size();
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }
  }
}
