package dev.iampolicyls.checks;

/** An aws:SourceVpc value that is not a VPC ID (vpc- and 8 or 17 letters and digits). */
final class InvalidVpcFormatCheck extends IdentifierFormatCheck {
  InvalidVpcFormatCheck() {
    super(CheckCode.INVALID_VPC_FORMAT, "aws:SourceVpc", "vpc-");
  }
}
