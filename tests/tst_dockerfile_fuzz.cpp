// Random mutation of the Dockerfile corpus: the parser, the expander, the build plan and the
// linter must never crash or hang, and every range they give must lie inside the text.
#include "dockerfile/buildplan.h"
#include "dockerfile/linter.h"
#include "dockerfile/parser.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace ll::df;

namespace {

QStringList corpus()
{
    QStringList texts;
    const QStringList dirs{QStringLiteral(LAYERLENS_SOURCE_DIR "/tests/data/dockerfiles")};
    for (const QString &dir : dirs) {
        for (const QFileInfo &fi : QDir(dir).entryInfoList({QStringLiteral("*.Dockerfile")}, QDir::Files)) {
            QFile f(fi.absoluteFilePath());
            if (f.open(QIODevice::ReadOnly))
                texts << QString::fromUtf8(f.readAll());
        }
    }
    for (const QFileInfo &fi : QDir(QStringLiteral(LAYERLENS_FIXTURES_DIR "/dockerfiles")).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(fi.absoluteFilePath() + QStringLiteral("/Dockerfile"));
        if (f.open(QIODevice::ReadOnly))
            texts << QString::fromUtf8(f.readAll());
    }
    return texts;
}

// Pieces that matter to the grammar, so mutations hit the interesting paths.
const QStringList kPieces{
    QStringLiteral("\\"), QStringLiteral("`"), QStringLiteral("\""), QStringLiteral("'"), QStringLiteral("$"),
    QStringLiteral("${"), QStringLiteral("}"), QStringLiteral("["), QStringLiteral("]"), QStringLiteral("<<"),
    QStringLiteral("<<-EOF"), QStringLiteral("\n"), QStringLiteral("\r\n"), QStringLiteral("#"), QStringLiteral("="),
    QStringLiteral("--"), QStringLiteral("--from="), QStringLiteral(" "), QStringLiteral("\t"), QStringLiteral("\\\n"),
    QStringLiteral("\nEOF\n"), QStringLiteral("# escape=`\n"), QStringLiteral("FROM "), QStringLiteral("ONBUILD "),
    QStringLiteral("${X:-"), QStringLiteral(":"), QString(QChar(0)), QString(QChar(0xFEFF)), QStringLiteral("ü"),
};

QString mutate(QString text, QRandomGenerator &rng)
{
    const int edits = 1 + int(rng.bounded(4));
    for (int e = 0; e < edits; ++e) {
        const int at = text.isEmpty() ? 0 : int(rng.bounded(quint32(text.size() + 1)));
        switch (rng.bounded(4)) {
        case 0:
            text.insert(at, kPieces[int(rng.bounded(quint32(kPieces.size())))]);
            break;
        case 1:
            text.remove(at, int(rng.bounded(20)));
            break;
        case 2: { // duplicate a slice
            const int len = int(rng.bounded(40));
            text.insert(at, text.mid(int(rng.bounded(quint32(text.size() + 1))), len));
            break;
        }
        default:
            if (at < text.size())
                text[at] = QChar(ushort(rng.bounded(32, 127)));
            break;
        }
    }
    return text;
}

bool inside(const Range &r, int lines)
{
    if (!r.isValid())
        return true; // "no position" is allowed, a wrong one is not
    return r.start.line <= lines + 1 && r.end.line <= lines + 1 && !(r.end < r.start);
}

} // namespace

class TestDockerfileFuzz : public QObject {
    Q_OBJECT

private slots:
    void corpusIsThere()
    {
        QVERIFY(corpus().size() >= 5);
    }

    void mutationsNeverCrashOrHang()
    {
        const QStringList texts = corpus();
        QRandomGenerator rng(20240126);
        int done = 0;
        // Every input runs (ctest's timeout is the guard against a hang); the per-input bound
        // below is a hang guard too, a hundred times what the slowest input takes under ASan.
        for (; done < 2000; ++done) {
            const QString text = mutate(texts[int(rng.bounded(quint32(texts.size())))], rng);
            QElapsedTimer one;
            one.start();
            const Dockerfile df = Parser::parse(text);
            const QVector<Diagnostic> diagnostics = Linter::lint(df);
            PlanOptions options;
            options.buildArgs.insert(QStringLiteral("X"), QStringLiteral("1"));
            (void)makeBuildPlan(df, options);
            QVERIFY2(one.elapsed() < 10000, qPrintable(QStringLiteral("an input that hangs the parser:\n") + text));
            const int lines = int(text.count(QLatin1Char('\n'))) + 1;
            for (const Instruction &ins : df.instructions)
                QVERIFY2(inside(ins.range, lines) && inside(ins.keywordRange, lines), qPrintable(text));
            for (const Diagnostic &d : diagnostics)
                QVERIFY2(inside(d.range, lines) && !d.rule.isEmpty(), qPrintable(text));
        }
        QCOMPARE(done, 2000);
    }

    void pathologicalInputs()
    {
        // Long lines, deep continuations, many heredocs, unbalanced quotes and braces.
        const QStringList inputs{
            QStringLiteral("FROM a\nRUN ") + QString(50000, QLatin1Char('x')),
            QStringLiteral("FROM a\nRUN a") + QStringLiteral(" \\\n b").repeated(5000),
            QStringLiteral("FROM a\nRUN") + QStringLiteral(" <<E").repeated(500) + QStringLiteral("\n"),
            QStringLiteral("FROM a\nENV A=\"") + QString(10000, QLatin1Char('\'')),
            QStringLiteral("FROM ${") + QString(10000, QLatin1Char('{')),
            QStringLiteral("\\\n").repeated(1000),
            QString(),
            QStringLiteral("\n\n\n"),
            QStringLiteral("# escape=`\n`\n`"),
        };
        for (const QString &text : inputs) {
            QElapsedTimer t;
            t.start();
            const Dockerfile df = Parser::parse(text);
            (void)Linter::lint(df);
            QVERIFY(t.elapsed() < 30000); // a hang guard: a quadratic parser takes minutes on these
        }
    }
};

QTEST_GUILESS_MAIN(TestDockerfileFuzz)
#include "tst_dockerfile_fuzz.moc"
