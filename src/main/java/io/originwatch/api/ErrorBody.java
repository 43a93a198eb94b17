package io.originwatch.api;

/** The JSON error body of every API error: a stable code and a human sentence. */
public record ErrorBody(String error, String detail) {}
