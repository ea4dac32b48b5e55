#include "diveci.h"

#include "common/divesize.h"

#include <QFile>
#include <charconv>
#include <cmath>
#include <yaml-cpp/yaml.h>

namespace ll {

namespace {

bool isDisabled(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v.isEmpty() || v == QLatin1String("disabled") || v == QLatin1String("off") || v == QLatin1String("false");
}

// Go's strconv.ParseFloat: the whole text, no spaces.
std::optional<double> parseGoFloat(const QString &text)
{
    const QByteArray s = text.toLatin1();
    if (s.isEmpty() || s != text.toUtf8())
        return std::nullopt;
    double v = 0;
    const char *begin = s.constData() + (s.startsWith('+') ? 1 : 0);
    const auto [end, ec] = std::from_chars(begin, s.constData() + s.size(), v);
    if (ec != std::errc() || end != s.constData() + s.size())
        return std::nullopt;
    return v;
}

// Go's %v of a float64: the shortest form that reads back the same.
QString goFloat(double v)
{
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general);
    return ec == std::errc() ? QString::fromLatin1(buf, int(end - buf)) : QString::number(v);
}

QString goFixed2(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    return QString::number(v, 'f', 2);
}

struct RuleCheck {
    std::optional<DiveRuleResult> disabled;
    double threshold = 0;
};

RuleCheck checkRatio(const QString &key, const QString &value, QStringList &errors)
{
    RuleCheck c;
    if (isDisabled(value)) {
        c.disabled = DiveRuleResult{key, DiveRuleResult::Skip, QStringLiteral("disabled")};
        return c;
    }
    const auto v = parseGoFloat(value);
    if (!v)
        errors << Msg::tr("invalid %1 config value, given \"%2\": not a number").arg(key, value);
    else if (*v < 0 || *v > 1)
        errors << Msg::tr("%1 config value is outside allowed range (0-1), given '%2'").arg(key, QString::number(*v, 'f', 6));
    else
        c.threshold = *v;
    return c;
}

} // namespace

Result<DiveRules> readDiveCiFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, Msg::tr("cannot read the CI config: %1").arg(f.errorString()), path);
    if (f.size() > (1 << 20))
        return makeError(ErrorCode::Limit, Msg::tr("a CI rules file of %1 bytes: more than the 1 MiB LayerLens reads").arg(f.size()), path);
    const QByteArray text = f.readAll();
    DiveRules rules;
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        if (!root.IsDefined() || root.IsNull())
            return rules;
        if (!root.IsMap())
            return makeError(ErrorCode::Format, Msg::tr("a dive CI config is a YAML mapping with a \"rules:\" key"), path);
        const YAML::Node r = root["rules"];
        if (!r || r.IsNull())
            return rules;
        if (!r.IsMap())
            return makeError(ErrorCode::Format, Msg::tr("\"rules:\" must be a mapping (lowestEfficiency, highestWastedBytes, highestUserWastedPercent)"), path);
        const std::pair<const char *, QString *> keys[] = {
            {"lowestEfficiency", &rules.lowestEfficiency},
            {"highestWastedBytes", &rules.highestWastedBytes},
            {"highestUserWastedPercent", &rules.highestUserWastedPercent},
        };
        for (const auto &[key, value] : keys) {
            const YAML::Node n = r[key];
            if (!n)
                continue;
            if (n.IsNull())
                continue; // yaml.v3 leaves a string field as it was on null: dive keeps the default
            if (!n.IsScalar())
                return makeError(ErrorCode::Format, Msg::tr("rules.%1 must be a plain value").arg(QLatin1String(key)), path);
            *value = QString::fromStdString(n.Scalar());
        }
    } catch (const YAML::Exception &e) {
        Error err = makeError(ErrorCode::Format, Msg::tr("not valid YAML: %1").arg(QString::fromStdString(e.msg)), path);
        if (e.mark.line >= 0) {
            err.line = e.mark.line + 1;
            err.column = e.mark.column + 1;
        }
        return err;
    }
    return rules;
}

