package dev.iampolicyls.policy;

import java.util.Optional;

/**
 * An ARN split into its six parts: {@code arn:partition:service:region:account:resource}. The
 * resource part keeps any further colons (as in {@code function:name:alias}).
 */
public record Arn(
    String partition, String service, String region, String account, String resource) {

  /** The parts of an ARN, or empty when the text does not have the arn: prefix and six fields. */
  public static Optional<Arn> parse(String text) {
    if (!text.startsWith("arn:")) {
      return Optional.empty();
    }
    String[] parts = text.split(":", 6);
    if (parts.length < 6) {
      return Optional.empty();
    }
    return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
  }

  public String text() {
    return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
  }
}
