package dev.iampolicyls.cli;

/**
 * Input that ends a run with exit 2 and one message (no stack trace): a usage error or bad file.
 */
final class UnusableInput extends Exception {
  UnusableInput(String message) {
    super(message);
  }
}
