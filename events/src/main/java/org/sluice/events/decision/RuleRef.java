package org.sluice.events.decision;

/**
 * A rule that was evaluated, named for explanations ({@code ?explain=full} lists those that did not match).
 *
 * @param ruleId the rule's id in its bundle
 * @param code the reason code it would give
 * @param title the rule's title
 */
public record RuleRef(String ruleId, String code, String title) {}
