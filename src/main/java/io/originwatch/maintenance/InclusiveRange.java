package io.originwatch.maintenance;

/**
 * {@code begin..end}, both included: a weekday range (0 = sunday), a day-of-month range (negative
 * = counted from the month's end, -1 the last day), a month range (1 = january) or a year range.
 * Only a weekday range may have {@code begin > end}: it wraps past saturday ({@code monday:sunday}).
 */
public record InclusiveRange(int begin, int end) {

    public boolean contains(int value) {
        return begin <= end ? value >= begin && value <= end : value >= begin || value <= end;
    }
}
