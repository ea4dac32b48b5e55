// What the build timeline shows: cell texts, tooltips, colours and fonts.
#include "buildstepsmodel.h"

#include "formatting.h"

#include <QApplication>
#include <QLocale>

#include <algorithm>

namespace gui {

using State = BuildStepRow::State;

namespace {

QString seconds(double s) { return s < 0 ? QString() : QLocale().toString(s, 'f', s < 10 ? 1 : 0) + QStringLiteral(" s"); }

} // namespace

int BuildStepsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int BuildStepsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

bool BuildStepsModel::multiStage() const
{
    // By the names the steps carry ("[build 2/5]"): rows a build adds without a prediction
    // have no stage number.
    QString first;
    for (const BuildStepRow &r : m_rows) {
        const QString stage = r.stepNumber(true).section(QLatin1Char(' '), 0, -2);
        if (first.isNull())
            first = stage;
        else if (stage != first)
            return true;
    }
    return false;
}

QVariant BuildStepsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case StepColumn: return tr("The step's place in its stage, as docker build prints it. The log numbers its lines "
                                   "#N the way BuildKit does, counting its own preparation steps too.");
        case LayerColumn: return tr("The layer the step made, numbered as in Image layers once the built image is shown");
        case SizeColumn: return tr("The layer as stored: its compressed blob, what a push uploads");
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StepColumn: return tr("Step");
    case StateColumn: return tr("State");
    case InstructionColumn: return tr("Instruction  ↳ why it runs");
    case TimeColumn: return tr("Time");
    case LayerColumn: return tr("Layer");
    case SizeColumn: return tr("Stored");
    case WhyColumn: return tr("Why it runs");
    }
    return {};
}

QVariant BuildStepsModel::display(const BuildStepRow &r, int column) const
{
    switch (column) {
    case StepColumn: return r.stepNumber(multiStage());
    case LayerColumn: return r.layer >= 0 && r.state != State::Base ? QString::number(r.layer + 1) : QString();
    case StateColumn: return stateText(r.state);
    case InstructionColumn: return r.instructionText();
    case TimeColumn: return r.state == State::Running ? seconds(r.clock.elapsed() / 1000.0) : seconds(r.seconds);
    case SizeColumn: return r.layerSize >= 0 ? humanSize(r.layerSize) : r.state == State::Built || r.state == State::Cached ? tr("no layer") : QString();
    case WhyColumn:
        if (r.state == State::Cached || r.state == State::WillReuse || r.state == State::Base)
            return QString();
        return r.reasons.join(QStringLiteral("; "));
    }
    return {};
}

QVariant BuildStepsModel::toolTip(const BuildStepRow &r) const
{
    QString html = tr("<b>Step %1</b> (#%2 in the log): %3<br>%4")
                       .arg(r.stepNumber(true).toHtmlEscaped()).arg(r.vertex).arg(r.instructionText().toHtmlEscaped(), stateText(r.state).toHtmlEscaped());
    if (r.line > 0)
        html += r.lastLine > r.line ? tr(" · Dockerfile lines %1–%2").arg(r.line).arg(r.lastLine) : tr(" · Dockerfile line %1").arg(r.line);
    if (!r.reasons.isEmpty() && r.state != State::Cached && r.state != State::WillReuse) {
        html += QStringLiteral("<ul>");
        for (const QString &why : r.reasons)
            html += QStringLiteral("<li>%1</li>").arg(why.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    if (r.layer >= 0 && r.state == State::Base)
        html += tr("<br>The base image ends at layer %1 of the image shown.").arg(r.layer + 1);
    else if (r.layer >= 0)
        html += tr("<br>Made layer %1 of the image shown: select the step to see its files.").arg(r.layer + 1);
    if (r.layerSize >= 0)
        html += tr("<br>%1 stored (compressed)").arg(humanSize(r.layerSize));
    return html;
}

QVariant BuildStepsModel::foreground(const BuildStepRow &r, int column) const
{
    const QPalette pal = QApplication::palette();
    if (column != StateColumn && column != WhyColumn)
        return r.state == State::Pending || r.state == State::NotRun ? QVariant(pal.color(QPalette::Disabled, QPalette::Text)) : QVariant();
    switch (r.state) {
    case State::Cached:
    case State::WillReuse: return changeColor(ll::Change::Added, pal);
    case State::Built:
    case State::WillBuild: return changeColor(ll::Change::Modified, pal);
    case State::Failed: return changeColor(ll::Change::Removed, pal);
    case State::Running: return pal.color(QPalette::Link);
    case State::Pending:
    case State::NotRun:
    case State::Canceled: return pal.color(QPalette::Disabled, QPalette::Text);
    case State::Base: break;
    }
    return {};
}

QVariant BuildStepsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BuildStepRow &r = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        // The editor's cursor is on this step: a mark besides the bold face.
        if (index.column() == StepColumn && index.row() == m_highlighted)
            return QStringLiteral("▸ ") + display(r, index.column()).toString();
        return display(r, index.column());
    case Qt::ToolTipRole: return toolTip(r);
    case Qt::ForegroundRole: return foreground(r, index.column());
    case Qt::FontRole: {
        QFont f = QApplication::font();
        f.setItalic(r.isPrediction());
        f.setBold(index.row() == m_highlighted || r.state == State::Running);
        return f;
    }
    case Qt::TextAlignmentRole:
        return index.column() == TimeColumn || index.column() == SizeColumn || index.column() == LayerColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case StateRole: return int(r.state);
    case LineRole: return r.line;
    case LastLineRole: return r.lastLine;
    case LayerRole: return r.layer;
    case HighlightRole: return index.row() == m_highlighted;
    }
    return {};
}

QString BuildStepsModel::logText(int row) const
{
    if (row < 0 || row >= rowCount())
        return m_buildLog.join(QLatin1Char('\n'));
    const BuildStepRow &r = m_rows[size_t(row)];
    QStringList out{QStringLiteral("#%1 %2").arg(r.vertex).arg(r.name)};
    if (r.state == State::WillBuild || r.state == State::Built)
        out << (r.state == State::WillBuild ? tr("#%1 will build: %2") : tr("#%1 cache miss: %2")).arg(r.vertex).arg(r.reasons.join(QStringLiteral("; ")));
    if (r.droppedLogLines > 0)
        out << tr("#%1 … %n earlier line(s) not kept", nullptr, r.droppedLogLines).arg(r.vertex);
    for (const QString &line : r.log)
        out << QStringLiteral("#%1 %2").arg(r.vertex).arg(line);
    switch (r.state) {
    case State::Cached: out << QStringLiteral("#%1 CACHED").arg(r.vertex); break;
    case State::WillReuse: out << tr("#%1 will be taken from the cache").arg(r.vertex); break;
    case State::Built:
    case State::Base: out << QStringLiteral("#%1 DONE %2s").arg(r.vertex).arg(std::max(r.seconds, 0.0), 0, 'f', 1); break; // -1: not timed
    case State::Failed: out << QStringLiteral("#%1 ERROR: %2").arg(r.vertex).arg(r.reasons.value(0)); break;
    case State::Canceled: out << tr("#%1 CANCELED").arg(r.vertex); break;
    default: break;
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace gui
