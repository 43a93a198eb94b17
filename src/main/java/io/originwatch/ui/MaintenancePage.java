package io.originwatch.ui;

import io.originwatch.api.MaintenanceListResource.MaintenanceList;
import io.originwatch.api.WindowView;
import java.util.List;

/**
 * What {@code /ui/maintenance} shows: the API's windows ({@code GET /api/maintenance}), open ones
 * first, then the ones that open later (with their next openings); windows that will never open
 * again (a one-off in the past) are left out.
 */
public record MaintenancePage(String now, List<WindowView> active, List<WindowView> upcoming) {

    static MaintenancePage of(MaintenanceList list) {
        return new MaintenancePage(
                list.now(),
                list.windows().stream().filter(WindowView::active).toList(),
                list.windows().stream()
                        .filter(w -> !w.active() && !w.next().isEmpty())
                        .toList());
    }
}
