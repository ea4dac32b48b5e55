#include "copyinputs.h"

#include <QRegularExpression>

namespace ll::build {

Result<CopyFilter> copyFilterOf(const df::ExpandedInstruction &e)
{
    CopyFilter filter;
    QStringList patterns;
    for (const df::Flag &f : e.flags) {
        if (f.name == QLatin1String("exclude")) {
            if (f.value.trimmed().isEmpty())
                return makeError(ErrorCode::Usage, Msg::tr("%1 --exclude needs a pattern, e.g. --exclude=*.log").arg(df::instructionName(e.kind)));
            patterns << f.value;
        } else if (f.name == QLatin1String("parents")) {
            const QString v = f.value.toLower();
            if (f.hasValue && v != QLatin1String("true") && v != QLatin1String("false"))
                return makeError(ErrorCode::Usage, Msg::tr("%1 --parents=%2: give true or false").arg(df::instructionName(e.kind), f.value));
            filter.parents = !f.hasValue || v == QLatin1String("true");
        }
    }
    filter.exclude = df::DockerIgnore(patterns);
    return filter;
}

Result<CopyInputs> copyInputsOf(const df::ExpandedInstruction &e)
{
    // The expander keeps a heredoc marker as a word (quotes removed): `<<EOF`, `<<-EOF`.
    static const QRegularExpression marker(QStringLiteral("^\\d*<<-?(.+)$"));
    CopyInputs in;
    qsizetype next = 0;
    for (const QString &s : e.args.mid(0, e.args.size() - 1)) {
        const QRegularExpressionMatch m = e.jsonForm ? QRegularExpressionMatch() : marker.match(s);
        // The bodies come in marker order. A word that only looks like a marker (`\<<A`: the
        // escape is gone once expanded, but the parser made no here-document of it) does not
        // name the next body: it is a path, as it would be for BuildKit.
        if (!m.hasMatch() || next >= e.heredocs.size() || m.captured(1) != e.heredocs[next].name) {
            in.paths << s;
            continue;
        }
        const df::Heredoc &h = e.heredocs[next++];
        const QString name = h.name.trimmed();
        if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String("..") || name.contains(QLatin1Char('/')))
            return makeError(ErrorCode::Usage, Msg::tr("%1 <<%2: a here-document's name becomes a file name; use a plain name such as EOF or app.conf")
                                                   .arg(df::instructionName(e.kind), h.name));
        if (!h.terminated)
            return makeError(ErrorCode::Format, Msg::tr("%1 <<%2: the here-document has no closing \"%2\" line").arg(df::instructionName(e.kind), h.name));
        in.heredocs.push_back({name.toUtf8(), h.content.toUtf8()});
    }
    return in;
}

} // namespace ll::build
