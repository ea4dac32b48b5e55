#include "busyboxbase.h"

#include "image/layerbuilder.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>

#include <cstring>

namespace ll::build {

namespace {

} // namespace

// Written by hand: nothing in the stack reads ELF headers, and a static/dynamic check needs
// three fields of them (64-bit little-endian only: Debian's amd64 and arm64).
bool isStaticProgram(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(64);
    if (head.size() < 64 || !head.startsWith("\x7f" "ELF") || head[4] != 2 || head[5] != 1) // 64-bit, little-endian
        return false;
    auto u16 = [](const char *p) { return quint16(quint8(p[0]) | quint8(p[1]) << 8); };
    // A program (or a static PIE) for this machine: an object file or another architecture's
    // binary would not run as the image's shell (a library passes here; busybox's banner, checked
    // when the image is made, does not).
#if defined(Q_PROCESSOR_X86_64)
    const quint16 machine = 62; // EM_X86_64
#elif defined(Q_PROCESSOR_ARM_64)
    const quint16 machine = 183; // EM_AARCH64
#else
    const quint16 machine = 0;
#endif
    const quint16 fileType = u16(head.constData() + 16);
    if ((fileType != 2 && fileType != 3) || machine == 0 || u16(head.constData() + 18) != machine)
        return false;
    quint64 phoff = 0;
    std::memcpy(&phoff, head.constData() + 32, 8);
    const quint16 entry = u16(head.constData() + 54), count = u16(head.constData() + 56);
    if (entry < 56 || count == 0 || count > 256 || phoff >= quint64(f.size()) || !f.seek(qint64(phoff)))
        return false;
    const QByteArray table = f.read(qint64(entry) * count);
    if (table.size() != qint64(entry) * count)
        return false;
    for (int i = 0; i < count; ++i) {
        quint32 type = 0;
        std::memcpy(&type, table.constData() + qsizetype(i) * entry, 4);
        if (type == 3) // PT_INTERP
            return false;
    }
    return true;
}

namespace {

// The folders the image has whatever busybox lists, with modes of their own.
const std::pair<const char *, uint32_t> kDirs[] = {{"etc", 0755}, {"root", 0700}, {"tmp", 01777}, {"var", 0755}, {"home", 0755}};

Result<QByteArray> runBusybox(const QString &busybox, const QStringList &args, bool withErrors)
{
    QProcess p;
    p.start(busybox, args);
    p.closeWriteChannel(); // a program that reads its input gets none rather than hanging
    if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit) {
        p.kill();
        return makeError(ErrorCode::Io, Msg::tr("busybox did not answer \"%1\"").arg(args.join(QLatin1Char(' '))), busybox);
    }
    return withErrors ? p.readAllStandardOutput() + p.readAllStandardError() : p.readAllStandardOutput();
}

// Where the applets go, from `busybox --list-full` ("usr/bin/awk"): relative paths of plain
// names only, at most three deep; anything else is left out rather than trusted.
Result<std::vector<QByteArray>> appletPaths(const QString &busybox)
{
    auto listed = runBusybox(busybox, {QStringLiteral("--list-full")}, false);
    if (!listed.ok())
        return listed.error();
    // A name starts with a letter, a digit or '[': never ".", "..", or a hidden file.
    static const QRegularExpression kPath(QStringLiteral("^(?:[a-z]+/){1,2}[A-Za-z0-9_\\[][A-Za-z0-9_.+\\[\\]-]*$"));
    std::vector<QByteArray> candidates;
    QSet<QByteArray> dirs{"bin"};
    for (const auto &fixed : kDirs)
        dirs.insert(fixed.first);
    for (const QByteArray &line : listed.value().split('\n')) {
        const QByteArray path = line.trimmed();
        if (!kPath.match(QString::fromLatin1(path)).hasMatch())
            continue;
        candidates.push_back(path);
        dirs.insert(path.left(path.lastIndexOf('/')));
        if (path.count('/') == 2)
            dirs.insert(path.left(path.indexOf('/')));
    }
    // One entry per path: an applet named like a folder, or like the files written beside it,
    // is left out.
    std::vector<QByteArray> out;
    QSet<QByteArray> seen{"bin/busybox", "etc/passwd", "etc/group"};
    for (const QByteArray &path : candidates) {
        if (dirs.contains(path) || seen.contains(path))
            continue;
        seen.insert(path);
        out.push_back(path);
    }
    if (out.size() < 10 || !seen.contains("bin/sh"))
        return makeError(ErrorCode::Format, Msg::tr("busybox lists no shell among its applets (--list-full)"), busybox);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

QString findStaticBusybox()
{
    for (const QString &path : {QStringLiteral("/bin/busybox"), QStringLiteral("/usr/bin/busybox")})
        if (QFileInfo(path).isExecutable() && isStaticProgram(path))
            return path;
    return {};
}

Result<BuiltImage> busyboxBaseImage(const QString &busybox)
{
    QFile file(busybox);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, Msg::tr("cannot read busybox: %1").arg(file.errorString()), busybox);
    const QByteArray program = file.readAll();
    auto applets = appletPaths(busybox);
    if (!applets.ok())
        return applets.error();
    auto banner = runBusybox(busybox, {}, true);
    if (!banner.ok())
        return banner.error();
    // "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary."
    QString version = QString::fromUtf8(banner.value().left(banner.value().indexOf('\n'))).section(QStringLiteral(" multi-call"), 0, 0);
    static const QRegularExpression kVersion(QStringLiteral("^BusyBox v\\d+\\.\\d+[^\\s]*( \\([^)]{1,80}\\))?$"));
    if (!kVersion.match(version).hasMatch())
        return makeError(ErrorCode::Format, Msg::tr("not busybox: it does not say \"BusyBox vN.N\" when run"), busybox);

    const qint64 mtime = QFileInfo(busybox).lastModified().toSecsSinceEpoch();
    LayerBuilder layer;
    layer.mtime(mtime);
    layer.dir("bin").file("bin/busybox", program, 0755);
    // The folders with modes of their own first: an applet listed under tmp/ must not make
    // /tmp an ordinary 0755 folder.
    QSet<QByteArray> dirs{"bin"};
    for (const auto &[dir, mode] : kDirs) {
        layer.dir(dir, mode);
        dirs.insert(dir);
    }
    layer.file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n")
        .file("etc/group", "root:x:0:\nnogroup:x:65534:\n");
    for (const QByteArray &path : applets.value()) {
        const QList<QByteArray> parts = path.split('/');
        QByteArray dir;
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            dir += (i ? "/" : "") + parts[i];
            if (!dirs.contains(dir)) {
                dirs.insert(dir);
                layer.dir(dir);
            }
        }
        layer.symlink(path, "/bin/busybox");
    }

