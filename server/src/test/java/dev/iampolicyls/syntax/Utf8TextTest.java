package dev.iampolicyls.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
  private static Utf8Text decode(byte... bytes) {
    return Utf8Text.decode(bytes);
  }

  @Test
  void asciiAndMultiByteTextDecodeAsTheJdkDoes() {
    Random random = new Random(3);
    String[] pieces = {"{\"Action\": \"s3:*\"}", "\n", "é", "€", "😀", "\t", "\u007f", "", "z"};
    for (int n = 0; n < 500; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      Utf8Text decoded = Utf8Text.decode(text.toString().getBytes(StandardCharsets.UTF_8));
      assertEquals(text.toString(), decoded.text());
      assertEquals(-1, decoded.firstInvalidOffset());
    }
  }

  @Test
  void byteOrderMarkIsDropped() {
    Utf8Text t = decode((byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) '{', (byte) '}');
    assertEquals("{}", t.text());
    assertEquals(-1, t.firstInvalidOffset());
  }

  @Test
  void badBytesBecomeReplacementCharactersAndTheFirstIsLocated() {
    Utf8Text t = decode((byte) 'a', (byte) 'b', (byte) 0xFF, (byte) 'c', (byte) 0xC3);
    assertEquals("ab\uFFFDc\uFFFD", t.text());
    assertEquals(2, t.firstInvalidOffset());
  }
}
