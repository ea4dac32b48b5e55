#include "filedetailspane.h"

#include "fstree/pathresolve.h"

#include "image/estargz.h"

#include "filesavejob.h"
#include "formatting.h"

#include <QLocale>
#include "image/treewalk.h"
#include "jobrunner.h"

#include "fstree/fileextract.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QTimer>
#include <QSplitter>
#include <QCoreApplication>
#include <QPointer>
#include <QStringDecoder>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace gui {

FileDetailsPane::FileDetailsPane(JobRunner &runner, QWidget *parent)
    : QWidget(parent), m_runner(runner), m_attributes(new QTextBrowser(this)), m_preview(new QPlainTextEdit(this)),
      m_saveButton(new QPushButton(tr("Save As…"), this)), m_saveStatus(new QLabel(this)),
      m_saveJob(new FileSaveJob(runner, this))
{
    m_saveStatus->setObjectName(QStringLiteral("saveStatus"));
    m_saveStatus->setWordWrap(true);
    m_saveStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_saveJob, &FileSaveJob::finished, this, &FileDetailsPane::onSaveFinished);
    m_attributes->setObjectName(QStringLiteral("fileAttributes"));
    m_preview->setObjectName(QStringLiteral("filePreview"));
    m_preview->setReadOnly(true);
    useFixedFont(m_preview);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setPlaceholderText(tr("Select a file to see its content."));
    m_saveButton->setEnabled(false);
    m_saveButton->setToolTip(tr("Write this file's bytes to a place you choose (Ctrl+Shift+S)"));
    connect(m_saveButton, &QPushButton::clicked, this, &FileDetailsPane::saveAs);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_preview, 1);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_saveStatus, 1);
    saveRow->addWidget(m_saveButton, 0, Qt::AlignRight | Qt::AlignTop);
    rightLayout->addLayout(saveRow);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_attributes);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

void FileDetailsPane::setAnalysis(std::shared_ptr<const ll::ImageAnalysis> analysis)
{
    m_analysis = std::move(analysis);
    showPath(-1, 0);
}

int FileDetailsPane::sourceLayer(const ll::ImageFs &fs, int32_t node, int layer)
{
    return ll::storingLayer(fs, node, layer);
}

QString FileDetailsPane::describe(int32_t node, int layer) const
{
    const ll::ImageFs &fs = *m_analysis->fs;
    const ll::FileEntry *e = fs.entryAfter(node, layer);
    const ll::PathEvent *ev = fs.eventIn(node, layer);
    // Absent after this layer: removed by an earlier (or this) layer, or not created yet. Say
    // which, and show the version that explains it.
    QString state;
    if (!e) {
        int removedIn = -1, addedIn = -1;
        for (const ll::PathEvent &x : fs.eventsOf(node)) {
            if (x.layer <= layer && x.change == ll::Change::Removed)
                removedIn = x.layer;
            if (x.layer > layer && addedIn < 0 && fs.entryOf(x))
                addedIn = x.layer;
        }
        if (removedIn >= 0) {
            const QByteArray marker = ll::removalMarkerName(fs, node, removedIn, removedIn);
            state = marker.isEmpty() ? tr("removed in layer %1 (shown: what it was before)").arg(removedIn + 1)
                                     : tr("removed in layer %1 by the whiteout %2 (shown: what it was before)")
                                           .arg(removedIn + 1)
                                           .arg(QString::fromUtf8(marker));
            e = fs.entryBefore(node, removedIn);
        } else if (addedIn >= 0) {
            state = tr("not created yet: layer %1 adds it (shown: what it will be)").arg(addedIn + 1);
            e = fs.entryAfter(node, addedIn);
        } else {
            state = tr("not in the filesystem after layer %1").arg(layer + 1);
        }
    }
    QString html = QStringLiteral("<h3>/%1</h3><table cellspacing='4'>").arg(QString::fromUtf8(fs.pathOf(node)).toHtmlEscaped());
    auto row = [&html](const QString &k, const QString &v) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    if (!state.isEmpty())
        row(tr("State"), state);
    if (e) {
        row(tr("Type"), entryTypeLabel(e->h.type));
        row(tr("Size"), tr("%1 (%2 bytes)").arg(humanSize(e->h.size), QLocale().toString(e->h.size)));
        row(tr("Mode"), QStringLiteral("%1 (%2)").arg(ll::modeString(e->h.type, e->h.mode)).arg(e->h.mode, 4, 8, QLatin1Char('0')));
        row(tr("Owner"), QStringLiteral("%1:%2").arg(e->h.uid).arg(e->h.gid));
        row(tr("Modified"), QDateTime::fromSecsSinceEpoch(e->h.mtime).toUTC().toString(Qt::ISODate));
        // Spelled as the tree and the CLI spell them: a symlink's target as stored, a hard
        // link's as the absolute path of the file it shares.
        if (const QByteArray target = fs.linkTarget(*e); !target.isEmpty())
            row(e->h.type == ll::EntryType::Hardlink ? tr("Hard link to") : tr("Symlink target"),
                e->h.type == ll::EntryType::Hardlink ? QLatin1Char('/') + QString::fromUtf8(target) : QString::fromUtf8(target));
        if (e->hasContent())
            row(tr("Content sha256"), ll::toHex(e->content));
    }
    row(tr("In layer %1").arg(layer + 1), ev ? changeLabel(ev->change) : tr("not touched"));
    QStringList touched;
    for (int l : fs.layersTouching(node)) {
        const ll::PathEvent *t = fs.eventIn(node, l);
        touched << tr("layer %1 %2").arg(l + 1).arg(t ? changeLabel(t->change) : QString());
    }
    row(tr("Layers touching it"), touched.join(QStringLiteral(" → ")));
    if (fs.parentOf(node) == ll::ImageFs::kRoot && ll::isEstargzLandmark(fs.nameOf(node)))
        row(tr("What it is"), ll::estargzLandmarkNote());
    return html + QStringLiteral("</table>");
}

