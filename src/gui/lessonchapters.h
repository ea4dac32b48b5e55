#pragma once
#include "lesson/lessonfacts.h"
#include "quiz/quiz.h"

#include <optional>

// The lesson's seven chapters as pages: a few sentences written around the open image's own
// numbers, and "Show me" buttons that drive the real panes (each a quiz Proof, plus "compare" and
// "sampleProject"). Made on the window's thread from facts a worker gathered.
namespace gui::lesson {

// What a worker found for the chapters that need reading (os-release, the tree's examples).
struct Facts {
    ll::lesson::BaseFacts base;
    std::optional<ll::Result<ll::lesson::OsRelease>> osRelease;
    ll::lesson::UnionExamples unionExamples;
    int hashedLayer = -1;
};
// Facts from the analysis (reads os-release from its layer; walks the tree once). `baseLayers`:
// the base the window shows (-1: guessed).
Facts gatherFacts(const ll::ImageAnalysis &a, int baseLayers, ll::TaskContext &ctx);

struct Button {
    QString label;
    ll::quiz::Proof proof;
};
struct Page {
    QString title;
    QString html;
    std::vector<Button> buttons;
};

int chapterCount();
QString chapterTitle(int chapter); // "1. Base images"
// `a` may be null (no image open, or `loading` one); `facts` null while they are being gathered;
// `hash` is the live hash of chapter 3 once done.
Page chapterPage(int chapter, const ll::ImageAnalysis *a, const Facts *facts, const std::optional<ll::Result<ll::lesson::LiveHash>> &hash,
                 bool loading = false);

} // namespace gui::lesson
