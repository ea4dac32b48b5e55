// The small presentation helpers: instruction text, sizes, hex dumps, the reconstructed
// Dockerfile and single-file extraction used by the preview.
#include "testsupport.h"

#include "dockerfileview.h"
#include "filedetailspane.h"
#include "formatting.h"

#include "dockerfile/linter.h"
#include "dockerfile/parser.h"
#include "fstree/fileextract.h"
#include "image/instructiontext.h"
#include "sampleimage.h"

#include <QApplication>
#include <QStyle>
#include <QTemporaryDir>
#include <cmath>

class TestGuiFormatting : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void instruction_data();
    void instruction();
    void humanSize_data();
    void humanSize();
    void hexDump();
    void textDetection();
    void reconstructsDockerfile();
    void historyBuildArgs_data();
    void historyBuildArgs();
    void reconstructionLintsClean_data();
    void reconstructionLintsClean();
    void extractsFile();
    void changeColoursReadInBothPalettes_data();
    void changeColoursReadInBothPalettes();
};

void TestGuiFormatting::instruction_data()
{
    QTest::addColumn<QString>("createdBy");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nop") << QStringLiteral("/bin/sh -c #(nop)  CMD [\"/bin/sh\"]") << QStringLiteral("CMD [\"/bin/sh\"]");
    QTest::newRow("classic run") << QStringLiteral("/bin/sh -c apt-get update") << QStringLiteral("RUN apt-get update");
    QTest::newRow("buildkit run") << QStringLiteral("RUN /bin/sh -c make # buildkit") << QStringLiteral("RUN make");
    QTest::newRow("buildkit copy") << QStringLiteral("COPY app/ /app/ # buildkit") << QStringLiteral("COPY app/ /app/");
    QTest::newRow("plain") << QStringLiteral("ENV A=b") << QStringLiteral("ENV A=b");
    QTest::newRow("empty") << QString() << QString();
    // The classic builder's spellings (the features fixture, podman's docker-archive).
    QTest::newRow("build args, buildah") << QStringLiteral("|4 BUILD_NOTE=set via --build-arg VERSION=2.0.0 /bin/sh -c chmod 0755 /srv/run.sh")
                                         << QStringLiteral("RUN chmod 0755 /srv/run.sh");
    QTest::newRow("build args, buildkit") << QStringLiteral("RUN |1 A=b /bin/sh -c make # buildkit") << QStringLiteral("RUN make");
    QTest::newRow("build args, exec form") << QStringLiteral("|1 A=b echo hi") << QStringLiteral("RUN echo hi");
    QTest::newRow("expose go map") << QStringLiteral("/bin/sh -c #(nop)  EXPOSE map[443/tcp:{} 80/tcp:{}]") << QStringLiteral("EXPOSE 443/tcp 80/tcp");
    QTest::newRow("expose list") << QStringLiteral("/bin/sh -c #(nop) EXPOSE 8080/tcp 9090/udp 7000") << QStringLiteral("EXPOSE 8080/tcp 9090/udp 7000");
    QTest::newRow("copy in") << QStringLiteral("/bin/sh -c #(nop) COPY file:43c94e59 in /home/app/app.ini ") << QStringLiteral("COPY file:43c94e59 /home/app/app.ini");
    QTest::newRow("add dir in") << QStringLiteral("/bin/sh -c #(nop) ADD dir:c3f0 in ./ ") << QStringLiteral("ADD dir:c3f0 ./");
}

void TestGuiFormatting::instruction()
{
    QFETCH(QString, createdBy);
    QFETCH(QString, expected);
    QCOMPARE(gui::instructionText(createdBy), expected);
}

void TestGuiFormatting::humanSize_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown") << qint64(-1) << QStringLiteral("–");
    QTest::newRow("bytes") << qint64(999) << QStringLiteral("999 B");
    QTest::newRow("KiB") << qint64(2560) << QStringLiteral("2.5 KiB");
    QTest::newRow("MiB") << qint64(2202009) << QStringLiteral("2.1 MiB");
    QTest::newRow("big MiB") << qint64(300) * 1024 * 1024 << QStringLiteral("300 MiB");
}

void TestGuiFormatting::humanSize()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);
    QCOMPARE(gui::humanSize(bytes), expected);
}

void TestGuiFormatting::hexDump()
{
    const QByteArray data("\x7f" "ELF\x01\x02", 6);
    QCOMPARE(gui::FileDetailsPane::hexDump(data, 4096),
             QStringLiteral("00000000  7f 45 4c 46 01 02                                 |.ELF..|\n"));
    QCOMPARE(gui::FileDetailsPane::hexDump(QByteArray(100, 'a'), 32).count(QLatin1Char('\n')), 2);
}

