// COPY/ADD beyond plain sources: --exclude (repeatable), --parents (with the "/./" pivot) and
// here-documents (`COPY <<EOF /path`), each checked in the built layer and in the cache key.
#include "data/build/buildtestutil.h"

#include "common/sha256.h"

namespace {

// The last layer's files as "path" -> "mode uid:gid size link hash" (see bt::files).
QMap<QString, QString> lastLayer(const QString &archive)
{
    QMap<QString, QString> out;
    auto a = tst::analyze(archive);
    if (!a)
        return out;
    const auto all = bt::files(archive);
    const int last = a->fs->layerCount() - 1;
    for (int32_t id = 1; id < a->fs->nodeCount(); ++id)
        if (tst::changeIn(*a, a->fs->pathOf(id), last))
            out.insert(QString::fromUtf8(a->fs->pathOf(id)), all.value(QString::fromUtf8(a->fs->pathOf(id))));
    return out;
}

using Expected = QMap<QString, QString>; // path -> "mode uid:gid size link hash" prefix

QString hashOf(const QByteArray &content) { return ll::toHex(ll::Sha256::hash(content)).left(16); }

// Written with mode 0644 whatever the umask: the tests check the modes the layers keep.
void put(const QString &path, const QByteArray &content)
{
    bt::writeFile(path, content);
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
}

// The mtime of `path` in the image's last layer (-1: not there).
qint64 mtimeIn(const QString &archive, const QByteArray &path)
{
    auto a = tst::analyze(archive);
    const int32_t id = a ? a->fs->find(path) : -1;
    const ll::FileEntry *e = id < 0 ? nullptr : a->fs->entryAfter(id, a->fs->layerCount() - 1);
    return e ? e->h.mtime : -1;
}

} // namespace

class TstBuildCopyFlags : public QObject {
    Q_OBJECT
    bt::Sandbox m_box;
    QTemporaryDir m_dir;
    qint64 m_epoch = 1700000000; // SOURCE_DATE_EPOCH of the next build
    QString ctx() const { return m_dir.filePath(QStringLiteral("ctx")); }
    QString archive() const { return m_dir.filePath(QStringLiteral("out.tar")); }

