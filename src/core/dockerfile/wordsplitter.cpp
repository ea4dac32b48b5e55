#include "wordsplitter.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace ll::df::WordSplitter {

QVector<Span> whitespaceWords(QStringView text)
{
    QVector<Span> spans;
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        while (i < n && text[i].isSpace())
            ++i;
        if (i >= n)
            break;
        const int start = i;
        while (i < n && !text[i].isSpace())
            ++i;
        spans.append({start, i});
    }
    return spans;
}

QVector<Span> quotedWords(QStringView text, QChar escape)
{
    QVector<Span> spans;
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        while (i < n && text[i].isSpace())
            ++i;
        if (i >= n)
            break;
        const int start = i;
        QChar quote;
        while (i < n) {
            const QChar c = text[i];
            if (quote.isNull()) {
                if (c.isSpace())
                    break;
                if (c == QLatin1Char('\'') || c == QLatin1Char('"'))
                    quote = c;
                else if (c == escape)
                    ++i; // the escaped character belongs to the word, whatever it is
            } else if (c == quote) {
                quote = QChar();
            } else if (c == escape && quote != QLatin1Char('\'')) {
                ++i; // single quotes escape nothing
            }
            ++i;
        }
        i = std::min(i, n);
        spans.append({start, i});
    }
    return spans;
}

namespace {

// Reads one flag word starting at `i` (which points at "--"); returns the word's end.
int readFlagWord(QStringView text, int i, QString &word)
{
    const int n = int(text.size());
    QChar quote;
    for (; i < n; ++i) {
        QChar c = text[i];
        if (quote.isNull() && c.isSpace())
            break;
        if (quote.isNull() && (c == QLatin1Char('\'') || c == QLatin1Char('"'))) {
            quote = c;
            continue;
        }
        if (!quote.isNull() && c == quote) {
            quote = QChar();
            continue;
        }
        if (c == QLatin1Char('\\')) {
            if (i + 1 == n)
                continue; // a backslash at the very end is dropped
            c = text[++i];
        }
        word += c;
    }
    return i;
}

} // namespace

FlagWords leadingFlags(QStringView text)
{
    FlagWords result;
    const int n = int(text.size());
    int i = 0;
    while (true) {
        while (i < n && text[i].isSpace())
            ++i;
        result.rest = i;
        if (i + 1 >= n || text[i] != QLatin1Char('-') || text[i + 1] != QLatin1Char('-'))
            return result;
        QString word;
        const int end = readFlagWord(text, i, word);
        if (word == QLatin1String("--")) {
            result.rest = end;
            while (result.rest < n && text[result.rest].isSpace())
                ++result.rest;
            return result;
        }
        result.words << word;
        result.spans.append({i, end});
        i = end;
    }
}

JsonArray jsonArray(QStringView text)
{
    JsonArray result;
    const QString trimmed = text.toString().trimmed();
    if (!trimmed.startsWith(QLatin1Char('[')))
        return result;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return result;
    result.isArray = true;
    result.allStrings = true;
    const QJsonArray array = doc.array();
    for (const QJsonValue &v : array) {
        if (!v.isString())
            result.allStrings = false;
        result.values << v.toString();
    }
    if (!result.allStrings)
        return result;
    // The document is valid, so a plain scan for the string literals cannot go astray.
    const int n = int(text.size());
    for (int i = 0; i < n; ++i) {
        if (text[i] != QLatin1Char('"'))
            continue;
        const int start = i++;
        while (i < n && text[i] != QLatin1Char('"'))
            i += text[i] == QLatin1Char('\\') ? 2 : 1;
        result.spans.append({start, std::min(i + 1, n)});
    }
    return result;
}

} // namespace ll::df::WordSplitter
