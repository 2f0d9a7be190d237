package dev.iampolicyls.completion;

/** Replace the text from {@code start} to {@code end} (UTF-16 offsets) with {@code newText}. */
public record TextEdit(int start, int end, String newText) {}
