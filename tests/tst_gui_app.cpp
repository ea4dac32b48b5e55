// The `layerlens` program as a user starts it: its documented options through the real
// executable (QProcess), with no display (it must choose the offscreen platform itself for
// --screenshot, and answer --help/--version without one), asserting on exit codes, output and the
// picture it writes.
#include "testsupport.h"

#include <QDirIterator>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>

namespace {

using AppRun = tst::CliRun;

// No DISPLAY, no QT_QPA_PLATFORM: what a CI job or an ssh session has.
AppRun runApp(const QStringList &args, const QProcessEnvironment &extra = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    for (const QString &k : extra.keys())
        env.insert(k, extra.value(k));
    return tst::runProgram(QStringLiteral(LAYERLENS_APP_PATH), args, env, {}, 180000);
}

double meanLuminance(const QImage &img)
{
    double sum = 0;
    int n = 0;
    for (int y = 0; y < img.height(); y += 7)
        for (int x = 0; x < img.width(); x += 7, ++n)
            sum += qGray(img.pixel(x, y));
    return n ? sum / n : 0;
}

} // namespace

class TestGuiApp : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void helpAndVersionNeedNoDisplay();
    void screenshotPalettes();
    void imageAndPlatformChooseWhatOpens();
    void dockerfileAndBuild();
    void badOptions();

private:
    QTemporaryDir m_dir;
    QString m_two;      // two images
    QString m_platforms; // one index, two platforms
};

void TestGuiApp::initTestCase()
{
    QVERIFY(m_dir.isValid());

    const ll::BuiltImage small = tst::build(tst::specOf({ll::LayerBuilder().file("a.txt", "one\n").spec()}, QStringLiteral("demo/small:1")));
    const ll::BuiltImage tall = tst::build(
        tst::specOf({ll::LayerBuilder().file("a.txt", "one\n").spec(), ll::LayerBuilder().file("b.txt", "two\n").spec()}, QStringLiteral("demo/tall:2")));
    m_two = tst::writeImage(m_dir, QStringLiteral("two.tar"), {small, tall}, ll::OutputFormat::OciArchive);
    ll::ImageSpec amd = tst::specOf({ll::LayerBuilder().file("arch", "amd64\n").spec()}, QStringLiteral("demo/multi:1"));
    ll::ImageSpec arm = amd;
    arm.architecture = QStringLiteral("arm64");
    arm.layers = {ll::LayerBuilder().file("arch", "arm64\n").spec()};
    m_platforms = tst::writeImage(m_dir, QStringLiteral("multi.tar"), {tst::build(amd), tst::build(arm)}, ll::OutputFormat::OciArchive,
                                  ll::WriteOptions{true});
}

void TestGuiApp::helpAndVersionNeedNoDisplay()
{
    AppRun r = runApp({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("--screenshot")) && r.out.contains(QStringLiteral("--palette")), qPrintable(r.out + r.err));
    // The usage line names the program as typed by a user (the man page is made from this text).
    QVERIFY2(r.out.startsWith(QStringLiteral("Usage: layerlens [options] [IMAGE...]\n")), qPrintable(r.out));
    r = runApp({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("LayerLens ")) && r.out.section(QLatin1Char('\n'), 1, 1).startsWith(QStringLiteral("Qt ")), qPrintable(r.out + r.err));
    // The libraries that do the work and the optional parts this build has, as the CLI says them.
#ifdef LAYERLENS_HAVE_KSH
    QVERIFY2(r.out.contains(QStringLiteral("KSyntaxHighlighting: yes")), qPrintable(r.out));
#else
    QVERIFY2(r.out.contains(QStringLiteral("KSyntaxHighlighting: not built in")), qPrintable(r.out));
#endif
    const tst::CliRun cli = tst::runCli({QStringLiteral("--version")});
    QCOMPARE(cli.exitCode, 0);
    const QStringList libraries = cli.out.trimmed().split(QLatin1Char('\n')).mid(1);
    QCOMPARE(libraries.size(), 4);
    QVERIFY2(libraries[0].startsWith(QStringLiteral("Qt ")) && libraries[1].startsWith(QStringLiteral("libarchive ")) &&
                 libraries[2].startsWith(QStringLiteral("OpenSSL ")) && libraries[3].startsWith(QStringLiteral("ISA-L: ")),
             qPrintable(cli.out));
    QVERIFY2(libraries[0].contains(QString::fromLatin1(qVersion())), qPrintable(cli.out));
    for (const QString &line : libraries)
        QVERIFY2(r.out.contains(line), qPrintable(line));
}

