#include "buildtools.h"

#include <algorithm>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <sys/mount.h>
#include <unistd.h>

namespace {

BuildRun runTimed(const QString &program, const QStringList &args, const QString &user = {})
{
    BuildRun r;
    QProcess p;
    if (!user.isEmpty()) {
        // As the user, with the user's home: what that user typing the command would get.
        QProcess home;
        home.start(QStringLiteral("getent"), {QStringLiteral("passwd"), user});
        home.waitForFinished();
        const QString dir = QString::fromUtf8(home.readAll()).section(QLatin1Char(':'), 5, 5);
        p.setProgram(QStringLiteral("runuser"));
        // A clean environment, as a login would give (not root's XDG_RUNTIME_DIR or TMPDIR).
        p.setArguments(QStringList{QStringLiteral("-u"), user, QStringLiteral("--"), QStringLiteral("env"), QStringLiteral("-i"), QStringLiteral("HOME=") + dir,
                                   QStringLiteral("PATH=") + qEnvironmentVariable("PATH"), QStringLiteral("LANG=C.UTF-8"), program} + args);
    }
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer t;
    t.start();
    if (user.isEmpty())
        p.start(program, args);
    else
        p.start();
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

BuildRun BuildTool::run(const QString &program, const QStringList &args) const { return runTimed(program, args, m_user); }

void BuildTool::giveToUser(const QString &dir) const
{
    if (rootless())
        runTimed(QStringLiteral("chown"), {QStringLiteral("-R"), m_user, dir});
}

BuildRun LayerLensTool::build(const QString &context)
{
    BuildRun r = run(m_cli, {QStringLiteral("build"), QStringLiteral("--cache-dir"), m_work + QStringLiteral("/cache"), QStringLiteral("--store-dir"),
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
    giveToUser(m_work);
    if (!m_baseArchive.isEmpty())
        if (const BuildRun r = run(m_cli, {QStringLiteral("images"), QStringLiteral("import"), QStringLiteral("--store-dir"), m_work + QStringLiteral("/store"), m_baseArchive, m_baseName}); !r.ok)
            qWarning("importing the base failed: %s", qPrintable(r.log)); // the cold build then fails and says so
}

QStringList BuildahTool::storeArgs() const
{
    return {QStringLiteral("--root"), m_work + QStringLiteral("/root"), QStringLiteral("--runroot"), m_work + QStringLiteral("/runroot"),
            QStringLiteral("--storage-driver"), m_driver};
}

BuildRun BuildahTool::build(const QString &context)
{
    BuildRun r = run(m_buildah, storeArgs() + QStringList{QStringLiteral("bud"), QStringLiteral("--layers"), QStringLiteral("--isolation"), m_isolation,
                                                               QStringLiteral("-t"), QStringLiteral("llbench/build:latest"), context});
    r.cached = countMatches(r.log, QRegularExpression(QStringLiteral("^--> Using cache "), QRegularExpression::MultilineOption));
    r.steps = countMatches(r.log, QRegularExpression(QStringLiteral("^STEP \\d+/\\d+: (?!FROM )"), QRegularExpression::MultilineOption));
    return r;
}

void BuildahTool::reset()
{
    if (QFileInfo::exists(m_work + QStringLiteral("/root"))) {
        run(m_buildah, storeArgs() + QStringList{QStringLiteral("rm"), QStringLiteral("--all")});
        run(m_buildah, storeArgs() + QStringList{QStringLiteral("rmi"), QStringLiteral("--all"), QStringLiteral("--force")});
    }
    for (const QString &mp : mountsBelow(m_work))
        ::umount2(QFile::encodeName(mp).constData(), MNT_DETACH);
    QDir(m_work).removeRecursively();
    QDir().mkpath(m_work);
    giveToUser(m_work);
    if (!m_baseArchive.isEmpty()) {
        // Pulled under the name every FROM uses (buildah's pull takes an oci-archive's own name otherwise).
        const BuildRun pulled = run(m_buildah, storeArgs() + QStringList{QStringLiteral("pull"), QStringLiteral("-q"), QStringLiteral("oci-archive:") + m_baseArchive});
        const QString id = pulled.log.trimmed().section(QLatin1Char('\n'), -1);
        if (!pulled.ok || !run(m_buildah, storeArgs() + QStringList{QStringLiteral("tag"), id, m_baseName}).ok)
            qWarning("pulling the base into buildah failed: %s", qPrintable(pulled.log));
    }
}

QString BuildahTool::version() const
{
    return runTimed(m_buildah, {QStringLiteral("--version")}).log.trimmed();
}

void syncDisks() { ::sync(); }

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

QString secs(double s) { return s < 1 ? QStringLiteral("%1 ms").arg(s * 1000, 0, 'f', 0) : QStringLiteral("%1 s").arg(s, 0, 'f', 2); }
