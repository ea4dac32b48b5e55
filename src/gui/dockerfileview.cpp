#include "dockerfileview.h"

#include "formatting.h"

#include <QStringList>

namespace gui {

QString DockerfileView::reconstruct(const ll::ImageOverview &ov)
{
    QStringList out;
    out << tr("# Reconstructed from the history of %1.").arg(ov.choice().describe())
        << tr("# COPY/ADD sources and build arguments are not recorded in images; the base image's")
        << tr("# own steps come first, as the history holds them.") << QString();
    for (size_t i = 0; i < ov.steps.size(); ++i) {
        const ll::BuildStep &s = ov.steps[i];
        QString line = wrappedInstruction(instructionText(s.history.createdBy));
        if (line.isEmpty())
            line = tr("# (step %1 records no command)").arg(i + 1);
        out << line;
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace gui
