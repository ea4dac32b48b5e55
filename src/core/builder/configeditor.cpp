#include "configeditor.h"

#include "dockerfile/dockerignore.h"

#include <QRegularExpression>

namespace ll::build {

using df::InstructionKind;

namespace {

QJsonArray toArray(const QStringList &l)
{
    QJsonArray a;
    for (const QString &s : l)
        a.append(s);
    return a;
}

QString flagValue(const df::ExpandedInstruction &e, const char *name)
{
    for (const df::Flag &f : e.flags)
        if (f.name == QLatin1String(name))
            return f.value;
    return {};
}

void addKeys(QJsonObject &config, const char *field, const QStringList &keys)
{
    QJsonObject o = config.value(QLatin1String(field)).toObject();
    for (const QString &k : keys)
        o[k] = QJsonObject();
    config[QLatin1String(field)] = o;
}

} // namespace

Result<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)"));
    qint64 total = 0;
    int pos = 0;
    auto it = part.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() != pos)
            break;
        pos = int(m.capturedEnd());
        const QString unit = m.captured(2);
        const double scale = unit == QLatin1String("h") ? 3.6e12 : unit == QLatin1String("m") ? 6e10 : unit == QLatin1String("s") ? 1e9
                           : unit == QLatin1String("ms") ? 1e6 : unit == QLatin1String("ns") ? 1 : 1e3;
        total += qint64(m.captured(1).toDouble() * scale);
    }
    if (text.isEmpty() || pos != text.size())
        return makeError(ErrorCode::Format, Msg::tr("\"%1\" is not a duration (e.g. 30s, 1m30s)").arg(text));
    return total;
}

QStringList ConfigEditor::shellOf(const QJsonObject &runConfig)
{
    QStringList shell;
    for (const QJsonValue &v : runConfig.value(QStringLiteral("Shell")).toArray())
        shell << v.toString();
    return shell.isEmpty() ? QStringList{QStringLiteral("/bin/sh"), QStringLiteral("-c")} : shell;
}

QString ConfigEditor::envValue(const QJsonObject &runConfig, const QString &name)
{
    for (const QJsonValue &v : runConfig.value(QStringLiteral("Env")).toArray())
        if (v.toString().section(QLatin1Char('='), 0, 0) == name)
            return v.toString().section(QLatin1Char('='), 1);
    return {};
}

void ConfigEditor::setEnv(QJsonObject &runConfig, const QString &name, const QString &value)
{
    QJsonArray env = runConfig.value(QStringLiteral("Env")).toArray();
    const QString entry = name + QLatin1Char('=') + value;
    bool replaced = false;
    for (int i = 0; i < env.size(); ++i) {
        if (env[i].toString().section(QLatin1Char('='), 0, 0) == name) {
            env[i] = entry;
            replaced = true;
        }
    }
    if (!replaced)
        env.append(entry);
    runConfig[QStringLiteral("Env")] = env;
}

QJsonArray ConfigEditor::commandOf(const df::ExpandedInstruction &e) const
{
    if (e.jsonForm)
        return toArray(e.args);
    return toArray(shellOf(m_state.runConfig) << e.args.join(QLatin1Char(' ')));
}

Status ConfigEditor::healthcheck(const df::ExpandedInstruction &e)
{
    QJsonObject hc;
    if (e.args.value(0) == QLatin1String("NONE")) {
        hc[QStringLiteral("Test")] = QJsonArray{QStringLiteral("NONE")};
    } else {
        QJsonArray test = e.jsonForm ? toArray(QStringList{QStringLiteral("CMD")} + e.args)
                                     : QJsonArray{QStringLiteral("CMD-SHELL"), e.args.join(QLatin1Char(' '))};
        hc[QStringLiteral("Test")] = test;
        const std::pair<const char *, const char *> durations[] = {
            {"interval", "Interval"}, {"timeout", "Timeout"}, {"start-period", "StartPeriod"}, {"start-interval", "StartInterval"}};
        for (const auto &[flag, field] : durations) {
            const QString v = flagValue(e, flag);
            if (v.isEmpty())
                continue;
            auto ns = parseDuration(v);
            if (!ns.ok())
                return makeError(ErrorCode::Format, Msg::tr("HEALTHCHECK --%1: %2").arg(QLatin1String(flag), ns.error().message));
            hc[QLatin1String(field)] = ns.value();
        }
        if (const QString r = flagValue(e, "retries"); !r.isEmpty())
            hc[QStringLiteral("Retries")] = r.toInt();
    }
    m_state.runConfig[QStringLiteral("Healthcheck")] = hc;
    return okStatus();
}

Status ConfigEditor::apply(const df::ExpandedInstruction &e)
{
    QJsonObject &c = m_state.runConfig;
    switch (e.kind) {
    case InstructionKind::Env:
        for (const auto &[k, v] : e.pairs)
            setEnv(c, k, v);
        break;
    case InstructionKind::Label: {
        QJsonObject labels = c.value(QStringLiteral("Labels")).toObject();
        for (const auto &[k, v] : e.pairs)
            labels[k] = v;
        c[QStringLiteral("Labels")] = labels;
        break;
    }
    case InstructionKind::User: c[QStringLiteral("User")] = e.args.value(0); break;
    case InstructionKind::Workdir: {
        const QString dir = e.args.value(0);
        const QString base = c.value(QStringLiteral("WorkingDir")).toString();
        c[QStringLiteral("WorkingDir")] = df::DockerIgnore::cleanPath(dir.startsWith(QLatin1Char('/')) ? dir : (base.isEmpty() ? QStringLiteral("/") : base) + QLatin1Char('/') + dir);
        break;
    }
    case InstructionKind::Expose: {
        QStringList ports;
        for (const QString &p : e.args)
            ports << (p.contains(QLatin1Char('/')) ? p.toLower() : p + QStringLiteral("/tcp"));
        addKeys(c, "ExposedPorts", ports);
        break;
    }
    case InstructionKind::Volume: addKeys(c, "Volumes", e.args); break;
    case InstructionKind::Cmd: c[QStringLiteral("Cmd")] = commandOf(e); m_cmdSet = true; break;
    case InstructionKind::Entrypoint:
        c[QStringLiteral("Entrypoint")] = commandOf(e);
        if (!m_cmdSet)
            c.remove(QStringLiteral("Cmd")); // as BuildKit: a new ENTRYPOINT drops the base's CMD
        break;
    case InstructionKind::Shell: c[QStringLiteral("Shell")] = toArray(e.args); break;
    case InstructionKind::Stopsignal: c[QStringLiteral("StopSignal")] = e.args.value(0); break;
    case InstructionKind::Healthcheck: return healthcheck(e);
    case InstructionKind::Onbuild: {
        QJsonArray triggers = c.value(QStringLiteral("OnBuild")).toArray();
        triggers.append(e.args.join(QLatin1Char(' ')));
        c[QStringLiteral("OnBuild")] = triggers;
        break;
    }
    case InstructionKind::Maintainer: m_state.author = e.args.join(QLatin1Char(' ')); break;
    default: break; // ARG only makes a history entry
    }
    return okStatus();
}

} // namespace ll::build
