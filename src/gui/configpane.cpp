#include "configpane.h"

namespace gui {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString listCell(const QStringList &items, const QString &empty)
{
    if (items.isEmpty())
        return QStringLiteral("<i>%1</i>").arg(esc(empty));
    QStringList out;
    for (const QString &i : items)
        out << QStringLiteral("<code>%1</code>").arg(esc(i));
    return out.join(QStringLiteral("<br>"));
}

// exec form as the Dockerfile would say it: ["a", "b"]
QString execForm(const QStringList &args)
{
    if (args.isEmpty())
        return {};
    QStringList quoted;
    for (const QString &a : args)
        quoted << QLatin1Char('"') + a + QLatin1Char('"');
    return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace

ConfigPane::ConfigPane(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("configPane"));
    setOpenLinks(false);
}

void ConfigPane::setOverview(const ll::ImageOverview *overview)
{
    setHtml(overview ? toHtml(*overview) : QString());
}

QString ConfigPane::toHtml(const ll::ImageOverview &ov)
{
    const ll::ConfigSummary &c = ov.config.summary;
    const QString none = QObject::tr("not set");
    QString html = QStringLiteral("<h2>%1</h2><table cellspacing='6'>").arg(esc(ov.choice().describe()));
    auto row = [&html](const QString &k, const QString &vHtml) {
        html += QStringLiteral("<tr><td valign='top'><b>%1</b></td><td>%2</td></tr>").arg(esc(k), vHtml);
    };
    auto text = [&none](const QString &v) { return v.isEmpty() ? QStringLiteral("<i>%1</i>").arg(esc(none)) : QStringLiteral("<code>%1</code>").arg(esc(v)); };
    row(QObject::tr("Platform"), text(c.platform()));
    row(QObject::tr("Image ID"), text(ov.config.digest.toString()));
    row(QObject::tr("Created"), text(c.created));
    row(QObject::tr("Entrypoint"), text(execForm(c.entrypoint)));
    row(QObject::tr("Cmd"), text(execForm(c.cmd)));
    row(QObject::tr("User"), text(c.user));
    row(QObject::tr("Working dir"), text(c.workingDir));
    row(QObject::tr("Env"), listCell(c.env, none));
    row(QObject::tr("Exposed ports"), listCell(c.exposedPorts, none));
    row(QObject::tr("Volumes"), listCell(c.volumes, none));
    QStringList labels;
    for (const auto &l : c.labels)
        labels << l.first + QLatin1Char('=') + l.second;
    row(QObject::tr("Labels"), listCell(labels, none));
    row(QObject::tr("Healthcheck"), text(c.healthcheck.test.join(QLatin1Char(' '))));
    row(QObject::tr("Stop signal"), text(c.stopSignal));
    if (!c.shell.isEmpty())
        row(QObject::tr("Shell"), text(execForm(c.shell)));
    if (!c.onBuild.isEmpty())
        row(QObject::tr("On build"), listCell(c.onBuild, none));
    if (!ov.warnings.isEmpty())
        row(QObject::tr("Warnings"), listCell(ov.warnings, none));
    return html + QStringLiteral("</table>");
}

} // namespace gui
