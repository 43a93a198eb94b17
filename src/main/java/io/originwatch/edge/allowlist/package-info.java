/**
 * Allowlists and their drift from the edge ranges in force: sources (files, Kubernetes objects),
 * parsers for each firewall and web server format, what a list misses and what it admits on top,
 * and the ready-to-paste fix in each format. Plain Java but for the Kubernetes source, the one place
 * that may use fabric8.
 */
package io.originwatch.edge.allowlist;
