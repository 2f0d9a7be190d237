package dev.iampolicyls.cli;

import java.util.List;

/**
 * What makes two findings the same across runs: file, code and JSON path. Line numbers are left out
 * on purpose, so an edit above a finding does not make it new.
 */
record BaselineKey(String file, String code, String jsonPath) {
  /** The JSON path as one string, indexes and keys told apart: {@code Statement[0].Action}. */
  static String pathText(List<?> path) {
    StringBuilder s = new StringBuilder();
    for (Object step : path) {
      if (step instanceof Integer || step instanceof Long) {
        s.append('[').append(step).append(']');
      } else {
        s.append('.').append(step);
      }
    }
    return s.toString();
  }
}