void TestGuiFormatting::textDetection()
{
    QVERIFY(gui::FileDetailsPane::looksLikeText("hello\nwörld\n"));
    QVERIFY(!gui::FileDetailsPane::looksLikeText(QByteArray("a\0b", 3)));
    QVERIFY(!gui::FileDetailsPane::looksLikeText("\xff\xfe\x41"));
}

void TestGuiFormatting::reconstructsDockerfile()
{
    auto a = tst::analyze(tst::fixture(QStringLiteral("layers.docker.tar")));
    QVERIFY(a);
    const QString text = gui::DockerfileView::reconstruct(a->overview);
    QVERIFY(text.contains(QStringLiteral("RUN chmod 0755 /data/script.sh")));
    QVERIFY(text.trimmed().endsWith(QStringLiteral("CMD [\"/bin/sh\"]")));
    QVERIFY(text.contains(QStringLiteral("\\\n    && ")));
}

void TestGuiFormatting::historyBuildArgs_data()
{
    QTest::addColumn<QString>("createdBy");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("buildah counts words") << QStringLiteral("|4 BUILD_NOTE=set via --build-arg VERSION=2.0.0 /bin/sh -c x")
                                          << QStringList{QStringLiteral("BUILD_NOTE=set via --build-arg"), QStringLiteral("VERSION=2.0.0")};
    QTest::newRow("docker counts pairs") << QStringLiteral("|2 A=1 B=x=y /bin/sh -c x") << QStringList{QStringLiteral("A=1"), QStringLiteral("B=x=y")};
    QTest::newRow("buildkit") << QStringLiteral("RUN |1 A=b /bin/sh -c make # buildkit") << QStringList{QStringLiteral("A=b")};
    QTest::newRow("exec form") << QStringLiteral("|1 A=b echo hi") << QStringList{QStringLiteral("A=b")};
    QTest::newRow("none") << QStringLiteral("/bin/sh -c echo |2 A=1") << QStringList{};
}

void TestGuiFormatting::historyBuildArgs()
{
    QFETCH(QString, createdBy);
    QFETCH(QStringList, expected);
    QCOMPARE(ll::historyBuildArgs(createdBy), expected);
}

void TestGuiFormatting::reconstructionLintsClean_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &image : tst::fixtureImages())
        QTest::newRow(qPrintable(QFileInfo(image).fileName())) << image;
    auto sample = gui::writeSampleImage();
    QVERIFY(sample.ok());
    QTest::newRow("sample") << sample.value();
    // What the classic builder and BuildKit print with Go's formatting, and build arguments a
    // Dockerfile line cannot spell.
    static QTemporaryDir dir;
    ll::ImageSpec spec = tst::specOf({ll::LayerBuilder().file("a", "a\n").spec()}, QStringLiteral("odd/history:1"));
    spec.steps = {{QStringLiteral("/bin/sh -c #(nop) ADD file:abc in / "), {}, 0},
                  {QStringLiteral("/bin/sh -c #(nop)  SHELL [/bin/bash -o pipefail -c]"), {}, -1},
                  {QStringLiteral("HEALTHCHECK &{[\"CMD-SHELL\" \"curl -f http://localhost/\"] \"30s\" \"3s\" \"0s\" '\\x00'}"), {}, -1},
                  {QStringLiteral("|2 Q=\"quoted\\\" $HOME\nnext NOPE /bin/sh -c true"), {}, -1},
                  {QStringLiteral("|1 weird /bin/sh -c true"), {}, -1},
                  {QStringLiteral("/bin/sh -c #(nop)  CMD [\"a\" \"b\"]"), {}, -1}};
    QTest::newRow("odd history") << tst::writeImage(dir, QStringLiteral("odd.tar"), {tst::build(spec)}, ll::OutputFormat::OciArchive);
}

