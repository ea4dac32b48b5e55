// Issue 7, builder side: a generated corpus of hostile archives fed to everything in the
// builder that writes files from an archive — a base image's layers (FROM oci-archive:),
// COPY --from a stage, COPY --from an image, ADD of a local tar. Every build must either fail
// with an error naming the member, or succeed with every write inside the root. A canary
// folder outside the root (named by absolute paths and by `../` chains in the archives) must
// be untouched, no "pwned" file may appear anywhere around the build, and where the build
// succeeds the resulting layer holds the write where the root put it.
#include "data/build/buildtestutil.h"
#include "hostiletar.h"

#include "builder/difflayer.h"
#include "builder/saferoot.h"

#include <QCryptographicHash>
#include <QDirIterator>

#include <algorithm>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

enum class Outcome { Contained, Fails, Either };

using Entries = QMap<QByteArray, QByteArray>; // path -> "TYPE link content" prefix

struct Case {
    QByteArray name;
    std::vector<QByteArray> layers;  // tars, applied in order
    Outcome outcome = Outcome::Contained;
    QByteArray culprit;              // a failure must name this (the member, or what is wrong)
    Entries present;                 // COPY --from results
    QList<QByteArray> absent;
    // ADD results, by their path in the image: each tar is unpacked alone into an empty folder
    // below /dst/, so `../` from there is the image's root and links into the setup layer lead
    // nowhere (those rows fail).
    Entries addPresent = {};
    QList<QByteArray> addAbsent = {};
};

// Where the escapes aim: the parent folders of the root (1 to 4 levels up: the build's work
// folder, the cache's tmp, the cache, the test's folder), and far enough up to reach "/"
// followed by the canary's absolute path.
QList<QByteArray> escapes(const QByteArray &canary)
{
    return {"../", "../../", "../../../", "../../../../", QByteArray("../").repeated(40) + canary + '/'};
}

// Where such a path lands when it is resolved inside the root.
QByteArray inRoot(const QByteArray &escape)
{
    QByteArray p = escape;
    while (p.startsWith("../"))
        p.remove(0, 3);
    return p;
}

// The canary's folders and decoys of its files inside the root, so writes through links resolve.
QByteArray setupLayer(const QByteArray &canary)
{
    ht::Entries e;
    QByteArray prefix;
    for (const QByteArray &part : canary.split('/')) {
        prefix = prefix.isEmpty() ? part : prefix + '/' + part;
        e.push_back(ht::dir(prefix));
    }
    e.push_back(ht::file(canary + "/victim.txt", "decoy\n"));
    e.push_back(ht::file("victim.txt", "decoy\n"));
    return ht::tarOf(e);
}

