package dev.iampolicyls.codeactions;

/** Replace {@code length} UTF-16 units at {@code offset} with {@code newText}. */
public record TextEdit(int offset, int length, String newText) {}
