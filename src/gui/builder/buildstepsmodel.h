#pragma once
#include "builder/buildsteprow.h"
#include "builder/buildtypes.h"
#include "builder/predict.h"

#include <QAbstractTableModel>
#include <vector>

namespace gui {

// The build timeline: one row per step of the stages the target needs (FROM, COPY, ADD, RUN,
// WORKDIR: the steps a build numbers), identified by their instruction. A prediction fills it
// with "will reuse" / "will build"; a build then drives each row through pending → running →
// cached / built / failed as its events arrive, with duration, layer size, miss reasons and
// its log lines.
class BuildStepsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StepColumn, StateColumn, InstructionColumn, TimeColumn, LayerColumn, SizeColumn, WhyColumn, ColumnCount };
    enum Role {
        StateRole = Qt::UserRole + 1, // int: BuildStepRow::State
        LineRole,                     // int: first line of the instruction
        LastLineRole,
        LayerRole,                    // int: image layer index, -1: none
        HighlightRole,                // bool: the editor's cursor is on this step
    };
    static constexpr int kMaxLogLines = 10000; // per step; older lines are dropped

    explicit BuildStepsModel(QObject *parent = nullptr);

    // Replaces the rows with a prediction (not while a build runs: the caller checks).
    void setPrediction(const ll::build::BuildPrediction &prediction);
    void clear();
    // A build starts: every row becomes pending, logs are cleared.
    void startBuild();
    void applyEvent(const ll::build::BuildEvent &event);
    // The build ended: a running row becomes canceled or failed, pending rows "not run".
    void finishBuild(bool canceled);
    bool isBuilding() const { return m_building; }
    // The rows show what a build did (not a prediction).
    bool showsBuildResult() const;
    // Same steps (instruction, name and lines) in the same order as the prediction.
    bool hasStepsOf(const ll::build::BuildPrediction &prediction) const;

    // Image layers of the window's image, by blob digest: each row with a layer finds its index.
    void setImageLayers(const QStringList &layerDigests);
    // Refreshes the durations of running rows (a timer calls this).
    void tick();

    void setHighlightedRow(int row);
    int highlightedRow() const { return m_highlighted; }
    // The row whose instruction covers `line` (1-based), or -1.
    int rowForLine(int line) const;
    int rowForInstruction(int instruction) const;
    const BuildStepRow &row(int r) const { return m_rows[size_t(r)]; }
    int countIn(BuildStepRow::State s) const;
    // Build-wide lines: warnings, the runtime in use, the export.
    const QStringList &buildLog() const { return m_buildLog; }
    // The step's log as the CLI prints it: header, miss reasons, output, outcome.
    QString logText(int row) const;
    // More than one stage among the rows: step numbers name their stage.
    bool multiStage() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    // A log line arrived for `row` (so a view showing it can append).
    void logAppended(int row, const QString &line);
    // A new build emptied every log (a view showing one must not keep the last build's lines).
    void logsCleared();

private:
    QVariant display(const BuildStepRow &r, int column) const;
    QVariant toolTip(const BuildStepRow &r) const;
    QVariant foreground(const BuildStepRow &r, int column) const;
    int rowForEvent(const ll::build::BuildEvent &event);
    void appendLog(int row, const QString &line);
    void changed(int row);

    std::vector<BuildStepRow> m_rows;
    QStringList m_buildLog;
    bool m_building = false;
    int m_highlighted = -1;
};

} // namespace gui