void FileDetailsPane::showPath(int32_t node, int layer)
{
    if (m_analysis && node >= 0 && node == m_node && layer == m_layer)
        return; // already shown (the tree and the window both ask after a layer change)
    m_node = node;
    m_layer = layer;
    ++m_generation;
    m_preview->clear();
    m_saveButton->setEnabled(false);
    if (!m_saveJob->isRunning())
        m_saveStatus->clear();
    if (!m_analysis || node < 0) {
        m_attributes->setHtml(tr("<p>Select a path in the tree to see its attributes, the layers that touched it and its content.</p>"));
        return;
    }
    m_attributes->setHtml(describe(node, layer));
    requestPreview();
}

void FileDetailsPane::requestPreview()
{
    const ll::ImageFs &fs = *m_analysis->fs;
    const ll::FileEntry *e = fs.entryAfter(m_node, m_layer);
    if (!e || (e->h.type != ll::EntryType::Regular && e->h.type != ll::EntryType::Hardlink)) {
        m_preview->setPlaceholderText(e ? tr("(%1: no content to show)").arg(entryTypeLabel(e->h.type)) : tr("(not present after this layer)"));
        return;
    }
    const int from = sourceLayer(fs, m_node, m_layer);
    auto region = from >= 0 ? m_analysis->overview.source->region(m_analysis->overview.layers[size_t(from)].blob.member)
                            : ll::Result<ll::FileRegion>(ll::makeError(ll::ErrorCode::NotFound, tr("no layer holds this file")));
    if (!region.ok()) {
        m_preview->setPlainText(region.error().toString());
        return;
    }
    m_preview->setPlaceholderText(tr("Reading from layer %1…").arg(from + 1));
    const quint64 generation = m_generation;
    const QByteArray path = fs.pathOf(m_node);
    m_runner.run([blob = region.value(), path] {
        return std::make_shared<ll::Result<ll::ExtractedFile>>(ll::extractLayerFile(blob, path, kPreviewLimit, ll::nullTaskContext()));
    // The application as context, not the pane: a pane closed while its preview is read must not
    // be the context of a continuation (Qt asserts on a dead one); the pane is checked on arrival.
    }).then(qApp, [self = QPointer<FileDetailsPane>(this), generation, from](std::shared_ptr<ll::Result<ll::ExtractedFile>> r) {
        if (self)
            self->showPreview(*r, generation, from);
    });
}

void FileDetailsPane::showPreview(const ll::Result<ll::ExtractedFile> &r, quint64 generation, int from)
{
    if (generation != m_generation)
        return; // the user has moved on to another path
    if (!r.ok()) {
        m_preview->setPlainText(r.error().toString());
    } else {
        const ll::ExtractedFile &f = r.value();
        QString text = looksLikeText(f.data) ? QString::fromUtf8(f.data) : hexDump(f.data, 4096);
        if (f.truncated() || (!looksLikeText(f.data) && f.data.size() > 4096))
            text += tr("\n… (%1 in all; preview limited, from layer %2)").arg(humanSize(f.fullSize)).arg(from + 1);
        m_preview->setPlainText(text);
        m_saveButton->setEnabled(!m_saveJob->isRunning());
    }
    Q_EMIT previewLoaded();
}

