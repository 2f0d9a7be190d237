package dev.iampolicyls.embedded;

import java.util.Set;

/** The template functions' long names, as JSON templates and YAML's long form write them. */
final class Functions {
  static final String REF = "Ref";
  static final String CONDITION = "Condition";
  static final String IF = "Fn::If";
  static final String SUB = "Fn::Sub";
  static final String JOIN = "Fn::Join";
  static final String SELECT = "Fn::Select";
  static final String GET_ATT = "Fn::GetAtt";

  /** Pseudo parameters with a value of a known shape; AWS::NoValue removes what it is in. */
  static final String NO_VALUE = "AWS::NoValue";

  private static final Set<String> FUNCTIONS =
      Set.of(
          "Fn::And",
          "Fn::Base64",
          "Fn::Cidr",
          "Fn::Equals",
          "Fn::FindInMap",
          "Fn::GetAZs",
          "Fn::ImportValue",
          "Fn::Length",
          "Fn::Not",
          "Fn::Or",
          "Fn::Split",
          "Fn::ToJsonString",
          "Fn::Transform",
          IF,
          SUB,
          JOIN,
          SELECT,
          GET_ATT,
          REF);

  private Functions() {}

  /** A one-key map whose key is a function's name is that function; other maps stay maps. */
  static HostValue fromMapping(HostValue.Mapping mapping) {
    if (mapping.entries().size() != 1) {
      return mapping;
    }
    HostValue.Entry entry = mapping.entries().get(0);
    String name = entry.key().value();
    if (!FUNCTIONS.contains(name) || entry.value() == null) {
      return mapping;
    }
    return new HostValue.Function(name, entry.value(), mapping.offset(), mapping.length());
  }
}
