#include "shelllex.h"

#include "common/error.h"

#include <QRegularExpression>

namespace ll::df {

namespace {

// Collects the output string and, alongside, the words it splits into. Characters that came
// from quotes or escapes never split a word; blanks from unquoted text or expansions do.
struct Output {
    QString text;
    QStringList words;
    QString word;
    bool inWord = false;

    void raw(QChar c) { text += c; word += c; inWord = true; }
    void raw(const QString &s) { for (QChar c : s) raw(c); }
    void plain(QChar c)
    {
        text += c;
        if (!c.isSpace()) {
            word += c;
            inWord = true;
        } else if (inWord) {
            if (!word.isEmpty())
                words << word;
            word.clear();
            inWord = false;
        }
    }
    void plain(const QString &s) { for (QChar c : s) plain(c); }
    QStringList finish()
    {
        if (!word.isEmpty())
            words << word;
        return words;
    }
};

bool isNameStart(QChar c) { return c.isLetter() || c == QLatin1Char('_'); }
bool isNameChar(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); }

// Shell glob (*, ?) to an anchored regular expression.
QRegularExpression globRegex(const QString &glob, bool greedy)
{
    QString re;
    for (QChar c : glob) {
        if (c == QLatin1Char('*'))
            re += greedy ? QStringLiteral(".*") : QStringLiteral(".*?");
        else if (c == QLatin1Char('?'))
            re += QLatin1Char('.');
        else
            re += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(re, QRegularExpression::DotMatchesEverythingOption);
}

QString trimGlob(const QString &value, const QString &glob, bool prefix, bool longest)
{
    const int n = int(value.size());
    const QRegularExpression re(QLatin1Char('^') + globRegex(glob, true).pattern() + QLatin1Char('$'),
                                QRegularExpression::DotMatchesEverythingOption);
    // Try cut lengths from shortest to longest (or the reverse) and take the first that fits.
    for (int k = 0; k <= n; ++k) {
        const int len = longest ? n - k : k;
        const QString part = prefix ? value.left(len) : value.right(len);
        if (re.match(part).hasMatch())
            return prefix ? value.mid(len) : value.left(n - len);
    }
    return value;
}

class Scanner {
public:
    Scanner(QStringView text, const VariableMap &env, QChar escape, bool rawQuotes, bool skipQuotes)
        : m_text(text), m_env(env), m_escape(escape), m_rawQuotes(rawQuotes), m_skipQuotes(skipQuotes) {}

    ShellLex::Result run()
    {
        Output out;
        processUntil(QChar(), out);
        m_result.value = out.text;
        m_result.words = out.finish();
        return m_result;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text[m_pos]; }
    void fail(const QString &message)
    {
        if (m_result.error.isEmpty())
            m_result.error = message;
    }

    void processUntil(QChar stop, Output &out);
    void singleQuote(Output &out);
    void doubleQuote(Output &out);
    QString dollar();
    QString braced();
    QString name();
    QString lookup(const QString &key, bool reportUnset, bool *isSet);

    QStringView m_text;
    const VariableMap &m_env;
    QChar m_escape;
    bool m_rawQuotes;
    bool m_skipQuotes;
    qsizetype m_pos = 0;
    ShellLex::Result m_result;
};

void Scanner::processUntil(QChar stop, Output &out)
{
    while (!atEnd()) {
        const QChar c = m_text[m_pos];
        if (!stop.isNull() && c == stop) {
            ++m_pos;
            return;
        }
        if (c == m_escape) {
            ++m_pos;
            if (!atEnd())
                out.raw(m_text[m_pos++]); // a trailing escape character is dropped
        } else if (m_skipQuotes && (c == QLatin1Char('\'') || c == QLatin1Char('"'))) {
            out.plain(c);
            ++m_pos;
        } else if (c == QLatin1Char('\'')) {
            singleQuote(out);
        } else if (c == QLatin1Char('"')) {
            doubleQuote(out);
        } else if (c == QLatin1Char('$')) {
            out.plain(dollar());
        } else {
            out.plain(c);
            ++m_pos;
        }
    }
    if (!stop.isNull())
        fail(Msg::tr("missing '%1'").arg(stop));
}

void Scanner::singleQuote(Output &out)
{
    ++m_pos;
    if (m_rawQuotes)
        out.raw(QLatin1Char('\''));
    while (!atEnd() && m_text[m_pos] != QLatin1Char('\''))
        out.raw(m_text[m_pos++]);
    if (atEnd()) {
        fail(Msg::tr("unexpected end of statement while looking for matching single-quote"));
        return;
    }
    ++m_pos;
    if (m_rawQuotes)
        out.raw(QLatin1Char('\''));
}

void Scanner::doubleQuote(Output &out)
{
    ++m_pos;
    if (m_rawQuotes)
        out.raw(QLatin1Char('"'));
    while (!atEnd() && m_text[m_pos] != QLatin1Char('"')) {
        const QChar c = m_text[m_pos];
        if (c == QLatin1Char('$')) {
            out.raw(dollar());
            continue;
        }
        if (c == m_escape && m_pos + 1 < m_text.size()) {
            const QChar n = m_text[m_pos + 1];
            // Inside double quotes the escape only protects ", $ and itself.
            if (n == QLatin1Char('"') || n == QLatin1Char('$') || n == m_escape) {
                out.raw(n);
                m_pos += 2;
                continue;
            }
        }
        out.raw(c);
        ++m_pos;
    }
    if (atEnd()) {
        fail(Msg::tr("unexpected end of statement while looking for matching double-quote"));
        return;
    }
    ++m_pos;
    if (m_rawQuotes)
        out.raw(QLatin1Char('"'));
}

QString Scanner::name()
{
    const qsizetype start = m_pos;
    if (!atEnd() && m_text[m_pos].isDigit()) {
        while (!atEnd() && m_text[m_pos].isDigit())
            ++m_pos;
    } else if (!atEnd() && isNameStart(m_text[m_pos])) {
        while (!atEnd() && isNameChar(m_text[m_pos]))
            ++m_pos;
    }
    return m_text.mid(start, m_pos - start).toString();
}

QString Scanner::lookup(const QString &key, bool reportUnset, bool *isSet)
{
    const auto it = m_env.constFind(key);
    *isSet = it != m_env.constEnd();
    if (*isSet) {
        m_result.matched.insert(key);
        return it.value();
    }
    if (reportUnset)
        m_result.unmatched.insert(key);
    return {};
}

QString Scanner::dollar()
{
    ++m_pos; // the '$'
    if (peek() == QLatin1Char('{')) {
        ++m_pos;
        return braced();
    }
    const QString key = name();
    if (key.isEmpty())
        return QStringLiteral("$"); // "$" followed by no name stays as it is
    bool set = false;
    return lookup(key, true, &set);
}

QString Scanner::braced()
{
    const QString key = name();
    if (key.isEmpty() || atEnd()) {
        fail(key.isEmpty() ? Msg::tr("bad substitution: expected a variable name after '${'")
                           : Msg::tr("missing '}'"));
        Output skip;
        processUntil(QLatin1Char('}'), skip);
        return {};
    }
    QChar op = m_text[m_pos++];
    bool set = false;
    if (op == QLatin1Char('}'))
        return lookup(key, true, &set);
    const bool colon = op == QLatin1Char(':');
    if (colon)
        op = atEnd() ? QChar() : m_text[m_pos++];
    bool twice = false;
    if ((op == QLatin1Char('#') || op == QLatin1Char('%')) && peek() == op) {
        twice = true;
        ++m_pos;
    }
    Output wordOut;
    processUntil(QLatin1Char('}'), wordOut);
    const QString word = wordOut.text;
    const bool handlesUnset = op == QLatin1Char('-') || op == QLatin1Char('+');
    const QString value = lookup(key, !handlesUnset, &set);
    const bool usable = colon ? !value.isEmpty() : set;
    if (op == QLatin1Char('-'))
        return usable ? value : word;
    if (op == QLatin1Char('+'))
        return usable ? word : QString();
    if (op == QLatin1Char('?')) {
        if (!usable)
            fail(Msg::tr("%1: %2").arg(key, word.isEmpty() ? Msg::tr("is not allowed to be unset") : word));
        return value;
    }
    if (!colon && (op == QLatin1Char('#') || op == QLatin1Char('%')))
        return trimGlob(value, word, op == QLatin1Char('#'), twice);
    fail(Msg::tr("unsupported modifier (%1%2) in substitution").arg(colon ? QStringLiteral(":") : QString(), QString(op)));
    return value;
}

} // namespace

ShellLex::Result ShellLex::process(QStringView text, const VariableMap &env) const
{
    return Scanner(text, env, m_escape, m_rawQuotes, m_skipQuotes).run();
}

} // namespace ll::df
