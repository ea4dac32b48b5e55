// Docker's .dockerignore matching (moby/patternmatcher semantics).
#include "dockerfile/dockerignore.h"

#include <QFile>
#include <QTest>

using namespace ll::df;

class TestDockerignore : public QObject {
    Q_OBJECT

private slots:
    void cleanPath_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        const char *rows[][2] = {
            {"", "."}, {".", "."}, {"./a", "a"}, {"a//b/", "a/b"}, {"a/./b", "a/b"}, {"a/../b", "b"},
            {"../a", "../a"}, {"a/../../b", "../b"}, {"/../a", "/a"}, {"/", "/"}, {"//a", "/a"},
        };
        for (const auto &r : rows)
            QTest::newRow(r[0][0] ? r[0] : "empty") << QString::fromLatin1(r[0]) << QString::fromLatin1(r[1]);
    }

    void cleanPath()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(DockerIgnore::cleanPath(in), out);
    }

    void matching_data()
    {
        QTest::addColumn<QString>("patterns");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("excluded");
        auto row = [](const char *name, const char *patterns, const char *path, bool excluded) {
            QTest::newRow(name) << QString::fromLatin1(patterns) << QString::fromLatin1(path) << excluded;
        };
        row("exact", "a.txt", "a.txt", true);
        row("exact-other", "a.txt", "b.txt", false);
        row("star-no-slash", "*.log", "x.log", true);
        row("star-not-deeper", "*.log", "dir/x.log", false);
        row("doublestar-any-depth", "**/*.log", "a/b/c/x.log", true);
        row("doublestar-zero-dirs", "**/*.log", "x.log", true);
        row("doublestar-middle", "a/**/z", "a/b/c/z", true);
        row("doublestar-middle-zero", "a/**/z", "a/z", true);
        row("doublestar-end", "a/**", "a/b/c", true);
        row("question", "file?.txt", "file1.txt", true);
        row("question-no-slash", "a?b", "a/b", false);
        row("class", "file[0-9].txt", "file7.txt", true);
        row("class-negated", "file[^0-9].txt", "file7.txt", false);
        row("parent-dir-excludes-children", "build", "build/out/x.o", true);
        row("leading-slash-stripped", "/secret", "secret/key", true);
        row("leading-dot-slash", "./secret", "secret", true);
        row("path-cleaned", "a/../b", "b", true);
        row("query-path-cleaned", "secret", "./x/../secret", true);
        row("exception", "*.md\n!README.md", "README.md", false);
        row("exception-other", "*.md\n!README.md", "NOTES.md", true);
        row("last-match-wins", "!keep\nkeep", "keep", true);
        row("exception-then-exclude", "dir\n!dir/keep\ndir/keep/x", "dir/keep/x", true);
        row("exception-inside-excluded-dir", "dir\n!dir/keep", "dir/keep", false);
        row("exception-child", "dir\n!dir/keep", "dir/keep/file", false);
        row("comments-and-blanks", "# secret\n\n   \n", "secret", false);
        row("blanks-trimmed", "  secret  ", "secret", true);
        row("escaped-star", "a\\*b", "a*b", true);
        row("escaped-star-literal", "a\\*b", "axb", false);
        row("regex-chars-literal", "a+b(c).txt", "a+b(c).txt", true);
        row("dot-is-literal", "a.b", "axb", false);
        row("crlf", "secret\r\n", "secret", true);
    }

    void matching()
    {
        QFETCH(QString, patterns);
        QFETCH(QString, path);
        QFETCH(bool, excluded);
        QCOMPARE(DockerIgnore::fromText(patterns).isExcluded(path), excluded);
    }

    void patternsAreCleaned()
    {
        const DockerIgnore d = DockerIgnore::fromText(QStringLiteral("# c\n./a//b/\n!/c\n/\n!\n"));
        QCOMPARE(d.patterns(), (QStringList{QStringLiteral("a/b"), QStringLiteral("!c"), QStringLiteral("/")}));
        QVERIFY(d.hasExceptions());
        QVERIFY(!DockerIgnore(QStringList{QStringLiteral("x")}).hasExceptions());
        QVERIFY(DockerIgnore().isEmpty());
        QVERIFY(!DockerIgnore().isExcluded(QStringLiteral("anything")));
    }

    void fixtureContext()
    {
        // The real .dockerignore of the busybox-features fixture and the files beside it.
        QFile f(QStringLiteral(LAYERLENS_FIXTURES_DIR "/dockerfiles/busybox-features/.dockerignore"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const DockerIgnore d = DockerIgnore::fromText(QString::fromUtf8(f.readAll()));
        const QStringList excluded{QStringLiteral("app/debug.log"), QStringLiteral("app/logs/trace.log"),
                                   QStringLiteral("app/secret/key.pem"), QStringLiteral("app/build/out.o"),
                                   QStringLiteral("app/NOTES.md"), QStringLiteral("app/tmp-scratch")};
        const QStringList kept{QStringLiteral("app/build/keep.txt"), QStringLiteral("app/README.md"),
                               QStringLiteral("app/conf/app.ini"), QStringLiteral("app/bin/run.sh"),
                               QStringLiteral("notes.txt"), QStringLiteral("Dockerfile")};
        for (const QString &p : excluded)
            QVERIFY2(d.isExcluded(p), qPrintable(p));
        for (const QString &p : kept)
            QVERIFY2(!d.isExcluded(p), qPrintable(p));
    }
};

QTEST_GUILESS_MAIN(TestDockerignore)
#include "tst_dockerignore.moc"
