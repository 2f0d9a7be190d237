package dev.iampolicyls.checks;

/** NotIpAddress on aws:SourceIp with only private ranges: the condition always matches. */
final class PrivateNotIpAddressCheck extends PrivateSourceIpCheck {
  PrivateNotIpAddressCheck() {
    super(CheckCode.PRIVATE_NOT_IP_ADDRESS, true, false);
  }

  @Override
  String message(String values) {
    return "aws:SourceIp holds only public addresses, so NotIpAddress with only private ranges ("
        + values
        + ") always matches and has no effect: use public ranges, or aws:VpcSourceIp for"
        + " addresses inside a VPC";
  }
}
