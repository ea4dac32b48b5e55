#include "buildstepsmodel.h"

#include <algorithm>
#include <utility>

namespace gui {

using State = BuildStepRow::State;
using Kind = ll::build::BuildEvent::Kind;

QString BuildStepRow::instructionText() const
{
    const int close = name.indexOf(QLatin1String("] "));
    return name.startsWith(QLatin1Char('[')) && close > 0 ? name.mid(close + 2) : name;
}

QString BuildStepRow::stepNumber(bool withStage) const
{
    const int close = name.indexOf(QLatin1String("] "));
    if (!name.startsWith(QLatin1Char('[')) || close < 0)
        return QStringLiteral("#%1").arg(vertex);
    const QString inside = name.mid(1, close - 1);
    return withStage ? inside : inside.section(QLatin1Char(' '), -1);
}

QString stateText(BuildStepRow::State s)
{
    switch (s) {
    case State::WillReuse: return QObject::tr("✓ will reuse");
    case State::WillBuild: return QObject::tr("↻ will build");
    case State::Base: return QObject::tr("■ base");
    case State::Pending: return QObject::tr("○ pending");
    case State::Running: return QObject::tr("▶ running");
    case State::Cached: return QObject::tr("✓ cached");
    case State::Built: return QObject::tr("● built");
    case State::Failed: return QObject::tr("✗ failed");
    case State::Canceled: return QObject::tr("⊘ canceled");
    case State::NotRun: return QObject::tr("– not run");
    }
    return {};
}

BuildStepsModel::BuildStepsModel(QObject *parent) : QAbstractTableModel(parent) {}

void BuildStepsModel::setPrediction(const ll::build::BuildPrediction &prediction)
{
    beginResetModel();
    const std::vector<BuildStepRow> old = std::move(m_rows);
    m_rows.clear();
    for (const auto &p : prediction.steps) {
        BuildStepRow r;
        using O = ll::build::StepPrediction::Outcome;
        r.state = p.outcome == O::Base ? State::Base : p.outcome == O::Reuse ? State::WillReuse : State::WillBuild;
        r.vertex = p.vertex, r.stage = p.stage, r.instruction = p.instruction, r.line = p.line, r.lastLine = p.lastLine;
        r.kind = p.kind, r.name = p.name, r.reasons = p.reasons, r.layerSize = p.layerSize, r.layerDigest = p.layerDigest;
        // A step the last build ran keeps its log and time: they still describe its cached result.
        for (const BuildStepRow &o : old)
            if (o.instruction == r.instruction && o.name == r.name && !o.log.isEmpty() && r.state != State::WillBuild)
                r.log = o.log, r.seconds = o.seconds, r.layer = o.layer;
        m_rows.push_back(std::move(r));
    }
    m_highlighted = -1;
    endResetModel();
}

void BuildStepsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_buildLog.clear();
    m_highlighted = -1;
    m_building = false;
    endResetModel();
}

void BuildStepsModel::startBuild()
{
    m_building = true;
    m_buildLog.clear();
    for (BuildStepRow &r : m_rows) {
        r.state = State::Pending;
        r.seconds = -1;
        r.log.clear();
        r.droppedLogLines = 0;
    }
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit logsCleared();
}

bool BuildStepsModel::showsBuildResult() const
{
    return std::any_of(m_rows.begin(), m_rows.end(), [](const BuildStepRow &r) { return !r.isPrediction() && r.state != State::Base; });
}

bool BuildStepsModel::hasStepsOf(const ll::build::BuildPrediction &prediction) const
{
    if (prediction.steps.size() != m_rows.size())
        return false;
    for (size_t i = 0; i < m_rows.size(); ++i)
    {
        const BuildStepRow &r = m_rows[i];
        const ll::build::StepPrediction &p = prediction.steps[i];
        // Lines too: an edit that only moves a step (a blank line above it) must move its row.
        if (r.instruction != p.instruction || r.name != p.name || r.line != p.line || r.lastLine != p.lastLine)
            return false;
    }
    return true;
}

