package dev.iampolicyls.checks;

/** NotIpAddress on aws:SourceIp mixing public and private ranges: the private ones do nothing. */
final class PrivateNotIpAddressSubsetCheck extends PrivateSourceIpCheck {
  PrivateNotIpAddressSubsetCheck() {
    super(CheckCode.PRIVATE_NOT_IP_ADDRESS_SUBSET, true, true);
  }

  @Override
  String message(String value) {
    return "The private range "
        + value
        + " has no effect under NotIpAddress: aws:SourceIp holds only public addresses. Remove"
        + " it, or exclude private addresses with aws:VpcSourceIp";
  }
}
