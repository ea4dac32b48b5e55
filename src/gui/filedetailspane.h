#pragma once
#include "fstree/fileextract.h"
#include "image/imageanalysis.h"

#include <QWidget>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QProgressDialog;
class QPushButton;
class QTextBrowser;

namespace gui {

class FileSaveJob;
class JobRunner;

// What is known about the selected path: its attributes after the layer, what the layer did to
// it, which layers touched it, and its content (text, or a hex dump for binary) read from the
// layer that last wrote it. Save As streams the bytes, off the GUI thread, only where the user
// chooses.
class FileDetailsPane : public QWidget {
    Q_OBJECT
public:
    static constexpr qint64 kPreviewLimit = 64 * 1024;

    FileDetailsPane(JobRunner &runner, QWidget *parent = nullptr);

    void setAnalysis(std::shared_ptr<const ll::ImageAnalysis> analysis);
    void showPath(int32_t node, int layer);
    QString previewText() const;
    QString attributesText() const;

    // The layer whose blob holds the path's bytes as they stand after `layer` (-1: none).
    static int sourceLayer(const ll::ImageFs &fs, int32_t node, int layer);
    // A classic hex dump: offset, 16 bytes in hex, their printable ASCII.
    static QString hexDump(const QByteArray &data, int maxBytes);
    static bool looksLikeText(const QByteArray &data);

    QString saveStatusText() const;

public Q_SLOTS:
    void saveAs();
    // Streams the selected file to `target` on a worker thread; `saveFinished` tells the outcome.
    bool saveTo(const QString &target);
    void cancelSave();

Q_SIGNALS:
    void previewLoaded();
    void saveFinished(const QString &target, const QString &error);

private:
    void requestPreview();
    void showPreview(const ll::Result<ll::ExtractedFile> &r, quint64 generation, int from);
    void onSaveFinished(const QString &target, const QString &error);
    void showSaveProgress();
    QString describe(int32_t node, int layer) const;

    JobRunner &m_runner;
    std::shared_ptr<const ll::ImageAnalysis> m_analysis;
    int32_t m_node = -1;
    int m_layer = 0;
    quint64 m_generation = 0;
    QTextBrowser *m_attributes;
    QPlainTextEdit *m_preview;
    QPushButton *m_saveButton;
    QLabel *m_saveStatus;
    FileSaveJob *m_saveJob;
    QProgressDialog *m_saveProgress = nullptr;
};

} // namespace gui
