package io.originwatch.ui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The console's type-safe templates ({@code src/main/resources/templates/ui/}); a {@code $} names a
 * fragment, which is what live updates send. Qute escapes every value in these HTML templates; none
 * uses {@code raw}, because most of what the pages show was sent by an origin.
 */
@CheckedTemplate(basePath = "ui")
public final class Templates {

    private Templates() {}

    public static native TemplateInstance overview(Overview overview, long liveAfter);

    public static native TemplateInstance overview$row(Overview.Row row);

    public static native TemplateInstance overview$counts(Overview.Counts counts);

    public static native TemplateInstance origin(OriginPage page);

    public static native TemplateInstance edge(EdgePage page);

    public static native TemplateInstance alerts(AlertsPage page);

    public static native TemplateInstance maintenance(MaintenancePage page);

    public static native TemplateInstance notFound(String what);

    public static native TemplateInstance login(LoginResource.LoginPage page);
}
