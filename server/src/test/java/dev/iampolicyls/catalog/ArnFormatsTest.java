package dev.iampolicyls.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArnFormatsTest {
  static final String OBJECT = "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
  static final String BUCKET = "arn:${Partition}:s3:::${BucketName}";
  static final String FUNCTION =
      "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}";

  @Test
  void concreteArnsFitTheirOwnFormatOnly() {
    assertTrue(ArnFormats.fits(OBJECT, "arn:aws:s3:::my-bucket/key.txt"));
    assertTrue(ArnFormats.fits(BUCKET, "arn:aws:s3:::my-bucket"));
    assertFalse(ArnFormats.fits(OBJECT, "arn:aws:s3:::my-bucket"));
    assertFalse(ArnFormats.fits(FUNCTION, "arn:aws:s3:::my-bucket"));
    assertTrue(ArnFormats.fits(FUNCTION, "arn:aws:lambda:eu-west-1:111122223333:function:f"));
  }

  @Test
  void wildcardsAndVariablesMayFit() {
    assertTrue(ArnFormats.fits(OBJECT, "arn:aws:s3:::my-bucket/*"));
    assertTrue(ArnFormats.fits(OBJECT, "arn:aws:s3:::*"));
    assertTrue(ArnFormats.fits(BUCKET, "arn:aws:s3:::*"));
    assertTrue(ArnFormats.fits(OBJECT, "arn:aws:s3:::b/home/${aws:username}/*"));
    assertTrue(ArnFormats.fits(FUNCTION, "arn:aws:lambda:*:*:function:*"));
    assertTrue(ArnFormats.fits(FUNCTION, "arn:aws:lambda:us-east-?:*:function:f"));
    assertTrue(ArnFormats.fits(FUNCTION, "*"));
    assertFalse(ArnFormats.fits(FUNCTION, "arn:aws:lambda:*:*:layer:*"));
  }

  @Test
  void hostileLengthsAnswerQuickly() {
    String many = "arn:aws:s3:::" + "*a".repeat(1000) + "b";
    assertTrue(ArnFormats.fits(OBJECT, many) || !ArnFormats.fits(OBJECT, many));
    assertTrue(ArnFormats.fits(OBJECT, "x".repeat(100_000)), "too long to compare: assume it fits");
  }
}
