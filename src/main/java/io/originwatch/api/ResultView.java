package io.originwatch.api;

import io.originwatch.classify.Verdict;
import io.originwatch.classify.Warning;
import io.originwatch.schedule.HistoryEntry;
import io.originwatch.schedule.ProbeRecord;

import java.util.List;

/** One probe result in the history. */
public record ResultView(String cause, Integer edgeStatus, Integer httpStatus, boolean up, List<String> warnings,
                         Integer headerBytes, TimingsView timings, String probedAt, String detail) {

    static ResultView of(ProbeRecord r) {
        Verdict v = r.verdict();
        return new ResultView(v.cause().label(), v.edgeStatus(), v.httpStatus() == 0 ? null : v.httpStatus(), v.up(),
                v.warnings().stream().map(Warning::label).toList(), v.result().headerBytes(),
                TimingsView.of(v.result().timings()), r.probedAt().toString(), v.detail());
    }

    static ResultView of(HistoryEntry e) {
        return new ResultView(e.cause().label(), e.edgeStatus(), e.httpStatus() == 0 ? null : e.httpStatus(), e.up(),
                e.warnings().stream().map(Warning::label).toList(), e.headerBytes(), TimingsView.of(e.timings()),
                e.probedAt().toString(), e.detail());
    }
}
