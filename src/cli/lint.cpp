#include "commands.h"
#include "console.h"

#include "dockerfile/linter.h"
#include "dockerfile/parser.h"

#include <QFile>
#include <QHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace {

const char *const kUsage = QT_TRANSLATE_NOOP("cli",
    "Usage: layerlens-cli lint [--json] [--ignore-file FILE] [--build-arg NAME=VALUE]... Dockerfile\n"
    "Checks a Dockerfile and prints one line per finding, in the form\n"
    "FILE:LINE:COL: SEVERITY: MESSAGE [Rule].\n"
    "\n"
    "Options:\n"
    "  --json              print a JSON array of findings instead\n"
    "  --ignore-file FILE  the .dockerignore to check COPY/ADD sources against (default:\n"
    "                      Dockerfile.dockerignore or .dockerignore beside the Dockerfile)\n"
    "  --build-arg N=V     a build argument, as docker build takes it: BUILDKIT_DOCKERFILE_CHECK\n"
    "                      replaces the file's # check= directive; platform ARGs count in\n"
    "                      InvalidDefaultArgInFrom\n"
    "\n"
    "Exit status:\n"
    "  0  no errors (warnings allowed)\n"
    "  1  errors found\n"
    "  2  bad usage or unreadable input\n");

struct LintArgs {
    bool json = false;
    QString file;
    QString ignoreFile;
    QHash<QString, QString> buildArgs;
};

int usageError(const QString &message)
{
    cli::err(cli::Cli::tr("layerlens-cli lint: %1\n\n%2").arg(message, cli::Cli::tr(kUsage)));
    return 2;
}

// Parses the arguments; returns an exit code when the command should stop right away.
std::optional<int> parseArgs(const QStringList &args, LintArgs &out)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            cli::out(cli::Cli::tr(kUsage));
            return 0;
        } else if (a == QLatin1String("--json")) {
            out.json = true;
        } else if (a == QLatin1String("--ignore-file")) {
            if (i + 1 >= args.size())
                return usageError(cli::Cli::tr("--ignore-file needs a file name"));
            out.ignoreFile = args[++i];
        } else if (a.startsWith(QLatin1String("--ignore-file="))) {
            out.ignoreFile = a.mid(int(qstrlen("--ignore-file=")));
        } else if (a == QLatin1String("--build-arg") || a.startsWith(QLatin1String("--build-arg="))) {
            const bool inline_ = a.startsWith(QLatin1String("--build-arg="));
            if (!inline_ && i + 1 >= args.size())
                return usageError(cli::Cli::tr("--build-arg needs NAME=VALUE"));
            const QString kv = inline_ ? a.mid(int(qstrlen("--build-arg="))) : args[++i];
            const qsizetype eq = kv.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return usageError(cli::Cli::tr("--build-arg \"%1\": expected NAME=VALUE").arg(kv));
            out.buildArgs.insert(kv.left(eq), kv.mid(eq + 1));
        } else if (a.startsWith(QLatin1Char('-')) && a != QLatin1String("-")) {
            return usageError(cli::Cli::tr("unknown option \"%1\"").arg(a));
        } else if (!out.file.isEmpty()) {
            return usageError(cli::Cli::tr("only one Dockerfile can be checked at a time"));
        } else {
            out.file = a;
        }
    }
    if (out.file.isEmpty())
        return usageError(cli::Cli::tr("no Dockerfile given"));
    return std::nullopt;
}

std::optional<QString> readText(const QString &path, QString &error)
{
    QFile f(path);
    if (QFileInfo(path).isDir()) {
        error = cli::Cli::tr("\"%1\" is a directory, not a Dockerfile").arg(path);
        return std::nullopt;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        error = cli::Cli::tr("cannot read \"%1\": %2").arg(path, f.errorString());
        return std::nullopt;
    }
    return QString::fromUtf8(f.readAll());
}

// Docker looks for <Dockerfile>.dockerignore first, then .dockerignore in the context (which,
// for the CLI, is taken to be the Dockerfile's directory).
QString defaultIgnoreFile(const QString &dockerfile)
{
    const QFileInfo info(dockerfile);
    const QString specific = info.absoluteFilePath() + QStringLiteral(".dockerignore");
    if (QFileInfo::exists(specific))
        return specific;
    const QString general = info.absolutePath() + QStringLiteral("/.dockerignore");
    return QFileInfo::exists(general) ? general : QString();
}

QJsonObject toJson(const QString &file, const ll::df::Diagnostic &d)
{
    return {
        {QStringLiteral("file"), file},
        {QStringLiteral("line"), d.range.start.line},
        {QStringLiteral("column"), d.range.start.column},
        {QStringLiteral("endLine"), d.range.end.line},
        {QStringLiteral("endColumn"), d.range.end.column},
        {QStringLiteral("severity"), ll::df::severityName(d.severity)},
        {QStringLiteral("rule"), d.rule},
        {QStringLiteral("message"), d.message},
    };
}

void print(const LintArgs &args, const QVector<ll::df::Diagnostic> &diagnostics)
{
    if (args.json) {
        QJsonArray array;
        for (const auto &d : diagnostics)
            array.append(toJson(args.file, d));
        cli::out(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return;
    }
    QString text;
    for (const auto &d : diagnostics) {
        // The words a reader reads follow the language; the file:line:col: severity: frame and
        // the rule's name stay as editors and CI scripts match them.
        text += QStringLiteral("%1:%2:%3: %4: %5 [%6]\n")
                    .arg(args.file, QString::number(d.range.start.line), QString::number(d.range.start.column),
                         ll::df::severityName(d.severity), ll::df::localizedMessage(d), d.rule);
    }
    cli::out(text);
}

} // namespace

int runLint(const QStringList &arguments)
{
    LintArgs args;
    if (const std::optional<int> stop = parseArgs(arguments, args))
        return *stop;
    QString error;
    const std::optional<QString> source = readText(args.file, error);
    if (!source) {
        cli::err(cli::Cli::tr("layerlens-cli lint: %1\n").arg(error));
        return 2;
    }
    ll::df::LintOptions options;
    options.buildArgs = args.buildArgs;
    if (const auto it = args.buildArgs.constFind(QStringLiteral("BUILDKIT_DOCKERFILE_CHECK")); it != args.buildArgs.cend())
        options.checkOverride = it.value().isNull() ? QStringLiteral("") : it.value();
    const QString ignorePath = args.ignoreFile.isEmpty() ? defaultIgnoreFile(args.file) : args.ignoreFile;
    if (!ignorePath.isEmpty()) {
        const std::optional<QString> ignore = readText(ignorePath, error);
        if (!ignore) {
            cli::err(cli::Cli::tr("layerlens-cli lint: %1\n").arg(error));
            return 2;
        }
        options.dockerIgnore = ll::df::DockerIgnore::fromText(*ignore);
    }
    const ll::df::Dockerfile file = ll::df::Parser::parse(*source);
    const QVector<ll::df::Diagnostic> diagnostics = ll::df::Linter::lint(file, options);
    print(args, diagnostics);
    return ll::df::Linter::hasErrors(diagnostics) ? 1 : 0;
}
