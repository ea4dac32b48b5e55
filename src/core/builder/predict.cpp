#include "predict.h"

#include "builder/builder.h"
#include "dockerfile/parser.h"

#include <QDir>
#include <QFile>
#include <algorithm>
#include <map>

namespace ll::build {

namespace {

using Outcome = StepPrediction::Outcome;

// From the step's name ("[build 2/5] COPY a b"), not its instruction: an ONBUILD trigger
// ("[build 2/5] ONBUILD COPY a b") carries the index of its FROM.
df::InstructionKind kindOf(const QString &name)
{
    const int close = name.indexOf(QLatin1String("] "));
    const QString text = close > 0 ? name.mid(close + 2) : name;
    return df::instructionKindFromName(text.section(QLatin1Char(' '), 0, 0));
}

// Turns the dry run's events into one prediction per step.
class PredictionCollector {
public:
    explicit PredictionCollector(const df::Dockerfile &file) : m_file(file) {}

    void operator()(const BuildEvent &e)
    {
        if (e.vertex <= 0 || e.instruction < 0 || e.instruction >= m_file.instructions.size())
            return;
        if (e.kind == BuildEvent::Kind::Started) {
            StepPrediction p;
            p.vertex = e.vertex;
            p.instruction = e.instruction;
            p.line = e.line;
            p.lastLine = e.lastLine;
            p.name = e.name;
            p.kind = kindOf(e.name);
            p.stage = m_file.instructions[e.instruction].stage;
            m_steps[e.vertex] = p;
            return;
        }
        const auto it = m_steps.find(e.vertex);
        if (it == m_steps.end())
            return;
        StepPrediction &p = it->second;
        if (e.kind == BuildEvent::Kind::Cached) {
            p.outcome = Outcome::Reuse;
            p.layerSize = e.layerSize;
            p.layerDigest = e.layerDigest;
        } else if (e.kind == BuildEvent::Kind::Done) {
            p.outcome = p.kind == df::InstructionKind::From ? Outcome::Base : Outcome::Build;
            p.reasons = e.missReasons;
            p.layerDigest = e.layerDigest;
        }
    }

    std::vector<StepPrediction> steps() const
    {
        std::vector<StepPrediction> out;
        for (const auto &[vertex, p] : m_steps) // by vertex: the order the steps started
            out.push_back(p);
        return out;
    }

private:
    const df::Dockerfile &m_file;
    std::map<int, StepPrediction> m_steps;
};

Result<QString> dockerfileText(const BuildOptions &options)
{
    if (options.dockerfileText)
        return *options.dockerfileText;
    const QString path = options.dockerfile.isEmpty() ? QDir(options.contextDir).filePath(QStringLiteral("Dockerfile")) : options.dockerfile;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, Msg::tr("cannot read the Dockerfile: %1").arg(f.errorString()), path);
    return QString::fromUtf8(f.readAll());
}

int targetStageOf(const df::Dockerfile &file, const QString &target)
{
    if (target.isEmpty())
        return int(file.stages.size()) - 1;
    bool isNumber = false;
    const int n = target.toInt(&isNumber);
    return isNumber ? n : file.stageIndex(target);
}

} // namespace

int BuildPrediction::count(StepPrediction::Outcome outcome) const
{
    return int(std::count_if(steps.begin(), steps.end(), [outcome](const StepPrediction &p) { return p.outcome == outcome; }));
}

Result<BuildPrediction> predictBuild(const BuildOptions &options, TaskContext &ctx)
{
    auto text = dockerfileText(options);
    if (!text.ok())
        return text.error();
    BuildOptions dry = options;
    dry.dockerfileText = text.value(); // parsed here and by the dry run: the same text for both
    const df::Dockerfile file = df::Parser::parse(text.value());
    PredictionCollector collector(file);
    auto run = Builder::dryRun(dry, [&collector](const BuildEvent &e) { collector(e); }, ctx);
    BuildPrediction prediction;
    prediction.steps = collector.steps();
    prediction.targetStage = targetStageOf(file, options.target);
    if (!run.ok()) {
        // Without a single step there is nothing to show but the error.
        if (run.error().isCanceled() || prediction.steps.empty())
            return run.error();
        prediction.error = run.error().toString();
    }
    return prediction;
}

} // namespace ll::build