bool FileDetailsPane::looksLikeText(const QByteArray &data)
{
    if (data.contains('\0'))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString s = decoder(data);
    // A preview cut in the middle of a multi-byte character is still text.
    return !decoder.hasError() || data.size() >= kPreviewLimit;
}

QString FileDetailsPane::hexDump(const QByteArray &data, int maxBytes)
{
    QString out;
    const int n = int(std::min<qsizetype>(data.size(), maxBytes));
    for (int off = 0; off < n; off += 16) {
        QString hex, ascii;
        for (int i = off; i < off + 16; ++i) {
            if (i < n) {
                const uchar c = uchar(data[i]);
                hex += QStringLiteral("%1 ").arg(c, 2, 16, QLatin1Char('0'));
                ascii += (c >= 0x20 && c < 0x7f) ? QChar(QLatin1Char(char(c))) : QLatin1Char('.');
            } else {
                hex += QStringLiteral("   ");
            }
            if (i == off + 7)
                hex += QLatin1Char(' ');
        }
        out += QStringLiteral("%1  %2 |%3|\n").arg(off, 8, 16, QLatin1Char('0')).arg(hex, ascii);
    }
    return out;
}

QString FileDetailsPane::previewText() const { return m_preview->toPlainText(); }
QString FileDetailsPane::attributesText() const { return m_attributes->toPlainText(); }

QString FileDetailsPane::saveStatusText() const { return m_saveStatus->text(); }

void FileDetailsPane::saveAs()
{
    if (!m_analysis || m_node < 0 || m_saveJob->isRunning())
        return;
    const QString name = QString::fromUtf8(m_analysis->fs->nameOf(m_node));
    const QString target = QFileDialog::getSaveFileName(this, tr("Save file from the image"), name);
    if (!target.isEmpty())
        saveTo(target);
}

bool FileDetailsPane::saveTo(const QString &target)
{
    if (!m_analysis || m_node < 0 || m_saveJob->isRunning())
        return false;
    const ll::ImageFs &fs = *m_analysis->fs;
    const int from = sourceLayer(fs, m_node, m_layer);
    if (from < 0)
        return false;
    auto region = m_analysis->overview.source->region(m_analysis->overview.layers[size_t(from)].blob.member);
    if (!region.ok()) {
        onSaveFinished(target, region.error().toString());
        return false;
    }
    m_saveButton->setEnabled(false);
    m_saveStatus->setText(tr("Saving %1…").arg(QDir::toNativeSeparators(target)));
    m_saveJob->start(region.value(), fs.pathOf(m_node), target, m_analysis);
    // Small files finish before anyone could read a progress dialog; big ones get one.
    QTimer::singleShot(400, this, &FileDetailsPane::showSaveProgress);
    return true;
}

void FileDetailsPane::cancelSave() { m_saveJob->cancel(); }

void FileDetailsPane::showSaveProgress()
{
    if (!m_saveJob->isRunning() || m_saveProgress)
        return;
    m_saveProgress = new QProgressDialog(tr("Saving the file from its layer…"), tr("Cancel"), 0, 1000, this);
    m_saveProgress->setWindowTitle(tr("Save As"));
    m_saveProgress->setWindowModality(Qt::WindowModal);
    connect(m_saveProgress, &QProgressDialog::canceled, this, &FileDetailsPane::cancelSave);
    auto *timer = new QTimer(m_saveProgress);
    connect(timer, &QTimer::timeout, this, [this] {
        const qint64 total = m_saveJob->bytesTotal();
        if (m_saveProgress && total > 0)
            m_saveProgress->setValue(int(1000 * m_saveJob->bytesDone() / total));
    });
    timer->start(100);
    m_saveProgress->show();
}

void FileDetailsPane::onSaveFinished(const QString &target, const QString &error)
{
    if (m_saveProgress) {
        m_saveProgress->deleteLater();
        m_saveProgress = nullptr;
    }
    m_saveButton->setEnabled(m_analysis && m_node >= 0 && sourceLayer(*m_analysis->fs, m_node, m_layer) >= 0);
    const QString where = QDir::toNativeSeparators(target);
    if (error.isEmpty())
        m_saveStatus->setText(tr("Saved %1 to %2").arg(humanSize(m_saveJob->bytesTotal()), where));
    else if (error == QLatin1String("canceled"))
        m_saveStatus->setText(tr("Save canceled; nothing was written to %1").arg(where));
    else
        m_saveStatus->setText(tr("Save failed, nothing was written: %1").arg(error));
    Q_EMIT saveFinished(target, error);
}

} // namespace gui
