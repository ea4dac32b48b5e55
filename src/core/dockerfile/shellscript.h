#pragma once
#include <QString>
#include <QStringList>
#include <QVector>

namespace ll::df {

// A rough reading of a shell command line for lint checks: simple commands split at `&&`, `||`,
// `;`, `|`, `&` and newlines outside quotes, each cut into words (quotes removed). Not a
// shell: no expansion, no subshell structure; enough to spot `cd`, `apt-get install` and pipes.
class ShellScript {
public:
    explicit ShellScript(const QString &script);

    const QVector<QStringList> &commands() const { return m_commands; }
    bool hasPipe() const { return m_hasPipe; }
    // True when some command's words start with `words` (e.g. {"apt-get", "install"}),
    // allowing options between the program and its sub-command.
    bool runs(const QString &program, const QString &subcommand = QString()) const;
    bool contains(const QString &text) const { return m_text.contains(text); }

private:
    void endWord(QString &word, QStringList &words);
    void endCommand(QString &word, QStringList &words);

    QString m_text;
    QVector<QStringList> m_commands;
    bool m_hasPipe = false;
};

} // namespace ll::df
