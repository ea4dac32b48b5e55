#pragma once
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace ll::df {

// Variables an expansion can see: name → value. Names are case-sensitive, as on Linux.
using VariableMap = QHash<QString, QString>;

// BuildKit's word processing for the instructions it expands itself (FROM, COPY, ADD, ENV,
// LABEL, ARG, WORKDIR, USER, EXPOSE, VOLUME, STOPSIGNAL): $VAR, ${VAR}, ${VAR:-x}, ${VAR-x},
// ${VAR:+x}, ${VAR+x}, ${VAR:?msg}, ${VAR?msg}, ${VAR#glob}, ${VAR##glob}, ${VAR%glob},
// ${VAR%%glob}; single quotes stop expansion, double quotes keep it, the escape character makes
// the next character literal; quotes are removed. Pure: it never reads the process environment.
class ShellLex {
public:
    struct Result {
        QString value;        // the whole text, expanded, quotes removed
        QStringList words;    // the same split at unquoted blanks (also those an expansion gave)
        QSet<QString> matched;   // variables found set
        // Variables used but unset. A reference with a default or alternative (${X:-y},
        // ${X-y}, ${X:+y}, ${X+y}) handles the unset case itself and is not listed.
        QSet<QString> unmatched;
        QString error;        // empty when the text was well formed
    };

    explicit ShellLex(QChar escape = QLatin1Char('\\')) : m_escape(escape) {}
    // Keep quote characters in the output (how BuildKit tells a quoted heredoc delimiter).
    void setRawQuotes(bool raw) { m_rawQuotes = raw; }
    // Treat quotes as plain characters (heredoc bodies: quotes there belong to the content).
    void setSkipQuotes(bool skip) { m_skipQuotes = skip; }

    Result process(QStringView text, const VariableMap &env) const;

private:
    QChar m_escape;
    bool m_rawQuotes = false;
    bool m_skipQuotes = false;
};

} // namespace ll::df
