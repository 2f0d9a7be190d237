package dev.iampolicyls.embedded;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves a tree read from the value of a host string (a policy written as a JSON string) onto the
 * host's text: each offset into the string's value becomes the host offset of that character. When
 * the string's characters cannot be located (a folded YAML scalar), every node is placed on the
 * whole host string, so findings still point at the right policy, only less precisely.
 */
final class Relocation {
  private Relocation() {}

  static HostValue move(HostValue value, HostValue.Scalar host) {
    return new Mover(host).move(value);
  }

  private record Mover(HostValue.Scalar host) {
    int at(int valueOffset) {
      int[] map = host.valueOffsets();
      if (map == null) {
        return host.offset();
      }
      return map[Math.max(0, Math.min(valueOffset, map.length - 1))];
    }

    int length(int valueOffset, int valueLength) {
      if (host.valueOffsets() == null) {
        return host.length();
      }
      return Math.max(0, at(valueOffset + valueLength) - at(valueOffset));
    }

    HostValue move(HostValue value) {
      int offset = at(value.offset());
      int length = length(value.offset(), value.length());
      if (value instanceof HostValue.Scalar s) {
        return new HostValue.Scalar(
            s.value(), offset, length, s.style(), moveAll(s.valueOffsets()));
      }
      if (value instanceof HostValue.Mapping m) {
        List<HostValue.Entry> entries = new ArrayList<>();
        for (HostValue.Entry e : m.entries()) {
          entries.add(new HostValue.Entry((HostValue.Scalar) move(e.key()), move(e.value())));
        }
        return new HostValue.Mapping(offset, length, entries);
      }
      if (value instanceof HostValue.Sequence q) {
        List<HostValue> items = new ArrayList<>();
        for (HostValue item : q.items()) {
          items.add(move(item));
        }
        return new HostValue.Sequence(offset, length, items);
      }
      HostValue.Function f = (HostValue.Function) value;
      return new HostValue.Function(f.name(), move(f.argument()), offset, length);
    }

    private int[] moveAll(int[] offsets) {
      if (offsets == null || host.valueOffsets() == null) {
        return null;
      }
      int[] moved = new int[offsets.length];
      for (int i = 0; i < offsets.length; i++) {
        moved[i] = at(offsets[i]);
      }
      return moved;
    }
  }
}
