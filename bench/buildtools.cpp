#include "buildtools.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <sys/mount.h>
#include <unistd.h>

namespace {

BuildRun runTimed(const QString &program, const QStringList &args)
{
    BuildRun r;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    const bool finished = p.waitForFinished(-1);
    r.seconds = double(t.nsecsElapsed()) / 1e9;
    r.log = QString::fromUtf8(p.readAll());
    r.ok = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!r.ok && r.log.isEmpty())
        r.log = p.errorString();
    return r;
}

int countMatches(const QString &text, const QRegularExpression &re)
{
    int n = 0;
    for (auto it = re.globalMatch(text); it.hasNext(); it.next())
        ++n;
    return n;
}

// Mount points at or below `dir`, deepest first (a storage driver may leave some behind).
QStringList mountsBelow(const QString &dir)
{
    QFile f(QStringLiteral("/proc/self/mountinfo"));
    QStringList out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QString mp = QString::fromUtf8(line.split(' ').value(4));
        if (mp == dir || mp.startsWith(dir + QLatin1Char('/')))
            out.prepend(mp);
    }
    return out;
}

} // namespace

BuildRun LayerLensTool::build(const QString &context)
{
    BuildRun r = runTimed(m_cli, {QStringLiteral("build"), QStringLiteral("--cache-dir"), m_work + QStringLiteral("/cache"), QStringLiteral("--store-dir"),
                                  m_work + QStringLiteral("/store"), QStringLiteral("-t"), QStringLiteral("llbench/build:latest"), context});
    // "#5 [stage-0 2/6] COPY …" starts a step, "#5 CACHED" ends a cached one; FROM scratch is
    // never cached (there is nothing to cache), so it is not counted as a step here.
    r.cached = countMatches(r.log, QRegularExpression(QStringLiteral("^#\\d+ CACHED$"), QRegularExpression::MultilineOption));
    r.steps = countMatches(r.log, QRegularExpression(QStringLiteral("^#\\d+ \\[[^\\]]+ \\d+/\\d+\\] (?!FROM )"), QRegularExpression::MultilineOption));
    return r;
}

void LayerLensTool::reset()
{
    QDir(m_work).removeRecursively();
    QDir().mkpath(m_work);
}

QStringList BuildahTool::storeArgs() const
{
    return {QStringLiteral("--root"), m_work + QStringLiteral("/root"), QStringLiteral("--runroot"), m_work + QStringLiteral("/runroot"),
            QStringLiteral("--storage-driver"), m_driver};
}

BuildRun BuildahTool::build(const QString &context)
{
    BuildRun r = runTimed(m_buildah, storeArgs() + QStringList{QStringLiteral("bud"), QStringLiteral("--layers"), QStringLiteral("--isolation"), m_isolation,
                                                               QStringLiteral("-t"), QStringLiteral("llbench/build:latest"), context});
    r.cached = countMatches(r.log, QRegularExpression(QStringLiteral("^--> Using cache "), QRegularExpression::MultilineOption));
    r.steps = countMatches(r.log, QRegularExpression(QStringLiteral("^STEP \\d+/\\d+: (?!FROM )"), QRegularExpression::MultilineOption));
    return r;
}

void BuildahTool::reset()
{
    if (QFileInfo::exists(m_work + QStringLiteral("/root"))) {
        runTimed(m_buildah, storeArgs() + QStringList{QStringLiteral("rm"), QStringLiteral("--all")});
        runTimed(m_buildah, storeArgs() + QStringList{QStringLiteral("rmi"), QStringLiteral("--all"), QStringLiteral("--force")});
    }
    for (const QString &mp : mountsBelow(m_work))
        ::umount2(QFile::encodeName(mp).constData(), MNT_DETACH);
    QDir(m_work).removeRecursively();
    QDir().mkpath(m_work);
}

QString BuildahTool::version() const
{
    return runTimed(m_buildah, {QStringLiteral("--version")}).log.trimmed();
}

void syncDisks() { ::sync(); }
