package dev.iampolicyls.checks;

/** IpAddress on aws:SourceIp with only private ranges: the condition never matches. */
final class PrivateIpAddressCheck extends PrivateSourceIpCheck {
  PrivateIpAddressCheck() {
    super(CheckCode.PRIVATE_IP_ADDRESS, false, false);
  }

  @Override
  String message(String values) {
    return "aws:SourceIp holds only public addresses, so IpAddress with only private ranges ("
        + values
        + ") never matches: use public ranges, or aws:VpcSourceIp for addresses inside a VPC";
  }
}
