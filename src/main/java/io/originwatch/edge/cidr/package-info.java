/**
 * CIDR math for edge ranges and allowlists: parsing and normalising prefixes, and address sets with
 * union, difference and containment. Plain Java: imports java.* and inet.ipaddr only.
 */
package io.originwatch.edge.cidr;
