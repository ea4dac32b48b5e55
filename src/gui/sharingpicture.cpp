#include "sharingpicture.h"

#include "formatting.h"

#include <QFileInfo>
#include <QPainter>
#include <QPainterPath>

namespace gui {

namespace {

// As `diff` counts it: what was read, nothing for a layer that was not.
qint64 storedOf(const ll::LayerReport &r)
{
    return std::max<qint64>(r.storedSize, 0);
}

std::vector<SharingLayout::Box> ownBoxes(const ll::ImageAnalysis &image, int from, int maxOwn)
{
    std::vector<SharingLayout::Box> out;
    const auto &layers = image.layers;
    for (size_t i = size_t(from); i < layers.size(); ++i) {
        const ll::LayerReport &r = layers[i];
        QString what;
        if (r.stepIndex >= 0 && size_t(r.stepIndex) < image.overview.steps.size())
            what = instructionText(image.overview.steps[size_t(r.stepIndex)].history.createdBy).simplified();
        if (what.isEmpty())
            what = r.diffId.isValid() ? r.diffId.shortString(12) : r.expectedDiffId.shortString(12);
        out.push_back({QStringLiteral("%1 · %2").arg(QString::number(r.index + 1), what), storedOf(r), 1});
    }
    return SharingLayout::folded(std::move(out), maxOwn);
}

// What the user opened it as (a file's name, a reference), which the digests of describe() are not.
QString imageName(const ll::ImageAnalysis &image)
{
    const QString path = image.overview.source ? image.overview.source->path() : QString();
    const QString name = path.isEmpty() ? QString() : QFileInfo(path).fileName();
    return name.isEmpty() ? image.overview.choice().describe() : name;
}

// One layer box: the label on the left, elided, its size on the right.
void drawBox(QPainter &p, const QRectF &r, const QColor &fill, const QColor &line, const QString &label, const QString &size)
{
    QPainterPath path;
    path.addRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    p.fillPath(path, fill);
    const QPen textPen = p.pen();
    p.setPen(line);
    p.drawPath(path);
    p.setPen(textPen);
    const QFontMetrics fm(p.font());
    const int pad = fm.averageCharWidth();
    const QRectF text = r.adjusted(pad, 0, -pad, 0);
    const qreal sizeWidth = fm.horizontalAdvance(size) + pad;
    p.drawText(text, Qt::AlignRight | Qt::AlignVCenter, size);
    p.drawText(text.adjusted(0, 0, -sizeWidth, 0), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(label, Qt::ElideRight, int(text.width() - sizeWidth)));
}

} // namespace

SharingLayout SharingLayout::make(const ll::ImageAnalysis &a, const ll::ImageAnalysis &b, const ll::ImageDiff &d, int maxOwn)
{
    SharingLayout s;
    s.nameA = imageName(a);
    s.nameB = imageName(b);
    s.shared.layers = d.commonLayers;
    s.shared.stored = d.commonStoredBytes;
    s.sharedBlobs = d.commonBlobBytes;
    s.blobsInA = d.blobsInABytes;
    s.shared.label = SharingPicture::tr("Shared base: %n layer(s), the same in both (same ChainID)", nullptr, d.commonLayers);
    s.ownA = ownBoxes(a, d.commonLayers, maxOwn);
    s.ownB = ownBoxes(b, d.commonLayers, maxOwn);
    // The totals `diff` prints for each side.
    s.layersA = d.a.layers;
    s.layersB = d.b.layers;
    s.storedA = d.a.storedSize;
    s.storedB = d.b.storedSize;
    return s;
}

std::vector<SharingLayout::Box> SharingLayout::folded(std::vector<Box> boxes, int maxBoxes)
{
    if (maxBoxes < 1 || int(boxes.size()) <= maxBoxes)
        return boxes;
    Box rest{QString(), 0, 0};
    for (size_t i = size_t(maxBoxes - 1); i < boxes.size(); ++i) {
        rest.stored += boxes[i].stored;
        rest.layers += boxes[i].layers;
    }
    rest.label = SharingPicture::tr("+%n layer(s) more", nullptr, rest.layers);
    boxes.resize(size_t(maxBoxes - 1));
    boxes.push_back(rest);
    return boxes;
}

QString SharingLayout::savingText() const
{
    if (shared.layers == 0)
        return SharingPicture::tr("No layer in common: each image brings all of its own (%1 and %2 as stored).").arg(humanSize(storedA), humanSize(storedB));
    const QString downloads = humanSize(std::max<qint64>(storedB - blobsInA, 0));
    if (sharedBlobs == shared.stored)
        return SharingPicture::tr("Stored once: the shared base's %1 are the same blobs in both (same digest), kept once on disk and in a "
                                  "registry; pulling B onto a machine that has A skips them (it downloads %2 of B's %3).")
            .arg(humanSize(shared.stored), downloads, humanSize(storedB));
    // The same layers compressed otherwise (gzip here, zstd or plain tar there): other blobs.
    return SharingPicture::tr("The shared base holds the same files (same ChainID), unpacked once on disk; but only %1 of its %2 in B are "
                              "the same blobs as A's (same digest), the rest compressed otherwise: pulling B onto a machine that has A "
                              "downloads %3 of B's %4.")
        .arg(humanSize(sharedBlobs), humanSize(shared.stored), downloads, humanSize(storedB));
}

SharingPicture::SharingPicture(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("sharingPicture"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
}

void SharingPicture::setSharing(SharingLayout layout)
{
    m_layout = std::move(layout);
    updateGeometry();
    update();
}

void SharingPicture::clear()
{
    setSharing({});
}

QSize SharingPicture::sizeHint() const
{
    const int rows = int(std::max(m_layout.ownA.size(), m_layout.ownB.size())) + (m_layout.shared.layers > 0 ? 2 : 0) + 4;
    return {fontMetrics().averageCharWidth() * 90, fontMetrics().height() * 2 * std::max(rows, 6)};
}

QSize SharingPicture::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 40, fontMetrics().height() * 8};
}

