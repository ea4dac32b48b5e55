#pragma once
#include "image/imagediff.h"

#include <QWidget>

namespace gui {

// What the picture draws, worked out from two images and their comparison: the layers both
// share from the bottom (same ChainID) drawn once across both stacks, each image's own layers
// above them, and what sharing saves.
struct SharingLayout {
    struct Box {
        QString label; // "3 · COPY app/ /app/"
        qint64 stored = 0;
        int layers = 1; // several when the box stands for a group
    };
    QString nameA, nameB;
    Box shared;                 // layers == 0: nothing shared
    qint64 sharedBlobs = 0;     // of shared.stored, B's bytes in the same blobs as A's (same digest)
    qint64 blobsInA = 0;        // B's bytes, anywhere in B, in blobs A has: what a pull of B skips
    std::vector<Box> ownA, ownB; // bottom first
    int layersA = 0, layersB = 0;
    qint64 storedA = 0, storedB = 0;

    // Own layers beyond `maxOwn` per image are folded into one box at the top ("+N layers").
    static SharingLayout make(const ll::ImageAnalysis &a, const ll::ImageAnalysis &b, const ll::ImageDiff &d, int maxOwn = 8);
    // At most `maxBoxes`: the top ones folded into one "+N layers more" box with their sum.
    static std::vector<Box> folded(std::vector<Box> boxes, int maxBoxes);
    // "Stored once: …" — the sentence under the stacks.
    QString savingText() const;
};

// The sharing picture of File › Compare (and the lesson's sharing chapter): two stacks of
// layers side by side on one shared base. It is drawn by paintEvent alone, so it exports as
// PNG or SVG (paneexport) exactly as it is shown.
class SharingPicture : public QWidget {
    Q_OBJECT
public:
    explicit SharingPicture(QWidget *parent = nullptr);
    void setSharing(SharingLayout layout);
    void clear();
    const SharingLayout &sharing() const { return m_layout; }
    bool isEmpty() const { return m_layout.nameA.isEmpty(); }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    SharingLayout m_layout;
};

} // namespace gui
