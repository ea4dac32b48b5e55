#include "commands.h"
#include "console.h"
#include "imageoptions.h"

#include <QRegularExpression>

using namespace cli;

namespace {

// dive accepts "disabled", plain numbers and sizes with units for these rules.
std::optional<double> parseRuleValue(const QString &text, bool isSize, bool &disabled, bool &ok)
{
    disabled = text.compare(QLatin1String("disabled"), Qt::CaseInsensitive) == 0;
    ok = true;
    if (disabled)
        return std::nullopt;
    static const QRegularExpression re(QStringLiteral("^\\s*([0-9]*\\.?[0-9]+)\\s*([kKmMgGtT]?)(i?)[bB]?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch() || (!isSize && !m.captured(2).isEmpty())) {
        ok = false;
        return std::nullopt;
    }
    double v = m.captured(1).toDouble();
    const QString unit = m.captured(2).toUpper();
    const double base = m.captured(3).isEmpty() ? 1000.0 : 1024.0;
    const int power = QStringLiteral(" KMGT").indexOf(unit.isEmpty() ? QStringLiteral(" ") : unit);
    for (int i = 0; i < power; ++i)
        v *= base;
    return v;
}

struct Rule {
    QString name;
    bool isSize;
    QString value;
};

} // namespace

int runCi(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Fail (exit 1) when an image wastes too much space; the rules and defaults are dive's."));
    addImageOptions(parser);
    parser.addOption({QStringLiteral("lowest-efficiency"), QStringLiteral("Lowest allowed efficiency score, 0..1 (default 0.9)."), QStringLiteral("RATIO"), QStringLiteral("0.9")});
    parser.addOption({QStringLiteral("highest-wasted-bytes"), QStringLiteral("Highest allowed wasted bytes, e.g. 20MB (default disabled)."), QStringLiteral("SIZE"), QStringLiteral("disabled")});
    parser.addOption({QStringLiteral("highest-user-wasted-percent"), QStringLiteral("Highest allowed wasted/user bytes ratio, 0..1 (default 0.1)."), QStringLiteral("RATIO"), QStringLiteral("0.1")});
    int code = 0;
    if (!parseArgs(parser, QStringLiteral("ci"), args, code))
        return code;
    const std::vector<Rule> rules = {
        {QStringLiteral("lowest-efficiency"), false, parser.value(QStringLiteral("lowest-efficiency"))},
        {QStringLiteral("highest-wasted-bytes"), true, parser.value(QStringLiteral("highest-wasted-bytes"))},
        {QStringLiteral("highest-user-wasted-percent"), false, parser.value(QStringLiteral("highest-user-wasted-percent"))},
    };
    std::vector<std::optional<double>> limits;
    for (const Rule &r : rules) {
        bool disabled = false, ok = false;
        limits.push_back(parseRuleValue(r.value, r.isSize, disabled, ok));
        if (!ok) {
            err(QStringLiteral("layerlens-cli ci: --%1: \"%2\" is not a %3 or \"disabled\"\n").arg(r.name, r.value, r.isSize ? QStringLiteral("size") : QStringLiteral("number")));
            return 2;
        }
    }
    auto analysis = loadImage(parser, code);
    if (!analysis)
        return code;
    const ll::EfficiencyReport &e = analysis->efficiency;
    const double actual[] = {e.score, double(e.wastedBytes), e.userWastedPercent};
    int passed = 0, failed = 0, skipped = 0;
    out(QStringLiteral("%1\n  efficiency: %2 %   wasted: %3   user wasted: %4 %\n").arg(analysis->overview.source->path())
            .arg(e.score * 100, 0, 'f', 4).arg(humanSize(e.wastedBytes)).arg(e.userWastedPercent * 100, 0, 'f', 4));
    for (size_t i = 0; i < rules.size(); ++i) {
        if (!limits[i]) {
            out(QStringLiteral("  SKIP: %1: disabled\n").arg(rules[i].name));
            ++skipped;
            continue;
        }
        const bool isLowest = i == 0;
        const bool ok = isLowest ? actual[i] >= *limits[i] : actual[i] <= *limits[i];
        out(QStringLiteral("  %1: %2: %3 %4 %5\n").arg(ok ? QStringLiteral("PASS") : QStringLiteral("FAIL"), rules[i].name)
                .arg(actual[i], 0, 'g', 6).arg(ok ? (isLowest ? QStringLiteral(">=") : QStringLiteral("<=")) : (isLowest ? QStringLiteral("<") : QStringLiteral(">")))
                .arg(*limits[i], 0, 'g', 6));
        ok ? ++passed : ++failed;
    }
    if (!analysis->allVerified()) {
        out(QStringLiteral("  FAIL: digests: %1 layer(s) failed verification\n").arg(analysis->failedLayers()));
        ++failed;
    }
    out(QStringLiteral("Result: %1 [%2 passed, %3 failed, %4 disabled]\n").arg(failed ? QStringLiteral("FAIL") : QStringLiteral("PASS")).arg(passed).arg(failed).arg(skipped));
    return failed ? 1 : 0;
}
