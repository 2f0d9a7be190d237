package dev.iampolicyls.syntax;

/** One syntax problem, at a span of the source text. */
public record SyntaxError(int offset, int length, String message) {}
