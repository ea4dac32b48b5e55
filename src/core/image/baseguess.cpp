#include "baseguess.h"

#include <QDateTime>

namespace ll {

namespace {

QString pause(qint64 seconds)
{
    if (seconds >= 2 * 86400)
        return QStringLiteral("%1 days").arg(seconds / 86400);
    if (seconds >= 2 * 3600)
        return QStringLiteral("%1 hours").arg(seconds / 3600);
    return QStringLiteral("%1 minutes").arg(seconds / 60);
}

} // namespace

BaseGuess guessBase(const ImageOverview &ov)
{
    const int layerCount = int(ov.layers.size());
    BaseGuess g;
    g.layers = layerCount > 0 ? 1 : 0;
    g.why = QStringLiteral("dive's rule, the first layer is the base (the history shows no pause of an hour or more)");
    // The largest pause between two entries that each side of it has a layer.
    qint64 best = 3600 - 1;
    int layersBefore = 0;
    QDateTime previous;
    for (size_t i = 0; i < ov.steps.size(); ++i) {
        const BuildStep &s = ov.steps[i];
        const QDateTime t = QDateTime::fromString(s.history.created, Qt::ISODateWithMs);
        if (t.isValid() && previous.isValid() && layersBefore > 0 && layersBefore < layerCount) {
            const qint64 gap = previous.secsTo(t);
            if (gap > best) {
                best = gap;
                g.layers = layersBefore;
                g.why = QStringLiteral("a pause of %1 in the history before step %2 (a base image is built long before "
                                       "the steps on it)")
                            .arg(pause(gap))
                            .arg(i + 1);
            }
        }
        if (t.isValid())
            previous = t;
        if (s.layerIndex >= 0)
            ++layersBefore;
    }
    return g;
}

HiddenSplit splitHidden(const EfficiencyReport &e, int baseLayers)
{
    HiddenSplit s;
    for (const WastedPath &w : e.paths)
        for (size_t i = 0; i < w.occurrences.size(); ++i)
            if (int(i) != w.shownOccurrence && w.occurrences[i].layer < baseLayers)
                s.inBase += w.occurrences[i].size;
    s.inOwn = e.hiddenBytes - s.inBase;
    return s;
}

} // namespace ll
