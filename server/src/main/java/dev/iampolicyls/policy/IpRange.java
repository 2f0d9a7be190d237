package dev.iampolicyls.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address range as IAM's IP address operators read it: an address with an optional
 * prefix length ({@code 203.0.113.0/24}, {@code 2001:db8::/32}, or a single address). Parsed by
 * hand so that no text is ever handed to a resolver.
 *
 * @param address the address bytes as written (4 or 16)
 * @param prefix the prefix length; the full length when none was written
 */
public record IpRange(byte[] address, int prefix) {

  private static final IpRange[] PRIVATE_RANGES = {
    parse("10.0.0.0/8").orElseThrow(),
    parse("172.16.0.0/12").orElseThrow(),
    parse("192.168.0.0/16").orElseThrow(),
    parse("fc00::/7").orElseThrow(),
    // Loopback: no request reaches AWS from it either, so aws:SourceIp never holds it.
    parse("127.0.0.0/8").orElseThrow(),
    parse("::1/128").orElseThrow()
  };

  /** The range a CIDR string names, or empty when it is not one. */
  public static Optional<IpRange> parse(String text) {
    String addressPart = text;
    int slash = text.indexOf('/');
    boolean v6 = text.indexOf(':') >= 0;
    int max = v6 ? 128 : 32;
    int prefix = max;
    if (slash >= 0) {
      addressPart = text.substring(0, slash);
      String p = text.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(p);
      if (prefix > max) {
        return Optional.empty();
      }
    }
    byte[] bytes = v6 ? parseV6(addressPart) : parseV4(addressPart);
    return bytes == null ? Optional.empty() : Optional.of(new IpRange(bytes, prefix));
  }

  public boolean isV6() {
    return address.length == 16;
  }

  /** Whether bits after the prefix are set, which IAM ignores. */
  public boolean hasHostBits() {
    for (int bit = prefix; bit < address.length * 8; bit++) {
      if (bitAt(address, bit)) {
        return true;
      }
    }
    return false;
  }

  /** The same range with the bits after the prefix cleared, as IAM reads it. */
  public IpRange network() {
    byte[] masked = address.clone();
    for (int bit = prefix; bit < masked.length * 8; bit++) {
      masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return new IpRange(masked, prefix);
  }

  /**
   * Whether every address of this range is a private one (RFC 1918, IPv6 unique local) or a
   * loopback one: an address aws:SourceIp never holds.
   */
  public boolean isPrivate() {
    for (IpRange p : PRIVATE_RANGES) {
      if (p.contains(this)) {
        return true;
      }
    }
    return false;
  }

  /** Whether every address of the other range lies in this one. */
  public boolean contains(IpRange other) {
    if (other.address.length != address.length || other.prefix < prefix) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      if (bitAt(address, bit) != bitAt(other.address, bit)) {
        return false;
      }
    }
    return true;
  }

  /** The range in CIDR notation; IPv6 in its shortest form. */
  public String text() {
    String a = isV6() ? formatV6(address) : formatV4(address);
    return a + "/" + prefix;
  }

  private static boolean bitAt(byte[] bytes, int bit) {
    return (bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0;
  }

  private static byte[] parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  private static byte[] parseV6(String s) {
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    String head = gap >= 0 ? s.substring(0, gap) : s;
    String tail = gap >= 0 ? s.substring(gap + 2) : "";
    int[] headGroups = groups(head);
    int[] tailGroups = groups(tail);
    if (headGroups == null || tailGroups == null) {
      return null;
    }
    int count = headGroups.length + tailGroups.length;
    if (gap < 0 ? count != 8 : count > 7) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(headGroups, 0, all, 0, headGroups.length);
    System.arraycopy(tailGroups, 0, all, 8 - tailGroups.length, tailGroups.length);
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[2 * i] = (byte) (all[i] >>> 8);
      out[2 * i + 1] = (byte) all[i];
    }
    return out;
  }

  /** The 16-bit groups of a colon-separated run; a trailing dotted IPv4 counts as two. */
  private static int[] groups(String s) {
    if (s.isEmpty()) {
      return new int[0];
    }
    String[] parts = s.split(":", -1);
    int n = parts.length;
    boolean v4Tail = parts[n - 1].indexOf('.') >= 0;
    int[] out = new int[v4Tail ? n + 1 : n];
    for (int i = 0; i < n; i++) {
      String p = parts[i];
      if (v4Tail && i == n - 1) {
        byte[] v4 = parseV4(p);
        if (v4 == null) {
          return null;
        }
        out[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        out[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
      } else {
        if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(IpRange::isHex)) {
          return null;
        }
        out[i] = Integer.parseInt(p, 16);
      }
    }
    return out;
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static String formatV4(byte[] b) {
    return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
  }

  private static String formatV6(byte[] b) {
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    // The longest run of two or more zero groups becomes "::".
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpRange r && r.prefix == prefix && Arrays.equals(r.address, address);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(address) * 31 + prefix;
  }

  @Override
  public String toString() {
    return text();
  }
}
