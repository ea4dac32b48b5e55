// Helpers shared by the editor tests (tst_gui_editor*.cpp).
#pragma once
#include "editor/completioncontext.h"
#include "editor/dockerfileanalysis.h"
#include "editor/dockerfileeditor.h"
#include "editor/dockerfileeditorpane.h"
#include "editor/editorhighlighter.h"
#include "editor/findbar.h"
#include "editor/lexerhighlighter.h"
#include "editor/problemsmodel.h"
#include "editor/problemspane.h"
#include "mainwindow.h"

#include "dockerfile/instructionspec.h"

#include <QAbstractItemModelTester>
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QCompleter>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTreeView>

using gui::DockerfileEditorPane;
using Choice = DockerfileEditorPane::UnsavedChoice;

namespace et {

inline constexpr int kAnalysisTimeoutMs = 10000;

inline const QString kMultiStage = QStringLiteral(
    "FROM golang:1.22 AS builder\n"
    "WORKDIR /src\n"
    "ARG VERSION=1\n"
    "RUN go build -o /out/app .\n"
    "\n"
    "FROM debian:12-slim\n"
    "COPY --from=builder /out/app /usr/local/bin/app\n");

// A pane with a prompt that fails the test if it is ever asked (tests that expect a question
// install their own).
inline std::unique_ptr<DockerfileEditorPane> makePane(const QString &text = {})
{
    auto pane = std::make_unique<DockerfileEditorPane>();
    pane->setUnsavedPrompt([](const QString &) {
        [] { QFAIL("unexpected unsaved-changes question"); }();
        return Choice::Cancel;
    });
    pane->resize(1000, 700);
    pane->show();
    pane->editor()->setDocumentText(text);
    return pane;
}

// QTest::keyClicks cannot type '\n': Return is pressed for it.
inline void typeText(QWidget *w, const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(w, Qt::Key_Return);
        if (!lines[i].isEmpty())
            QTest::keyClicks(w, lines[i]);
    }
}

inline bool waitForAnalysis(gui::DockerfileEditor *e)
{
    return QTest::qWaitFor([e] { return e->isAnalysisCurrent(); }, kAnalysisTimeoutMs);
}

inline void moveTo(gui::DockerfileEditor *e, int line, int column)
{
    QTextCursor c(e->document()->findBlockByNumber(line - 1));
    c.setPosition(c.block().position() + column - 1);
    e->setTextCursor(c);
}

inline QStringList rulesOf(const gui::AnalysisPtr &a)
{
    QStringList rules;
    for (const auto &d : a->diagnostics)
        rules << d.rule;
    return rules;
}

// Lets a test reach the drop handling, which QPlainTextEdit keeps protected.
class DropProbe : public gui::DockerfileEditor {
public:
    using gui::DockerfileEditor::canInsertFromMimeData;
    using gui::DockerfileEditor::insertFromMimeData;
};

inline QString bigDockerfile(int lines)
{
    QStringList out{QStringLiteral("# syntax=docker/dockerfile:1"), QStringLiteral("ARG BASE=debian:12")};
    for (int stage = 0; out.size() < lines; ++stage) {
        out << QStringLiteral("FROM ${BASE} AS stage%1").arg(stage)
            << QStringLiteral("ENV STAGE_%1=%1").arg(stage)
            << QStringLiteral("RUN apt-get update && apt-get install -y curl \\")
            << QStringLiteral("    ca-certificates | tee /tmp/log%1").arg(stage)
            << QStringLiteral("COPY --from=stage%1 --chmod=0755 /a /b").arg(std::max(0, stage - 1))
            << QStringLiteral("run cd /tmp && echo $STAGE_%1").arg(stage)
            << QStringLiteral("# a comment about stage %1").arg(stage) << QString();
    }
    out = out.mid(0, lines);
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace et
