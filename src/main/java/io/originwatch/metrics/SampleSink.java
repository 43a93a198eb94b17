package io.originwatch.metrics;

/**
 * Receives the samples of one {@link Family}, one call per series: the label values in the
 * family's {@link Family#labelNames()} order (those past its label count are null) and the value.
 * Fixed arguments instead of a list, so writing a series needs no object of its own.
 */
@FunctionalInterface
interface SampleSink {

    void sample(String label1, String label2, String label3, double value);
}
