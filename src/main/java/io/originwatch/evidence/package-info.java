/**
 * Evidence for CDN support tickets: HAR 1.2 documents of probe results, the curl line that
 * reproduces a probe, redaction of secrets, per-origin retention, the via-edge comparison and the
 * support bundle's summary. Plain Java (imports http1, probe, classify); the JSON mapping of the
 * HAR records happens in the api layer.
 */
package io.originwatch.evidence;
