#pragma once
#include "common/taskcontext.h"

#include <QString>

namespace cli {

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
