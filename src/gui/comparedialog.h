#pragma once
#include "image/imagediff.h"
#include "jobrunner.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace gui {

class ImageLoader;
class SharingPicture;

// File › Compare: the open image (A) against another (B, any form an image is opened in), as
// `layerlens-cli diff` does: the layers they share from the bottom (also drawn, exportable as
// PNG or SVG), the files added, removed and changed between their final filesystems, the run
// config and the history.
class CompareDialog : public QDialog {
    Q_OBJECT
public:
    explicit CompareDialog(std::shared_ptr<const ll::ImageAnalysis> a, QWidget *parent = nullptr);
    ~CompareDialog() override;

    // Reads B and compares; `compared` or `failed` follows.
    void compareWith(const QString &imageB);
    QString imageB() const { return m_comparedB; } // the B of the comparison shown, as written; empty: none yet
    std::shared_ptr<const ll::ImageAnalysis> analysisB() const { return m_comparedB.isEmpty() ? nullptr : m_b; }
    QString summaryText() const;
    QTreeWidget *files() const { return m_files; }
    QTreeWidget *config() const { return m_config; }
    SharingPicture *picture() const { return m_picture; }
    // Writes the sharing picture (.png or .svg); empty when written, else why not.
    QString exportPicture(const QString &path);
    // How many file rows at most: a table of a million rows helps nobody (the CLI gives them all).
    static constexpr int kMaxFileRows = 20000;

Q_SIGNALS:
    void compared();
    void failed(const QString &message);

private:
    void showDiff(const ll::ImageAnalysis &b, const ll::ImageDiff &d);
    void setBusy(bool busy, const QString &status = {});

    JobRunner m_runner; // first: its jobs end before anything they use goes
    std::shared_ptr<const ll::ImageAnalysis> m_a;
    std::shared_ptr<const ll::ImageAnalysis> m_b;
    ImageLoader *m_loader;
    QFutureWatcher<ll::ImageDiff> m_diff;
    QLineEdit *m_pathB;
    QString m_comparedB; // the image B of the comparison shown (not what is being typed)
    QString m_readingB;  // the image B being read and compared
    QPushButton *m_browse;
    QPushButton *m_compare;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    SharingPicture *m_picture;
    QPushButton *m_exportPicture;
    QTreeWidget *m_files;
    QTreeWidget *m_config;
};

} // namespace gui