void escapeCases(std::vector<Case> &out, const QByteArray &canary, const QByteArray &setup)
{
    const Entries decoys{{"dst/victim.txt", "-  decoy"}, {"dst/" + canary + "/victim.txt", "-  decoy"}};
    Entries withDecoys = decoys;
    withDecoys.insert("dst/after.txt", "-");
    int k = 0;
    for (const QByteArray &esc : escapes(canary)) {
        const QByteArray n = QByteArray::number(++k), at = inRoot(esc);
        out.push_back({"dotdot-name-" + n, {ht::tarOf({ht::file(esc + "pwned-dotdot"), ht::file("ok.txt")})}, Outcome::Contained, "pwned-dotdot",
                       {{"ok.txt", "-"}}, {"pwned-dotdot"}, {{"dst/ok.txt", "-"}}, {"dst/pwned-dotdot", "pwned-dotdot"}});
        out.push_back({"symlinked-parent-" + n, {setup, ht::tarOf({ht::symlink("evil", esc), ht::file("evil/pwned-parent", "through\n")})},
                       Outcome::Contained, "evil/pwned-parent", {{at + "pwned-parent", "-  through"}, {"evil", "l " + esc}}, {},
                       {{at + "pwned-parent", "-  through"}, {"dst/evil", "l " + esc}}, {}});
        out.push_back({"hardlink-out-" + n, {setup, ht::tarOf({ht::hardlink("hl", esc + "victim.txt"), ht::file("ok.txt")})}, Outcome::Contained, "hl",
                       {{"ok.txt", "-"}}, {"hl"}, {{"dst/ok.txt", "-"}}, {"dst/hl"}});
        out.push_back({"hardlink-via-symlink-" + n, {setup, ht::tarOf({ht::symlink("s", esc), ht::hardlink("hl", "s/victim.txt")})},
                       Outcome::Contained, "hl", {{"hl", "-  decoy"}}, {}});
        out.push_back({"symlink-chain-" + n, {setup, ht::tarOf({ht::symlink("c1", "."), ht::symlink("c2", "c1/.."), ht::symlink("c3", "c2/../.."),
                                                                ht::symlink("c4", "c3/" + esc), ht::file("c4/pwned-chain", "chain\n")})},
                       Outcome::Contained, "c4/pwned-chain", {{at + "pwned-chain", "-  chain"}}, {}, {{at + "pwned-chain", "-  chain"}, {"dst/c4", "l c3/" + esc}}, {}});
        out.push_back({"dir-then-symlink-" + n, {setup, ht::tarOf({ht::dir("d"), ht::file("d/inner")}), ht::tarOf({ht::symlink("d", esc), ht::file("d/pwned-dir", "dir\n")})},
                       Outcome::Contained, "d/pwned-dir", {{at + "pwned-dir", "-  dir"}, {"d", "l "}}, {"d/inner"},
                       {{at + "pwned-dir", "-  dir"}, {"dst/d", "l " + esc}}, {"dst/d/inner"}});
        // ADD writes whiteout names as files: nothing of the image is removed.
        out.push_back({"whiteout-via-symlink-" + n, {setup, ht::tarOf({ht::symlink("w", esc)}), ht::tarOf({ht::file("w/.wh.victim.txt", {})})},
                       Outcome::Contained, "w/.wh.victim.txt", {{"w", "l "}}, {at + "victim.txt"}, decoys, {}});
        out.push_back({"opaque-via-symlink-" + n, {setup, ht::tarOf({ht::symlink("o", esc)}), ht::tarOf({ht::file("o/.wh..wh..opq", {}), ht::file("after.txt")})},
                       Outcome::Contained, "o/.wh..wh..opq", {{"after.txt", "-"}}, {at + "victim.txt"}, withDecoys, {}});
    }
}

