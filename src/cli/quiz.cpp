// layerlens-cli quiz IMAGE: the window's quiz questions on an image, with their answers, for a
// trainer to print or reuse (--json), in English or French.
#include "commands.h"
#include "console.h"
#include "imageoptions.h"

#include "common/language.h"
#include "quiz/quiz.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace cli;

namespace {

struct Sheet {
    Q_DECLARE_TR_FUNCTIONS(cli::quiz)
};

void printText(const std::vector<ll::quiz::Question> &questions)
{
    for (size_t i = 0; i < questions.size(); ++i) {
        const ll::quiz::Question &q = questions[i];
        out(QStringLiteral("%1. %2\n").arg(i + 1).arg(q.text));
        for (int c = 0; c < q.choices.size(); ++c)
            out(QStringLiteral("   %1) %2\n").arg(QChar(u'a' + c)).arg(q.choices[c]));
        out(Sheet::tr("   Answer: %1) %2\n").arg(QChar(u'a' + q.answer)).arg(q.choices[q.answer]));
        out(QStringLiteral("   %1\n\n").arg(q.explanation));
    }
}

} // namespace

int runQuiz(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Cli::tr("Questions on an image, made from what it holds (how many layers, which step added a "
                                                    "path, which file is the config, DiffID or blob digest, what a later rm saves…), "
                                                    "with their answers and where the window shows the proof: the window's quiz "
                                                    "(Help › Quiz), for a trainer to print or reuse."));
    addImageOptions(parser);
    parser.addOption({QStringLiteral("json"), Cli::tr("Print JSON (schema layerlens.quiz/v1, see docs/json-schema.md).")});
    parser.addOption({QStringLiteral("seed"), Cli::tr("Another set of choices and picked paths (default: from the image ID, so the "
                                                             "window and this command ask the same)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("with"), Cli::tr("Another image to ask about (repeatable, up to 3): which of them shares "
                                                             "IMAGE's base, or with one, how many layers the two share."),
                      QStringLiteral("IMAGE")});
    parser.addOption({QStringLiteral("language"), Cli::tr("The questions' language: %1 (default: the system's).")
                                                      .arg(ll::language::available().join(QStringLiteral(", "))),
                      QStringLiteral("CODE")});
    int code = 0;
    if (!parseArgs(parser, QStringLiteral("quiz"), args, code))
        return code;
    const QString language = parser.value(QStringLiteral("language")).toLower();
    if (!language.isEmpty() && !ll::language::available().contains(language)) {
        err(Cli::tr("layerlens-cli quiz: --language takes one of: %1\n").arg(ll::language::available().join(QStringLiteral(", "))));
        return 2;
    }
    bool seedOk = true;
    const quint32 givenSeed = parser.value(QStringLiteral("seed")).toUInt(&seedOk);
    if (parser.isSet(QStringLiteral("seed")) && !seedOk) {
        err(Cli::tr("layerlens-cli quiz: --seed takes a number from 0 to 4294967295\n"));
        return 2;
    }
    const QStringList withNames = parser.values(QStringLiteral("with"));
    if (withNames.size() > 3) {
        err(Cli::tr("layerlens-cli quiz: --with takes up to 3 images (a question has 4 choices)\n"));
        return 2;
    }
    auto image = loadImage(parser, code);
    if (!image)
        return code;
    std::vector<ll::ImageAnalysis> withImages;
    for (const QString &name : withNames) {
        auto other = loadImage(parser, name, code);
        if (!other)
            return code;
        withImages.push_back(std::move(*other));
    }
    std::vector<ll::quiz::OtherImage> others;
    for (size_t i = 0; i < withImages.size(); ++i)
        others.push_back({withNames[qsizetype(i)], &withImages[i]});
    // After loading: the progress and errors above stay in the CLI's English.
    ll::language::apply(ll::language::resolve(language));
    const QString used = ll::language::current(); // what the words are in, even if a translation failed to load
    const quint32 seed = parser.isSet(QStringLiteral("seed")) ? givenSeed : ll::quiz::defaultSeed(*image);
    const auto questions = ll::quiz::makeQuiz(*image, seed, 0, others);
    if (parser.isSet(QStringLiteral("json")))
        out(QString::fromUtf8(QJsonDocument(ll::quiz::quizJson(*image, questions, seed, used)).toJson(QJsonDocument::Indented)));
    else
        printText(questions);
    bool verified = image->allVerified();
    for (const ll::ImageAnalysis &other : withImages)
        verified = verified && other.allVerified();
    return verified ? 0 : 2;
}