Result<std::vector<DiveRuleResult>> evaluateDiveRules(const DiveRules &rules, const DiveFigures &f)
{
    QStringList errors;
    std::vector<DiveRuleResult> out;
    const QString effKey = QStringLiteral("lowestEfficiency");
    const QString wasteKey = QStringLiteral("highestWastedBytes");
    const QString pctKey = QStringLiteral("highestUserWastedPercent");

    const RuleCheck eff = checkRatio(effKey, rules.lowestEfficiency, errors);
    const RuleCheck pct = checkRatio(pctKey, rules.highestUserWastedPercent, errors);
    std::optional<quint64> wasteLimit;
    const bool wasteOff = isDisabled(rules.highestWastedBytes);
    if (!wasteOff) {
        wasteLimit = parseDiveBytes(rules.highestWastedBytes);
        if (!wasteLimit)
            errors << Msg::tr("invalid highestWastedBytes config value, given \"%1\": not a size (B, kB, MB, GB, KiB, MiB, GiB …)").arg(rules.highestWastedBytes);
    }
    if (!errors.isEmpty())
        return makeError(ErrorCode::Usage, errors.join(QStringLiteral("; ")));

    // dive fails a rule only past its threshold: equality passes.
    if (eff.disabled)
        out.push_back(*eff.disabled);
    else if (eff.threshold > f.score)
        out.push_back({effKey, DiveRuleResult::Fail, QStringLiteral("image efficiency is too low (efficiency=%1 < threshold=%2)").arg(goFixed2(f.score), goFloat(eff.threshold))});
    else
        out.push_back({effKey, DiveRuleResult::Pass, rules.lowestEfficiency});

    if (wasteOff)
        out.push_back({wasteKey, DiveRuleResult::Skip, QStringLiteral("disabled")});
    else if (quint64(f.wastedBytes) > *wasteLimit)
        out.push_back({wasteKey, DiveRuleResult::Fail, QStringLiteral("too many bytes wasted (wasted-bytes=%1 > threshold=%2)").arg(f.wastedBytes).arg(*wasteLimit)});
    else
        out.push_back({wasteKey, DiveRuleResult::Pass, rules.highestWastedBytes});

    // NaN (a one-layer image) compares false: the rule passes, as in dive.
    if (pct.disabled)
        out.push_back(*pct.disabled);
    else if (f.userWastedPercent > pct.threshold)
        out.push_back({pctKey, DiveRuleResult::Fail,
                       QStringLiteral("too many bytes wasted, relative to the user bytes added (%-user-wasted-bytes=%1 > threshold=%2)").arg(goFixed2(f.userWastedPercent), goFloat(pct.threshold))});
    else
        out.push_back({pctKey, DiveRuleResult::Pass, rules.highestUserWastedPercent});

    std::sort(out.begin(), out.end(), [](const DiveRuleResult &a, const DiveRuleResult &b) { return a.key < b.key; });
    return out;
}

QString diveAnalysisSection(const DiveFigures &f)
{
    const auto row = [](const QString &key, const QString &value) { return QStringLiteral("  %1 %2\n").arg(key + QLatin1Char(':'), -18).arg(value); };
    QString wasted = QStringLiteral("%1 bytes ").arg(f.wastedBytes);
    QString pct = QStringLiteral("0 %");
    if (f.wastedBytes > 0) {
        wasted += QStringLiteral("(%1)").arg(diveBytes(quint64(f.wastedBytes)));
        pct = QStringLiteral("%1 %").arg(goFixed2(f.userWastedPercent * 100));
    }
    return QStringLiteral("Analysis:\n") + row(QStringLiteral("efficiency"), QStringLiteral("%1 %").arg(goFixed2(f.score * 100)))
        + row(QStringLiteral("wastedBytes"), f.wastedBytes > 0 ? wasted.trimmed() : wasted) + row(QStringLiteral("userWastedPercent"), pct);
}

QString diveInefficientFilesSection(const DiveFigures &f)
{
    if (f.inefficientFiles.empty())
        return QStringLiteral("Inefficient Files: (None)\n");
    QString s = QStringLiteral("Inefficient Files:\n  Count  Wasted Space  File Path\n");
    for (const DiveFile &file : f.inefficientFiles)
        s += QStringLiteral("  %1  %2  /%3\n").arg(QString::number(file.count), -5).arg(diveBytes(quint64(file.cumulativeSize)), -12).arg(QString::fromUtf8(file.path));
    if (f.inefficientFileCount > qint64(f.inefficientFiles.size()))
        s += QStringLiteral("  … and %1 more, smaller (LayerLens lists the first %2)\n").arg(f.inefficientFileCount - qint64(f.inefficientFiles.size())).arg(f.inefficientFiles.size());
    return s;
}

bool divePassed(const std::vector<DiveRuleResult> &results)
{
    return std::none_of(results.begin(), results.end(), [](const DiveRuleResult &r) { return r.status == DiveRuleResult::Fail; });
}

QString diveEvaluationSection(const std::vector<DiveRuleResult> &results)
{
    QString s = QStringLiteral("Evaluation:\n");
    int pass = 0, fail = 0, skip = 0;
    for (const DiveRuleResult &r : results) {
        const char *status = r.status == DiveRuleResult::Pass ? "PASS" : r.status == DiveRuleResult::Fail ? "FAIL" : "SKIP";
        s += QStringLiteral("  %1  %2 (%3)\n").arg(QLatin1String(status), r.key, r.message);
        (r.status == DiveRuleResult::Pass ? pass : r.status == DiveRuleResult::Fail ? fail : skip)++;
    }
    QStringList tally;
    if (pass)
        tally << QStringLiteral("pass:%1").arg(pass);
    if (fail)
        tally << QStringLiteral("fail:%1").arg(fail);
    if (skip)
        tally << QStringLiteral("skip:%1").arg(skip);
    s += QStringLiteral("\n%1 [%2]\n").arg(fail ? QStringLiteral("FAIL") : QStringLiteral("PASS"), tally.join(QLatin1Char(' ')));
    return s;
}

} // namespace ll
