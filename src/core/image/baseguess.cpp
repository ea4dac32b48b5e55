#include "baseguess.h"

#include <QCoreApplication>

#include <QDateTime>
#include <QTimeZone>

namespace ll {

namespace {

QString pause(qint64 seconds)
{
    if (seconds >= 2 * 86400)
        return QCoreApplication::translate("ll::baseGuess", "%1 days").arg(seconds / 86400);
    if (seconds >= 2 * 3600)
        return QCoreApplication::translate("ll::baseGuess", "%1 hours").arg(seconds / 3600);
    return QCoreApplication::translate("ll::baseGuess", "%1 minutes").arg(seconds / 60);
}

} // namespace

BaseGuess guessBase(const ImageOverview &ov)
{
    const int layerCount = int(ov.layers.size());
    BaseGuess g;
    g.layers = layerCount > 0 ? 1 : 0;
    g.why = QCoreApplication::translate("ll::baseGuess", "dive's rule, the first layer is the base (the history shows no pause of an hour or more)");
    // Times before 1980 are placeholders (Go's zero time, the epoch of a reproducible build),
    // and a time earlier than one already seen says nothing about a pause: gaps are measured
    // from the latest time so far. A pause right after the base's closing CMD or ENTRYPOINT
    // (how a base image's history usually ends) wins over a longer one elsewhere, which may be a
    // cached step of one's own or a long RUN.
    const QDateTime earliest(QDate(1980, 1, 1), QTime(0, 0), QTimeZone::utc());
    QDateTime latest;
    int layersBefore = 0;
    qint64 best = 0;
    bool bestAfterClose = false;
    for (size_t i = 0; i < ov.steps.size(); ++i) {
        const BuildStep &s = ov.steps[i];
        const QDateTime t = QDateTime::fromString(s.history.created, Qt::ISODateWithMs);
        if (t.isValid() && t >= earliest) {
            const qint64 gap = latest.isValid() ? latest.secsTo(t) : 0;
            const HistoryEntry *prev = i > 0 ? &ov.steps[i - 1].history : nullptr;
            const QString before = prev ? prev->createdBy.simplified() : QString();
            const bool afterClose = prev && prev->emptyLayer &&
                                    (before.contains(QLatin1String("CMD")) || before.contains(QLatin1String("ENTRYPOINT")));
            const bool better = afterClose != bestAfterClose ? afterClose : gap > best;
            if (gap >= 3600 && layersBefore > 0 && layersBefore < layerCount && better) {
                best = gap;
                bestAfterClose = afterClose;
                g.layers = layersBefore;
                g.why = QCoreApplication::translate("ll::baseGuess", "a pause of %1 in the history before step %2%3 (a base image is built long before the steps on it)")
                            .arg(pause(gap))
                            .arg(i + 1)
                            .arg(afterClose ? QCoreApplication::translate("ll::baseGuess", ", after the base's closing ") +
                                                             (before.contains(QLatin1String("CMD")) ? QStringLiteral("CMD") : QStringLiteral("ENTRYPOINT"))
                                            : QString());
            }
            if (!latest.isValid() || t > latest)
                latest = t;
        }
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
