package org.sluice.policy.bundle;

/**
 * A named fact a bundle derives with CEL before its rules run; later definitions and rules read it by name.
 *
 * @param name the variable name
 * @param expr its CEL expression
 * @param file the bundle file
 * @param line the line
 */
public record Definition(String name, String expr, String file, int line) {}
