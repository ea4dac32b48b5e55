#include "formatting.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QWidget>


namespace gui {

QString wrappedInstruction(const QString &instruction)
{
    QString s = instruction;
    s.replace(QStringLiteral(" && "), QStringLiteral(" \\\n    && "));
    s.replace(QStringLiteral("; "), QStringLiteral("; \\\n    "));
    return s;
}

QFont fixedFont()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    // Asked for as fixed pitch too: fontconfig does not mark every monospace family so (Debian's
    // Noto Sans Mono, the "monospace" of a desktop with fonts-noto-mono, has no spacing), and
    // without the flag Qt treats it as proportional.
    f.setFixedPitch(true);
    f.setStyleHint(QFont::Monospace);
    f.setPointSizeF(QGuiApplication::font().pointSizeF());
    return f;
}

namespace {

// Watches the application for a new font (Qt tells the application object, not the widgets
// that chose a font of their own) and gives its widget the fixed font at the new size.
class FixedFontFollower : public QObject {
public:
    explicit FixedFontFollower(QWidget *w) : QObject(w), m_widget(w) { qApp->installEventFilter(this); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == qApp && event->type() == QEvent::ApplicationFontChange)
            m_widget->setFont(fixedFont());
        return false;
    }

private:
    QWidget *m_widget;
};

} // namespace

void useFixedFont(QWidget *w)
{
    w->setFont(fixedFont());
    new FixedFontFollower(w);
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x55, 0x58, 0x5e));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

QPalette highContrastPalette()
{
    QPalette p;
    const QColor white(Qt::white), black(Qt::black), grey(0xe8, 0xe8, 0xe8), selection(0x00, 0x2f, 0x87);
    for (const QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(g, QPalette::Window, white);
        p.setColor(g, QPalette::WindowText, black);
        p.setColor(g, QPalette::Base, white);
        p.setColor(g, QPalette::AlternateBase, QColor(0xf2, 0xf2, 0xf2));
        p.setColor(g, QPalette::ToolTipBase, white);
        p.setColor(g, QPalette::ToolTipText, black);
        p.setColor(g, QPalette::Text, black);
        p.setColor(g, QPalette::Button, grey);
        p.setColor(g, QPalette::ButtonText, black);
        p.setColor(g, QPalette::BrightText, QColor(0xa0, 0x00, 0x00));
        p.setColor(g, QPalette::Link, QColor(0x00, 0x33, 0x99));
        p.setColor(g, QPalette::Highlight, selection);
        p.setColor(g, QPalette::HighlightedText, white);
        p.setColor(g, QPalette::PlaceholderText, QColor(0x4a, 0x4a, 0x4a));
        p.setColor(g, QPalette::Light, white);
        p.setColor(g, QPalette::Midlight, grey);
        p.setColor(g, QPalette::Mid, QColor(0x60, 0x60, 0x60));
        p.setColor(g, QPalette::Dark, QColor(0x30, 0x30, 0x30));
        p.setColor(g, QPalette::Shadow, black);
    }
    p.setColor(QPalette::Disabled, QPalette::Window, white);
    p.setColor(QPalette::Disabled, QPalette::Base, white);
    p.setColor(QPalette::Disabled, QPalette::Button, grey);
    for (const QPalette::ColorRole r : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, r, QColor(0x60, 0x60, 0x60));
    return p;
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor changeColor(ll::Change c, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    switch (c) {
    case ll::Change::Added: return dark ? QColor(0x7d, 0xdc, 0x85) : QColor(0x1a, 0x7f, 0x37);
    case ll::Change::Modified: return dark ? QColor(0xff, 0xc8, 0x5c) : QColor(0x9a, 0x5b, 0x00);
    case ll::Change::AttrsOnly: return dark ? QColor(0x8c, 0xc8, 0xff) : QColor(0x0b, 0x5c, 0xad);
    case ll::Change::Removed: return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc0, 0x1c, 0x28);
    case ll::Change::Unchanged: break;
    }
    return palette.color(QPalette::Text);
}

QColor digestColor(bool ok, const QPalette &palette)
{
    return changeColor(ok ? ll::Change::Added : ll::Change::Removed, palette);
}

QString severityLabel(ll::df::Severity s)
{
    switch (s) {
    case ll::df::Severity::Error: return QCoreApplication::translate("gui", "error");
    case ll::df::Severity::Warning: return QCoreApplication::translate("gui", "warning");
    case ll::df::Severity::Info: return QCoreApplication::translate("gui", "info");
    }
    return {};
}

QString entryTypeLabel(ll::EntryType t)
{
    switch (t) {
    case ll::EntryType::Regular: return QCoreApplication::translate("gui", "file");
    case ll::EntryType::Directory: return QCoreApplication::translate("gui", "directory");
    case ll::EntryType::Symlink: return QCoreApplication::translate("gui", "symlink");
    case ll::EntryType::Hardlink: return QCoreApplication::translate("gui", "hard link");
    case ll::EntryType::CharDevice: return QCoreApplication::translate("gui", "character device");
    case ll::EntryType::BlockDevice: return QCoreApplication::translate("gui", "block device");
    case ll::EntryType::Fifo: return QCoreApplication::translate("gui", "named pipe (FIFO)");
    case ll::EntryType::Socket: return QCoreApplication::translate("gui", "socket");
    case ll::EntryType::Other: break;
    }
    return QCoreApplication::translate("gui", "other");
}

QString formatLabel(ll::SourceFormat f)
{
    switch (f) {
    case ll::SourceFormat::OciLayout: return QCoreApplication::translate("gui", "OCI layout folder");
    case ll::SourceFormat::OciArchive: return QCoreApplication::translate("gui", "OCI archive");
    case ll::SourceFormat::Docker25Archive: return QCoreApplication::translate("gui", "docker save (Docker 25+, OCI layout with manifest.json)");
    case ll::SourceFormat::DockerArchive: return QCoreApplication::translate("gui", "docker save (docker-archive)");
    case ll::SourceFormat::DockerDir: return QCoreApplication::translate("gui", "docker-dir (podman save --format docker-dir)");
    case ll::SourceFormat::LegacyV1: return QCoreApplication::translate("gui", "legacy docker save (before Docker 1.10)");
    }
    return QString();
}

QString digestStatusText(const ll::LayerReport &r, bool scanned)
{
    if (!scanned)
        return QCoreApplication::translate("gui", "reading…");
    if (r.error)
        return QCoreApplication::translate("gui", "✗ unreadable");
    if (!r.ok())
        return QCoreApplication::translate("gui", "✗ FAILED");
    if (r.blobCheck == ll::DigestCheck::Verified || r.diffIdCheck == ll::DigestCheck::Verified)
        return QCoreApplication::translate("gui", "✓ verified");
    return digestCheckLabel(ll::DigestCheck::NotStated);
}

QString digestStatusTooltip(const ll::LayerReport &r, bool scanned)
{
    if (!scanned)
        return QCoreApplication::translate("gui", "This layer is still being read.");
    if (!r.ok())
        return r.problem();
    return QCoreApplication::translate("gui", "Blob digest (stored bytes): %1 — %2\nDiffID (uncompressed tar): %3 — %4\nChainID: %5")
        .arg(r.blobDigest.toString(), digestCheckLabel(r.blobCheck), r.diffId.toString(),
             digestCheckLabel(r.diffIdCheck), r.chainId.toString());
}

} // namespace gui
