package dev.iampolicyls.checks;

/** IpAddress on aws:SourceIp mixing public and private ranges: the private ones never match. */
final class PrivateIpAddressSubsetCheck extends PrivateSourceIpCheck {
  PrivateIpAddressSubsetCheck() {
    super(CheckCode.PRIVATE_IP_ADDRESS_SUBSET, false, true);
  }

  @Override
  String message(String value) {
    return "The private range "
        + value
        + " never matches aws:SourceIp, which holds only public addresses: remove it, or test"
        + " private addresses with aws:VpcSourceIp";
  }
}
