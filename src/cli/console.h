#pragma once
#include "common/taskcontext.h"

#include <QCoreApplication>
#include <QString>

namespace cli {

// The context of the CLI's words in the translations (Cli::tr): its help, its messages, its
// reports. In the language of the system's locale (LANG, LANGUAGE), English when none is shipped.
struct Cli {
    Q_DECLARE_TR_FUNCTIONS(cli)
};
// Applies the system's language (before any output); English keeps the C locale's numbers.
void applySystemLanguage();

void out(const QString &text);
void err(const QString &text);
bool stderrIsTerminal();
void requestCancel();

// Cancels on Ctrl-C; draws a one-line progress meter on stderr when it is a terminal.
class ConsoleContext : public ll::TaskContext {
public:
    bool isCanceled() const override;
    void setProgress(qint64 done, qint64 total) override;
    void setStatus(const QString &text) override;
    void clearLine();

private:
    QString m_status;
    qint64 m_lastDrawMs = 0;
    bool m_drawn = false;
};

} // namespace cli
