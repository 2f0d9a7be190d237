package dev.iampolicyls.config;

/** A mistake in a configuration file or in the editor's settings, at a span of its text. */
public record ConfigProblem(int offset, int length, String message) {}
