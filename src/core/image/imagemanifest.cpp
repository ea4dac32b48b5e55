#include "image/imagecatalog.h"
#include "image/jsonutil.h"

#include <QRegularExpression>

namespace ll {

namespace {

// Content-addressed names say what the bytes must hash to: blobs/sha256/<hex>, <hex>.json.
Digest digestFromName(const QByteArray &member)
{
    static const QRegularExpression blob(QStringLiteral("(?:^|/)blobs/sha256/([a-f0-9]{64})$"));
    static const QRegularExpression json(QStringLiteral("^([a-f0-9]{64})\\.json$"));
    const QString name = QString::fromUtf8(member);
    auto m = blob.match(name);
    if (!m.hasMatch())
        m = json.match(name);
    if (!m.hasMatch())
        return {};
    return Digest::fromBareHex(m.captured(1)).value();
}

Result<ImageManifest> parseManifestObject(const QJsonObject &o, const QString &where, bool bareHexMembers)
{
    ImageManifest m;
    m.mediaType = optString(o, QStringLiteral("mediaType"));
    if (o.value(QStringLiteral("schemaVersion")).toInt() != 2)
        return makeError(ErrorCode::Unsupported, Msg::tr("schemaVersion must be 2 (schema 1 manifests are obsolete)"), where);
    auto config = parseDescriptor(o.value(QStringLiteral("config")), where + QStringLiteral(": config"));
    if (!config.ok())
        return config.error();
    m.config = config.value();
    const QJsonValue layers = o.value(QStringLiteral("layers"));
    if (!layers.isArray())
        return makeError(ErrorCode::Json, Msg::tr("layers: expected an array, found %1").arg(jsonTypeName(layers)), where);
    const QJsonArray list = layers.toArray();
    for (int i = 0; i < list.size(); ++i) {
        auto l = parseDescriptor(list[i], QStringLiteral("%1: layers[%2]").arg(where).arg(i));
        if (!l.ok())
            return l.error();
        m.layers.push_back(l.value());
    }
    if (bareHexMembers) {
        m.config.member = m.config.digest.hex().toUtf8();
        for (BlobRef &l : m.layers)
            l.member = l.digest.hex().toUtf8();
    }
    return m;
}

Result<ImageManifest> dockerArchiveManifest(const ImageSource &source, int entryIndex)
{
    const QString where = source.describe("manifest.json");
    auto bytes = source.readAll(QByteArrayLiteral("manifest.json"));
    if (!bytes.ok())
        return bytes.error();
    auto list = parseJsonArray(bytes.value(), where);
    if (!list.ok())
        return list.error();
    const QJsonValue entryValue = list->at(entryIndex);
    if (!entryValue.isObject())
        return makeError(ErrorCode::Json, Msg::tr("[%1]: expected an object, found %2").arg(QString::number(entryIndex), jsonTypeName(entryValue)), where);
    const QJsonObject entry = entryValue.toObject();
    const QString entryWhere = QStringLiteral("%1: [%2]").arg(where).arg(entryIndex);
    ImageManifest m;
    m.raw = QJsonDocument(entry).toJson(QJsonDocument::Indented);
    m.rawMember = QByteArrayLiteral("manifest.json");
    auto config = requireString(entry, QStringLiteral("Config"), entryWhere);
    if (!config.ok())
        return config.error();
    auto configMember = checkMemberName(config.value(), entryWhere + QStringLiteral(".Config"));
    if (!configMember.ok())
        return configMember.error();
    m.config.member = configMember.value();
    m.config.digest = digestFromName(m.config.member);
    auto layers = optStringList(entry.value(QStringLiteral("Layers")), entryWhere + QStringLiteral(".Layers"));
    if (!layers.ok())
        return layers.error();
    const QJsonObject sources = entry.value(QStringLiteral("LayerSources")).toObject();
    for (int i = 0; i < layers->size(); ++i) {
        auto member = checkMemberName(layers->at(i), QStringLiteral("%1.Layers[%2]").arg(entryWhere).arg(i));
        if (!member.ok())
            return member.error();
        BlobRef b;
        b.member = member.value();
        b.digest = digestFromName(b.member);
        m.layers.push_back(b);
    }
    // LayerSources (foreign layers) are keyed by DiffID; they carry media types and sizes.
    Q_UNUSED(sources)
    return m;
}

} // namespace

Result<ImageManifest> readManifest(const ImageSource &source, const ImageCatalog &catalog, const ImageChoice &choice)
{
    if (choice.dockerEntry >= 0)
        return dockerArchiveManifest(source, choice.dockerEntry);
    const QString where = source.describe(choice.manifest.member);
    auto bytes = source.readAll(choice.manifest.member);
    if (!bytes.ok())
        return bytes.error();
    auto obj = parseJsonObject(bytes.value(), where);
    if (!obj.ok())
        return obj.error();
    auto m = parseManifestObject(obj.value(), where, catalog.format == SourceFormat::DockerDir);
    if (!m.ok())
        return m.error();
    m->raw = bytes.value();
    m->rawMember = choice.manifest.member;
    if (m->mediaType.isEmpty())
        m->mediaType = choice.manifest.mediaType;
    return m;
}

} // namespace ll
