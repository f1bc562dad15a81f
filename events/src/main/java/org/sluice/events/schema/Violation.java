package org.sluice.events.schema;

/**
 * One way a document breaks its schema: the problem+json {@code errors[]} entry of a 400 response.
 *
 * @param field dotted path of the field, e.g. {@code dataset.subjects} or {@code endUsers[1].country}
 * @param rule the rule broken, e.g. {@code required}, {@code type}, {@code pattern}, {@code enum}
 * @param message a human sentence saying what was expected
 */
public record Violation(String field, String rule, String message) {}
