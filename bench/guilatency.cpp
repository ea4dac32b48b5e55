// GUI stall probe: opens an image in the real main window (offscreen) and measures how late a
// 5 ms timer fires on the GUI thread while the image loads. The longest delay is the longest
// time the window could not respond. The slowest event deliveries are listed with their
// receivers, which is where to look when the worst stall grows.
// After the load it does what a user exploring the image does (pick layers, switch to the whole
// filesystem, filter, open the size map) and reports the worst stall of each.
//   QT_QPA_PLATFORM=offscreen llbench-gui IMAGE
#include "filetreepane.h"
#include "imageloader.h"
#include "mainwindow.h"
#include "sizespane.h"
#include "measure.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QMetaEnum>
#include <QTabWidget>
#include <QTreeView>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <vector>

namespace {

struct SlowEvent {
    qint64 ns = 0;
    qint64 atNs = 0;
    QString what;
};

// Times each outermost event delivery on the GUI thread; nested deliveries count towards
// their parent. Names are made only for the few slow ones kept.
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;
    QElapsedTimer clock;
    std::vector<SlowEvent> slowest;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (depth > 0 || QThread::currentThread() != thread()) {
            ++depth;
            const bool r = QApplication::notify(receiver, event);
            --depth;
            return r;
        }
        // Taken before delivery: the receiver may be gone after it (deferred deletes).
        const char *className = receiver->metaObject()->className();
        const QString objectName = receiver->objectName();
        const QEvent::Type type = event->type();
        ++depth;
        const qint64 start = clock.nsecsElapsed();
        const bool r = QApplication::notify(receiver, event);
        const qint64 took = clock.nsecsElapsed() - start;
        --depth;
        record(took, start, className, objectName, type);
        return r;
    }

private:
    int depth = 0;

    void record(qint64 ns, qint64 at, const char *className, const QString &objectName, QEvent::Type type)
    {
        constexpr size_t keep = 8;
        if (slowest.size() == keep && ns <= slowest.back().ns)
            return;
        QString what = QString::fromLatin1(className);
        if (!objectName.isEmpty())
            what += QLatin1Char('(') + objectName + QLatin1Char(')');
        const char *name = QMetaEnum::fromType<QEvent::Type>().valueToKey(type);
        slowest.push_back({ns, at, what + QLatin1String(" / ") + QString::fromLatin1(name ? name : "?")});
        std::sort(slowest.begin(), slowest.end(), [](const SlowEvent &a, const SlowEvent &b) { return a.ns > b.ns; });
        if (slowest.size() > keep)
            slowest.pop_back();
    }
};

