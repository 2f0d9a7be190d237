package dev.iampolicyls.robustness;

import java.util.List;
import java.util.Random;

/**
 * Makes fuzz inputs from a corpus of real policies: mutations of corpus entries (ranges deleted,
 * inserted, duplicated and swapped; JSON tokens, awkward characters, deep nesting and huge strings
 * spliced in) and policies generated from IAM's vocabulary. Everything comes from one {@link
 * Random}, so a seed reproduces an input exactly.
 */
final class FuzzInputs {
  private static final String[] TOKENS = {
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\"\"",
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1e999",
    "-1.5e-7",
    "123456789012345678901234567890",
    "\"Version\"",
    "\"2012-10-17\"",
    "\"Statement\"",
    "\"Sid\"",
    "\"Effect\"",
    "\"Allow\"",
    "\"Deny\"",
    "\"Action\"",
    "\"NotAction\"",
    "\"Resource\"",
    "\"NotResource\"",
    "\"Principal\"",
    "\"NotPrincipal\"",
    "\"Condition\"",
    "\"AWS\"",
    "\"Service\"",
    "\"Federated\"",
    "\"*\"",
    "\"s3:*\"",
    "\"s3:Get*\"",
    "\"iam:PassRole\"",
    "\"arn:aws:s3:::bucket/*\"",
    "\"arn:aws:iam::123456789012:role/x\"",
    "\"arn:\"",
    "\"arn:aws\"",
    "\"${aws:username}\"",
    "\"${\"",
    "\"$\"",
    "\"StringEquals\"",
    "\"ForAllValues:StringLike\"",
    "\"ForAnyValue:\"",
    "\"IfExists\"",
    "\"aws:PrincipalTag/\"",
    "\"aws:SourceIp\"",
    "\"10.0.0.0/8\"",
    "\"::/0\"",
    "\"\\u\"",
    "\"\\uD800\"",
    "\"\\\"",
    "//",
    "/*",
    "*/",
    "\\",
    "'",
  };

  private static final String[] WEIRD = {
    "\u0000",
    "\uD800",
    "\uDC00",
    "\uDBFF\uDFFF",
    "\r",
    "\r\n",
    "\n",
    "\uFEFF",
    "\t",
    "\u2028",
    "\u00A0",
    "\uFFFF",
    "\uFFFE",
    "\uD83D\uDE00",
    "\u0301",
    "\u200B",
    "\u001F",
    "\u007F",
  };

  private static final String[] KEYS = {
    "Version",
    "Id",
    "Statement",
    "Sid",
    "Effect",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Principal",
    "NotPrincipal",
    "Condition",
    "AWS",
    "Service",
    "Federated",
    "CanonicalUser",
    "version",
    "statement",
    "x",
  };

  private static final String[] VALUES = {
    "Allow",
    "Deny",
    "2012-10-17",
    "2008-10-17",
    "*",
    "s3:*",
    "s3:GetObject",
    "s3:get*",
    "iam:*",
    "iam:PassRole",
    "iam:CreateServiceLinkedRole",
    "ec2:Describe*",
    "sts:AssumeRole",
    "*:*",
    "s3:",
    ":",
    "kms:Decrypt",
    "arn:aws:s3:::b/*",
    "arn:aws:iam::123456789012:root",
    "arn:aws:iam::*:role/*",
    "arn:aws-cn:ec2:cn-north-1:123456789012:instance/*",
    "arn:aws:kms:us-east-1:123456789012:key/*",
    "arn::::",
    "arn:aws:s3:::${aws:username}/*",
    "${aws:PrincipalTag/team}",
    "${}",
    "lambda.amazonaws.com",
    "123456789012",
    "o-abc",
    "10.0.0.0/8",
    "192.168.1.1/32",
    "2001:db8::/32",
    "true",
    "false",
    "StringEquals",
    "aws:SourceIp",
    "aws:PrincipalOrgID",
    "s3:prefix",
    "aws:ResourceTag/x",
    "",
    " ",
  };

  private static final String[] OPERATORS = {
    "StringEquals",
    "StringLike",
    "StringNotEqualsIfExists",
    "ForAllValues:StringEquals",
    "ForAnyValue:StringLike",
    "ArnLike",
    "ArnEquals",
    "IpAddress",
    "NotIpAddress",
    "Bool",
    "Null",
    "NumericLessThan",
    "DateGreaterThan",
    "BinaryEquals",
    "Foo",
    "StringEqualsIgnoreCase",
  };

  private final Random random;
  private final List<String> corpus;

  FuzzInputs(Random random, List<String> corpus) {
    this.random = random;
    this.corpus = corpus;
  }

  /** The next input: mostly mutated corpus entries, some generated policies, some both. */
  String next() {
    int kind = random.nextInt(10);
    String base = kind < 7 ? pick(corpus) : generatePolicy();
    int mutations = kind == 9 ? 0 : 1 + random.nextInt(random.nextInt(8) + 1);
    for (int i = 0; i < mutations; i++) {
      base = mutate(base);
    }
    return base;
  }

