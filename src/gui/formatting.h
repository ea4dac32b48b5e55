#pragma once
#include "common/humansize.h"
#include "image/instructiontext.h"
#include "fstree/fileentry.h"
#include "image/imageanalysis.h"
#include "dockerfile/diagnostic.h"
#include "image/imagecatalog.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

class QWidget;

namespace gui {

using ll::humanSize;

using ll::instructionText;
// Long RUN chains broken after each "&&" / ";" so they can be read on a projector.
QString wrappedInstruction(const QString &instruction);

// The colour for a change, chosen for the palette's background so it reads in light and dark
// themes. Colour is never the only mark: changeLetter() and changeName() go with it.
QColor changeColor(ll::Change c, const QPalette &palette);
QColor digestColor(bool ok, const QPalette &palette);
bool isDarkPalette(const QPalette &palette);
// A dark scheme for Fusion (`layerlens --palette dark`): projectors in dim rooms, dark desktops.
QPalette darkPalette();
// Black on white with strong selection and disabled colours, for Presentation Mode: a projector
// washes out the light greys of desk palettes (every pair of colours it uses reads at 7:1 or more,
// disabled text at 4.5:1).
QPalette highContrastPalette();// (focusring.h has contrastRatio, WCAG's measure these figures are in.)
// The system's fixed-width font at the application font's size (which the user may zoom).
QFont fixedFont();
// Gives `w` fixedFont() and keeps it at the application font's size when that changes (View ›
// Larger Text): a widget with a font of its own does not follow the application's.
void useFixedFont(QWidget *w);

// The names the core gives in JSON and the CLI ("added", "verified", "symlink"), as the window
// says them in its language. The core's names stay as they are: they are JSON values.
using ll::changeLabel;
using ll::digestCheckLabel;
QString entryTypeLabel(ll::EntryType t);
QString severityLabel(ll::df::Severity s); // "error", "warning", "info" in the window's language
QString formatLabel(ll::SourceFormat f);

QString digestStatusText(const ll::LayerReport &r, bool scanned);
QString digestStatusTooltip(const ll::LayerReport &r, bool scanned);

} // namespace gui
