// GUI stall probe: opens an image in the real main window (offscreen) and measures how late a
// 5 ms timer fires on the GUI thread while the image loads. The longest delay is the longest
// time the window could not respond.
//   QT_QPA_PLATFORM=offscreen llbench-gui IMAGE
#include "imageloader.h"
#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <QTextStream>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        QTextStream(stderr) << "usage: llbench-gui IMAGE\n";
        return 2;
    }
    gui::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QElapsedTimer clock, total;
    qint64 last = 0, worst = 0, ticks = 0, over50 = 0;
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        const qint64 gap = (now - last) / 1000000 - 5;
        worst = std::max(worst, gap);
        over50 += gap > 50 ? 1 : 0;
        ++ticks;
        last = now;
    });
    bool done = false;
    QObject::connect(window.loader(), &gui::ImageLoader::finished, [&] { done = true; });
    clock.start();
    total.start();
    probe.start();
    window.openImage(QString::fromLocal8Bit(argv[1]));
    while (!done)
        app.processEvents(QEventLoop::WaitForMoreEvents);
    // let the models settle: the first paint after the swap counts too
    QTimer::singleShot(200, &app, &QApplication::quit);
    app.exec();
    QTextStream(stdout) << "load_s=" << double(total.nsecsElapsed()) / 1e9 << "\nworst_stall_ms=" << worst << "\nstalls_over_50ms=" << over50
                        << "\nticks=" << ticks << Qt::endl;
    return 0;
}
