#pragma once
#include "image/imageanalysis.h"

#include <QCoreApplication>

namespace gui {

// The Dockerfile reconstructed from an image's history, one instruction per build step, long
// RUN chains wrapped. History loses COPY sources and build args, so it is a guide, not
// something to build from: the Dockerfile tab (DockerfileEditorPane) shows it read-only as
// "untitled reconstructed" until the user chooses to edit it.
class DockerfileView {
    Q_DECLARE_TR_FUNCTIONS(DockerfileView)
public:
    static QString reconstruct(const ll::ImageOverview &overview);
};

} // namespace gui
