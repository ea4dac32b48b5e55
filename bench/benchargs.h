#pragma once
#include <QStringList>

// `--name VALUE` from a benchmark's command line, or `fallback`.
inline QString optionValue(const QStringList &args, const QString &name, const QString &fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
}
