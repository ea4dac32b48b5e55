#pragma once
#include "dockerfile/syntaxtree.h"

#include <QElapsedTimer>
#include <QString>
#include <QStringList>

namespace gui {

// One step of the build timeline: what the prediction said, then what the build did.
struct BuildStepRow {
    enum class State {
        WillReuse, // predicted: the cache has it
        WillBuild, // predicted: it will run (reasons say why)
        Base,      // FROM: where the stage starts (predicted or done)
        Pending,   // the build runs, this step has not started
        Running,
        Cached,
        Built,
        Failed,
        Canceled,  // was running when the build was canceled
        NotRun,    // the build stopped (failed or canceled) before this step
    };
    State state = State::WillBuild;
    int vertex = 0;       // "#N" of the log
    int stage = -1;
    int instruction = -1; // index into df::Dockerfile::instructions: the row's identity
    int line = 0;         // 1-based lines in the Dockerfile
    int lastLine = 0;
    ll::df::InstructionKind kind = ll::df::InstructionKind::Unknown;
    QString name;         // "[build 2/5] COPY src/ /app/"
    QStringList reasons;  // why it misses (predicted or real); Failed: the error first
    double seconds = -1;
    qint64 layerSize = -1;
    QString layerDigest;
    int layer = -1;       // index of its layer in the image shown in the window, -1: none
    QStringList log;
    int droppedLogLines = 0;
    QElapsedTimer clock;  // Running: since when

    bool isPrediction() const { return state == State::WillReuse || state == State::WillBuild; }
    // The instruction without the "[stage n/m] " prefix.
    QString instructionText() const;
    // "n/m" of that prefix: the step's place in its stage, as `docker build` prints it (a
    // learner's numbering, unlike the log's "#N", which counts BuildKit's internal steps too).
    // A multi-stage build says the stage: "build 2/5".
    QString stepNumber(bool withStage) const;
};

// "✓ cached", "↻ will build", …: a symbol and a word, so the state never rests on colour alone.
QString stateText(BuildStepRow::State s);

} // namespace gui
