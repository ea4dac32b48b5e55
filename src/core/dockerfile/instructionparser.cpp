#include "instructionparser.h"

#include "common/error.h"
#include "instructionspec.h"
#include "shelllex.h"

#include <QRegularExpression>

#include <algorithm>

namespace ll::df {

namespace {

int skipBlanks(const QString &text, int pos, int end)
{
    while (pos < end && text[pos].isSpace())
        ++pos;
    return pos;
}

int wordEnd(const QString &text, int pos, int end)
{
    while (pos < end && !text[pos].isSpace())
        ++pos;
    return pos;
}

QString flagList(InstructionKind kind)
{
    QStringList names;
    for (const FlagSpec &f : InstructionSpec::flags(kind))
        names << QStringLiteral("--") + f.name;
    return names.isEmpty() ? Msg::tr("none") : names.join(QStringLiteral(", "));
}

} // namespace

InstructionParser::InstructionParser(const QString &text, const SourceMap &map, QChar escape,
                                     QVector<SyntaxError> &errors)
    : m_text(text), m_map(map), m_escape(escape), m_errors(errors)
{
    m_end = int(text.size());
    while (m_end > 0 && text[m_end - 1].isSpace())
        --m_end;
}

void InstructionParser::error(const QString &message, int from, int to)
{
    error(message, range(from, std::max(from + 1, to)));
}

void InstructionParser::error(const QString &message, const Range &r)
{
    m_errors.append({message, r});
}

Instruction InstructionParser::parse(int from)
{
    Instruction ins;
    const int start = skipBlanks(m_text, from, m_end);
    const int kwEnd = wordEnd(m_text, start, m_end);
    ins.keyword = m_text.mid(start, kwEnd - start);
    ins.keywordRange = range(start, kwEnd);
    ins.range = {ins.keywordRange.start, m_map.endAt(int(m_text.size()))};
    ins.kind = instructionKindFromName(ins.keyword);
    int pos = kwEnd;
    readFlags(ins, pos);
    ins.rawArgs = m_text.mid(pos, m_end - pos);
    ins.argsRange = range(pos, std::max(pos, m_end));
    if (ins.kind == InstructionKind::Unknown) {
        error(Msg::tr("unknown instruction: %1 (expected one of %2)")
                  .arg(ins.keyword, allInstructionNames().join(QStringLiteral(", "))), start, kwEnd);
        return ins;
    }
    checkFlags(ins);
    readArguments(ins, pos);
    checkArgumentCount(ins);
    return ins;
}

void InstructionParser::readFlags(Instruction &ins, int &pos)
{
    const QStringView rest = QStringView(m_text).mid(pos, m_end - pos);
    const WordSplitter::FlagWords words = WordSplitter::leadingFlags(rest);
    for (int i = 0; i < words.words.size(); ++i) {
        const QString word = words.words[i].mid(2);
        Flag f;
        const int eq = int(word.indexOf(QLatin1Char('=')));
        f.name = eq < 0 ? word : word.left(eq);
        f.hasValue = eq >= 0;
        f.value = eq < 0 ? QString() : word.mid(eq + 1);
        f.range = range(words.spans[i], pos);
        ins.flags.append(f);
    }
    pos += words.rest;
}

void InstructionParser::checkFlags(const Instruction &ins)
{
    for (int i = 0; i < ins.flags.size(); ++i) {
        const Flag &f = ins.flags[i];
        const FlagSpec *spec = InstructionSpec::findFlag(ins.kind, f.name);
        const QString name = instructionName(ins.kind);
        if (!spec) {
            error(Msg::tr("unknown flag --%1 for %2 (expected: %3)").arg(f.name, name, flagList(ins.kind)), f.range);
            continue;
        }
        if (spec->boolean && f.hasValue && f.value != QLatin1String("true") && f.value != QLatin1String("false"))
            error(Msg::tr("flag --%1 expects true or false, not \"%2\"").arg(f.name, f.value), f.range);
        if (!spec->boolean && (!f.hasValue || f.value.isEmpty()))
            error(Msg::tr("missing a value on flag --%1 (expected --%1=VALUE)").arg(f.name), f.range);
        for (int j = 0; j < i && !spec->repeatable; ++j) {
            if (ins.flags[j].name == f.name) {
                error(Msg::tr("duplicate flag --%1: it may be given only once").arg(f.name), f.range);
                break;
            }
        }
    }
}

void InstructionParser::readArguments(Instruction &ins, int argsStart)
{
    switch (ins.kind) {
    case InstructionKind::From:
        readFrom(ins, argsStart);
        break;
    case InstructionKind::Run:
    case InstructionKind::Cmd:
    case InstructionKind::Entrypoint:
    case InstructionKind::Shell:
        if (!readExecForm(ins, argsStart, m_end))
            readWords(ins, argsStart, m_end);
        if (ins.kind == InstructionKind::Shell && !ins.jsonForm && !ins.rawArgs.isEmpty())
            error(Msg::tr("SHELL requires the arguments in JSON form, e.g. SHELL [\"/bin/sh\", \"-c\"]"), ins.argsRange);
        break;
    case InstructionKind::Copy:
    case InstructionKind::Add:
    case InstructionKind::Volume:
        if (!readExecForm(ins, argsStart, m_end))
            readWords(ins, argsStart, m_end);
        break;
    case InstructionKind::Expose:
        readWords(ins, argsStart, m_end);
        break;
    case InstructionKind::Env:
    case InstructionKind::Label:
        readKeyValues(ins, argsStart, false);
        break;
    case InstructionKind::Arg:
        readKeyValues(ins, argsStart, true);
        break;
    case InstructionKind::Healthcheck:
        readHealthcheck(ins, argsStart);
        break;
    case InstructionKind::Onbuild:
        readOnbuild(ins, argsStart);
        break;
    default: // MAINTAINER, USER, WORKDIR, STOPSIGNAL take the whole rest as one string
        readSingle(ins);
        break;
    }
    if (InstructionSpec::acceptsHeredocs(ins.kind) && !ins.jsonForm)
        readHeredocMarkers(ins, argsStart);
}

void InstructionParser::readFrom(Instruction &ins, int argsStart)
{
    readWords(ins, argsStart, m_end);
    const int n = int(ins.args.size());
    if (n == 0)
        return; // reported by checkArgumentCount
    if (n == 2 || n > 3) {
        error(Msg::tr("FROM takes an image and optionally AS name: FROM image [AS name]"), ins.argsRange);
        return;
    }
    if (n == 3 && ins.args[1].text.compare(QLatin1String("AS"), Qt::CaseInsensitive) != 0) {
        error(Msg::tr("expected AS after the image name, found \"%1\"").arg(ins.args[1].text), ins.args[1].range);
        return;
    }
    static const QRegularExpression validName(QStringLiteral("^[a-z][a-z0-9_.-]*$"));
    if (n == 3 && !validName.match(ins.args[2].text.toLower()).hasMatch())
        error(Msg::tr("invalid stage name \"%1\": it must start with a letter and hold only letters, digits, '-', '_' and '.'")
                  .arg(ins.args[2].text), ins.args[2].range);
}

bool InstructionParser::readExecForm(Instruction &ins, int argsStart, int argsEnd)
{
    const QStringView args = QStringView(m_text).mid(argsStart, argsEnd - argsStart);
    const WordSplitter::JsonArray json = WordSplitter::jsonArray(args);
    if (!json.isArray)
        return false;
    ins.jsonForm = true;
    if (!json.allStrings) {
        error(Msg::tr("a JSON array in %1 must hold only strings").arg(instructionName(ins.kind)), ins.argsRange);
        return true;
    }
    for (int i = 0; i < json.values.size() && i < json.spans.size(); ++i)
        ins.args.append({json.values[i], range(json.spans[i], argsStart)});
    return true;
}

void InstructionParser::readWords(Instruction &ins, int argsStart, int argsEnd)
{
    const QStringView args = QStringView(m_text).mid(argsStart, argsEnd - argsStart);
    for (const Span &s : WordSplitter::whitespaceWords(args))
        ins.args.append({args.mid(s.start, s.end - s.start).toString(), range(s, argsStart)});
}

void InstructionParser::readSingle(Instruction &ins)
{
    if (!ins.rawArgs.isEmpty())
        ins.args.append({ins.rawArgs, ins.argsRange});
}

void InstructionParser::readKeyValues(Instruction &ins, int argsStart, bool isArg)
{
    const QStringView args = QStringView(m_text).mid(argsStart, m_end - argsStart);
    const QVector<Span> spans = WordSplitter::quotedWords(args, m_escape);
    const QString name = instructionName(ins.kind);
    for (int i = 0; i < spans.size(); ++i) {
        const QString word = args.mid(spans[i].start, spans[i].end - spans[i].start).toString();
        const int eq = int(word.indexOf(QLatin1Char('=')));
        KeyValue kv;
        kv.range = range(spans[i], argsStart);
        if (eq < 0 && !isArg && i == 0) {
            // Legacy `ENV NAME value with blanks`: the value is the rest of the line.
            kv.key = word;
            kv.legacy = true;
            const int valueStart = skipBlanks(m_text, argsStart + spans[i].end, m_end);
            kv.value = m_text.mid(valueStart, m_end - valueStart);
            kv.hasValue = !kv.value.isEmpty();
            kv.keyRange = kv.range;
            kv.range = range(argsStart + spans[i].start, m_end);
            if (!kv.hasValue)
                error(Msg::tr("%1 %2 has no value: write %1 %2=value").arg(name, word), kv.range);
            ins.pairs.append(kv);
            return;
        }
        if (eq < 0 && !isArg) {
            error(Msg::tr("expected name=value, found \"%1\"").arg(word), kv.range);
            continue;
        }
        kv.key = eq < 0 ? word : word.left(eq);
        kv.hasValue = eq >= 0;
        kv.value = eq < 0 ? QString() : word.mid(eq + 1);
        kv.keyRange = range(argsStart + spans[i].start, argsStart + spans[i].start + int(kv.key.size()));
        if (kv.key.isEmpty())
            error(Msg::tr("%1 names can not be blank").arg(name), kv.range);
        ins.pairs.append(kv);
    }
}

void InstructionParser::readHealthcheck(Instruction &ins, int argsStart)
{
    const int typeEnd = wordEnd(m_text, argsStart, m_end);
    const QString type = m_text.mid(argsStart, typeEnd - argsStart);
    if (type.compare(QLatin1String("NONE"), Qt::CaseInsensitive) == 0) {
        if (skipBlanks(m_text, typeEnd, m_end) < m_end)
            error(Msg::tr("HEALTHCHECK NONE takes no arguments"), range(typeEnd, m_end));
        return;
    }
    if (type.compare(QLatin1String("CMD"), Qt::CaseInsensitive) != 0) {
        if (!type.isEmpty())
            error(Msg::tr("unknown type \"%1\" in HEALTHCHECK (expected CMD or NONE)").arg(type), argsStart, typeEnd);
        return;
    }
    const int cmdStart = skipBlanks(m_text, typeEnd, m_end);
    if (cmdStart >= m_end)
        error(Msg::tr("HEALTHCHECK CMD needs a command"), argsStart, typeEnd);
    else if (!readExecForm(ins, cmdStart, m_end))
        readWords(ins, cmdStart, m_end);
}

void InstructionParser::readOnbuild(Instruction &ins, int argsStart)
{
    if (argsStart >= m_end)
        return; // reported by checkArgumentCount
    auto trigger = std::make_shared<Instruction>(parse(argsStart));
    const InstructionKind k = trigger->kind;
    if (k == InstructionKind::Onbuild || k == InstructionKind::From || k == InstructionKind::Maintainer)
        error(Msg::tr("%1 isn't allowed as an ONBUILD trigger").arg(instructionName(k)), trigger->keywordRange);
    ins.onbuild = std::move(trigger);
}

void InstructionParser::readHeredocMarkers(Instruction &ins, int argsStart)
{
    static const QRegularExpression marker(QStringLiteral("^(\\d*)<<(-?)([^<]*)$"));
    const QStringView args = QStringView(m_text).mid(argsStart, m_end - argsStart);
    ShellLex lex; // BuildKit reads heredoc words with '\' whatever the escape directive says
    ShellLex rawLex;
    rawLex.setRawQuotes(true);
    for (const Span &s : WordSplitter::quotedWords(args, QLatin1Char('\\'))) {
        // a QString, not a view: match(QStringView) is deprecated in Qt 6.8 and matchView() is not in 6.4
        const QRegularExpressionMatch m = marker.match(args.mid(s.start, s.end - s.start).toString());
        if (!m.hasMatch() || m.captured(3).isEmpty())
            continue;
        const ShellLex::Result plain = lex.process(m.captured(3), {});
        const ShellLex::Result raw = rawLex.process(m.captured(3), {});
        if (plain.words.size() != 1 || raw.words.size() != 1)
            continue;
        auto quotes = [](const QString &w) { return w.count(QLatin1Char('\'')) + w.count(QLatin1Char('"')); };
        Heredoc h;
        h.name = plain.words.first();
        h.expand = quotes(plain.words.first()) == quotes(raw.words.first());
        h.chomp = !m.captured(2).isEmpty();
        h.fileDescriptor = m.captured(1).toInt();
        h.markerRange = range(s, argsStart);
        ins.heredocs.append(h);
    }
}

void InstructionParser::checkArgumentCount(const Instruction &ins)
{
    const QString name = instructionName(ins.kind);
    const int n = int(ins.args.size() + ins.pairs.size()); // heredoc markers are words too
    const Range where = ins.rawArgs.isEmpty() ? ins.keywordRange : ins.argsRange;
    switch (ins.kind) {
    case InstructionKind::Copy:
    case InstructionKind::Add:
        if (n < 2 && ins.heredocs.isEmpty())
            error(Msg::tr("%1 requires at least two arguments (sources and a destination)").arg(name), where);
        else if (n < 2)
            error(Msg::tr("%1 needs a destination after the heredoc").arg(name), where);
        return;
    case InstructionKind::Cmd:
    case InstructionKind::Entrypoint:
    case InstructionKind::Healthcheck:
        return; // may be empty
    case InstructionKind::Shell:
        if (ins.jsonForm && ins.args.isEmpty())
            error(Msg::tr("SHELL requires at least one argument"), where);
        return;
    case InstructionKind::Onbuild:
        if (!ins.onbuild)
            error(Msg::tr("ONBUILD requires an instruction to register, e.g. ONBUILD RUN make"), where);
        return;
    default:
        if (n == 0 && !(ins.jsonForm && ins.kind == InstructionKind::Run))
            error(Msg::tr("%1 requires at least one argument").arg(name), where);
    }
}

} // namespace ll::df
