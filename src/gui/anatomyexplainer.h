#pragma once
#include "image/imageanalysis.h"

#include <QJsonDocument>
#include <QString>

namespace gui {

// Teaching texts for the anatomy view, written against this image's real values.
namespace anatomy {

// What this member is for the chosen image ("the image config: its sha256 is the image ID").
QString memberRole(const ll::ImageOverview &overview, const QByteArray &member);
// A few words for the member list ("image config", "layer 3"); empty when unrelated.
QString shortRole(const ll::ImageOverview &overview, const QByteArray &member);
// The layer whose blob is `member`, or -1.
int layerOfMember(const ll::ImageOverview &overview, const QByteArray &member);
// One line for each known field the document uses (Config, RepoTags, Layers, mediaType, …).
QString fieldsHtml(const QJsonDocument &doc);
// Blob digest vs DiffID vs ChainID, shown on the image's layers. `layers` are the measured
// reports when available, else the overview's expectations.
QString digestLessonHtml(const ll::ImageOverview &overview, const std::vector<ll::LayerReport> &layers);

} // namespace anatomy
} // namespace gui