void SharingPicture::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm(font());
    const int fh = fm.height(), m = fh / 2 + 2;
    if (isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(m, m, -m, -m), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Compare with a second image: the layers both share are drawn once, under the two stacks."));
        return;
    }
    const qreal colW = (width() - 3.0 * m) / 2;
    const qreal xA = m, xB = 2.0 * m + colW;
    // The sentence under the stacks, wrapped to the width.
    const QRect footer = fm.boundingRect(QRect(m, 0, width() - 2 * m, height()), Qt::TextWordWrap, m_layout.savingText());
    const qreal bottom = height() - m - footer.height() - m;
    // Headings: which image is which, with its totals.
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(pal.color(QPalette::Text));
    const auto heading = [&](const QString &letter, const QString &name, int layers, qint64 stored) {
        return QStringLiteral("%1  %2").arg(letter, tr("%n layer(s), %1 stored", nullptr, layers).arg(humanSize(stored))) + QStringLiteral(" — ") + name;
    };
    const QFontMetrics bfm(bold);
    p.drawText(QRectF(xA, m, colW, fh), Qt::AlignLeft | Qt::AlignVCenter,
               bfm.elidedText(heading(QStringLiteral("A"), m_layout.nameA, m_layout.layersA, m_layout.storedA), Qt::ElideRight, int(colW)));
    p.drawText(QRectF(xB, m, colW, fh), Qt::AlignLeft | Qt::AlignVCenter,
               bfm.elidedText(heading(QStringLiteral("B"), m_layout.nameB, m_layout.layersB, m_layout.storedB), Qt::ElideRight, int(colW)));
    p.setFont(font());

    // Rows from the bottom: the shared base (two rows tall: it is one block of several layers),
    // then each image's own layers in its column.
    const qreal top = m + fh + m;
    const int sharedRows = m_layout.shared.layers > 0 ? 2 : 0;
    const int ownRows = int(std::max(m_layout.ownA.size(), m_layout.ownB.size()));
    const int rows = std::max(sharedRows + ownRows, 1);
    const qreal row = std::clamp((bottom - top) / rows, qreal(fh + 4), qreal(fh * 2.2));
    const qreal gap = std::max<qreal>(2, row / 8);
    const QColor line = pal.color(QPalette::Mid);
    const QColor sharedFill = pal.color(QPalette::Highlight).lighter(isDarkPalette(pal) ? 70 : 170);
    const QColor ownFill = pal.color(QPalette::AlternateBase);
    p.setPen(pal.color(QPalette::Text));
    qreal y = bottom;
    if (sharedRows > 0) {
        const QRectF r(xA, y - sharedRows * row + gap, width() - 2.0 * m, sharedRows * row - gap);
        // One figure when both store the same blobs; else it is B's (A's are compressed otherwise).
        const QString size = m_layout.sharedBlobs == m_layout.shared.stored ? humanSize(m_layout.shared.stored)
                                                                             : tr("%1 in B").arg(humanSize(m_layout.shared.stored));
        drawBox(p, r, sharedFill, line, m_layout.shared.label, size);
        y -= sharedRows * row;
    } else {
        QPen dashed(line, 1, Qt::DashLine);
        p.setPen(dashed);
        p.drawLine(QPointF(xA, bottom), QPointF(width() - m, bottom));
    }
    // What does not fit (large text, a short dialog) is folded into the top box, never dropped:
    // the boxes always add up to the heading's count.
    const int fit = std::max(1, int((y - top + 0.5) / row));
    const auto column = [&](qreal x, const std::vector<SharingLayout::Box> &boxes) {
        qreal at = y;
        for (const auto &box : SharingLayout::folded(boxes, fit)) {
            drawBox(p, QRectF(x, at - row + gap, colW, row - gap), ownFill, line, box.label, humanSize(box.stored));
            at -= row;
        }
    };
    column(xA, m_layout.ownA);
    column(xB, m_layout.ownB);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRect(m, int(bottom + m), width() - 2 * m, footer.height()), Qt::TextWordWrap, m_layout.savingText());
}

} // namespace gui
