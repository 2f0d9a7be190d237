package dev.iampolicyls.cli;

import dev.iampolicyls.evaluation.NamedPolicy;
import dev.iampolicyls.evaluation.PolicyRole;
import java.nio.file.Path;

/** The policy files of simulate and compare: a file that cannot be used ends the run (exit 2). */
final class PolicyFileReader {
  private PolicyFileReader() {}

  static NamedPolicy read(Path file, PolicyRole role) throws UnusableInput {
    try {
      return dev.iampolicyls.policytest.PolicyFileReader.read(file, role);
    } catch (dev.iampolicyls.policytest.PolicyFileReader.Unreadable e) {
      throw new UnusableInput(e.getMessage());
    }
  }
}