void linkCases(std::vector<Case> &out, const QByteArray &canary, const QByteArray &setup)
{
    const QByteArray up = QByteArray("../").repeated(40) + canary;
    out.push_back({"absolute-name", {ht::tarOf({ht::file('/' + canary + "/pwned-abs", "abs\n"), ht::hardlink("/hl-abs", '/' + canary + "/pwned-abs")})},
                   Outcome::Contained, "pwned-abs", {{canary + "/pwned-abs", "-  abs"}, {"hl-abs", "-  abs"}}, {},
                   {{"dst/" + canary + "/pwned-abs", "-  abs"}, {"dst/hl-abs", "-  abs"}}, {}});
    out.push_back({"absolute-symlink-parent", {setup, ht::tarOf({ht::symlink("a", '/' + canary), ht::file("a/pwned-abslink", "abs\n")})},
                   Outcome::Contained, "a/pwned-abslink", {{canary + "/pwned-abslink", "-  abs"}}, {}});
    out.push_back({"dangling-symlink-parent", {ht::tarOf({ht::symlink("dang", '/' + canary + "/nowhere"), ht::file("dang/pwned-dangling")})}, Outcome::Fails, "dang/pwned-dangling", {}, {}});
    out.push_back({"symlink-named-dot-and-slash", {setup, ht::tarOf({ht::symlink(".", up), ht::symlink("./", up), ht::symlink("/", up), ht::symlink("sub/.", up),
                                                                      ht::file("pwned-dot", "dot\n"), ht::file("sub/pwned-sub", "sub\n")})},
                   Outcome::Contained, "sub/pwned-sub", {{"pwned-dot", "-  dot"}, {"sub", "l "}, {canary + "/pwned-sub", "-  sub"}}, {}});
    out.push_back({"hardlink-to-symlink", {setup, ht::tarOf({ht::symlink("s", '/' + canary + "/victim.txt"), ht::hardlink("h", "s"), ht::file("s", "replaced\n"),
                                                              ht::symlink("s2", up + "/victim.txt"), ht::hardlink("h2", "s2"), ht::file("h2", "replaced\n")})},
                   Outcome::Contained, "h", {{"h", "l /" + canary + "/victim.txt"}, {"s", "-  replaced"}, {"h2", "-  replaced"}, {canary + "/victim.txt", "-  decoy"}}, {},
                   {{"dst/h", "l /" + canary + "/victim.txt"}, {"dst/s", "-  replaced"}, {"dst/h2", "-  replaced"}, {"dst/" + canary + "/victim.txt", "-  decoy"}}, {}});
    out.push_back({"hardlink-to-directory", {setup, ht::tarOf({ht::hardlink("hd", canary)})}, Outcome::Fails, "hd", {}, {}});
    out.push_back({"symlink-loop", {ht::tarOf({ht::symlink("l1", "l2"), ht::symlink("l2", "l1"), ht::file("l1/pwned-loop")})}, Outcome::Fails, "l1/pwned-loop", {}, {}});
    out.push_back({"file-as-parent", {ht::tarOf({ht::file("f"), ht::file("f/pwned-child")})}, Outcome::Fails, "f/pwned-child", {}, {}});
}

void paxCases(std::vector<Case> &out, const QByteArray &canary, const QByteArray &setup)
{
    const QByteArray up = QByteArray("../").repeated(40) + canary;
    out.push_back({"pax-path-climbs", {ht::paxEntry(ht::paxRecord("path", up + "/pwned-pax"), "innocent", '0', "pax\n") + ht::tarOf({ht::file("ok.txt")})},
                   Outcome::Contained, "pwned-pax", {{"ok.txt", "-"}}, {"innocent"}, {{"dst/ok.txt", "-"}}, {"dst/innocent"}});
    out.push_back({"pax-path-absolute", {ht::paxEntry(ht::paxRecord("path", '/' + canary + "/pwned-paxabs"), "innocent", '0', "pax\n") + ht::endOfTar()},
                   Outcome::Contained, "pwned-paxabs", {{canary + "/pwned-paxabs", "-  pax"}}, {"innocent"}, {{"dst/" + canary + "/pwned-paxabs", "-  pax"}}, {"dst/innocent"}});
    out.push_back({"pax-linkpath-symlink", {setup, ht::paxEntry(ht::paxRecord("linkpath", up), "pl", '2', {}, "harmless") + ht::tarOf({ht::file("pl/pwned-paxlink", "pl\n")})},
                   Outcome::Contained, "pl/pwned-paxlink", {{"pl", "l " + up}, {canary + "/pwned-paxlink", "-  pl"}}, {}});
    out.push_back({"pax-linkpath-hardlink-climbs", {ht::paxEntry(ht::paxRecord("linkpath", up + "/victim.txt"), "phl", '1', {}, "ok.txt") + ht::tarOf({ht::file("ok.txt")})},
                   Outcome::Contained, "phl", {{"ok.txt", "-"}}, {"phl"}, {{"dst/ok.txt", "-"}}, {"dst/phl"}});
    // libarchive reads the path up to the NUL, and a record that lies about its length as it can.
    out.push_back({"pax-path-with-nul", {ht::paxEntry(ht::paxRecord("path", QByteArray("nul-ok\0/", 8) + up + "/pwned-nul"), "innocent", '0', "nul\n") + ht::endOfTar()},
                   Outcome::Either, "nul-ok", {}, {}});
    out.push_back({"pax-record-lies-about-length", {ht::paxEntry("999 path=" + up + "/pwned-len\n", "innocent", '0', "len\n") + ht::endOfTar()},
                   Outcome::Either, "innocent", {}, {}});
    // The layer readers say the archive is truncated; they fail before a member is named.
    out.push_back({"pax-size-beyond-the-archive", {ht::paxEntry(ht::paxRecord("size", "99999999999"), "big", '0', "tiny\n") + ht::endOfTar()},
                   Outcome::Fails, "Truncated", {}, {}});
}

