// layerlens: the desktop program. Parses the command line, opens the window, and for
// --screenshot renders it offscreen once loading has finished.
#include "common/buildinfo.h"
#include "filetreepane.h"
#include "imageloader.h"
#include "comparedialog.h"
#include "lessonpanel.h"
#include "common/language.h"
#include "formatting.h"
#include "mainwindow.h"

#include "builder/buildworkspace.h"
#include "builder/usernamespace.h"
#include "editor/dockerfileeditorpane.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTabWidget>
#include <QStyle>
#include <QStyleFactory>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace {

struct Options {
    QString image;
    QStringList moreImages; // from a file manager's selection (the .desktop entry's %F): one window each
    ll::ImageSelector selector;
    QString screenshot;
    int layer = -1;
    QString select;
    int tab = -1;
    QString dockerfile;
    QString palette;
    QString language;
    bool build = false;
    QString compare; // --compare: File › Compare with this image once loaded
    int chapter = -1; // --lesson / --chapter: the lesson panel open on this chapter (0-based)
    bool present = false;
};

void addOptions(QCommandLineParser &p)
{
    p.setApplicationDescription(QStringLiteral("Inspect container images layer by layer."));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("A docker save or OCI archive, an OCI layout folder (or its oci-layout file), or an image name "
                                                                    "(python:3.12-slim, docker://…, docker-daemon:…, podman:…). Without it, the built-in sample "
                                                                    "opens; with several, each opens in a window of its own."),
                            QStringLiteral("[IMAGE...]"));
    p.addOption({QStringLiteral("image"), QStringLiteral("Which image of a multi-image archive (name, tag, digest prefix or #N)."), QStringLiteral("REF")});
    p.addOption({QStringLiteral("platform"), QStringLiteral("Which platform of a multi-platform index, e.g. linux/arm64 (Qt's window-system "
                                                            "plugin is chosen with the single-dash -platform)."), QStringLiteral("P")});
    p.addOption({QStringLiteral("screenshot"), QStringLiteral("Render the window offscreen once loaded, save it as PNG to FILE and exit."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("layer"), QStringLiteral("Select layer N (1-based) once loaded."), QStringLiteral("N")});
    p.addOption({QStringLiteral("select"), QStringLiteral("Select PATH in the file tree once loaded."), QStringLiteral("PATH")});
    p.addOption({QStringLiteral("tab"), QStringLiteral("Show tab N (1: Files, 2: Config, 3: Efficiency, 4: Anatomy, 5: Dockerfile, 6: Sizes)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("dockerfile"), QStringLiteral("Open FILE in the Dockerfile tab (editor)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("language"), QStringLiteral("Words and numbers in this language: \"en\" or \"fr\", for this run "
                                                            "(default: View › Language, else the system's)."), QStringLiteral("CODE")});
    p.addOption({QStringLiteral("palette"), QStringLiteral("Colours: \"dark\", \"light\" or \"contrast\" (black on white, as Presentation Mode uses; default: the desktop's)."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("present"), QStringLiteral("Start in Presentation Mode (F11): full screen, large text, high contrast.")});
    p.addOption({QStringLiteral("compare"), QStringLiteral("Compare the image with IMAGE once loaded (File › Compare: the layers they share, "
                                                           "drawn, and the files that differ)."), QStringLiteral("IMAGE")});
    p.addOption({QStringLiteral("lesson"), QStringLiteral("Open the lesson beside the image (Help › Lesson).")});
    p.addOption({QStringLiteral("chapter"), QStringLiteral("Open the lesson on chapter N (1 to 7)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("build"), QStringLiteral("Build the Dockerfile in the editor (--dockerfile, else the sample project) at start; "
                                                         "with --screenshot, the picture shows the finished build and its image.")});
}

bool parseOptions(QApplication &app, Options &o)
{
    QCommandLineParser p;
    addOptions(p);
    p.process(app);
    o.moreImages = p.positionalArguments();
    o.image = o.moreImages.isEmpty() ? QString() : o.moreImages.takeFirst();
    o.selector = ll::ImageSelector{p.value(QStringLiteral("image")), o.selector.platform};
    o.screenshot = p.value(QStringLiteral("screenshot"));
    o.layer = p.isSet(QStringLiteral("layer")) ? p.value(QStringLiteral("layer")).toInt() - 1 : -1;
    o.select = p.value(QStringLiteral("select"));
    o.tab = p.isSet(QStringLiteral("tab")) ? p.value(QStringLiteral("tab")).toInt() - 1 : -1;
    o.dockerfile = p.value(QStringLiteral("dockerfile"));
    o.palette = p.value(QStringLiteral("palette"));
    o.build = p.isSet(QStringLiteral("build"));
    o.language = p.value(QStringLiteral("language"));
    o.present = p.isSet(QStringLiteral("present"));
    o.compare = p.value(QStringLiteral("compare"));
    if (p.isSet(QStringLiteral("chapter"))) {
        bool ok = false;
        o.chapter = p.value(QStringLiteral("chapter")).toInt(&ok) - 1;
        if (!ok || o.chapter < 0 || o.chapter >= gui::lesson::chapterCount()) {
            std::fprintf(stderr, "layerlens: --chapter takes a number from 1 to %d\n", gui::lesson::chapterCount());
            return false;
        }
    } else if (p.isSet(QStringLiteral("lesson"))) {
        o.chapter = 0;
    }
    if (!o.language.isEmpty() && !ll::language::available().contains(o.language)) {
        std::fprintf(stderr, "layerlens: --language takes one of: %s\n", qPrintable(ll::language::available().join(QStringLiteral(", "))));
        return false;
    }
    // Options that choose within one image (or one window) would not be known to apply to which.
    if (!o.moreImages.isEmpty() && (!o.screenshot.isEmpty() || o.build || o.layer >= 0 || !o.select.isEmpty() || o.tab >= 0
                                    || !o.selector.ref.isEmpty() || !o.compare.isEmpty())) {
        std::fprintf(stderr, "layerlens: --screenshot, --build, --layer, --select, --tab, --image and --compare take at most one IMAGE\n");
        return false;
    }
    if (!o.palette.isEmpty() && o.palette != QLatin1String("dark") && o.palette != QLatin1String("light") && o.palette != QLatin1String("contrast")) {
        std::fprintf(stderr, "layerlens: --palette takes dark, light or contrast\n");
        return false;
    }
    return true;
}

// Applies --layer, --select and --tab once an image has loaded, then takes the --screenshot.
void showLoaded(gui::MainWindow &window, const Options &o)
{
    if (o.layer >= 0)
        window.selectLayer(o.layer);
    if (!o.select.isEmpty())
        window.treePane()->selectPath(o.select);
    if (o.tab >= 0)
        window.tabs()->setCurrentIndex(o.tab);
    else if (!o.dockerfile.isEmpty() || o.build)
        window.tabs()->setCurrentWidget(window.editorPane());
    if (o.screenshot.isEmpty())
        return;
    // Let the tree arrive (built on a worker for big images), the preview job and the layouts
    // settle before grabbing.
    auto *poll = new QTimer(&window);
    auto waited = std::make_shared<int>(0);
    QObject::connect(poll, &QTimer::timeout, &window, [&window, &o, poll, waited] {
        const bool lessonWaits = window.lessonPanel() && !window.lessonPanel()->isSettled();
        if ((window.treePane()->model()->isBuilding() || lessonWaits) && ++*waited < 600) // 30 s at most
            return;
        poll->stop();
        poll->deleteLater();
        QTimer::singleShot(600, &window, [&window, &o] {
            const bool ok = window.grab().save(o.screenshot, "PNG");
            if (!ok)
                std::fprintf(stderr, "layerlens: could not write %s\n", qPrintable(o.screenshot));
            else // what the picture shows, for scripts and for the tests
                std::printf("layerlens: wrote %s: %s\n", qPrintable(o.screenshot), qPrintable(window.windowTitle()));
            QApplication::exit(ok ? 0 : 1);
        });
    });
    poll->start(50);
}

} // namespace

// --help and --version need no window system: answered before QApplication (which aborts without
// a display). --screenshot renders offscreen by itself when there is no display to use.
bool takesValue(const QByteArray &option)
{
    static const QList<QByteArray> withValue = {"--image", "--platform", "--screenshot", "--layer", "--select", "--tab", "--dockerfile", "--palette", "--language", "--chapter", "--compare"};
    return withValue.contains(option);
}

bool wantsOnlyText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--")
            return false; // what follows is an IMAGE, whatever it looks like
        if (takesValue(a)) {
            ++i; // a value, not an option
            continue;
        }
        if (a == "--help" || a == "-h" || a == "--help-all" || a == "--version" || a == "-v")
            return true;
    }
    return false;
}

