#include "checkconfig.h"

#include "common/error.h"
#include "rules.h"

#include <QRegularExpression>
#include <algorithm>

namespace ll::df {

namespace {

// Go's strconv.ParseBool.
std::optional<bool> parseGoBool(const QString &v)
{
    static const QStringList yes = {QStringLiteral("1"), QStringLiteral("t"), QStringLiteral("T"), QStringLiteral("TRUE"), QStringLiteral("true"), QStringLiteral("True")};
    static const QStringList no = {QStringLiteral("0"), QStringLiteral("f"), QStringLiteral("F"), QStringLiteral("FALSE"), QStringLiteral("false"), QStringLiteral("False")};
    if (yes.contains(v))
        return true;
    if (no.contains(v))
        return false;
    return std::nullopt;
}

void readList(const QString &value, bool &all, QStringList &names)
{
    const QString v = value.trimmed();
    if (v == QLatin1String("all")) {
        all = true;
        return;
    }
    for (const QString &name : v.split(QLatin1Char(',')))
        names << name.trimmed();
}

// Rules BuildKit runs with its global linter only: an instruction's comment cannot skip them.
bool isGlobalOnly(QStringView rule)
{
    static const QStringList global = {QStringLiteral("NoEmptyContinuation"), QStringLiteral("ReservedStageName"),
                                       QStringLiteral("DuplicateStageName"), QStringLiteral("ConsistentInstructionCasing"),
                                       QStringLiteral("InvalidDefaultArgInFrom"), QStringLiteral("InvalidBaseImagePlatform")};
    return global.contains(rule);
}

// `check=VALUE` in a comment's text; the value stops at the first blank (`# check=skip=X // why`).
std::optional<QString> checkValueOf(const QString &comment)
{
    static const QRegularExpression re(QStringLiteral("^check\\s*=\\s*(\\S*)"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(comment);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1);
}

} // namespace

std::optional<CheckConfig> CheckConfig::parse(const QString &text)
{
    CheckConfig c;
    const QString s = text.trimmed();
    if (s.isEmpty())
        return c;
    // At most three parts: anything past the second ';' stays in the third part's value.
    QStringList parts = s.split(QLatin1Char(';'));
    while (parts.size() > 3)
        parts[2] += QLatin1Char(';') + parts.takeAt(3);
    for (const QString &part : parts) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq < 0)
            return std::nullopt;
        const QString key = part.left(eq).trimmed();
        const QString value = part.mid(eq + 1);
        if (key == QLatin1String("skip")) {
            readList(value, c.skipAll, c.skip);
        } else if (key == QLatin1String("experimental")) {
            readList(value, c.experimentalAll, c.experimental);
        } else if (key == QLatin1String("error")) {
            const auto b = parseGoBool(value.trimmed());
            if (!b)
                return std::nullopt;
            c.errors = *b;
        } else {
            return std::nullopt;
        }
    }
    return c;
}

CheckConfig CheckConfig::mergedWith(const CheckConfig &comment) const
{
    CheckConfig m = *this;
    m.skipAll = m.skipAll || comment.skipAll;
    m.skip += comment.skip;
    m.experimentalAll = m.experimentalAll || comment.experimentalAll;
    m.experimental += comment.experimental;
    return m;
}

bool CheckConfig::allows(const QString &rule) const
{
    if (rule == Rules::syntaxError())
        return true;
    if (isExperimentalRule(rule))
        return experimentalAll || experimental.contains(rule); // skip= never applies to them
    return !skipAll && !skip.contains(rule);
}

bool isExperimentalRule(QStringView rule)
{
    return rule == QLatin1String("InvalidDefinitionDescription");
}

void applyCheckConfig(const Dockerfile &file, const QString &override, QVector<Diagnostic> &diagnostics)
{
    const Directive *d = file.directive(u"check");
    const QString globalText = !override.isNull() ? override : d ? d->value.section(QLatin1Char(' '), 0, 0) : QString();
    const std::optional<CheckConfig> parsed = CheckConfig::parse(globalText);
    const CheckConfig global = parsed.value_or(CheckConfig{});
    if (!parsed) // BuildKit refuses to build: say so where the directive is
        diagnostics.append({Rules::syntaxError(), Severity::Error,
                            Msg::tr("failed to parse check options \"%1\": expected skip=…, experimental=… or error=true|false, separated by ';'").arg(globalText),
                            d && override.isNull() ? d->range : Range{{1, 1}, {1, 1}}});

    // The instruction each line belongs to, and each instruction's merged configuration.
    std::vector<int> lineOwner(size_t(std::max(file.lineCount, 0)) + 2, -1);
    QVector<CheckConfig> perInstruction;
    for (int i = 0; i < file.instructions.size(); ++i) {
        const Instruction &ins = file.instructions[i];
        for (int l = std::max(ins.range.start.line, 0); l <= ins.range.end.line && size_t(l) < lineOwner.size(); ++l)
            lineOwner[size_t(l)] = i;
        CheckConfig c = global;
        for (const QString &comment : ins.comments) {
            if (const auto value = checkValueOf(comment)) {
                if (const auto local = CheckConfig::parse(*value))
                    c = global.mergedWith(*local);
                break; // only the first check= comment counts
            }
        }
        perInstruction.append(c);
    }
    diagnostics.erase(std::remove_if(diagnostics.begin(), diagnostics.end(),
                                     [&](const Diagnostic &diag) {
                                         int owner = diag.governingInstruction;
                                         const int line = diag.range.start.line;
                                         if (owner < 0 && line >= 0 && size_t(line) < lineOwner.size())
                                             owner = lineOwner[size_t(line)];
                                         const bool useComment = owner >= 0 && owner < perInstruction.size() && !isGlobalOnly(diag.rule);
                                         return !(useComment ? perInstruction[owner] : global).allows(diag.rule);
                                     }),
                      diagnostics.end());
    if (!global.errors)
        return;
    for (Diagnostic &diag : diagnostics) {
        if (diag.severity == Severity::Warning)
            diag.severity = Severity::Error;
    }
}

} // namespace ll::df
