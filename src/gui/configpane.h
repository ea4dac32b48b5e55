#pragma once
#include "image/imageanalysis.h"

#include <QTextBrowser>

namespace gui {

// How the image runs: platform, env, entrypoint, cmd, user, workdir, ports, volumes, labels,
// healthcheck — as a readable table, shown as soon as the overview is read.
class ConfigPane : public QTextBrowser {
    Q_OBJECT
public:
    explicit ConfigPane(QWidget *parent = nullptr);
    void setOverview(const ll::ImageOverview *overview);
    static QString toHtml(const ll::ImageOverview &overview);
};

} // namespace gui