void chooseOffscreenForScreenshots(int argc, char *argv[])
{
    const bool screenshot = std::any_of(argv + 1, argv + argc, [](const char *a) {
        return QByteArray(a) == "--screenshot" || QByteArray(a).startsWith("--screenshot=");
    });
    if (screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

// Qt's own `-platform`/`--platform` picks the window system plugin, and QApplication takes it
// before any parser sees it ("--platform linux/arm64" aborted, looking for a plugin of that name).
// LayerLens's --platform (the image's platform, as in layerlens-cli) is taken out first.
// Qt's single-dash -platform still picks the window system. False when --platform lacks its value.
bool takeImagePlatform(int &argc, char *argv[], QString &platform)
{
    int out = 1;
    bool ok = true;
    bool rest = false; // after "--": IMAGE arguments, passed through untouched
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (!rest && a == "--") {
            rest = true;
        } else if (!rest && a == "--platform") {
            if (i + 1 >= argc) {
                ok = false;
                continue;
            }
            platform = QString::fromLocal8Bit(argv[++i]);
            continue;
        } else if (!rest && a.startsWith("--platform=")) {
            platform = QString::fromLocal8Bit(a.mid(int(qstrlen("--platform="))));
            continue;
        } else if (!rest && takesValue(a) && i + 1 < argc) {
            argv[out++] = argv[i++]; // the option; its value is copied below, whatever it is
        }
        argv[out++] = argv[i];
    }
    argc = out;
    argv[argc] = nullptr;
    return ok;
}

int main(int argc, char *argv[])
{
    if (wantsOnlyText(argc, argv)) {
        // Qt's usage line names argv[0] as typed ("./build/src/app/layerlens"); the help and the
        // man page made from it name the program as a user types it.
        char programName[] = "layerlens";
        argv[0] = programName;
        QCoreApplication core(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("LayerLens"));
        // --version says the libraries and which optional parts this build has.
#ifdef LAYERLENS_HAVE_KSH
        const QString ksh = QStringLiteral("KSyntaxHighlighting: yes (the Dockerfile editor highlights through it)");
#else
        const QString ksh = QStringLiteral("KSyntaxHighlighting: not built in (the Dockerfile editor's own highlighter)");
#endif
        QCoreApplication::setApplicationVersion(QStringLiteral(LAYERLENS_VERSION "\n") + ll::buildDetails() + QLatin1Char('\n') + ksh);
        QCommandLineParser p;
        addOptions(p);
        p.process(core); // prints and exits
        return 0;
    }
    // Before any thread exists: the window's Build, not run as root, works as root of a user
    // namespace that maps the user's subordinate ids (usernamespace.h).
    ll::build::enterBuildUserNamespace();
    chooseOffscreenForScreenshots(argc, argv);
    QString imagePlatform;
    if (!takeImagePlatform(argc, argv, imagePlatform)) {
        std::fprintf(stderr, "layerlens: --platform needs a value, e.g. --platform linux/arm64\n");
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("LayerLens"));
    QApplication::setOrganizationName(QStringLiteral("LayerLens"));
    QApplication::setApplicationVersion(QStringLiteral(LAYERLENS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.layerlens.LayerLens")); // packaging/*.desktop
    Options o;
    o.selector.platform = imagePlatform;
    if (!parseOptions(app, o))
        return 2;
    if (!o.palette.isEmpty()) {
        // Fusion draws with the palette alone, so both schemes look as designed on any desktop.
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(o.palette == QLatin1String("dark")       ? gui::darkPalette()
                                 : o.palette == QLatin1String("contrast") ? gui::highContrastPalette()
                                                                          : QApplication::style()->standardPalette());
    }
    ll::language::apply(ll::language::resolve(o.language.isEmpty() ? ll::language::chosen() : o.language));
    const bool firstStart = gui::MainWindow::isFirstStart(); // before this run adds a recent file
    // On the heap: View › Language replaces a window with one made in the new language.
    auto *first = new gui::MainWindow;
    first->setAttribute(Qt::WA_DeleteOnClose);
    gui::MainWindow &window = *first;
    if (!o.screenshot.isEmpty())
        window.resize(1600, 1000);
    window.show();
    if (!o.dockerfile.isEmpty() && !window.openDockerfile(o.dockerfile))
        std::fprintf(stderr, "layerlens: could not open %s\n", qPrintable(o.dockerfile));
    // The first start (and --build without a Dockerfile) shows the sample project, ready to build.
    const bool sampleProject = o.image.isEmpty() && o.dockerfile.isEmpty() && (firstStart || o.build);
    if (sampleProject)
        window.openSampleProject();
    if (o.chapter >= 0)
        window.openLesson(o.chapter);
    if (o.present)
        window.setPresenting(true);
    auto waitingForBuild = std::make_shared<bool>(o.build);
    QObject::connect(window.loader(), &gui::ImageLoader::finished, &window, [&window, &o, waitingForBuild] {
        if (!*waitingForBuild)
            showLoaded(window, o);
    });
    if (!o.compare.isEmpty()) {
        // Once, on the first image: a later File › Open is not compared again (nor B read again).
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = QObject::connect(window.loader(), &gui::ImageLoader::finished, &window, [&window, &o, once, waitingForBuild] {
            if (*waitingForBuild)
                return;
            QObject::disconnect(*once);
            if (gui::CompareDialog *compare = window.openCompare())
                compare->compareWith(o.compare);
        });
    }
    if (o.build) {
        QObject::connect(window.buildWorkspace(), &gui::BuildWorkspace::buildFinished, &window, [&window, &o, waitingForBuild](bool ok) {
            *waitingForBuild = false;
            if (!ok) // no image will load: show the failure as it is
                showLoaded(window, o);
        });
        QTimer::singleShot(0, &window, [&window, &o, waitingForBuild] {
            if (window.buildWorkspace()->build())
                return;
            // No build will finish: show the window as it is (a --screenshot still gets taken).
            std::fprintf(stderr, "layerlens: --build: nothing was built (no Dockerfile, or it could not be saved)\n");
            *waitingForBuild = false;
            showLoaded(window, o);
        });
    }
    if (!o.image.isEmpty())
        window.openImage(o.image, o.selector);
    else if (!o.build)
        window.openSample();
    for (const QString &image : std::as_const(o.moreImages)) {
        auto *another = new gui::MainWindow;
        another->setAttribute(Qt::WA_DeleteOnClose);
        another->show();
        another->openImage(image, o.selector);
    }
    const int rc = app.exec();
    // Windows still open when the program is told to end (--screenshot) go before QApplication.
    QList<QPointer<gui::MainWindow>> left;
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *mw = qobject_cast<gui::MainWindow *>(w))
            left << mw;
    for (const QPointer<gui::MainWindow> &mw : left)
        delete mw.data();
    return rc;
}
