#include "squarify.h"

#include <algorithm>
#include <numeric>

namespace gui {

namespace {

// The worst aspect ratio of a row of areas laid along a side of length `side`.
double worst(double sum, double smallest, double largest, double side)
{
    if (sum <= 0 || side <= 0)
        return 1e300;
    const double s2 = side * side;
    const double sum2 = sum * sum;
    return std::max(s2 * largest / sum2, sum2 / (s2 * smallest));
}

// Lays a finished row along the shorter side of `rect` and returns what is left of it.
QRectF layRow(const std::vector<double> &areas, size_t from, size_t to, double sum, const QRectF &rect, std::vector<QRectF> &out)
{
    const bool horizontal = rect.width() >= rect.height(); // the row is a column on the left
    const double thickness = horizontal ? sum / rect.height() : sum / rect.width();
    double offset = 0;
    for (size_t i = from; i < to; ++i) {
        const double len = areas[i] / thickness;
        out[i] = horizontal ? QRectF(rect.left(), rect.top() + offset, thickness, len)
                            : QRectF(rect.left() + offset, rect.top(), len, thickness);
        offset += len;
    }
    return horizontal ? rect.adjusted(thickness, 0, 0, 0) : rect.adjusted(0, thickness, 0, 0);
}

} // namespace

std::vector<QRectF> squarify(const std::vector<double> &weights, const QRectF &area)
{
    std::vector<QRectF> out(weights.size());
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (total <= 0 || area.isEmpty())
        return out;
    const double scale = area.width() * area.height() / total;
    std::vector<double> areas(weights.size());
    for (size_t i = 0; i < weights.size(); ++i)
        areas[i] = std::max(0.0, weights[i]) * scale;
    QRectF rest = area;
    size_t start = 0;
    while (start < areas.size() && areas[start] > 0) {
        const double side = std::min(rest.width(), rest.height());
        double sum = areas[start], lo = areas[start], hi = areas[start];
        size_t end = start + 1;
        while (end < areas.size() && areas[end] > 0) {
            const double a = areas[end];
            if (worst(sum + a, std::min(lo, a), std::max(hi, a), side) > worst(sum, lo, hi, side))
                break;
            sum += a;
            lo = std::min(lo, a);
            hi = std::max(hi, a);
            ++end;
        }
        rest = layRow(areas, start, end, sum, rest, out);
        start = end;
    }
    return out;
}

} // namespace gui