void limitCases(std::vector<Case> &out)
{
    out.push_back({"long-component", {ht::tarOf({ht::file(QByteArray(300, 'a'))})}, Outcome::Fails, "aaaaaaaaaaaaaaaa", {}, {}});
    out.push_back({"path-longer-than-path-max", {ht::tarOf({ht::file(QByteArray(200, 'b').append('/').repeated(30) + "f")})}, Outcome::Fails, "bbbbbbbbbbbbbbbb", {}, {}});
    out.push_back({"deep-nesting-skipped", {ht::tarOf({ht::file(QByteArray("d/").repeated(2000) + "f"), ht::file("ok.txt")})}, Outcome::Contained, "ok.txt",
                   {{"ok.txt", "-"}}, {"d"}, {{"dst/ok.txt", "-"}}, {"dst/d"}});
    const QByteArray deep = QByteArray("n/").repeated(1000) + "f";
    out.push_back({"deep-nesting-kept", {ht::tarOf({ht::file(deep, "deep\n")})}, Outcome::Contained, "nnnn", {{deep, "-  deep"}}, {}, {{"dst/" + deep, "-  deep"}}, {}});
}

struct Snapshot {
    QMap<QString, QByteArray> items;
    bool operator==(const Snapshot &o) const { return items == o.items; }
};

// Type, mode, size, mtime (ns), link target and content hash of everything below `dir`.
Snapshot snapshot(const QString &dir)
{
    Snapshot s;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        struct stat st {};
        ::lstat(QFile::encodeName(p).constData(), &st);
        QByteArray v = QByteArray::number(st.st_mode, 8) + ' ' + QByteArray::number(st.st_size) + ' ' + QByteArray::number(qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec);
        if (QFile f(p); S_ISREG(st.st_mode) && f.open(QIODevice::ReadOnly))
            v += ' ' + QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
        s.items.insert(p, v + ' ' + QFile::symLinkTarget(p).toUtf8());
    }
    return s;
}

// An entry of a layer as "TYPE link content"; a hard link as the file it links to.
QByteArray entryOf(const Entries &entries, const QByteArray &path)
{
    const QByteArray v = entries.value(path);
    return v.startsWith("h ") ? entries.value(v.mid(2, v.indexOf(' ', 2) - 2)) : v;
}

// What the layers of an image hold together: a later entry replaces the path, and what was
// below it unless it is a folder. (Whiteout names are kept as entries: ADD writes them as files.)
Entries mergedEntries(const std::vector<ll::BuiltLayer> &layers)
{
    Entries all;
    for (const ll::BuiltLayer &l : layers) {
        const Entries layer = ht::layerEntries(ll::blobOf(l).value());
        for (auto it = layer.cbegin(); it != layer.cend(); ++it) {
            if (!it.value().startsWith("d "))
                for (auto below = all.lowerBound(it.key() + '/'); below != all.end() && below.key().startsWith(it.key() + '/');)
                    below = all.erase(below);
            all.insert(it.key(), it.value());
        }
    }
    return all;
}

