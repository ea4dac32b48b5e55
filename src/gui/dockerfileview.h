#pragma once
#include "image/imageanalysis.h"

#include <QPlainTextEdit>

namespace gui {

// The Dockerfile reconstructed from the image's history, one instruction per build step, long
// RUN chains wrapped. Read-only: history loses COPY sources and build args, so it is a guide,
// not something to build from.
class DockerfileView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit DockerfileView(QWidget *parent = nullptr);
    void setOverview(const ll::ImageOverview *overview);
    static QString reconstruct(const ll::ImageOverview &overview);
};

} // namespace gui