// The window's own linter finds no error in the window's own reconstruction: it starts FROM
// scratch (the history holds the base's steps too), and every line is Dockerfile text.
void TestGuiFormatting::reconstructionLintsClean()
{
    QFETCH(QString, path);
    auto a = tst::analyze(path);
    QVERIFY(a);
    const QString text = gui::DockerfileView::reconstruct(a->overview);
    QStringList code;
    for (const QString &line : text.split(QLatin1Char('\n')))
        if (!line.startsWith(QLatin1Char('#')) && !line.trimmed().isEmpty())
            code << line;
    QVERIFY(!code.isEmpty());
    QCOMPARE(code.first(), QStringLiteral("FROM scratch"));
    const QVector<ll::df::Diagnostic> found = ll::df::Linter::lint(ll::df::Parser::parse(text));
    QStringList errors;
    for (const ll::df::Diagnostic &d : found)
        if (d.severity == ll::df::Severity::Error)
            errors << QStringLiteral("line %1: %2 %3").arg(d.range.start.line).arg(d.rule, d.message);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n')) + QStringLiteral("\n") + text));
    if (QFileInfo(path).fileName() == QLatin1String("odd.tar")) {
        QVERIFY2(text.contains(QStringLiteral("# step 2 as recorded (not Dockerfile syntax): SHELL [/bin/bash -o pipefail -c]")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("# build argument Q (a value of several lines)")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("ARG weird")), qPrintable(text));
    }
    if (QFileInfo(path).fileName().startsWith(QLatin1String("features-docker"))) {
        // Build arguments a RUN saw become ARG lines before it; the classic builder's EXPOSE
        // and COPY spellings become Dockerfile text.
        QVERIFY2(text.contains(QStringLiteral("ARG BUILD_NOTE=\"set via --build-arg\"\nARG VERSION=2.0.0\nRUN echo")), qPrintable(text));
        QCOMPARE(text.count(QStringLiteral("ARG VERSION=2.0.0")), 1);
        QVERIFY(text.contains(QStringLiteral("\nEXPOSE 8080/tcp 9090/udp 7000\n")));
        QVERIFY(text.contains(QStringLiteral("\nCOPY file:43c94e5927e2b95f06e3d7556a0d213868e8c4300c8a181db72c04cbb4608735 /home/app/app.ini\n")));
    }
}

void TestGuiFormatting::extractsFile()
{
    auto a = tst::analyze(tst::fixture(QStringLiteral("layers.oci.tar"))); // gzip layers
    QVERIFY(a);
    const ll::ImageOverview &ov = a->overview;
    auto region = ov.source->region(ov.layers[7].blob.member);
    QVERIFY(region.ok());
    auto f = ll::extractLayerFile(region.value(), "data/script.sh", 1024, ll::nullTaskContext());
    QVERIFY2(f.ok(), qPrintable(f.ok() ? QString() : f.error().toString()));
    QCOMPARE(f->data, QByteArray("#!/bin/sh\necho script\n"));
    auto cut = ll::extractLayerFile(region.value(), "data/script.sh", 4, ll::nullTaskContext());
    QVERIFY(cut.ok() && cut->truncated());
    QCOMPARE(cut->data, QByteArray("#!/b"));
    auto missing = ll::extractLayerFile(region.value(), "no/such/file", 1024, ll::nullTaskContext());
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ll::ErrorCode::NotFound);
    // A hard link in layer 7 is followed to its target in the same layer.
    auto links = ov.source->region(ov.layers[6].blob.member);
    auto hl = ll::extractLayerFile(links.value(), "data/hl-dst1", 1024, ll::nullTaskContext());
    QVERIFY2(hl.ok(), qPrintable(hl.ok() ? QString() : hl.error().toString()));
    QCOMPARE(hl->data, QByteArray("linked\n"));
}

// WCAG relative luminance and contrast ratio: 3:1 is the floor for large or bold text.
static double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

static double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void TestGuiFormatting::changeColoursReadInBothPalettes_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark (--palette dark)") << true;
}

void TestGuiFormatting::changeColoursReadInBothPalettes()
{
    QFETCH(bool, dark);
    const QPalette palette = dark ? gui::darkPalette() : QApplication::style()->standardPalette();
    QCOMPARE(gui::isDarkPalette(palette), dark);
    const QColor base = palette.color(QPalette::Base);
    for (ll::Change c : {ll::Change::Added, ll::Change::Modified, ll::Change::AttrsOnly, ll::Change::Removed}) {
        const double ratio = contrast(gui::changeColor(c, palette), base);
        QVERIFY2(ratio >= 3.0, qPrintable(QStringLiteral("%1 on the %2 base: contrast %3")
                                              .arg(ll::changeName(c), dark ? QStringLiteral("dark") : QStringLiteral("light")).arg(ratio)));
    }
    QVERIFY(contrast(palette.color(QPalette::Text), base) >= 7.0);
}

QTEST_MAIN(TestGuiFormatting)
#include "tst_gui_formatting.moc"
