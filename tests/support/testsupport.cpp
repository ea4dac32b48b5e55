#include "testsupport.h"

#include <QJsonDocument>

#include <QJsonArray>

#include "fstree/fileextract.h"

#include <QDir>
#include <QProcess>

namespace tst {

QString fixture(const QString &name)
{
    return QDir(QStringLiteral(LAYERLENS_FIXTURES_DIR)).filePath(name);
}

QStringList fixtureImages()
{
    QStringList out;
    const QDir dir(QStringLiteral(LAYERLENS_FIXTURES_DIR));
    for (const QString &n : dir.entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (n != QLatin1String("README.md") && n != QLatin1String("dockerfiles"))
            out << dir.filePath(n);
    return out;
}

QString writeImage(const QTemporaryDir &dir, const QString &name, const std::vector<ll::BuiltImage> &images,
                   ll::OutputFormat format, ll::WriteOptions options)
{
    const QString path = dir.filePath(name);
    auto s = ll::writeImages(images, format, path, options);
    if (!s.ok())
        qWarning("writeImages failed: %s", qPrintable(s.error().toString()));
    return path;
}

ll::BuiltImage build(const ll::ImageSpec &spec)
{
    auto img = ll::buildImage(spec);
    if (!img.ok())
        qFatal("buildImage failed: %s", qPrintable(img.error().toString()));
    return img.value();
}

ll::ImageSpec specOf(std::vector<ll::LayerSpec> layers, const QString &name)
{
    ll::ImageSpec s;
    s.name = name;
    s.layers = std::move(layers);
    return s;
}

std::optional<ll::ImageAnalysis> analyze(const QString &path, const ll::ImageSelector &sel)
{
    auto r = ll::analyzeImage(path, sel, ll::nullTaskContext());
    if (!r.ok()) {
        qWarning("analyzeImage(%s) failed: %s", qPrintable(path), qPrintable(r.error().toString()));
        return std::nullopt;
    }
    return std::move(r).value();
}

ll::Error analyzeError(const QString &path, const ll::ImageSelector &sel)
{
    auto r = ll::analyzeImage(path, sel, ll::nullTaskContext());
    if (r.ok()) {
        qWarning("analyzeImage(%s) unexpectedly succeeded", qPrintable(path));
        return ll::Error{};
    }
    return r.error();
}

const ll::FileEntry *entryAfter(const ll::ImageAnalysis &a, const QByteArray &path, int layer)
{
    const int32_t id = a.fs->find(path);
    return id < 0 ? nullptr : a.fs->entryAfter(id, layer);
}

QByteArray layerFileData(const ll::ImageAnalysis &a, int layer, const char *path)
{
    auto f = ll::extractLayerFile(a.overview.source->region(a.overview.manifest.layers[size_t(layer)].member).value(), path, 1000, ll::nullTaskContext());
    return f.ok() ? f->data : QByteArray();
}

std::optional<ll::Change> changeIn(const ll::ImageAnalysis &a, const QByteArray &path, int layer)
{
    const int32_t id = a.fs->find(path);
    if (id < 0)
        return std::nullopt;
    const ll::PathEvent *e = a.fs->eventIn(id, layer);
    return e ? std::optional<ll::Change>(e->change) : std::nullopt;
}

CliRun runCli(const QStringList &args, const QString &workingDir)
{
    return runProgram(QStringLiteral(LAYERLENS_CLI_PATH), args, QProcessEnvironment::systemEnvironment(), workingDir);
}

QProcessEnvironment languageEnv(const QString &language)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LC_CTYPE", "LANGUAGE"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    if (!language.isEmpty())
        env.insert(QStringLiteral("LANGUAGE"), language);
    return env;
}

CliRun runProgram(const QString &program, const QStringList &args, const QProcessEnvironment &env, const QString &workingDir, int timeoutMs)
{
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.setProcessEnvironment(env);
    p.start(program, args);
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

bool strictRun()
{
    return qEnvironmentVariableIntValue("LAYERLENS_TESTS_STRICT") == 1;
}

QJsonObject inspectJson(const QStringList &args)
{
    const CliRun r = runCli(QStringList{QStringLiteral("inspect"), QStringLiteral("--json")} + args);
    if (r.exitCode != 0)
        qWarning("inspect failed: %s", qPrintable(r.err));
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QJsonObject treeEntry(const QJsonObject &inspect, const QString &path)
{
    for (const QJsonValue &v : inspect.value(QStringLiteral("tree")).toObject().value(QStringLiteral("entries")).toArray())
        if (v.toObject().value(QStringLiteral("path")).toString() == path)
            return v.toObject();
    return {};
}

} // namespace tst