// The row's present and absent paths (`add`: its ADD results).
void checkEntries(const Case &c, const Entries &entries, bool add)
{
    const Entries &present = add ? c.addPresent : c.present;
    for (auto it = present.cbegin(); it != present.cend(); ++it)
        QVERIFY2(entries.contains(it.key()) && entryOf(entries, it.key()).startsWith(it.value()),
                 qPrintable(QStringLiteral("%1: \"%2\"").arg(QString::fromUtf8(it.key()), QString::fromUtf8(entries.value(it.key())))));
    for (const QByteArray &p : add ? c.addAbsent : c.absent)
        QVERIFY2(!entries.contains(p), p.constData());
}

// Files named pwned* directly in `dir` or, `recursive`, anywhere below it.
QStringList pwnedIn(const QString &dir, bool recursive)
{
    QStringList found;
    QDirIterator it(dir, {QStringLiteral("pwned*")}, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (it.hasNext())
        found << it.next();
    return found;
}

} // namespace

class TstBuildHostile : public QObject {
    Q_OBJECT
    // On a tmpfs when there is one: ~240 builds, each fsyncing its cache records.
    bt::Sandbox m_box{QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath()};
    QString m_canary, m_ctx;
    std::vector<Case> m_cases;
    Snapshot m_canaryBefore;
    QMap<QString, int> m_tally; // "mode: contained" / "mode: clear error", for docs/robustness.md

    QString dockerfile(const Case &c, const QString &mode) const
    {
        const QString image = QStringLiteral("oci-archive:%1/%2.oci.tar").arg(m_ctx, QString::fromUtf8(c.name));
        if (mode == QLatin1String("from"))
            return QStringLiteral("FROM %1\nCOPY probe.txt /probe.txt\n").arg(image);
        if (mode == QLatin1String("stage"))
            return QStringLiteral("FROM %1 AS hostile\nFROM scratch\nCOPY --from=hostile / /\n").arg(image);
        if (mode == QLatin1String("image"))
            return QStringLiteral("FROM scratch\nCOPY --from=%1 / /\n").arg(image);
        QString text = QStringLiteral("FROM scratch\n");
        for (size_t i = 0; i < c.layers.size(); ++i)
            text += QStringLiteral("ADD %1-%2.tar /dst/\n").arg(QString::fromUtf8(c.name)).arg(i);
        return text;
    }

