package dev.iampolicyls.checks;

/** An aws:SourceVpce value that is not a VPC endpoint ID (vpce- and 8 or 17 letters and digits). */
final class InvalidVpceFormatCheck extends IdentifierFormatCheck {
  InvalidVpceFormatCheck() {
    super(CheckCode.INVALID_VPCE_FORMAT, "aws:SourceVpce", "vpce-");
  }
}
