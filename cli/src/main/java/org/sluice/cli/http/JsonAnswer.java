package org.sluice.cli.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful answer whose status matters (e.g. 200 for a finished upload, 202 for an accepted chunk).
 *
 * @param status the HTTP status
 * @param body its JSON body
 */
public record JsonAnswer(int status, JsonNode body) {}