    // Builds `c` the way `mode` says. Escapes into the build's work folder (the parent of every
    // root) are looked for at every event: a failed build removes the folder before it returns.
    bt::Run runCase(const Case &c, const QString &mode, QStringList &strayDuringBuild)
    {
        const QString df = QStringLiteral("%1/Dockerfile.%2.%3").arg(m_ctx, QString::fromUtf8(c.name), mode);
        bt::writeFile(df, dockerfile(c, mode).toUtf8());
        auto o = m_box.options(m_ctx);
        o.dockerfile = df;
        o.storeImage = false;
        const QString tmp = m_box.cache() + QStringLiteral("/tmp");
        bt::Run r;
        auto res = ll::build::Builder::build(o, [&](const ll::build::BuildEvent &) {
            for (const QString &d : QDir(tmp).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                strayDuringBuild << pwnedIn(tmp + QLatin1Char('/') + d, false);
        }, ll::nullTaskContext());
        if (res.ok())
            r.result = std::move(res).value();
        else
            r.error = res.error();
        strayDuringBuild.removeDuplicates();
        return r;
    }

    // The canary is untouched, no pwned file is anywhere around the build, no work folder is left.
    void checkSurroundings(const QStringList &strayDuringBuild)
    {
        QVERIFY2(snapshot(m_canary) == m_canaryBefore, "the canary folder outside the root was changed");
        QVERIFY2(strayDuringBuild.isEmpty(), qPrintable(strayDuringBuild.join(QLatin1Char(' '))));
        const QStringList stray = pwnedIn(m_box.tmp.path(), true);
        QVERIFY2(stray.isEmpty(), qPrintable(stray.join(QLatin1Char(' '))));
        const QString tmp = m_box.cache() + QStringLiteral("/tmp");
        QVERIFY2(QDir(tmp).entryList({QStringLiteral("build-*")}, QDir::Dirs).isEmpty(), "the build's work folder was left behind");
    }

    // A failure is allowed where the row says so (ADD: anywhere, see docs/robustness.md), is
    // short, and names the row's culprit; ADD's also name the tar and the member.
    void checkFailure(const Case &c, const QString &mode, const ll::Error &error)
    {
        const QString text = error.toString();
        qDebug("%s", qPrintable(text));
        const bool add = mode == QLatin1String("add");
        QVERIFY2(add || c.outcome != Outcome::Contained, qPrintable(text));
        QVERIFY2(text.size() < 2000, "the error message is unbounded");
        QVERIFY2(!c.culprit.isEmpty(), "every row names its culprit");
        QVERIFY2(text.contains(QString::fromUtf8(c.culprit)), qPrintable(text));
        bool named = !add;
        for (size_t i = 0; i < c.layers.size(); ++i)
            named = named || text.contains(QStringLiteral("%1-%2.tar: cannot unpack member \"").arg(QString::fromUtf8(c.name)).arg(i));
        QVERIFY2(named, qPrintable(text));
    }

private slots:
    void cleanupTestCase()
    {
        for (auto it = m_tally.cbegin(); it != m_tally.cend(); ++it)
            qInfo("%s: %d", qPrintable(it.key()), it.value());
    }

    void initTestCase()
    {
        QVERIFY(m_box.init());
        m_canary = m_box.tmp.filePath(QStringLiteral("canary"));
        m_ctx = m_box.tmp.filePath(QStringLiteral("ctx"));
        bt::writeFile(m_canary + QStringLiteral("/victim.txt"), "precious\n");
        bt::writeFile(m_canary + QStringLiteral("/sub/keep.txt"), "keep\n");
        bt::writeFile(m_ctx + QStringLiteral("/probe.txt"), "probe\n");
        const QByteArray canary = QFile::encodeName(m_canary).mid(1);
        const QByteArray setup = setupLayer(canary);
        escapeCases(m_cases, canary, setup);
        linkCases(m_cases, canary, setup);
        paxCases(m_cases, canary, setup);
        limitCases(m_cases);
        for (const Case &c : m_cases) {
            tst::writeImage(m_box.tmp, QStringLiteral("ctx/%1.oci.tar").arg(QString::fromUtf8(c.name)), {ht::imageOf(c.layers)}, ll::OutputFormat::OciArchive);
            for (size_t i = 0; i < c.layers.size(); ++i)
                bt::writeFile(QStringLiteral("%1/%2-%3.tar").arg(m_ctx, QString::fromUtf8(c.name)).arg(i), c.layers[i]);
        }
        m_canaryBefore = snapshot(m_canary);
        QCOMPARE(m_canaryBefore.items.size(), 3);
        qInfo("corpus: %d hostile archives x 4 ways in", int(m_cases.size()));
    }

    void corpus_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("mode");
        for (size_t i = 0; i < m_cases.size(); ++i)
            for (const char *mode : {"from", "stage", "image", "add"})
                QTest::newRow(m_cases[i].name + '/' + mode) << int(i) << QString::fromLatin1(mode);
    }
    void corpus()
    {
        QFETCH(int, index);
        QFETCH(QString, mode);
        const Case &c = m_cases[size_t(index)];
        QStringList strayDuringBuild;
        const bt::Run r = runCase(c, mode, strayDuringBuild);
        checkSurroundings(strayDuringBuild);
        if (QTest::currentTestFailed())
            return;
        ++m_tally[mode + (r.result ? QStringLiteral(": contained") : QStringLiteral(": clear error"))];
        if (!r.result) {
            checkFailure(c, mode, r.error);
            return;
        }
        // FROM + COPY from the context may unpack only the base's folders and links (all a COPY
        // destination needs), so a member that fails as a file can pass unwritten there.
        const bool fullUnpack = mode == QLatin1String("stage") || mode == QLatin1String("image");
        QVERIFY2(!fullUnpack || c.outcome != Outcome::Fails, "the build succeeded where it must fail");
        if (fullUnpack)
            checkEntries(c, ht::layerEntries(ll::blobOf(r.result->image.layers.back()).value()), false);
        else if (mode == QLatin1String("add"))
            checkEntries(c, mergedEntries(r.result->image.layers), true);
    }

