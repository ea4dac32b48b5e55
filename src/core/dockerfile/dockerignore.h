#pragma once
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QVector>

namespace ll::df {

// Docker's .dockerignore semantics (moby/patternmatcher), shared by the linter (CopyIgnoredFile)
// and the builder (what the context holds):
// - one pattern a line; blank lines and lines starting with '#' are skipped; blanks trimmed;
// - `!pattern` re-includes what earlier patterns excluded; the last matching pattern wins;
// - patterns are cleaned like paths (`./a//b/` → `a/b`) and a leading '/' is dropped;
// - `*` and `?` never cross '/', `**` crosses any number of directories, `[...]` is a class,
//   '\' escapes the next character;
// - a pattern that matches a parent directory matches everything below it.
class DockerIgnore {
public:
    DockerIgnore() = default;
    // Patterns as they appear in a .dockerignore file (comments and blanks allowed).
    static DockerIgnore fromText(const QString &text);
    // Patterns already read, one per entry (a leading '!' marks an exception).
    explicit DockerIgnore(const QStringList &patterns);

    bool isEmpty() const { return m_patterns.isEmpty(); }
    // The cleaned patterns in order, exceptions with their '!'.
    QStringList patterns() const;
    bool hasExceptions() const;

    // True when `path` (relative to the context root, '/' separated) is left out of the
    // context. The path is cleaned first, so "./a/../b" and "/b" both mean "b".
    bool isExcluded(const QString &path) const;

    // Go's filepath.Clean on '/' separated paths; "" gives ".".
    static QString cleanPath(const QString &path);

private:
    struct Pattern {
        QString text;
        bool exception = false;
        QRegularExpression regex;
    };
    static QRegularExpression compile(const QString &pattern);
    bool matches(const Pattern &p, const QString &path, const QStringList &parentDirs) const;

    QVector<Pattern> m_patterns;
};

} // namespace ll::df
