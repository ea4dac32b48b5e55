#include "anatomypane.h"

#include "anatomyexplainer.h"
#include "formatting.h"
#include "jsonhighlighter.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTextBrowser>
#include <QTreeView>

namespace gui {

namespace {
constexpr int kMemberRole = Qt::UserRole + 1;
constexpr qint64 kJsonLimit = 4 * 1024 * 1024;
} // namespace

AnatomyPane::AnatomyPane(QWidget *parent)
    : QWidget(parent), m_tree(new QTreeView(this)), m_model(new QStandardItemModel(this)), m_content(new QPlainTextEdit(this)),
      m_explanation(new QTextBrowser(this))
{
    m_tree->setObjectName(QStringLiteral("anatomyTree"));
    m_tree->setModel(m_model);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->header()->setDefaultSectionSize(m_tree->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_content->setReadOnly(true);
    useFixedFont(m_content);
    m_content->setPlaceholderText(tr("Click a member to open it."));
    new JsonHighlighter(m_content->document());
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_content);
    right->addWidget(m_explanation);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tree);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    // The current row is shown, however it became current: a click, the arrow keys, Enter.
    const auto show = [this](const QModelIndex &i) {
        const QByteArray member = i.siblingAtColumn(0).data(kMemberRole).toByteArray();
        if (!member.isEmpty() && member != m_current)
            showMember(member);
    };
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, show);
    connect(m_tree, &QTreeView::activated, this, show);
}

void AnatomyPane::setOverview(std::shared_ptr<const ll::ImageOverview> overview)
{
    m_overview = std::move(overview);
    m_analysis.reset();
    m_current.clear();
    fillTree();
    m_content->clear();
    m_explanation->setHtml(lesson());
    // Start where a reader of the format would: the table of contents.
    if (m_overview && !openMember("manifest.json"))
        openMember("index.json");
}

void AnatomyPane::setAnalysis(std::shared_ptr<const ll::ImageAnalysis> analysis)
{
    m_analysis = std::move(analysis);
    // Measured digests and ChainIDs are known now: show the open member again with them.
    if (m_current.isEmpty())
        m_explanation->setHtml(lesson());
    else
        showMember(m_current);
}

QString AnatomyPane::lesson() const
{
    if (!m_overview)
        return {};
    return anatomy::digestLessonHtml(*m_overview, m_analysis ? m_analysis->layers : m_overview->layers);
}

void AnatomyPane::fillTree()
{
    m_model->clear();
    m_model->setHorizontalHeaderLabels({tr("Member"), tr("What it is"), tr("Size")});
    if (!m_overview)
        return;
    QHash<QByteArray, QStandardItem *> folders;
    for (const ll::ImageSource::Member &m : m_overview->source->members()) {
        if (m.type == ll::EntryType::Directory)
            continue;
        QStandardItem *parent = m_model->invisibleRootItem();
        const QList<QByteArray> parts = m.path.split('/');
        QByteArray prefix;
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            prefix += parts[i] + '/';
            QStandardItem *&folder = folders[prefix];
            if (!folder) {
                folder = new QStandardItem(QString::fromUtf8(parts[i]) + QLatin1Char('/'));
                parent->appendRow({folder, new QStandardItem(), new QStandardItem()});
            }
            parent = folder;
        }
        auto *item = new QStandardItem(QString::fromUtf8(parts.last()));
        item->setData(m.path, kMemberRole);
        const int layer = anatomy::layerOfMember(*m_overview, m.path);
        QString tip = QString::fromUtf8(m.path);
        if (layer >= 0)
            tip += tr("\nlayer %1").arg(layer + 1);
        item->setToolTip(tip);
        auto *role = new QStandardItem(anatomy::shortRole(*m_overview, m.path));
        if (!role->text().isEmpty()) {
            QFont bold = role->font();
            bold.setBold(true);
            role->setFont(bold);
        }
        parent->appendRow({item, role, new QStandardItem(humanSize(m.size))});
    }
    // Open only the OCI blob store: docker's legacy per-layer folders are many and say little.
    for (const QByteArray &open : {QByteArray("blobs/"), QByteArray("blobs/sha256/")})
        if (QStandardItem *folder = folders.value(open))
            m_tree->expand(folder->index());
}

bool AnatomyPane::openMember(const QByteArray &member)
{
    if (!m_overview || !m_overview->source->has(member))
        return false;
    showMember(member);
    return true;
}

void AnatomyPane::showMember(const QByteArray &member)
{
    m_current = member;
    // The tree marks what is shown, so the keyboard starts from there (and focus does not
    // replace it with the first row).
    const QModelIndexList rows = m_model->match(m_model->index(0, 0), kMemberRole, member, 1, Qt::MatchExactly | Qt::MatchRecursive);
    if (!rows.isEmpty() && m_tree->currentIndex().siblingAtColumn(0) != rows.first())
        m_tree->setCurrentIndex(rows.first());
    const int layer = anatomy::layerOfMember(*m_overview, member);
    if (layer >= 0) {
        showLayerBlob(layer);
        return;
    }
    auto bytes = m_overview->source->readAll(member, kJsonLimit);
    if (!bytes.ok()) {
        m_content->setPlainText(bytes.error().toString());
        m_explanation->setHtml(anatomy::memberRole(*m_overview, member));
        return;
    }
    showJson(member, bytes.value());
}

void AnatomyPane::showJson(const QByteArray &member, const QByteArray &bytes)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    QString html = QStringLiteral("<p>%1</p>").arg(anatomy::memberRole(*m_overview, member));
    if (err.error == QJsonParseError::NoError) {
        m_content->setPlainText(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
        html += anatomy::fieldsHtml(doc);
    } else {
        const bool text = !bytes.contains('\0');
        m_content->setPlainText(text ? QString::fromUtf8(bytes.left(int(kJsonLimit))) : tr("(binary, %1)").arg(humanSize(bytes.size())));
    }
    m_explanation->setHtml(html + lesson());
}

void AnatomyPane::showLayerBlob(int layer)
{
    const std::vector<ll::LayerReport> &reports = m_analysis ? m_analysis->layers : m_overview->layers;
    const ll::LayerReport &r = reports[size_t(layer)];
    QStringList lines;
    lines << tr("Layer %1 blob: %2").arg(layer + 1).arg(QString::fromUtf8(r.blob.member))
          << tr("Media type:     %1").arg(r.blob.mediaType)
          << tr("Stored size:    %1").arg(humanSize(r.storedSize >= 0 ? r.storedSize : r.blob.size))
          << tr("Uncompressed:   %1").arg(humanSize(r.uncompressedSize))
          << tr("Blob digest:    %1 (%2)").arg(r.blobDigest.toString(), digestCheckLabel(r.blobCheck))
          << tr("  manifest says %1").arg(r.blob.digest.toString())
          << tr("DiffID:         %1 (%2)").arg(r.diffId.toString(), digestCheckLabel(r.diffIdCheck))
          << tr("  config says   %1").arg(r.expectedDiffId.toString())
          << tr("ChainID:        %1").arg(r.chainId.toString());
    if (!r.problem().isEmpty())
        lines << QString() << r.problem();
    lines << QString() << tr("A layer is a tar of the files it adds or changes; select its step in the timeline to browse it.");
    m_content->setPlainText(lines.join(QLatin1Char('\n')));
    m_explanation->setHtml(QStringLiteral("<p>%1</p>").arg(anatomy::memberRole(*m_overview, r.blob.member)) + lesson());
}

QString AnatomyPane::contentText() const { return m_content->toPlainText(); }
QString AnatomyPane::explanationText() const { return m_explanation->toPlainText(); }

} // namespace gui
