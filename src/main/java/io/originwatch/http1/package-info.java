/**
 * Byte-level HTTP/1.x response-head parser: status line, header fields, one byte budget shared by
 * the whole header section, and typed failures decided at the byte where they happen.
 * Plain Java: imports nothing but java.base.
 */
package io.originwatch.http1;