// Runs the event loop (sleeping when idle) for `ms`.
void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char **argv)
{
    TimedApplication app(argc, argv);
    if (argc < 2) {
        QTextStream(stderr) << "usage: llbench-gui IMAGE\n";
        return 2;
    }
    gui::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QElapsedTimer total;
    qint64 last = 0, worst = 0, ticks = 0, over50 = 0;
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = app.clock.nsecsElapsed();
        const qint64 gap = (now - last) / 1000000 - 5;
        worst = std::max(worst, gap);
        over50 += gap > 50 ? 1 : 0;
        ++ticks;
        last = now;
    });
    bool done = false;
    QObject::connect(window.loader(), &gui::ImageLoader::finished, [&] { done = true; });
    app.clock.start();
    settle(200); // the window's first paint is not the load's
    app.slowest.clear();
    const qint64 startRss = currentRssBytes();
    const bool loadApart = resetPeakRss();
    bool peaksApart = loadApart;
    last = app.clock.nsecsElapsed();
    const qint64 loadStartNs = last;
    total.start();
    probe.start();
    window.openImage(QString::fromLocal8Bit(argv[1]));
    while (!done)
        app.processEvents(QEventLoop::WaitForMoreEvents);
    settle(200); // the first paint after the swap counts too
    const qint64 loadWorst = worst, loadOver50 = over50, loadTicks = ticks;
    const qint64 loadNs = total.nsecsElapsed();
    const std::vector<SlowEvent> slowestOfLoad = app.slowest;
    const qint64 loadPeak = residentPeakBytes(), loadEnd = currentRssBytes();

    // Each action, then until the tree is built and 300 ms more: the expansion and the first
    // paint of the new rows count too.
    gui::FileTreePane *tree = window.treePane();
    const int layers = window.lastLayer() + 1;
    const std::vector<std::pair<QString, std::function<void()>>> actions{
        {QStringLiteral("pick the base layer (changes)"), [&] { window.selectLayer(0); }},
        {QStringLiteral("pick the middle layer"), [&] { window.selectLayer(layers / 2); }},
        {QStringLiteral("filesystem after the layer"), [&] { tree->setMode(gui::FileTreeModel::Mode::FilesystemAfterLayer); }},
        {QStringLiteral("pick the top layer (filesystem)"), [&] { window.selectLayer(layers - 1); }},
        {QStringLiteral("filter file-4242*"), [&] { tree->setFilter(QStringLiteral("file-4242*")); }},
        {QStringLiteral("filter *.dat (every file)"), [&] { tree->setFilter(QStringLiteral("*.dat")); }},
        {QStringLiteral("clear the filter"), [&] { tree->setFilter(QString()); }},
        {QStringLiteral("sort by size, largest first"), [&] { tree->view()->sortByColumn(gui::FileTreeModel::SizeColumn, Qt::DescendingOrder); }},
        {QStringLiteral("sort by name"), [&] { tree->view()->sortByColumn(gui::FileTreeModel::NameColumn, Qt::AscendingOrder); }},
        {QStringLiteral("open the Sizes tab"), [&] { window.tabs()->setCurrentWidget(window.sizesPane()); }},
        {QStringLiteral("pick the base layer (sizes shown)"), [&] { window.selectLayer(0); }},
    };
    struct ActionResult {
        QString name;
        qint64 worstMs;
        double seconds;
        qint64 peakRss;
        SlowEvent slowest;
    };
    std::vector<ActionResult> results;
    for (const auto &[name, act] : actions) {
        worst = 0;
        app.slowest.clear();
        peaksApart = resetPeakRss() && peaksApart;
        QElapsedTimer took;
        took.start();
        act();
        while (tree->model()->isBuilding())
            app.processEvents(QEventLoop::WaitForMoreEvents);
        const double seconds = double(took.nsecsElapsed()) / 1e9;
        settle(300);
        results.push_back({name, worst, seconds, residentPeakBytes(), app.slowest.empty() ? SlowEvent{} : app.slowest.front()});
    }

    QTextStream out(stdout);
    out << "load_s=" << double(loadNs) / 1e9 << "\nworst_stall_ms=" << loadWorst << "\nstalls_over_50ms=" << loadOver50 << "\nticks=" << loadTicks
        << "\nstart_rss_mb=" << startRss / 1000000 << "\nload_peak_rss_mb=" << (loadApart ? QString::number(loadPeak / 1000000) : QStringLiteral("n/a")) << "\nload_end_rss_mb=" << loadEnd / 1000000
        << "\nslowest events of the load (ms at s: receiver / event):\n";
    for (const SlowEvent &e : slowestOfLoad)
        out << "  " << QString::number(double(e.ns) / 1e6, 'f', 1) << " at " << QString::number(double(e.atNs - loadStartNs) / 1e9, 'f', 2) << ": " << e.what
            << '\n';
    out << "after the load (worst stall; time until the tree is there; peak RSS"
        << (peaksApart ? "" : ", the whole run's: the kernel would not reset it") << "; the slowest event):\n";
    for (const ActionResult &r : results)
        out << "  " << r.name << ": " << r.worstMs << " ms; " << QString::number(r.seconds, 'f', 2) << " s; " << r.peakRss / 1000000 << " MB; "
            << QString::number(double(r.slowest.ns) / 1e6, 'f', 1) << " ms " << r.slowest.what << '\n';
    return 0;
}
