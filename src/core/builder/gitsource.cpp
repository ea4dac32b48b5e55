#include "gitsource.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <fcntl.h>
#include <sys/stat.h>

namespace ll::build {

namespace {

const QRegularExpression &commitId()
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{40}$"));
    return re;
}

struct GitRun {
    int exitCode = -1;
    QByteArray out, err;
};

// git with no prompt, no system or user configuration and only the network protocols a
// Dockerfile may name (a URL must not reach the builder's own files through file:// or ext::).
Result<GitRun> git(const QStringList &args, TaskContext &ctx, const QString &workDir = {})
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("git"));
    if (program.isEmpty())
        return makeError(ErrorCode::Unsupported, Msg::tr("ADD of a git repository needs git (apt-get install git)"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Nothing of the builder's own git setting may steer it (GIT_DIR would aim it at another
    // repository), and no password dialog may open and hold the build.
    for (const QString &name : env.keys())
        if (name.startsWith(QLatin1String("GIT_")) || name.endsWith(QLatin1String("ASKPASS")))
            env.remove(name);
    env.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    env.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
    env.insert(QStringLiteral("GIT_ALLOW_PROTOCOL"), QStringLiteral("git:http:https"));
    p.setProcessEnvironment(env);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    if (!p.waitForStarted())
        return makeError(ErrorCode::Io, Msg::tr("cannot start git: %1").arg(p.errorString()));
    GitRun r;
    while (!p.waitForFinished(100)) {
        if (ctx.isCanceled()) {
            p.kill();
            p.waitForFinished(2000);
            return canceledError();
        }
        r.out += p.readAllStandardOutput();
        r.err += p.readAllStandardError();
    }
    r.out += p.readAllStandardOutput();
    r.err += p.readAllStandardError();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

Error gitError(const GitRef &ref, const QString &what, const GitRun &r)
{
    const QString said = QString::fromLocal8Bit(r.err).trimmed().section(QLatin1Char('\n'), -2, -1);
    return makeError(ErrorCode::Io, QStringLiteral("ADD %1: %2%3").arg(ref.remote, what, said.isEmpty() ? QString() : QStringLiteral(": ") + said));
}

} // namespace

bool isGitUrl(const QString &source)
{
    const QString base = source.section(QLatin1Char('#'), 0, 0);
    if (source.startsWith(QLatin1String("git://")) || source.startsWith(QLatin1String("git@")))
        return true;
    return (source.startsWith(QLatin1String("https://")) || source.startsWith(QLatin1String("http://"))) && base.endsWith(QLatin1String(".git"));
}

Result<GitRef> parseGitUrl(const QString &source)
{
    GitRef r;
    r.remote = source.section(QLatin1Char('#'), 0, 0);
    const QString fragment = source.section(QLatin1Char('#'), 1);
    r.ref = fragment.section(QLatin1Char(':'), 0, 0);
    r.subdir = fragment.section(QLatin1Char(':'), 1);
    if (r.remote.startsWith(QLatin1String("git@")))
        return makeError(ErrorCode::Unsupported, Msg::tr("ADD %1: git over ssh is not supported (no keys are forwarded); use an https:// or git:// URL").arg(source));
    // A ref or folder must not read as an option to git, nor climb out of the checkout.
    if (r.ref.startsWith(QLatin1Char('-')) || r.remote.startsWith(QLatin1Char('-')) || (QDir::cleanPath(r.subdir) == QLatin1String("..") || QDir::cleanPath(r.subdir).startsWith(QLatin1String("../")) || r.subdir.startsWith(QLatin1Char('/'))))
        return makeError(ErrorCode::Format, Msg::tr("ADD %1: not a usable git reference").arg(source));
    return r;
}

Result<QString> resolveGitCommit(GitRef &ref, TaskContext &ctx)
{
    if (commitId().match(ref.ref).hasMatch()) {
        ref.fullRef = ref.ref;
        return ref.ref;
    }
    const QString wanted = ref.ref.isEmpty() ? QStringLiteral("HEAD") : ref.ref;
    // Every ref, matched here exactly: a pattern would match name tails (`main` also names
    // refs/heads/feature/main) and never lists an annotated tag's commit (`TAG^{}`).
    auto r = git({QStringLiteral("ls-remote"), QStringLiteral("--"), ref.remote}, ctx);
    if (!r.ok())
        return r.error();
    if (r->exitCode != 0)
        return gitError(ref, Msg::tr("git ls-remote failed"), r.value());
    QHash<QString, QString> refs; // full name -> object; "NAME^{}" -> the commit a tag names
    for (const QByteArray &line : r->out.split('\n')) {
        const QList<QByteArray> f = line.split('\t');
        if (f.size() == 2 && commitId().match(QString::fromLatin1(f[0])).hasMatch())
            refs.insert(QString::fromUtf8(f[1]), QString::fromLatin1(f[0]));
    }
    // git's own order for a short name (a tag before a branch), as `git fetch` will read it.
    const QStringList candidates = wanted == QLatin1String("HEAD")
        ? QStringList{wanted}
        : QStringList{wanted, QStringLiteral("refs/") + wanted, QStringLiteral("refs/tags/") + wanted, QStringLiteral("refs/heads/") + wanted};
    for (const QString &name : candidates) {
        if (!refs.contains(name))
            continue;
        ref.fullRef = name;
        return refs.value(name + QStringLiteral("^{}"), refs.value(name));
    }
    return makeError(ErrorCode::NotFound, Msg::tr("ADD %1: the repository has no ref %2").arg(ref.remote, wanted));
}

Status checkoutGitCommit(const GitRef &ref, const QString &commit, const QString &dir, bool keepGitDir, TaskContext &ctx)
{
    QDir(dir).removeRecursively();
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Io, Msg::tr("cannot make a folder for the checkout"), dir);
    const QString fetchRef = ref.fullRef.isEmpty() ? commit : ref.fullRef; // what was resolved, by its full name
    const QList<QStringList> steps{
        {QStringLiteral("init"), QStringLiteral("-q")},
        {QStringLiteral("fetch"), QStringLiteral("-q"), QStringLiteral("--depth=1"), QStringLiteral("--"), ref.remote, fetchRef},
        {QStringLiteral("-c"), QStringLiteral("advice.detachedHead=false"), QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("--detach"), QStringLiteral("FETCH_HEAD")},
    };
    for (const QStringList &args : steps) {
        auto r = git(args, ctx, dir);
        if (!r.ok())
            return r.error();
        if (r->exitCode != 0)
            return gitError(ref, Msg::tr("git %1 failed").arg(args.contains(QStringLiteral("fetch")) ? QStringLiteral("fetch") : args.first()), r.value());
    }
    auto head = git({QStringLiteral("rev-parse"), QStringLiteral("HEAD")}, ctx, dir);
    if (!head.ok())
        return head.error();
    if (QString::fromLatin1(head->out.trimmed()) != commit)
        return makeError(ErrorCode::Format, Msg::tr("ADD %1: %2 moved while it was fetched (now %3); build again").arg(ref.remote, fetchRef, QString::fromLatin1(head->out.trimmed())));
    auto when = git({QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%ct")}, ctx, dir);
    if (!when.ok())
        return when.error();
    if (when->exitCode != 0)
        return gitError(ref, Msg::tr("git log failed"), when.value());
    const qint64 time = when->out.trimmed().toLongLong();
    if (keepGitDir) {
        auto remote = git({QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"), ref.remote}, ctx, dir);
        if (!remote.ok())
            return remote.error();
    } else if (!QDir(dir + QStringLiteral("/.git")).removeRecursively()) {
        return makeError(ErrorCode::Io, Msg::tr("cannot remove the checkout's .git"), dir);
    }
    const timespec times[2] = {{time, 0}, {time, 0}};
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        ::utimensat(AT_FDCWD, QFile::encodeName(it.next()).constData(), times, AT_SYMLINK_NOFOLLOW);
    return okStatus();
}

} // namespace ll::build
