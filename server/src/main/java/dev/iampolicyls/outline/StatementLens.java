package dev.iampolicyls.outline;

/** The plain-language summary of the statement spanning {@code [offset, end)}. */
public record StatementLens(int offset, int end, String summary) {}