    ImageSpec spec;
    spec.name = kBusyboxBaseName;
    spec.created = QFileInfo(busybox).lastModified().toUTC().toString(Qt::ISODate);
    spec.runConfig = QJsonObject{
        {QStringLiteral("Env"), QJsonArray{QStringLiteral("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")}},
        {QStringLiteral("Cmd"), QJsonArray{QStringLiteral("sh")}},
        {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("org.opencontainers.image.title"), QStringLiteral("busybox")},
                                               {QStringLiteral("org.opencontainers.image.version"), version.section(QLatin1Char(' '), 1, 1).mid(1)},
                                               {QStringLiteral("org.opencontainers.image.description"),
                                                QStringLiteral("Made by LayerLens from this machine's %1 for the sample build project").arg(busybox)}}}};
    spec.layers.push_back(layer.spec());
    spec.steps = {{QStringLiteral("LayerLens: %1 (%2) with its %3 applets linked, a root user").arg(busybox, version, QString::number(applets.value().size())),
                   QString(), 0},
                  {QStringLiteral("CMD [\"sh\"]"), QString(), -1}};
    return buildImage(spec);
}

Result<bool> ensureBusyboxBase(ImageStore &store, const QString &busybox)
{
    if (store.contains(kBusyboxBaseName))
        return true;
    if (busybox.isEmpty())
        return false;
    auto image = busyboxBaseImage(busybox);
    if (!image.ok())
        return image.error();
    if (auto s = store.add(image.value()); !s.ok())
        return s.error();
    return true;
}

} // namespace ll::build
