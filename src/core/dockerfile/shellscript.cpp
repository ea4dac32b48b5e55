#include "shellscript.h"

namespace ll::df {

ShellScript::ShellScript(const QString &script)
    : m_text(script)
{
    QString word;
    QStringList words;
    QChar quote;
    const int n = int(script.size());
    for (int i = 0; i < n; ++i) {
        const QChar c = script[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else
                word += c;
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char('\\') && i + 1 < n) {
            word += script[++i];
        } else if (c == QLatin1Char('|') || c == QLatin1Char('&') || c == QLatin1Char(';') || c == QLatin1Char('\n')) {
            const bool doubled = i + 1 < n && script[i + 1] == c;
            if (c == QLatin1Char('|') && !doubled)
                m_hasPipe = true;
            if (doubled)
                ++i;
            endCommand(word, words);
        } else if (c.isSpace()) {
            endWord(word, words);
        } else {
            word += c;
        }
    }
    endCommand(word, words);
}

void ShellScript::endWord(QString &word, QStringList &words)
{
    if (!word.isEmpty())
        words << word;
    word.clear();
}

void ShellScript::endCommand(QString &word, QStringList &words)
{
    endWord(word, words);
    // `sudo` and `env` only run the command after them.
    while (!words.isEmpty() && (words.first() == QLatin1String("sudo") || words.first() == QLatin1String("env")))
        words.removeFirst();
    if (!words.isEmpty())
        m_commands.append(words);
    words.clear();
}

bool ShellScript::runs(const QString &program, const QString &subcommand) const
{
    for (const QStringList &cmd : m_commands) {
        if (cmd.first() != program && !cmd.first().endsWith(QLatin1Char('/') + program))
            continue;
        if (subcommand.isEmpty())
            return true;
        for (int i = 1; i < cmd.size(); ++i) {
            if (cmd[i] == subcommand)
                return true;
            if (!cmd[i].startsWith(QLatin1Char('-')))
                break;
        }
    }
    return false;
}

} // namespace ll::df
