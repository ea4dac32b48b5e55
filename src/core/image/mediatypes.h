#pragma once
#include <QString>

namespace ll {

bool isIndexMediaType(const QString &mt);
bool isManifestMediaType(const QString &mt);
bool isConfigMediaType(const QString &mt);
// A layer media type that says nothing about compression when the blob is plain tar is still
// fine: compression is read from the bytes. Non-distributable/foreign types are layers too.
bool isLayerMediaType(const QString &mt);
// One sentence for people, for the anatomy view and the CLI.
QString explainMediaType(const QString &mt);

} // namespace ll
