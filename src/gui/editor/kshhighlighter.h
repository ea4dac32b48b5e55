#pragma once
#ifdef LAYERLENS_HAVE_KSH
#include "editorhighlighter.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Repository>

namespace gui {

// Highlighting through KDE's KSyntaxHighlighting: its "Dockerfile" definition and a default
// theme chosen from the palette's brightness (as in KSyntaxHighlighting's codeeditor example).
// It is a QSyntaxHighlighter and an AbstractHighlighter at once, like KSH's own
// SyntaxHighlighter, so that a newly opened large file is painted in slices. The engine state
// at the end of each line is kept in the block, and a line whose end state changed queues the
// next one.
class KshHighlighter : public EditorHighlighter, public KSyntaxHighlighting::AbstractHighlighter {
public:
    KshHighlighter(QTextDocument *document, const QPalette &palette);

    QString backendName() const override;
    void setPalette(const QPalette &palette);
    // The one Repository of the process (loading definitions is not cheap).
    static KSyntaxHighlighting::Repository &repository();

protected:
    void formatBlock(const QString &text) override;
    void deferralEnded() override { scheduleAll(); }
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;
};

} // namespace gui
#endif