  String mutate(String s) {
    int n = s.length();
    switch (random.nextInt(12)) {
      case 0: // delete a range
        {
          int a = offset(n);
          return s.substring(0, a) + s.substring(Math.min(n, a + 1 + random.nextInt(40)));
        }
      case 1: // insert a range of another corpus entry
        {
          String other = pick(corpus);
          int a = offset(other.length());
          int b = Math.min(other.length(), a + random.nextInt(80));
          return insert(s, other.substring(a, b));
        }
      case 2: // duplicate a range
        {
          int a = offset(n);
          int b = Math.min(n, a + random.nextInt(120));
          return s.substring(0, b) + s.substring(a, b) + s.substring(b);
        }
      case 3: // swap two ranges
        {
          int a = offset(n);
          int b = offset(n);
          int c = offset(n);
          int d = offset(n);
          int[] o = {a, b, c, d};
          java.util.Arrays.sort(o);
          return s.substring(0, o[0])
              + s.substring(o[2], o[3])
              + s.substring(o[1], o[2])
              + s.substring(o[0], o[1])
              + s.substring(o[3]);
        }
      case 4:
      case 5:
        return insert(s, pick(TOKENS));
      case 6:
        return insert(s, pick(WEIRD));
      case 7: // replace one character with an awkward one
        {
          if (n == 0) {
            return pick(WEIRD);
          }
          int a = random.nextInt(n);
          return s.substring(0, a) + pick(WEIRD) + s.substring(a + 1);
        }
      case 8: // deep nesting
        {
          int depth = 1 + random.nextInt(random.nextBoolean() ? 50 : 3000);
          String open = random.nextBoolean() ? "[" : "{\"a\":";
          String close = open.equals("[") ? "]" : "}";
          return insert(s, open.repeat(depth) + (random.nextBoolean() ? close.repeat(depth) : ""));
        }
      case 9: // a huge string
        {
          int size = 1000 + random.nextInt(random.nextBoolean() ? 5_000 : 60_000);
          String unit = random.nextBoolean() ? "a" : pick(VALUES) + pick(WEIRD);
          return insert(s, "\"" + unit.repeat(Math.max(1, size / Math.max(1, unit.length()))));
        }
      case 10: // random characters from anywhere in the BMP and beyond
        {
          StringBuilder sb = new StringBuilder();
          int count = 1 + random.nextInt(8);
          for (int i = 0; i < count; i++) {
            sb.appendCodePoint(random.nextInt(random.nextBoolean() ? 128 : 0x110000));
          }
          return insert(s, sb.toString());
        }
      default: // an IAM-looking word where a string was
        return insert(s, "\"" + pick(VALUES) + "\"");
    }
  }

  /** A random policy shaped like real ones, with right and wrong element names and values. */
  String generatePolicy() {
    StringBuilder sb = new StringBuilder("{");
    if (random.nextInt(4) > 0) {
      sb.append("\"Version\":\"").append(random.nextBoolean() ? "2012-10-17" : pick(VALUES));
      sb.append("\",");
    }
    sb.append("\"Statement\":");
    int statements = random.nextInt(5);
    boolean array = statements != 1 || random.nextBoolean();
    if (array) {
      sb.append('[');
    }
    for (int i = 0; i < Math.max(1, statements); i++) {
      if (i > 0) {
        sb.append(',');
      }
      statement(sb);
    }
    if (array) {
      sb.append(']');
    }
    return sb.append('}').toString();
  }

  private void statement(StringBuilder sb) {
    sb.append('{');
    int members = random.nextInt(7);
    for (int i = 0; i < members; i++) {
      if (i > 0) {
        sb.append(random.nextInt(20) == 0 ? "" : ",");
      }
      String key = pick(KEYS);
      sb.append('"').append(key).append("\":");
      switch (key) {
        case "Condition" -> condition(sb);
        case "Principal", "NotPrincipal" -> principal(sb);
        default -> valueOrList(sb);
      }
    }
    sb.append('}');
  }

  private void condition(StringBuilder sb) {
    sb.append('{');
    int operators = random.nextInt(3);
    for (int i = 0; i < operators; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"').append(pick(OPERATORS)).append("\":{\"").append(pick(VALUES)).append("\":");
      valueOrList(sb);
      sb.append('}');
    }
    sb.append('}');
  }

  private void principal(StringBuilder sb) {
    if (random.nextInt(3) == 0) {
      sb.append("\"*\"");
      return;
    }
    sb.append("{\"")
        .append(pick(new String[] {"AWS", "Service", "Federated", "CanonicalUser", "Other"}))
        .append("\":");
    valueOrList(sb);
    sb.append('}');
  }

  private void valueOrList(StringBuilder sb) {
    switch (random.nextInt(6)) {
      case 0 -> {
        sb.append('[');
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
          if (i > 0) {
            sb.append(',');
          }
          sb.append('"').append(pick(VALUES)).append('"');
        }
        sb.append(']');
      }
      case 1 -> sb.append(pick(new String[] {"1", "true", "null", "{}", "[]", "{\"a\":1}"}));
      default -> sb.append('"').append(pick(VALUES)).append('"');
    }
  }

  private String insert(String s, String piece) {
    int a = offset(s.length());
    return s.substring(0, a) + piece + s.substring(a);
  }

  private int offset(int n) {
    return random.nextInt(n + 1);
  }

  private <T> T pick(T[] items) {
    return items[random.nextInt(items.length)];
  }

  private String pick(List<String> items) {
    return items.get(random.nextInt(items.size()));
  }
}
