package dev.iampolicyls.schema;

import java.util.List;

/**
 * A value whose JSON type the grammar does not accept where it stands.
 *
 * @param path where the value is: object keys as strings, array positions as integers
 * @param detail the validator's own wording, for values no caller knows how to phrase
 */
public record TypeMismatch(List<Object> path, String detail) {
  public TypeMismatch {
    path = List.copyOf(path);
  }
}