    // The counts docs/robustness.md quotes, once the whole corpus ran.
    void tallyMatchesTheDocs()
    {
        int ran = 0;
        for (int n : std::as_const(m_tally))
            ran += n;
        if (ran != int(m_cases.size()) * 4)
            QSKIP("only part of the corpus ran");
        const QMap<QString, int> docs{{QStringLiteral("from: clear error"), 2}, {QStringLiteral("from: contained"), 57},
                                      {QStringLiteral("stage: clear error"), 7}, {QStringLiteral("stage: contained"), 52},
                                      {QStringLiteral("image: clear error"), 7}, {QStringLiteral("image: contained"), 52},
                                      {QStringLiteral("add: clear error"), 18}, {QStringLiteral("add: contained"), 41}};
        QCOMPARE(m_tally, docs);
    }

    // Links already in an image cannot lead reads (COPY --from sources) or writes (COPY and
    // WORKDIR destinations) out of it: the canary holds "precious", the image a decoy.
    void linksInTheImageStayInside()
    {
        const QByteArray canary = QFile::encodeName(m_canary).mid(1), up = QByteArray("../").repeated(40) + canary;
        const QByteArray links = ht::tarOf({ht::symlink("esc", up), ht::symlink("abs", '/' + canary), ht::symlink("dst", up)});
        tst::writeImage(m_box.tmp, QStringLiteral("ctx/links.oci.tar"), {ht::imageOf({setupLayer(canary), links})}, ll::OutputFormat::OciArchive);
        const QString df = m_ctx + QStringLiteral("/Dockerfile.links");
        bt::writeFile(df, "FROM oci-archive:" + QFile::encodeName(m_ctx) + "/links.oci.tar AS h\n"
                          "COPY probe.txt /dst/probe.txt\n"
                          "WORKDIR /esc/work\n"
                          "FROM scratch\n"
                          "COPY --from=h /esc/victim.txt /a.txt\n"
                          "COPY --from=h /abs/victim.txt /b.txt\n"
                          "COPY --from=h /" + canary + "/ /written/\n");
        auto o = m_box.options(m_ctx);
        o.dockerfile = df;
        o.storeImage = false;
        const auto r = bt::build(o);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QVERIFY(snapshot(m_canary) == m_canaryBefore);
        QStringList all;
        for (const ll::BuiltLayer &l : r.result->image.layers) {
            const auto e = ht::layerEntries(ll::blobOf(l).value());
            for (auto it = e.cbegin(); it != e.cend(); ++it)
                all << QString::fromUtf8(it.key() + '=' + it.value());
        }
        for (const char *want : {"a.txt=-  decoy", "b.txt=-  decoy", "written/probe.txt=-  probe", "written/work=d  "})
            QVERIFY2(std::any_of(all.cbegin(), all.cend(), [&](const QString &e) { return e.startsWith(QString::fromUtf8(want)); }),
                     qPrintable(QString::fromUtf8(want) + QStringLiteral(" not in ") + all.join(QLatin1Char(' '))));
    }

