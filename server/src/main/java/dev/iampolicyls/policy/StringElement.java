package dev.iampolicyls.policy;

import dev.iampolicyls.syntax.StringNode;

/** One string of a string-or-array element (an action, a resource ARN...), with its token. */
public record StringElement(String value, StringNode node) {}
