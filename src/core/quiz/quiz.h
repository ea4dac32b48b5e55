#pragma once
#include "image/imageanalysis.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

// Questions about one image, made from what it holds (not a fixed list): how many layers, which
// step added a path, which file is the config, which digest is the DiffID, what a later `rm`
// saves… Each comes with its answer, why, and where the window shows the proof. The words are
// in the installed translation's language (QCoreApplication::translate, context "ll::quiz").
namespace ll::quiz {

// Where the window proves an answer.
struct Proof {
    QString pane;        // "timeline", "files" (the path after `layer`), "anatomy" (`member`)
    int layer = -1;      // 0-based, -1: none
    int step = -1;       // 0-based history entry, -1: none
    QByteArray path;     // files/efficiency: a path, without the leading '/'
    QByteArray member;   // anatomy: an archive member
    QString image;       // compare: the other image (as OtherImage::name)
};

// A second image the quiz may ask about (the window's File › Compare, `quiz --with`).
struct OtherImage {
    QString name; // as the trainer typed it (a file or a reference)
    const ImageAnalysis *analysis = nullptr;
};

struct Question {
    QString kind; // what it asks, stable for scripts: "layerCount", "metadataStep", "stepOfPath", …
    QString text;
    QStringList choices;
    int answer = 0; // index into choices
    QString explanation;
    Proof proof;
};

// Up to `count` questions (0: every kind the image allows), in a fixed order for a given seed:
// the same image and seed give the same quiz, a trainer's sheet matches the room's window.
// With `others`, the quiz also asks which of them shares this image's base (one other: how many
// layers they share).
std::vector<Question> makeQuiz(const ImageAnalysis &analysis, quint32 seed = 0, int count = 0, const std::vector<OtherImage> &others = {});
// The seed a quiz uses when none is given: from the image's config digest.
quint32 defaultSeed(const ImageAnalysis &analysis);

// `layerlens.quiz/v1` (docs/quiz.schema.json).
QJsonObject quizJson(const ImageAnalysis &analysis, const std::vector<Question> &questions, quint32 seed, const QString &language);

} // namespace ll::quiz
