#pragma once
#include <QRectF>
#include <vector>

namespace gui {

// Squarified treemap layout (Bruls, Huizing, van Wijk 2000): splits `area` into one rectangle
// per weight, in the order given (callers sort weights largest first), keeping the rectangles
// close to squares so small items stay readable. Zero weights get empty rectangles.
// Written here because neither Qt nor the other libraries we use provide a treemap layout.
std::vector<QRectF> squarify(const std::vector<double> &weights, const QRectF &area);

} // namespace gui
