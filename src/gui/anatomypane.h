#pragma once
#include "image/imageanalysis.h"

#include <QWidget>
#include <memory>

class QPlainTextEdit;
class QStandardItemModel;
class QTextBrowser;
class QTreeView;

namespace gui {

// The archive as it is on disk (manifest.json, index.json, oci-layout, blobs/sha256/…), each
// member openable: JSON pretty-printed and highlighted, explained field by field; layer blobs
// described; and the three digests of each layer shown on real values.
class AnatomyPane : public QWidget {
    Q_OBJECT
public:
    explicit AnatomyPane(QWidget *parent = nullptr);
    void setOverview(std::shared_ptr<const ll::ImageOverview> overview);
    void setAnalysis(std::shared_ptr<const ll::ImageAnalysis> analysis);
    // Opens a member as if clicked; false when the source has no such member.
    bool openMember(const QByteArray &member);

    QStandardItemModel *model() const { return m_model; }
    QString contentText() const;
    QString explanationText() const;
    QByteArray currentMember() const { return m_current; }

private:
    void showMember(const QByteArray &member);
    void showJson(const QByteArray &member, const QByteArray &bytes);
    void showLayerBlob(int layer);
    void fillTree();
    QString lesson() const;

    std::shared_ptr<const ll::ImageOverview> m_overview;
    std::shared_ptr<const ll::ImageAnalysis> m_analysis;
    QByteArray m_current; // the member shown
    QTreeView *m_tree;
    QStandardItemModel *m_model;
    QPlainTextEdit *m_content;
    QTextBrowser *m_explanation;
};

} // namespace gui
