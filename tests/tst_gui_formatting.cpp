// The small presentation helpers: instruction text, sizes, hex dumps, the reconstructed
// Dockerfile and single-file extraction used by the preview.
#include "testsupport.h"

#include "dockerfileview.h"
#include "filedetailspane.h"
#include "formatting.h"

#include "fstree/fileextract.h"

#include <QApplication>
#include <QStyle>
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
