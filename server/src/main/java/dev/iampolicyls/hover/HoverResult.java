package dev.iampolicyls.hover;

/**
 * What to show for a hover: Markdown text and the span of source it explains (UTF-16 offsets, end
 * exclusive).
 */
public record HoverResult(String markdown, int startOffset, int endOffset) {}