// --screenshot FILE IMAGE with each --palette: a 1600×1000 PNG whose colours follow the palette.
void TestGuiApp::screenshotPalettes()
{
    double luminance[2] = {0, 0};
    const QStringList palettes = {QStringLiteral("dark"), QStringLiteral("light")};
    for (int i = 0; i < 2; ++i) {
        const QString png = m_dir.filePath(palettes[i] + QStringLiteral(".png"));
        const AppRun r = runApp({QStringLiteral("--screenshot"), png, QStringLiteral("--palette"), palettes[i], QStringLiteral("--layer"),
                                 QStringLiteral("2"), QStringLiteral("--image"), QStringLiteral("#2"), m_two});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("layerlens: wrote %1: ").arg(png)), qPrintable(r.out));
        const QImage img(png);
        QVERIFY(!img.isNull());
        QCOMPARE(img.size(), QSize(1600, 1000));
        luminance[i] = meanLuminance(img);
    }
    qInfo("mean luminance: dark %.0f, light %.0f", luminance[0], luminance[1]);
    QVERIFY(luminance[0] < 110);
    QVERIFY(luminance[1] > 170);
}

// --image picks one image of a multi-image archive, --platform one platform of an index; the
// window's title (printed with the screenshot) names what was opened.
void TestGuiApp::imageAndPlatformChooseWhatOpens()
{
    const QString png = m_dir.filePath(QStringLiteral("choice.png"));
    AppRun r = runApp({QStringLiteral("--screenshot"), png, QStringLiteral("--image"), QStringLiteral("demo/tall:2"), m_two});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral(": demo/tall:2")), qPrintable(r.out));
    r = runApp({QStringLiteral("--screenshot"), png, QStringLiteral("--platform"), QStringLiteral("linux/arm64"), m_platforms});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("[linux/arm64]")), qPrintable(r.out));
    r = runApp({QStringLiteral("--screenshot"), png, QStringLiteral("--platform"), QStringLiteral("linux/amd64"), m_platforms});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("[linux/amd64]")), qPrintable(r.out));
}

// --dockerfile FILE --build: the window builds it at start (COPY only: no runtime needed) and
// writes the image where the build settings say by default (the user's cache folder).
void TestGuiApp::dockerfileAndBuild()
{
    QTemporaryDir project;
    QVERIFY(project.isValid());
    QFile df(project.filePath(QStringLiteral("Dockerfile")));
    QVERIFY(df.open(QIODevice::WriteOnly));
    df.write("FROM scratch\nCOPY hello.txt /hello.txt\n");
    df.close();
    QFile hello(project.filePath(QStringLiteral("hello.txt")));
    QVERIFY(hello.open(QIODevice::WriteOnly));
    hello.write("hello from the window\n");
    hello.close();
    QTemporaryDir cache;
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_CACHE_HOME"), cache.path());
    const QString png = m_dir.filePath(QStringLiteral("build.png"));
    const AppRun r = runApp({QStringLiteral("--dockerfile"), df.fileName(), QStringLiteral("--build"), QStringLiteral("--screenshot"), png}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("nothing was built")), qPrintable(r.err));
    QVERIFY(QImage(png).size() == QSize(1600, 1000));
    QStringList built;
    QDirIterator it(cache.path(), {QStringLiteral("*.tar")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        built << it.next();
    QCOMPARE(built.size(), 1);
    auto a = tst::analyze(built.first());
    QVERIFY(a && a->allVerified());
    const ll::FileEntry *e = tst::entryAfter(*a, "hello.txt", a->fs->layerCount() - 1);
    QVERIFY(e);
    QCOMPARE(e->h.size, qint64(22));
    QVERIFY2(r.out.contains(QStringLiteral("layerlens: wrote %1: ").arg(png)), qPrintable(r.out));
}

void TestGuiApp::badOptions()
{
    AppRun r = runApp({QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("x.png")), QStringLiteral("--palette"), QStringLiteral("purple")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--palette takes dark, light or contrast")), qPrintable(r.err));
    r = runApp({QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("x.png")), QStringLiteral("--chapter"), QStringLiteral("8")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--chapter takes a number from 1 to 7")), qPrintable(r.err));
    r = runApp({QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("x.png")), QStringLiteral("a"), QStringLiteral("b")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--screenshot, --build, --layer, --select, --tab, --image and --compare take at most one IMAGE")), qPrintable(r.err));
    QProcessEnvironment offscreen;
    offscreen.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")); // no --screenshot to choose it
    for (const QString &option : {QStringLiteral("--layer"), QStringLiteral("--compare")}) {
        r = runApp({option, QStringLiteral("2"), QStringLiteral("a"), QStringLiteral("b")}, offscreen);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("take at most one IMAGE")), qPrintable(r.err));
    }
}

QTEST_MAIN(TestGuiApp)
#include "tst_gui_app.moc"
