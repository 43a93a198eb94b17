package io.originwatch.discovery;

/** Something a source saw but did not make an origin of, and why (e.g. {@code not proxied}). */
public record Skipped(String item, String reason) {}
