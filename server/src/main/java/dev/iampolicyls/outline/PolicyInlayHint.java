package dev.iampolicyls.outline;

/** A short label shown just after {@code offset} (the end of an action), e.g. "Read". */
public record PolicyInlayHint(int offset, String label) {}
