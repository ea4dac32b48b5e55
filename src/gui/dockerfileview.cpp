#include "dockerfileview.h"

#include "formatting.h"
#include "dockerfile/parser.h"
#include "dockerfile/syntaxtree.h"
#include "image/instructiontext.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

namespace gui {

namespace {

// `ARG NAME=value`, quoted when the value has what Dockerfile words split or expand.
QString argLine(const QString &pair)
{
    const QString name = pair.section(QLatin1Char('='), 0, 0);
    QString value = pair.section(QLatin1Char('='), 1);
    static const QRegularExpression special(QStringLiteral("[\\s\"'$`\\\\]"));
    if (value.isEmpty() || value.contains(special)) {
        value.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\"")).replace(QLatin1Char('$'), QStringLiteral("\\$"));
        value = QLatin1Char('"') + value + QLatin1Char('"');
    }
    return QStringLiteral("ARG %1=%2").arg(name, value);
}

} // namespace

QString DockerfileView::reconstruct(const ll::ImageOverview &ov)
{
    QStringList out;
    out << tr("# Reconstructed from the history of %1.").arg(ov.choice().describe())
        << tr("# COPY/ADD sources are not recorded in images. The history starts from an empty")
        << tr("# filesystem: the base image's own steps come first, as the history holds them.")
        << QStringLiteral("FROM scratch") << QString();
    QHash<QString, QString> argsSoFar; // a RUN's build arguments, declared once per value
    for (size_t i = 0; i < ov.steps.size(); ++i) {
        const ll::BuildStep &s = ov.steps[i];
        for (const QString &pair : ll::historyBuildArgs(s.history.createdBy)) {
            const QString name = pair.section(QLatin1Char('='), 0, 0);
            if (argsSoFar.value(name, QStringLiteral("\n")) != pair) {
                argsSoFar.insert(name, pair);
                // A line break in a value has no spelling in an ARG line.
                out << (pair.contains(QLatin1Char('\n')) || pair.contains(QLatin1Char('\r')) ? tr("# build argument %1 (a value of several lines)").arg(name)
                                                                                        : argLine(pair));
            }
        }
        const QString text = instructionText(s.history.createdBy);
        if (text.isEmpty())
            out << tr("# (step %1 records no command)").arg(i + 1);
        else if (ll::df::instructionKindFromName(text.section(QLatin1Char(' '), 0, 0)) == ll::df::InstructionKind::Unknown)
            out << tr("# step %1 records a command that is no Dockerfile instruction: %2").arg(i + 1).arg(text.simplified());
        else if (!ll::df::Parser::parse(QStringLiteral("FROM scratch\n") + text).errors.isEmpty()) // the parser wants a FROM first
            // Go's print of a value ("SHELL [/bin/bash -c]", "HEALTHCHECK &{[...] ...}"), not
            // Dockerfile text: shown as recorded, where the linter does not read it.
            out << tr("# step %1 as recorded (not Dockerfile syntax): %2").arg(i + 1).arg(text.simplified());
        else
            out << wrappedInstruction(text);
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace gui
