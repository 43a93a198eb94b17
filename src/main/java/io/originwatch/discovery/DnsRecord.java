package io.originwatch.discovery;

/** One entry of Cloudflare's {@code dns_records} list, the fields discovery uses. */
public record DnsRecord(String id, String zone, String type, String name, String content, boolean proxied) {}
