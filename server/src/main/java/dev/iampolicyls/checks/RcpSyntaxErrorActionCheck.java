package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * An action of a service that RCPs do not apply to. The list of services is the resource {@code
 * rcp-supported-services.txt} (see its header for where it comes from). An action whose prefix has
 * a wildcard, or the lone "*", is left alone: which services it means is not ours to guess.
 */
final class RcpSyntaxErrorActionCheck extends PolicyCheck {
  static final Set<String> SUPPORTED = load();

  RcpSyntaxErrorActionCheck() {
    super(CheckCode.RCP_SYNTAX_ERROR_ACTION);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.RESOURCE_CONTROL_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      for (StringElement action : s.actions()) {
        ActionName name = ActionName.parse(action.value()).orElse(null);
        if (name == null || ActionName.containsWildcard(name.service())) {
          continue;
        }
        if (!SUPPORTED.contains(name.service().toLowerCase(Locale.ROOT))) {
          context.report(
              this,
              action.node(),
              "RCPs do not apply to the service \""
                  + name.service()
                  + "\": remove \""
                  + action.value()
                  + "\", and restrict it with an SCP or the resource's own policy instead");
        }
      }
    }
  }

  private static Set<String> load() {
    Set<String> services = new TreeSet<>();
    try (InputStream in =
            RcpSyntaxErrorActionCheck.class.getResourceAsStream("rcp-supported-services.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          services.add(s.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(services);
  }
}