int BuildStepsModel::rowForEvent(const ll::build::BuildEvent &e)
{
    if (e.instruction < 0)
        return -1;
    if (e.kind != Kind::Started) { // the row this build started under that number
        for (int r = 0; r < rowCount(); ++r)
            if (m_rows[size_t(r)].vertex == e.vertex && m_rows[size_t(r)].state != State::Pending)
                return r;
        return -1;
    }
    // By instruction and name: an ONBUILD trigger shares its FROM's instruction.
    for (int r = 0; r < rowCount(); ++r)
        if (m_rows[size_t(r)].instruction == e.instruction && m_rows[size_t(r)].name == e.name && m_rows[size_t(r)].state == State::Pending)
            return r;
    // Not predicted (the prediction was stale or stopped early): the step gets a row now.
    const int r = rowCount();
    beginInsertRows({}, r, r);
    BuildStepRow row;
    row.state = State::Pending;
    row.instruction = e.instruction;
    row.name = e.name;
    row.kind = ll::df::instructionKindFromName(row.instructionText().section(QLatin1Char(' '), 0, 0));
    m_rows.push_back(row);
    endInsertRows();
    return r;
}

void BuildStepsModel::applyEvent(const ll::build::BuildEvent &e)
{
    const int r = rowForEvent(e);
    if (r < 0) { // build-wide: internal steps, warnings, the runtime, the export
        const QString line = e.kind == Kind::Started || (e.kind == Kind::Info && e.vertex > 0) ? QStringLiteral("#%1 %2").arg(e.vertex).arg(e.name)
                           : e.kind == Kind::Done ? QStringLiteral("#%1 DONE %2s").arg(e.vertex).arg(e.seconds, 0, 'f', 1)
                                                  : e.text;
        m_buildLog << line;
        emit logAppended(-1, line);
        return;
    }
    BuildStepRow &row = m_rows[size_t(r)];
    row.vertex = e.vertex;
    row.line = e.line, row.lastLine = e.lastLine;
    if (!e.name.isEmpty())
        row.name = e.name;
    switch (e.kind) {
    case Kind::Started: row.state = State::Running, row.clock.start(), row.reasons.clear(); break;
    case Kind::Log: appendLog(r, e.text); return;
    case Kind::Cached: row.state = State::Cached, row.seconds = e.seconds, row.layerSize = e.layerSize, row.layerDigest = e.layerDigest; break;
    case Kind::Done:
        row.state = row.kind == ll::df::InstructionKind::From ? State::Base : State::Built;
        row.seconds = e.seconds, row.layerSize = e.layerSize, row.layerDigest = e.layerDigest, row.reasons = e.missReasons;
        break;
    case Kind::Failed: row.state = State::Failed, row.seconds = e.seconds, row.reasons = QStringList{e.text} + e.missReasons; break;
    case Kind::Info: break;
    }
    changed(r);
}

void BuildStepsModel::appendLog(int r, const QString &line)
{
    BuildStepRow &row = m_rows[size_t(r)];
    row.log << line;
    if (row.log.size() > kMaxLogLines) {
        row.log.removeFirst();
        ++row.droppedLogLines;
    }
    emit logAppended(r, line);
}

void BuildStepsModel::finishBuild(bool canceled)
{
    m_building = false;
    for (BuildStepRow &r : m_rows) {
        if (r.state == State::Running)
            r.state = canceled ? State::Canceled : State::Failed;
        else if (r.state == State::Pending)
            r.state = State::NotRun;
    }
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void BuildStepsModel::setImageLayers(const QStringList &layerDigests)
{
    for (BuildStepRow &r : m_rows)
        r.layer = r.layerDigest.isEmpty() ? -1 : int(layerDigests.indexOf(r.layerDigest));
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void BuildStepsModel::tick()
{
    for (int r = 0; r < rowCount(); ++r)
        if (m_rows[size_t(r)].state == State::Running)
            emit dataChanged(index(r, TimeColumn), index(r, TimeColumn));
}

void BuildStepsModel::setHighlightedRow(int row)
{
    if (row == m_highlighted)
        return;
    const int old = std::exchange(m_highlighted, row);
    if (old >= 0 && old < rowCount())
        changed(old);
    if (row >= 0 && row < rowCount())
        changed(row);
}

int BuildStepsModel::rowForLine(int line) const
{
    for (int r = 0; r < rowCount(); ++r)
        if (m_rows[size_t(r)].line <= line && line <= m_rows[size_t(r)].lastLine)
            return r;
    return -1;
}

int BuildStepsModel::rowForInstruction(int instruction) const
{
    for (int r = 0; r < rowCount(); ++r)
        if (m_rows[size_t(r)].instruction == instruction)
            return r;
    return -1;
}

int BuildStepsModel::countIn(BuildStepRow::State s) const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [s](const BuildStepRow &r) { return r.state == s; }));
}

void BuildStepsModel::changed(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace gui