    bt::Run build(const QByteArray &dockerfile, const QStringList &args = {})
    {
        put(ctx() + QStringLiteral("/Dockerfile"), dockerfile);
        auto o = m_box.options(ctx());
        o.sourceDateEpoch = m_epoch;
        o.storeImage = false;
        o.outputs = {{ll::OutputFormat::OciArchive, archive()}};
        for (const QString &a : args)
            o.buildArgs.insert(a.section(QLatin1Char('='), 0, 0), a.section(QLatin1Char('='), 1));
        return bt::build(o);
    }
    // The paths the last step added, below `under`.
    QStringList added(const QString &under)
    {
        QStringList out;
        const auto layer = lastLayer(archive());
        for (auto it = layer.cbegin(); it != layer.cend(); ++it)
            if (it.key().startsWith(under + QLatin1Char('/')))
                out << it.key().mid(under.size() + 1);
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_box.init());
        for (const char *f : {"src/a.c", "src/b.log", "src/sub/c.log", "src/sub/d.c", "src/tmp/x", "src/tmp/keep.txt",
                              "home.txt", "homer.md", "x/a.txt", "y/b/c.txt", "p1/package.json", "p2/package.json", "p2/other.js",
                              "proj/abc/conf/f.json", "proj/xy/conf/g.json", "proj/xy/conf/h.txt", "<<A"})
            put(ctx() + QLatin1Char('/') + QLatin1String(f), QByteArray(f) + '\n');
        QVERIFY(QFile::setPermissions(ctx() + QStringLiteral("/y/b"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }

    void exclude_data()
    {
        QTest::addColumn<QByteArray>("instruction");
        QTest::addColumn<QString>("under");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("pattern below the source folder") << QByteArray("COPY --exclude=*.log --exclude=tmp src/ /app/") << QStringLiteral("app")
                                                         << QStringList{QStringLiteral("a.c"), QStringLiteral("sub"), QStringLiteral("sub/c.log"), QStringLiteral("sub/d.c")};
        QTest::newRow("** crosses folders") << QByteArray("COPY --exclude=**/*.log --exclude=tmp/x src/ /app/") << QStringLiteral("app")
                                            << QStringList{QStringLiteral("a.c"), QStringLiteral("sub"), QStringLiteral("sub/d.c"), QStringLiteral("tmp"), QStringLiteral("tmp/keep.txt")};
        QTest::newRow("! re-includes") << QByteArray("COPY --exclude=tmp --exclude=!tmp/keep.txt --exclude=sub src/ /app/") << QStringLiteral("app")
                                       << QStringList{QStringLiteral("a.c"), QStringLiteral("b.log"), QStringLiteral("tmp"), QStringLiteral("tmp/keep.txt")};
        QTest::newRow("wildcard matches by name") << QByteArray("COPY --exclude=*.md hom* /mydir/") << QStringLiteral("mydir") << QStringList{QStringLiteral("home.txt")};
        QTest::newRow("with --from") << QByteArray("COPY --from=files --exclude=*.c --exclude=tmp /files/ /app/") << QStringLiteral("app")
                                     << QStringList{QStringLiteral("b.log"), QStringLiteral("sub"), QStringLiteral("sub/c.log"), QStringLiteral("sub/d.c")};
    }
    void exclude()
    {
        QFETCH(QByteArray, instruction);
        QFETCH(QString, under);
        QFETCH(QStringList, expected);
        const auto r = build("FROM scratch AS files\nCOPY src/ /files/\nFROM scratch\n" + instruction + '\n');
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QCOMPARE(added(under), expected);
    }

    // An excluded file is not an input: changing it keeps the step cached; the pattern is.
    void excludeIsKeyed()
    {
        const QByteArray df = "FROM scratch\nCOPY --exclude=*.log src/ /app/\n";
        QVERIFY(build(df).result);
        put(ctx() + QStringLiteral("/src/b.log"), "changed log\n");
        const auto logOnly = build(df);
        QVERIFY2(logOnly.result, qPrintable(logOnly.error.toString()));
        QCOMPARE(logOnly.outcomes(), QStringList{QStringLiteral("CACHED")});
        put(ctx() + QStringLiteral("/src/a.c"), "changed source\n");
        const auto source = build(df);
        QCOMPARE(source.outcomes(), QStringList{QStringLiteral("DONE")});
        QVERIFY(source.result->steps.back().missReasons.join(QLatin1Char(' ')).contains(QLatin1String("src/a.c (modified)")));
        const auto pattern = build("FROM scratch\nCOPY --exclude=*.c src/ /app/\n");
        QCOMPARE(pattern.outcomes(), QStringList{QStringLiteral("DONE")});
        QVERIFY(pattern.result->steps.back().missReasons.join(QLatin1Char(' ')).contains(QLatin1String("instruction changed")));
        put(ctx() + QStringLiteral("/src/a.c"), "src/a.c\n");
        put(ctx() + QStringLiteral("/src/b.log"), "src/b.log\n");
    }

    void parents_data()
    {
        QTest::addColumn<QByteArray>("instruction");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("files keep their folders") << QByteArray("COPY --parents x/a.txt y/b/c.txt /dst/")
                                                  << QStringList{QStringLiteral("x"), QStringLiteral("x/a.txt"), QStringLiteral("y"), QStringLiteral("y/b"), QStringLiteral("y/b/c.txt")};
        QTest::newRow("wildcards") << QByteArray("COPY --parents */package.json /dst/")
                                   << QStringList{QStringLiteral("p1"), QStringLiteral("p1/package.json"), QStringLiteral("p2"), QStringLiteral("p2/package.json")};
        QTest::newRow("pivot") << QByteArray("COPY --parents y/./b/c.txt /dst/") << QStringList{QStringLiteral("b"), QStringLiteral("b/c.txt")};
        QTest::newRow("folder") << QByteArray("COPY --parents y/b /dst/") << QStringList{QStringLiteral("y"), QStringLiteral("y/b"), QStringLiteral("y/b/c.txt")};
        QTest::newRow("with --exclude") << QByteArray("COPY --parents --exclude=p2/*.js p2 /dst/") << QStringList{QStringLiteral("p2"), QStringLiteral("p2/package.json")};
        QTest::newRow("=false is plain") << QByteArray("COPY --parents=false x/a.txt y/b/c.txt /dst/") << QStringList{QStringLiteral("a.txt"), QStringLiteral("c.txt")};
        // A wildcard before the pivot names folders of any length: each match keeps its own
        // path below them (it was cut by the pattern's length: proj/abc/conf -> bc/conf).
        QTest::newRow("wildcard before the pivot") << QByteArray("COPY --parents proj/*/./conf/*.json /dst/")
                                                   << QStringList{QStringLiteral("conf"), QStringLiteral("conf/f.json"), QStringLiteral("conf/g.json")};
        QTest::newRow("** is any number of folders") << QByteArray("COPY --parents src/**/*.c /dst/")
                                                     << QStringList{QStringLiteral("src"), QStringLiteral("src/a.c"), QStringLiteral("src/sub"), QStringLiteral("src/sub/d.c")};
        QTest::newRow("** before the pivot") << QByteArray("COPY --parents ./**/./conf/*.txt /dst/") << QStringList{QStringLiteral("conf"), QStringLiteral("conf/h.txt")};
        QTest::newRow("** after the pivot") << QByteArray("COPY --parents ./src/./**/*.log /dst/")
                                            << QStringList{QStringLiteral("b.log"), QStringLiteral("sub"), QStringLiteral("sub/c.log")};
        QTest::newRow("** at the end") << QByteArray("COPY --parents y/** /dst/") << QStringList{QStringLiteral("y"), QStringLiteral("y/b"), QStringLiteral("y/b/c.txt")};
    }
    void parents()
    {
        QFETCH(QByteArray, instruction);
        QFETCH(QStringList, expected);
        const auto r = build("FROM scratch\n" + instruction + '\n');
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QCOMPARE(added(QStringLiteral("dst")), expected);
        const auto layer = lastLayer(archive());
        if (expected.contains(QStringLiteral("y/b"))) // a parent folder keeps its mode (owner 0:0 as COPY sets)
            QVERIFY2(bt::fields(layer.value(QStringLiteral("dst/y/b")), 2) == QLatin1String("drwx------ 0:0"), qPrintable(layer.value(QStringLiteral("dst/y/b"))));
    }

    void heredocs_data()
    {
        QTest::addColumn<QByteArray>("instruction");
        QTest::addColumn<Expected>("expected");
        auto row = [](const QByteArray &content, const char *mode = "-rw-r--r--") {
            return QStringLiteral("%1 0:0 %2  %3").arg(QLatin1String(mode)).arg(content.size()).arg(hashOf(content));
        };
        QTest::newRow("expanded") << QByteArray("COPY <<EOF /etc/greeting\nhello $NAME\nEOF\n")
                                  << Expected{{QStringLiteral("etc/greeting"), row("hello world\n")}};
        QTest::newRow("quoted delimiter") << QByteArray("COPY <<\"EOF\" /raw.txt\nhello $NAME\nEOF\n")
                                          << Expected{{QStringLiteral("raw.txt"), row("hello $NAME\n")}};
        QTest::newRow("two") << QByteArray("COPY <<one <<two /multi/\nfirst\none\nsecond\ntwo\n")
                             << Expected{{QStringLiteral("multi/one"), row("first\n")}, {QStringLiteral("multi/two"), row("second\n")}};
        QTest::newRow("<<- strips tabs") << QByteArray("COPY <<-EOF /tabs.txt\n\t\tindented\n\tEOF\n")
                                         << Expected{{QStringLiteral("tabs.txt"), row("indented\n")}};
        QTest::newRow("--chmod") << QByteArray("COPY --chmod=0755 <<EOF /run.sh\n#!/bin/sh\nEOF\n")
                                 << Expected{{QStringLiteral("run.sh"), row("#!/bin/sh\n", "-rwxr-xr-x")}};
        QTest::newRow("with a file") << QByteArray("COPY <<note.txt home.txt /mixed/\nnote\nnote.txt\n")
                                     << Expected{{QStringLiteral("mixed/note.txt"), row("note\n")}, {QStringLiteral("mixed/home.txt"), row("home.txt\n")}};
        QTest::newRow("ADD") << QByteArray("ADD <<EOF /added/\nadded\nEOF\n") << Expected{{QStringLiteral("added/EOF"), row("added\n")}};
        // An escaped marker is a file of the context: the body belongs to the real marker after it.
        QTest::newRow("escaped marker") << QByteArray("COPY \\<<A <<B /esc/\nbody\nB\n")
                                        << Expected{{QStringLiteral("esc/<<A"), row("<<A\n")}, {QStringLiteral("esc/B"), row("body\n")}};
    }
    void heredocs()
    {
        QFETCH(QByteArray, instruction);
        QFETCH(Expected, expected);
        const auto r = build("FROM scratch\nARG NAME\n" + instruction, {QStringLiteral("NAME=world")});
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        const auto layer = lastLayer(archive());
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QVERIFY2(layer.value(it.key()).startsWith(it.value()), qPrintable(it.key() + QStringLiteral(": ") + layer.value(it.key())));
    }

    // Without --parents a `**` match lands at the destination by its name, as `*` does.
    void doubleStarWithoutParents()
    {
        const auto r = build("FROM scratch\nCOPY src/**/*.log /logs/\n");
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QCOMPARE(added(QStringLiteral("logs")), (QStringList{QStringLiteral("b.log"), QStringLiteral("c.log")}));
    }

    void mistakesFailClearly_data()
    {
        QTest::addColumn<QByteArray>("instruction");
        QTest::addColumn<QString>("message");
        // The parser refuses most of these already; the builder checks them too (an ONBUILD
        // trigger or a flag value that expands to nothing reaches it unparsed).
        QTest::newRow("--parents=maybe") << QByteArray("COPY --parents=maybe x/a.txt /dst/\n") << QStringLiteral("flag --parents expects true or false, not \"maybe\"");
        QTest::newRow("--exclude= empty") << QByteArray("COPY --exclude= src/ /dst/\n") << QStringLiteral("missing a value on flag --exclude");
        QTest::newRow("--exclude= blank") << QByteArray("COPY --exclude=\" \" src/ /dst/\n") << QStringLiteral("COPY --exclude needs a pattern, e.g. --exclude=*.log");
        QTest::newRow("--exclude=$EMPTY") << QByteArray("ARG EMPTY\nCOPY --exclude=$EMPTY src/ /dst/\n") << QStringLiteral("COPY --exclude needs a pattern, e.g. --exclude=*.log");
        QTest::newRow("heredoc named a/b") << QByteArray("COPY <<a/b /dst/\nx\na/b\n") << QStringLiteral("COPY <<a/b: a here-document's name becomes a file name");
        QTest::newRow("unterminated heredoc") << QByteArray("COPY <<EOF /dst/\nnever closed\n") << QStringLiteral("heredoc <<EOF is not terminated");
        QTest::newRow("pivot then ..") << QByteArray("COPY --parents src/./../x/a.txt /dst/\n") << QStringLiteral("the path after \"/./\" leads above it");
    }
    void mistakesFailClearly()
    {
        QFETCH(QByteArray, instruction);
        QFETCH(QString, message);
        const auto r = build("FROM scratch\n" + instruction);
        QVERIFY(!r.result);
        QVERIFY2(r.error.message.contains(message), qPrintable(r.error.toString()));
    }

    // A here-document's file has SOURCE_DATE_EPOCH as its mtime (a future one too, which the
    // layer's clamping alone would not give: a file made now is older than it).
    void heredocMtimeIsSourceDateEpoch()
    {
        m_epoch = 2000000000;
        const auto r = build("FROM scratch\nCOPY <<EOF /stamped.txt\nx\nEOF\n");
        m_epoch = 1700000000;
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QCOMPARE(mtimeIn(archive(), "stamped.txt"), qint64(2000000000));
    }

    // Keyed by content: an unchanged rebuild is cached, a new build arg value the body uses misses.
    void heredocIsKeyedByContent()
    {
        const QByteArray df = "FROM scratch\nARG NAME\nCOPY <<EOF /greeting\nhello $NAME\nEOF\n";
        QVERIFY(build(df, {QStringLiteral("NAME=world")}).result);
        QCOMPARE(build(df, {QStringLiteral("NAME=world")}).outcomes(), QStringList{QStringLiteral("CACHED")});
        const auto changed = build(df, {QStringLiteral("NAME=moon")});
        QCOMPARE(changed.outcomes(), QStringList{QStringLiteral("DONE")});
        QVERIFY2(changed.result->steps.back().missReasons.join(QLatin1Char(' ')).contains(QLatin1String("<<EOF (modified)")),
                 qPrintable(changed.result->steps.back().missReasons.join(QLatin1Char(' '))));
        QVERIFY(lastLayer(archive()).value(QStringLiteral("greeting")).contains(hashOf("hello moon\n")));
    }
};

LL_BUILD_TEST_MAIN(TstBuildCopyFlags)
#include "tst_build_copyflags.moc"
