#include "commands.h"
#include "console.h"
#include "imageoptions.h"

#include "fstree/diveci.h"

#include <QFileInfo>

using namespace cli;

namespace {

struct RuleOption {
    QString flag;      // LayerLens's spelling
    QString diveFlag;  // dive's, accepted too so a job only changes the command's name
    QString *value;
};

} // namespace

int runCi(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Cli::tr(
        "Judge an image by dive's CI rules, read as dive reads them: a .dive-ci file in the current folder (or --ci-config "
        "FILE) with rules: lowestEfficiency, highestWastedBytes, highestUserWastedPercent; flags given here win over the "
        "file. Prints dive's report and exits 1 when a rule fails (or a layer fails its digest check)."));
    addImageOptions(parser);
    parser.addOption({QStringLiteral("ci-config"), Cli::tr("dive's CI rules file (default: .dive-ci in the current folder, when present)."), QStringLiteral("FILE")});
    parser.addOption({{QStringLiteral("lowest-efficiency"), QStringLiteral("lowestEfficiency")}, Cli::tr("Lowest allowed efficiency, 0..1 (dive's default 0.9)."), QStringLiteral("RATIO")});
    parser.addOption({{QStringLiteral("highest-wasted-bytes"), QStringLiteral("highestWastedBytes")}, Cli::tr("Highest allowed wasted bytes, e.g. 20MB = 20,000,000 (dive's default: disabled)."), QStringLiteral("SIZE")});
    parser.addOption({{QStringLiteral("highest-user-wasted-percent"), QStringLiteral("highestUserWastedPercent")}, Cli::tr("Highest allowed wasted / user bytes, 0..1 (dive's default 0.1)."), QStringLiteral("RATIO")});
    int code = 0;
    if (!parseArgs(parser, QStringLiteral("ci"), args, code))
        return code;

    ll::DiveRules rules;
    QString configPath = parser.value(QStringLiteral("ci-config"));
    if (configPath.isEmpty() && QFileInfo::exists(QStringLiteral(".dive-ci")))
        configPath = QStringLiteral(".dive-ci");
    if (!configPath.isEmpty()) {
        auto read = ll::readDiveCiFile(configPath);
        if (!read.ok()) {
            err(Cli::tr("layerlens-cli ci: %1\n").arg(read.error().toString()));
            return 2;
        }
        rules = read.value();
    }
    const RuleOption flags[] = {
        {QStringLiteral("lowest-efficiency"), QStringLiteral("lowestEfficiency"), &rules.lowestEfficiency},
        {QStringLiteral("highest-wasted-bytes"), QStringLiteral("highestWastedBytes"), &rules.highestWastedBytes},
        {QStringLiteral("highest-user-wasted-percent"), QStringLiteral("highestUserWastedPercent"), &rules.highestUserWastedPercent},
    };
    for (const RuleOption &f : flags)
        if (parser.isSet(f.flag))
            *f.value = parser.value(f.flag);
    // Rules are checked before the image is read, as dive does: a typo fails in a second.
    if (auto check = ll::evaluateDiveRules(rules, {}); !check.ok()) {
        err(configPath.isEmpty() ? Cli::tr("layerlens-cli ci: %1\n").arg(check.error().message)
                                 : Cli::tr("layerlens-cli ci: %1: %2\n").arg(configPath, check.error().message));
        return 2;
    }
    auto analysis = loadImage(parser, code);
    if (!analysis)
        return code;
    const ll::EfficiencyReport &e = analysis->efficiency;
    auto results = ll::evaluateDiveRules(rules, e.dive).value();
    if (!analysis->allVerified()) {
        // LayerLens's own rule, under its own name: an image whose bytes are not what its
        // digests say fails whatever its efficiency.
        results.push_back({QStringLiteral("layerDigests"), ll::DiveRuleResult::Fail,
                           QStringLiteral("%1 layer(s) failed verification").arg(analysis->failedLayers())});
        std::sort(results.begin(), results.end(), [](const auto &a, const auto &b) { return a.key < b.key; });
    }
    const QString image = analysis->overview.source->path();
    const int layers = int(analysis->layers.size());
    err(configPath.isEmpty() ? Cli::tr("Image %1 (%2 layers)\n").arg(image, QString::number(layers))
                             : Cli::tr("Image %1 (%2 layers), rules from %3\n").arg(image, QString::number(layers), configPath));
    out(ll::diveAnalysisSection(e.dive) + QLatin1Char('\n') + ll::diveInefficientFilesSection(e.dive) + QLatin1Char('\n'));
    out(Cli::tr("LayerLens (its own figure, not dive's):\n  hidden by later layers: %1 bytes (%2) in %3 files\n"
                       "  file bytes the layers store that the final filesystem does not show, counted per file wherever\n"
                       "  it was replaced or removed; dive counts a folder removed with its files once and counts the copy that stays.\n\n")
            .arg(QLocale().toString(e.hiddenBytes), humanSize(e.hiddenBytes), QLocale().toString(qlonglong(e.paths.size()))));
    out(ll::diveEvaluationSection(results));
    return ll::divePassed(results) ? 0 : 1;
}
