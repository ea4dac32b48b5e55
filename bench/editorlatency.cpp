// The Dockerfile editor's responsiveness on a large file: the longest event-loop turn while a
// file of N lines is loaded, analysed and highlighted, then while a line is typed in its middle
// and the view jumps to the end. (The unit test only guards against a hang: timings belong here.)
//   QT_QPA_PLATFORM=offscreen llbench-editor [LINES]   (default 5000)
#include "editor/dockerfileeditor.h"
#include "editor/dockerfileeditorpane.h"
#include "editor/editorhighlighter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QTextStream>
#include <QThread>

#include <algorithm>

namespace {

QString bigDockerfile(int lines)
{
    QStringList out{QStringLiteral("# syntax=docker/dockerfile:1"), QStringLiteral("ARG BASE=debian:12")};
    for (int stage = 0; out.size() < lines; ++stage)
        out << QStringLiteral("FROM ${BASE} AS stage%1").arg(stage) << QStringLiteral("ENV STAGE_%1=%1").arg(stage)
            << QStringLiteral("RUN apt-get update && apt-get install -y curl \\") << QStringLiteral("    ca-certificates | tee /tmp/log%1").arg(stage)
            << QStringLiteral("COPY --from=stage%1 --chmod=0755 /a /b").arg(std::max(0, stage - 1))
            << QStringLiteral("run cd /tmp && echo $STAGE_%1").arg(stage) << QStringLiteral("# a comment about stage %1").arg(stage) << QString();
    return out.mid(0, lines).join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int lines = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 5000;
    gui::DockerfileEditorPane pane;
    pane.setUnsavedPrompt([](const QString &) { return gui::DockerfileEditorPane::UnsavedChoice::Discard; });
    pane.resize(1000, 700);
    pane.show();
    gui::DockerfileEditor *e = pane.editor();
    QElapsedTimer total, turn;
    qint64 worst = 0;
    const auto pump = [&](auto done) {
        while (!done() && total.elapsed() < 120000) {
            turn.start();
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            worst = std::max(worst, turn.elapsed());
            QThread::msleep(1);
        }
        return done();
    };
    const auto settled = [&] { return e->isAnalysisCurrent() && e->highlighter()->isSettled(); };
    QTextStream out(stdout);
    total.start();
    e->setDocumentText(bigDockerfile(lines));
    const qint64 loadMs = total.elapsed();
    if (!pump(settled))
        return 1;
    out << lines << " lines: setDocumentText " << loadMs << " ms, analysed and painted after " << total.elapsed()
        << " ms, longest event-loop turn " << worst << " ms\n";
    worst = 0;
    total.restart();
    QTextCursor c(e->document()->findBlockByNumber(lines / 2));
    e->setTextCursor(c);
    for (const QChar ch : QStringLiteral("RUN echo typed\n")) {
        QKeyEvent press(QEvent::KeyPress, ch == QLatin1Char('\n') ? Qt::Key_Return : 0, Qt::NoModifier, QString(ch));
        QApplication::sendEvent(e, &press);
    }
    if (!pump(settled))
        return 1;
    e->moveCursor(QTextCursor::End);
    pump([] { return true; });
    out << "typing a line in the middle and jumping to the end: settled after " << total.elapsed() << " ms, longest turn " << worst << " ms\n";
    return 0;
}
