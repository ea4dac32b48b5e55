#pragma once
#include <QByteArrayList>
#include <QRandomGenerator>

#include <cmath>
#include <cstring>
#include <vector>

// Seeded file content for the benchmarks' generators: word-like text that compresses about as
// real source does, or random bytes that do not compress. The same seed gives the same bytes.
class WordContent {
public:
    explicit WordContent(quint32 seed) : m_rng(seed)
    {
        for (int i = 0; i < 4096; ++i) {
            QByteArray w;
            const int len = 2 + int(m_rng.bounded(9));
            for (int j = 0; j < len; ++j)
                w.append(char('a' + m_rng.bounded(26)));
            m_words.append(w);
        }
    }
    QByteArray text(qint64 size)
    {
        QByteArray out;
        out.reserve(size + 16);
        while (out.size() < size) {
            out.append(m_words[int(m_rng.bounded(quint32(m_words.size())))]);
            out.append(m_rng.bounded(8) == 0 ? '\n' : ' ');
        }
        out.truncate(size);
        return out;
    }
    QByteArray random(qint64 size)
    {
        QByteArray out(size, Qt::Uninitialized);
        std::vector<quint32> words(size_t(size / 4 + 1));
        m_rng.fillRange(words.data(), qsizetype(words.size()));
        std::memcpy(out.data(), words.data(), size_t(size));
        return out;
    }
    quint32 below(quint32 n) { return m_rng.bounded(n); }
    // Log-uniform: as many files of 1-2 KB as of 1-2 MB, like real trees.
    double logUniform(double lo, double hi) { return std::exp(std::log(lo) + m_rng.generateDouble() * (std::log(hi) - std::log(lo))); }

private:
    QRandomGenerator m_rng;
    QByteArrayList m_words;
};