    // A layer may nest 1,023 folders; removing them (a whiteout, the work folder) must not
    // need a descriptor per level: it runs here with 200 descriptors.
    void removingDeepTreesNeedsFewDescriptors()
    {
        const QString top = m_box.tmp.filePath(QStringLiteral("deep"));
        QVERIFY(QDir().mkpath(top + QString(QStringLiteral("/n")).repeated(1000)));
        bt::writeFile(top + QString(QStringLiteral("/n")).repeated(1000) + QStringLiteral("/f"), "leaf\n");
        bt::writeFile(top + QString(QStringLiteral("/n")).repeated(500) + QStringLiteral("/g"), "middle\n");
        ll::build::UniqueFd parent(::open(QFile::encodeName(m_box.tmp.path()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        QVERIFY(parent.valid());
        rlimit before {};
        QVERIFY(::getrlimit(RLIMIT_NOFILE, &before) == 0);
        rlimit few = before;
        few.rlim_cur = 200;
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &few) == 0);
        const ll::Status s = ll::build::removeTree(parent.get(), "deep");
        ::setrlimit(RLIMIT_NOFILE, &before);
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().toString()));
        QVERIFY(!QFileInfo::exists(top));
    }

    // Reading a RUN's or ADD's staging folder back into a layer holds one folder open at a
    // time too: 1,000 levels with 200 descriptors (it failed with "Too many open files").
    void readingDeepTreesNeedsFewDescriptors()
    {
        const QString top = m_box.tmp.filePath(QStringLiteral("upper"));
        const QString deep = QString(QStringLiteral("/n")).repeated(1000);
        bt::writeFile(top + deep + QStringLiteral("/f"), "leaf\n");
        bt::writeFile(top + QString(QStringLiteral("/n")).repeated(500) + QStringLiteral("/g"), "middle\n");
        bt::writeFile(top + QStringLiteral("/z"), "last\n");
        rlimit before {};
        QVERIFY(::getrlimit(RLIMIT_NOFILE, &before) == 0);
        rlimit few = before;
        few.rlim_cur = 200;
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &few) == 0);
        const auto entries = ll::build::readUpperDir(top, {}, ll::nullTaskContext());
        ::setrlimit(RLIMIT_NOFILE, &before);
        QVERIFY2(entries.ok(), entries.ok() ? "" : qPrintable(entries.error().toString()));
        QCOMPARE(entries->size(), size_t(1000 + 3));
        QStringList paths;
        for (const auto &[h, data] : entries.value())
            paths << QString::fromUtf8(h.path);
        QCOMPARE(paths.last(), QStringLiteral("z")); // parents before children, names in order
        QVERIFY(paths.contains(deep.mid(1) + QStringLiteral("/f")) && paths.contains(QString(QStringLiteral("n/")).repeated(500) + QStringLiteral("g")));
    }

    // An error deep in a tree names its path from the top, not only the last component: with
    // two descriptors left, the tree's top and "a" open, listing "a" fails.
    void removeTreeErrorsNameThePath()
    {
        const QString top = m_box.tmp.filePath(QStringLiteral("named"));
        bt::writeFile(top + QStringLiteral("/a/b/f"), "x\n");
        ll::build::UniqueFd parent(::open(QFile::encodeName(m_box.tmp.path()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        QVERIFY(parent.valid());
        rlimit before {};
        QVERIFY(::getrlimit(RLIMIT_NOFILE, &before) == 0);
        rlimit few = before;
        few.rlim_cur = 256;
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &few) == 0);
        std::vector<int> filler; // every free descriptor taken, then two given back
        for (int fd; (fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0;)
            filler.push_back(fd);
        for (int i = 0; i < 2 && !filler.empty(); ++i) {
            ::close(filler.back());
            filler.pop_back();
        }
        const ll::Status s = ll::build::removeTree(parent.get(), "named");
        for (int fd : filler)
            ::close(fd);
        ::setrlimit(RLIMIT_NOFILE, &before);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().path, QStringLiteral("named/a"));
        QVERIFY2(s.error().message.contains(QLatin1String("Too many open files")), qPrintable(s.error().toString()));
    }
};

LL_BUILD_TEST_MAIN(TstBuildHostile)
#include "tst_build_hostile.moc"
