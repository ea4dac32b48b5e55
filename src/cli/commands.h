#pragma once
#include <QStringList>

// Each sub-command takes its own arguments (without the program and command names) and
// returns the process exit code: 0 fine, 1 a check failed (ci rules, lint errors), 2 bad input.
int runInspect(const QStringList &args);
int runCi(const QStringList &args);
int runLint(const QStringList &args);
int runSample(const QStringList &args);
int runBuild(const QStringList &args);
int runImages(const QStringList &args);
int runCopy(const QStringList &args);
int runCache(const QStringList &args);
int runDiff(const QStringList &args);
int runQuiz(const QStringList &args);
