#include "console.h"

#include "common/language.h"

#include <QDateTime>
#include <QMutex>

#include <atomic>
#include <cstdio>
#include <unistd.h>

namespace cli {

namespace {
std::atomic<bool> g_cancel{false};
QMutex g_drawMutex;
}

void out(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    fflush(stdout);
}

void err(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

void applySystemLanguage()
{
    // English is the source text: nothing to install, and its numbers stay the C locale's
    // ("1234", "1.2 MiB"), as scripts have always read them.
    QLocale::setDefault(QLocale::c());
    const QString language = ll::language::resolve(QString());
    if (language != QLatin1String("en"))
        ll::language::apply(language);
}

bool stderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }
void requestCancel() { g_cancel.store(true); }

bool ConsoleContext::isCanceled() const { return g_cancel.load(std::memory_order_relaxed); }

void ConsoleContext::setStatus(const QString &text)
{
    QMutexLocker lock(&g_drawMutex);
    m_status = text;
}

void ConsoleContext::setProgress(qint64 done, qint64 total)
{
    if (!stderrIsTerminal() || total <= 0)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QMutexLocker lock(&g_drawMutex);
    if (now - m_lastDrawMs < 100 && done < total)
        return;
    m_lastDrawMs = now;
    m_drawn = true;
    err(QStringLiteral("\r\x1b[K%1 %2%").arg(m_status).arg(100.0 * double(done) / double(total), 0, 'f', 1));
}

void ConsoleContext::clearLine()
{
    QMutexLocker lock(&g_drawMutex);
    if (m_drawn)
        err(QStringLiteral("\r\x1b[K"));
    m_drawn = false;
}

} // namespace cli
