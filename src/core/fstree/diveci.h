#pragma once
#include "common/result.h"
#include "fstree/diveefficiency.h"

#include <QStringList>
#include <vector>

namespace ll {

// dive's CI rules, as dive reads, judges and prints them (cmd/dive/cli/internal/command/ci in
// github.com/wagoodman/dive): a job that ran `dive --ci` runs `layerlens-cli ci` on the same
// image with the same `.dive-ci` and gets the same verdict.
struct DiveRules {
    // The values as written (dive prints them back that way); "disabled", "off", "false" or ""
    // turn a rule off.
    QString lowestEfficiency = QStringLiteral("0.9");
    QString highestWastedBytes = QStringLiteral("disabled");
    QString highestUserWastedPercent = QStringLiteral("0.1");
};

// A `.dive-ci` file: YAML, `rules:` with lowestEfficiency, highestWastedBytes and
// highestUserWastedPercent; other keys are ignored, missing ones keep their defaults.
Result<DiveRules> readDiveCiFile(const QString &path);

struct DiveRuleResult {
    enum Status { Pass, Fail, Skip };
    QString key;     // dive's rule name ("lowestEfficiency")
    Status status = Pass;
    QString message; // dive's text: the configured value, or why it failed
};

// Checks the values as dive does (ratios 0..1, sizes in go-humanize units); the error lists every
// misconfigured rule. The results come in dive's order: sorted by rule name.
Result<std::vector<DiveRuleResult>> evaluateDiveRules(const DiveRules &rules, const DiveFigures &figures);

// dive's CI report (its "Analysis", "Inefficient Files" and "Evaluation" sections and the
// summary line), without colours.
QString diveAnalysisSection(const DiveFigures &figures);
QString diveInefficientFilesSection(const DiveFigures &figures);
QString diveEvaluationSection(const std::vector<DiveRuleResult> &results);
bool divePassed(const std::vector<DiveRuleResult> &results);

} // namespace ll
